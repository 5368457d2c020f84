/**
 * Sends one hostile request with supertest (raw bodies, any content type) and checks the answer:
 * a 4xx in the `ApiErrorBody` shape, naming the broken field when it is a validation error.
 */
import type { Agent } from '@pratique/api/testing';
import { HttpMethod } from './routes';

export interface RawBody {
  type: string;
  data: string | Buffer;
  encoding?: string;
}

export interface HostileRequest {
  method: HttpMethod;
  /** Path and query string, already encoded. */
  url: string;
  body?: RawBody;
}

export interface Answer {
  status: number;
  body: unknown;
  text: string;
}

export async function send(agent: Agent, req: HostileRequest): Promise<Answer> {
  let r = agent[req.method](req.url).timeout(25_000);
  if (req.body) {
    r = r.set('Content-Type', req.body.type);
    if (req.body.encoding) r = r.set('Content-Encoding', req.body.encoding);
    r = r.send(req.body.data as string);
  }
  const res = await r.ok(() => true);
  return { status: res.status, body: res.body, text: res.text ?? '' };
}

export const jsonBody = (text: string): RawBody => ({ type: 'application/json', data: text });

/** What is wrong with an answer to input that must be refused (empty when it is right). */
export function refusalProblems(res: Answer, field?: string): string[] {
  const problems: string[] = [];
  if (res.status >= 500) problems.push(`answered ${res.status} (server error)`);
  else if (res.status < 400) problems.push(`accepted it (${res.status})`);
  problems.push(...errorBodyProblems(res));
  if (field !== undefined && res.status === 400) {
    const errors = ((res.body as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
    const names = (f: string) => f === field || field.startsWith(`${f}.`) || f.startsWith(`${field}.`);
    if (!errors.some(names)) problems.push(`did not name the field ${JSON.stringify(field)} (errors: ${JSON.stringify(errors)})`);
  }
  return problems;
}

/** ApiErrorBody: `{ statusCode, error, message, errors?: [{ field, reason }] }`; every 400 lists its fields. */
export function errorBodyProblems(res: Answer): string[] {
  if (res.status < 400) return [];
  const b = res.body as Record<string, unknown> | undefined;
  if (!b || typeof b !== 'object' || Array.isArray(b)) return [`error body is not an ApiErrorBody: ${res.text.slice(0, 200)}`];
  const problems: string[] = [];
  if (b['statusCode'] !== res.status) problems.push(`statusCode ${JSON.stringify(b['statusCode'])} ≠ ${res.status}`);
  if (typeof b['error'] !== 'string' || !b['error']) problems.push('no `error`');
  if (typeof b['message'] !== 'string' || !String(b['message']).trim()) problems.push('no `message`');
  const errors = b['errors'];
  if (errors !== undefined) {
    if (!Array.isArray(errors) || errors.length === 0) problems.push('`errors` is not a non-empty list');
    else if (!errors.every((e) => e && typeof e.field === 'string' && typeof e.reason === 'string' && e.reason.trim() !== '')) problems.push(`\`errors\` entries are not { field, reason }: ${JSON.stringify(errors).slice(0, 200)}`);
  } else if (res.status === 400) problems.push('a 400 without `errors: [{ field, reason }]`');
  return problems;
}

export function describeRequest(req: HostileRequest): string {
  const body = req.body ? ` [${req.body.type}${req.body.encoding ? `, ${req.body.encoding}` : ''}] ${String(Buffer.isBuffer(req.body.data) ? `<${req.body.data.length} bytes>` : req.body.data).slice(0, 300)}` : '';
  return `${req.method.toUpperCase()} ${req.url.slice(0, 300)}${body}`;
}
