import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiFieldError } from '@pratique/contracts';

/** Flattens class-validator errors into `{ field: 'title.fr', reason }` pairs. */
export function toFieldErrors(errors: ValidationError[], parent = ''): ApiFieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({
      field,
      reason: reason.replace(new RegExp(`^${escapeRegExp(error.property)} `), ''),
    }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The one validation pipe: unknown fields are rejected, types are converted, errors list each field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) =>
      new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Some fields are invalid',
        errors: toFieldErrors(errors),
      }),
  });
}
