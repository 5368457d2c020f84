/**
 * Turns every error into the `ApiErrorBody` shape. Database constraint violations become 4xx
 * naming the field; a database that cannot be reached (stopped, restarting, refusing connections)
 * is a 503 saying so, with Retry-After; anything unexpected is logged and answered with a bare 500.
 */
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ApiErrorBody, ApiFieldError, FieldErrorCode } from '@pratique/contracts';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { coded } from './field-error-codes';

/** Unique indexes and foreign keys → the API field they concern. */
const CONSTRAINT_FIELDS: Record<string, string> = {
  app_user_email_uq: 'email',
  region_code_key: 'code',
  organisation_name_uq: 'name',
  organisation_registration_number_key: 'registrationNumber',
  space_slug_key: 'slug',
  role_grant_uq: 'role',
  organisation_region_id_fkey: 'regionId',
  app_user_region_id_fkey: 'regionId',
  space_region_id_fkey: 'regionId',
};

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  private lastDatabaseWarning = 0;

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (isDatabaseUnavailable(exception)) {
      // One line every few seconds while it lasts, not a stack trace per request.
      if (Date.now() - this.lastDatabaseWarning > 10_000) {
        this.lastDatabaseWarning = Date.now();
        this.logger.warn(`The database is unavailable: ${describe(exception)}`);
      }
      res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_S));
      res.status(503).json(DATABASE_UNAVAILABLE);
      return;
    }
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception);
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null && 'details' in response) {
        // Health checks answer in terminus's own shape (status, info, error, details).
        return { ...(response as object), statusCode: status } as ApiErrorBody;
      }
      if (typeof response === 'object' && response !== null) {
        const r = response as Partial<ApiErrorBody> & { message?: string | string[] };
        const message = Array.isArray(r.message) ? r.message.join('; ') : (r.message ?? exception.message);
        // Extra fields (e.g. the eligibility explanation of a refused registration) are kept.
        return { ...r, statusCode: status, error: r.error ?? HttpStatus[status] ?? 'Error', message };
      }
      return { statusCode: status, error: HttpStatus[status] ?? 'Error', message: String(response) };
    }
    if (exception instanceof QueryFailedError) {
      const driver = exception.driverError as { code?: string; constraint?: string; detail?: string };
      const field = CONSTRAINT_FIELDS[driver.constraint ?? ''] ?? 'id';
      switch (driver.code) {
        case '23505':
          return conflict(field, 'is already taken', 'taken');
        case '23503':
          return exceptionFromFk(driver.detail ?? '', field);
        case '22P02':
        case '22001':
        case '23514':
          return badRequest(field, 'is invalid', 'invalid');
      }
    }
    const payload = payloadProblem(exception);
    if (payload) return payload;
    return {
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Something went wrong on our side. Please try again.',
    };
  }
}

const DATABASE_RETRY_AFTER_S = 5;
const DATABASE_UNAVAILABLE: ApiErrorBody = {
  statusCode: 503,
  error: 'Service Unavailable',
  message: 'The database is unavailable right now: please try again in a few seconds.',
};

/** Socket errors of a connection that could not be made or was cut. */
const CONNECTION_ERRNOS = [
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
];

/**
 * PostgreSQL cannot be reached: a connection refused or cut (node-postgres gives the socket error,
 * or "Connection terminated…" without a code), SQLSTATE class 08 (connection exception), 57P01–57P03
 * (shutting down, crashed, starting up) or 53300 (too many connections). Also when TypeORM wraps it.
 */
export function isDatabaseUnavailable(e: unknown): boolean {
  const errors = [e, (e as { driverError?: unknown })?.driverError].filter(
    (x): x is { code?: unknown; message?: unknown } => typeof x === 'object' && x !== null,
  );
  return errors.some((err) => {
    const code = typeof err.code === 'string' ? err.code : '';
    if (
      CONNECTION_ERRNOS.includes(code) ||
      code.startsWith('08') ||
      ['57P01', '57P02', '57P03', '53300'].includes(code)
    )
      return true;
    return (
      !code &&
      typeof err.message === 'string' &&
      /^Connection terminated( unexpectedly| due to connection timeout)?/.test(err.message)
    );
  });
}

function describe(e: unknown): string {
  const err = ((e as { driverError?: unknown })?.driverError ?? e) as { code?: string; message?: string };
  return [err.code, err.message].filter(Boolean).join(' ') || String(e);
}

function exceptionFromFk(detail: string, field: string): ApiErrorBody {
  // A write naming an unknown object is a 400; a delete blocked by rows that still point at the object is a 409.
  if (!detail.includes('is still referenced')) return badRequest(field, 'does not exist', 'doesNotExist');
  return {
    statusCode: 409,
    error: 'Conflict',
    message: 'This item is still in use',
    errors: [coded('id', 'is still in use', 'inUse')],
  };
}

function conflict(field: string, reason: string, code: FieldErrorCode): ApiErrorBody {
  return {
    statusCode: 409,
    error: 'Conflict',
    message: `${field} ${reason}`,
    errors: [coded(field, reason, code)],
  };
}

function badRequest(field: string, reason: string, code: FieldErrorCode): ApiErrorBody {
  const errors: ApiFieldError[] = [coded(field, reason, code)];
  return { statusCode: 400, error: 'Bad Request', message: `${field} ${reason}`, errors };
}

/** body-parser errors (malformed JSON, too large) carry a 4xx `status`. */
function isPayloadError(e: unknown): e is { status: number; message: string; type?: string; limit?: number } {
  const status = (e as { status?: unknown })?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** The code of a body-parser error, by its `type` (anything else: the body could not be read). */
const BODY_CODES: Record<string, FieldErrorCode> = {
  'entity.parse.failed': 'notJson',
  'entity.too.large': 'tooLarge',
};

/** What a body-parser error says about the request body, by its `type`. */
const BODY_REASONS: Record<string, (e: { limit?: number }) => string> = {
  'entity.parse.failed': () => 'is not valid JSON',
  'entity.too.large': (e) => `is larger than ${e.limit ? `${Math.round(e.limit / 1024)} kB` : 'the limit'}`,
  'entity.verify.failed': () => 'could not be verified',
  'charset.unsupported': () => 'uses a character set other than UTF-8',
  'encoding.unsupported': () => 'uses an unsupported content encoding',
  'request.aborted': () => 'was not received in full',
  'request.size.invalid': () => 'does not match its Content-Length',
  'stream.encoding.set': () => 'could not be read',
  'parameters.too.many': () => 'has too many parameters',
};

/**
 * A body-parser (or other middleware) 4xx as an `ApiErrorBody` naming the `body` field; null
 * when `e` is not one. Used by the filter and by the error middleware right after the JSON parser.
 */
export function payloadProblem(e: unknown): ApiErrorBody | null {
  if (!isPayloadError(e)) return null;
  const status = e.status;
  const typed = e.type ? BODY_REASONS[e.type] : undefined;
  // A gzip/deflate body that does not inflate is reported by zlib with a 400 and no type.
  const reason = typed
    ? typed(e)
    : status === 400
      ? 'could not be read'
      : String(e.message || 'is not acceptable');
  return {
    statusCode: status,
    error: HttpStatus[status] ?? 'Bad Request',
    message: `The request body ${reason}`,
    errors: [coded('body', reason, BODY_CODES[e.type ?? ''] ?? 'unreadable')],
  };
}
