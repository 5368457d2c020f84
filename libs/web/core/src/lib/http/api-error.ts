/**
 * Pure mapping of an HTTP failure to what a form shows: a message key per status and the
 * reason per field (from `ApiErrorBody.errors`). No Angular here, so it is unit-tested in node.
 */
import { ApiErrorBody } from '@pratique/contracts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | null,
    /** field → reason(s), several reasons for one field joined with "; ". */
    readonly fieldErrors: Readonly<Record<string, string>>,
  ) {
    super(body?.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v['statusCode'] === 'number' && typeof v['message'] === 'string';
}

export function fieldErrorsOf(body: ApiErrorBody | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of body?.errors ?? []) {
    if (!e || typeof e.field !== 'string') continue;
    out[e.field] = out[e.field] ? `${out[e.field]}; ${e.reason}` : String(e.reason);
  }
  return out;
}

export function toApiError(status: number, body: unknown): ApiError {
  const parsed = isApiErrorBody(body) ? body : null;
  return new ApiError(status, parsed, fieldErrorsOf(parsed));
}

/** Translation key of the general message for a status (0 = the network failed). */
export function messageKeyForStatus(status: number): string {
  if (status === 0) return 'errors.network';
  if (status === 400) return 'errors.invalid';
  if (status === 401) return 'errors.unauthorized';
  if (status === 403) return 'errors.forbidden';
  if (status === 404) return 'errors.notFound';
  if (status === 409) return 'errors.conflict';
  if (status === 429) return 'errors.tooManyAttempts';
  if (status >= 500) return 'errors.server';
  return 'errors.generic';
}
