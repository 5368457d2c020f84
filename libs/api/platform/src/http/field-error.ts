import { BadRequestException, ConflictException, HttpException, NotFoundException } from '@nestjs/common';

/** A 4xx naming the field and the reason, in the `ApiErrorBody` shape. */
export function fieldError(status: 400 | 404 | 409, field: string, reason: string): HttpException {
  const body = { statusCode: status, message: `${field} ${reason}`, errors: [{ field, reason }] };
  if (status === 409) return new ConflictException({ ...body, error: 'Conflict' });
  if (status === 404) return new NotFoundException({ ...body, error: 'Not Found' });
  return new BadRequestException({ ...body, error: 'Bad Request' });
}
