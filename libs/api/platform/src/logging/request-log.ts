/**
 * What a request's log line says about it: who asked what, and the answer's status — not every
 * header (pino-http's default serialises them all, then redacts the cookie: most of the CPU a log
 * line cost under load, for headers nobody reads). Cookies, authorization and bodies are never
 * serialised at all.
 */
import type { IncomingMessage, ServerResponse } from 'http';

export interface LoggedRequest {
  id: unknown;
  method?: string;
  url?: string;
  userAgent?: string;
  remoteAddress?: string;
}

export function serializeRequest(req: IncomingMessage & { id?: unknown; originalUrl?: string }): LoggedRequest {
  return {
    id: req.id,
    method: req.method,
    url: req.originalUrl ?? req.url,
    userAgent: req.headers?.['user-agent'],
    remoteAddress: req.socket?.remoteAddress,
  };
}

export function serializeResponse(res: ServerResponse): { statusCode: number } {
  return { statusCode: res.statusCode };
}
