import { ForbiddenException } from '@nestjs/common';

/** A 403 naming the field and the reason, in the `ApiErrorBody` shape (`fieldError` covers 400/404/409). */
export function forbiddenField(field: string, reason: string): ForbiddenException {
  return new ForbiddenException({
    statusCode: 403,
    error: 'Forbidden',
    message: `${field} ${reason}`,
    errors: [{ field, reason }],
  });
}
