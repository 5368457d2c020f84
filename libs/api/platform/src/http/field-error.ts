import { BadRequestException, ConflictException, HttpException, NotFoundException } from '@nestjs/common';
import { FieldErrorCode } from '@pratique/contracts';
import { coded } from './field-error-codes';

/**
 * A 4xx naming the field and the reason, in the `ApiErrorBody` shape. The reason is English for
 * developers; `code` (with `params`), when given, is what the web app translates — without it the
 * web app shows the general message of the status.
 */
export function fieldError(
  status: 400 | 404 | 409,
  field: string,
  reason: string,
  code?: FieldErrorCode,
  params?: Record<string, string | number>,
): HttpException {
  const body = {
    statusCode: status,
    message: `${field} ${reason}`,
    errors: [coded(field, reason, code, params)],
  };
  if (status === 409) return new ConflictException({ ...body, error: 'Conflict' });
  if (status === 404) return new NotFoundException({ ...body, error: 'Not Found' });
  return new BadRequestException({ ...body, error: 'Bad Request' });
}
