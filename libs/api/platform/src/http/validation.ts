import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiFieldError } from '@pratique/contracts';
import { coded, constraintCode } from './field-error-codes';

/**
 * Keys that reach an object's prototype when class-transformer copies them onto a DTO (and that
 * class-validator's whitelist does not see, since it looks them up on a plain object).
 */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Deeper than any request the API reads (SCORM CMI data is the deepest, about 5 levels). */
export const MAX_INPUT_DEPTH = 32;

/**
 * Fields of a parsed body, query or path parameter that no handler may receive: prototype keys
 * at any level, values nested deeper than MAX_INPUT_DEPTH (the recursive transformer would
 * overflow the stack), and text holding U+0000 (PostgreSQL stores no NUL in text or jsonb).
 * Iterative, so the check itself cannot overflow.
 */
export function unsafeInputFields(value: unknown, root = ''): ApiFieldError[] {
  const found: ApiFieldError[] = [];
  const stack: { value: unknown; path: string | null; depth: number }[] = [{ value, path: null, depth: 0 }];
  const name = (path: string | null) => path ?? (root || 'body');
  while (stack.length && found.length < 20) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000'))
        found.push(coded(name(path), 'must not contain the NUL character (U+0000)', 'unsafeCharacter'));
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) {
      found.push(coded(name(path), `is nested more than ${MAX_INPUT_DEPTH} levels deep`, 'tooDeep'));
      continue;
    }
    for (const key of Object.keys(v)) {
      // A named parameter's own items are named after it (`path.0` for a wildcard's segments).
      const field = path === null ? (root ? `${root}.${key}` : key) : `${path}.${key}`;
      if (PROTOTYPE_KEYS.has(key)) found.push(coded(field, 'is not an allowed field name', 'unknownField'));
      else if (key.includes('\u0000'))
        found.push(coded(field, 'must not contain the NUL character (U+0000)', 'unsafeCharacter'));
      else stack.push({ value: (v as Record<string, unknown>)[key], path: field, depth: depth + 1 });
    }
  }
  return found;
}

/** Flattens class-validator errors into `{ field: 'title.fr', reason, code, params }` items. */
export function toFieldErrors(errors: ValidationError[], parent = ''): ApiFieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([name, reason]) => {
      const { code, params } = constraintCode(error, name);
      return coded(field, reason.replace(new RegExp(`^${escapeRegExp(error.property)} `), ''), code, params);
    });
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const invalid = (errors: ApiFieldError[]) =>
  new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: 'Some fields are invalid',
    errors,
  });

/**
 * Before class-transformer copies anything onto a DTO: refuses prototype keys, over-deep values and
 * NUL characters (body, query, path parameters), and a JSON list where an object is declared
 * (the pipe would validate the list's DTO-less items as an empty object and let it through).
 */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const unsafe = unsafeInputFields(value, metadata.type === 'body' ? '' : (metadata.data ?? ''));
      if (unsafe.length) throw invalid(unsafe);
    }
    if (
      metadata.type === 'body' &&
      Array.isArray(value) &&
      metadata.metatype &&
      metadata.metatype !== Array &&
      !isPrimitiveType(metadata.metatype)
    ) {
      throw invalid([coded('body', 'must be a JSON object, not a list', 'notAnObject')]);
    }
    return super.transform(value, metadata);
  }
}

function isPrimitiveType(type: unknown): boolean {
  return [String, Boolean, Number, Object].includes(type as never);
}

/** The one validation pipe: unknown fields are rejected, types are converted, errors list each field. */
export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => invalid(toFieldErrors(errors)),
  });
}
