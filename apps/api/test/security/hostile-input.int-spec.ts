/**
 * Hostile input on every API route (issue 7), driven by fast-check on the real app and the real
 * PostgreSQL. Routes come from the Express router (hostile/routes.ts), so a new route is attacked
 * without editing this file; what each route reads (params, query DTO, body DTO) comes from its
 * Nest metadata, and what each DTO field accepts from its class-validator declarations.
 *
 *  1. malformed input — broken JSON, ≥ 1 MB bodies, wrong content types, malformed or unknown ids
 *     in path params, broken query values, junk bodies, prototype-pollution keys — sent as an admin
 *     (so validation and handlers are reached) and as a plain member: every answer is a 4xx
 *     `ApiErrorBody`, and the database (every table's row count and md5) is unchanged;
 *  2. a valid body per write route with one field broken at a time: 400 naming that field, the
 *     database unchanged;
 *  3. edge values (unicode text within limits, boundary numbers, well-formed ids naming nothing,
 *     junk inside free-form objects): any answer but a 500, and a refusal writes nothing.
 *
 * HOSTILE_RUNS scales the number of generated cases (default 1; `HOSTILE_RUNS=5` for a long run).
 * On failure fast-check prints the seed; replay with HOSTILE_SEED=<seed>.
 */
import { Type } from '@nestjs/common';
import { createOwnDatabase, createTestApp, OwnDatabase, TestApp } from '@pratique/api/testing';
import fc from 'fast-check';
import { contractOf, mayBeMissing } from './hostile/contract';
import { diffSnapshots, snapshotDb } from './hostile/db-snapshot';
import {
  clone,
  hostileParam,
  junkValue,
  MALFORMED_JSON,
  OVERSIZED_JSON,
  RawJson,
  toJsonText,
  UNREADABLE_JSON,
  withOwnKey,
  WRONG_CONTENT,
} from './hostile/generators';
import { describeRequest, errorBodyProblems, HostileRequest, jsonBody, refusalProblems, send } from './hostile/http';
import { certainMutation, certainQueryMutation, edgeMutation, edgeQueryMutation } from './hostile/mutations';
import { AgentName, buildHostileWorld, HostileWorld, Lookup, LOOKUPS, QUERY_SAMPLES, SAMPLES, sampleFor, validParams } from './hostile/route-samples';
import { ApiRoute, describeApiRoutes, encodeAny, fillPath } from './hostile/routes';

jest.setTimeout(300_000);

const SCALE = Math.max(1, Number(process.env['HOSTILE_RUNS'] ?? 1));
const SEED = process.env['HOSTILE_SEED'] ? Number(process.env['HOSTILE_SEED']) : undefined;
/** Cases per route and agent for malformed input, per write route for one broken field, per write route for edge values. */
const RUNS = { malformed: 10 * SCALE, field: 14 * SCALE, edge: 5 * SCALE };

/** Rate limits out of the way, so the cases reach validation and the handlers (a 429 would pass, but test nothing). */
const ENV = { LOGIN_RATE_LIMIT: '1000', LOGIN_IP_RATE_LIMIT: '100000', UPLOAD_RATE_LIMIT: '100000', SEARCH_RATE_LIMIT: '100000', REGISTRATION_RATE_LIMIT: '100000' };

interface Case {
  label: string;
  req: HostileRequest;
  /** The field a 400 must name. */
  field?: string;
  /** A parameter the route answers for any value (a lookup), not refuses. */
  lookup?: Lookup;
  /** The generated body, before it is written as JSON. */
  payload?: unknown;
}

const tally = { cases: 0, serverErrors: 0, routes: new Set<string>() };

/** The route's valid query (QUERY_SAMPLES) as a query string: '' for routes without required query fields. */
function validQuery(route: ApiRoute): string {
  return new URLSearchParams(QUERY_SAMPLES[route.key] ?? {}).toString();
}

function url(route: ApiRoute, params: Record<string, string>, query = validQuery(route), raw: string[] = []): string {
  return fillPath(route, params, raw) + (query ? `?${query}` : '');
}

function decodable(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

function hasRequiredField(dto: Type<unknown>): boolean {
  return contractOf(dto).some((f) => !mayBeMissing(f, {}));
}

/** Every kind of malformed request the route can receive, each sure to be refused. */
function malformedCases(route: ApiRoute, params: Record<string, string>, body: object | undefined): fc.Arbitrary<Case> {
  const m = route.method;
  const at = url(route, params);
  const validBody = body ? jsonBody(toJsonText(body)) : undefined;
  const families: fc.Arbitrary<Case>[] = [
    fc.constantFrom(...MALFORMED_JSON).map((text) => ({ label: `malformed JSON ${JSON.stringify(text)}`, req: { method: m, url: at, body: jsonBody(text) } })),
    fc.constant({ label: 'a 1.1 MB JSON body', req: { method: m, url: at, body: jsonBody(OVERSIZED_JSON) } }),
    fc.constantFrom(...UNREADABLE_JSON).map((b) => ({ label: `unreadable JSON (${b.type}${b.encoding ? `, ${b.encoding}` : ''})`, req: { method: m, url: at, body: { type: b.type, data: b.body, encoding: b.encoding } } })),
  ];
  if (m !== 'get') {
    families.push(fc.constantFrom(...WRONG_CONTENT).map((b) => ({ label: `a ${b.type} body`, req: { method: m, url: at, body: { type: b.type, data: b.body } } })));
  }
  if (route.body && hasRequiredField(route.body)) {
    const boundary = 'hostileboundary';
    const data = `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nmultipart title\r\n--${boundary}--\r\n`;
    families.push(fc.constant({ label: 'a multipart form on a JSON route', req: { method: m, url: at, body: { type: `multipart/form-data; boundary=${boundary}`, data } } }));
  }
  if (route.params.length) {
    families.push(
      fc.tuple(fc.constantFrom(...route.params), hostileParam).map(([name, p]) => ({
        label: `:${name} = ${JSON.stringify(p.value).slice(0, 60)}`,
        req: { method: m, url: url(route, { ...params, [name]: p.value }, validQuery(route), p.raw ? [name] : []), body: validBody },
        // A broken percent-escape (or an encoded lone surrogate) makes the whole path unreadable.
        field: decodable(p.raw ? p.value : encodeAny(p.value)) ? name : 'path',
        lookup: LOOKUPS[route.key]?.param === name ? LOOKUPS[route.key] : undefined,
      })),
    );
  }
  if (route.query) {
    families.push(certainQueryMutation(route.query, QUERY_SAMPLES[route.key] ?? {}).map((q) => ({ label: q.label, req: { method: m, url: url(route, params, q.query), body: validBody }, field: q.field })));
  }
  if (route.body) {
    const dto = route.body;
    const sample = body ?? {};
    const junk: fc.Arbitrary<Case> = fc
      .oneof(
        fc.constant<unknown>([]),
        fc.constant<unknown>([sample]),
        fc.constant<unknown>([sample, sample]),
        junkValue.filter((v) => Array.isArray(v) || v instanceof RawJson || (hasRequiredField(dto) && v !== null)),
        fc.constant<unknown>(withOwnKey({}, '__proto__', clone(sample))),
        fc.constant<unknown>(withOwnKey(clone(sample) as object, '__proto__', { isAdmin: true })),
        fc.constant<unknown>({ ...(clone(sample) as object), constructor: { prototype: { isAdmin: true } } }),
      )
      .map((v) => ({ label: `junk body ${toJsonText(v).slice(0, 80)}`, req: { method: m, url: at, body: jsonBody(toJsonText(v)) } }));
    families.push(junk, certainMutation(dto, sample).map((mu) => ({ label: mu.label, req: { method: m, url: at, body: jsonBody(toJsonText(mu.body)) }, field: mu.field })));
  }
  return fc.oneof(...families);
}

describe('hostile input on every API route', () => {
  let t: TestApp;
  let own: OwnDatabase;
  let w: HostileWorld;
  let routes: ApiRoute[];

  beforeAll(async () => {
    // A database of this file's own: "no write" is checked on every table, so no other file may write beside it.
    own = await createOwnDatabase('hostile');
    t = await createTestApp({ env: { ...ENV, DATABASE_URL: own.url } });
    w = await buildHostileWorld(t);
    routes = describeApiRoutes(t.app);
  });

  afterAll(async () => {
    // The figure the issue asks for.
    console.log(`hostile input: ${tally.cases} cases over ${tally.routes.size} routes, ${tally.serverErrors} × 5xx`);
    await t?.close();
    await own?.drop();
  });

  /** Runs one property per (route, agent) and collects every failure instead of stopping at the first. */
  async function check(failures: string[], what: string, arb: fc.Arbitrary<Case>, numRuns: number, run: (c: Case) => Promise<string[]>): Promise<void> {
    const out = await fc.check(
      fc.asyncProperty(arb, async (c) => {
        const problems = await run(c);
        if (problems.length) throw new Error(`${c.label}\n    ${describeRequest(c.req)}\n    → ${problems.join('; ')}`);
      }),
      { numRuns, seed: SEED, endOnFailure: true },
    );
    if (out.failed) failures.push(`${what} (seed ${out.seed}): ${out.errorInstance instanceof Error ? out.errorInstance.message : String(out.errorInstance)}`);
  }

  async function sendCounted(route: ApiRoute, agent: Parameters<typeof send>[0], req: HostileRequest) {
    const res = await send(agent, req);
    tally.cases++;
    tally.routes.add(route.key);
    if (res.status >= 500) tally.serverErrors++;
    return res;
  }

  it('knows real path parameters for every route and a valid body for every route that reads one', () => {
    expect(routes.length).toBeGreaterThan(100);
    const missing = routes.flatMap((r) => {
      const problems: string[] = [];
      try {
        validParams(w, r, 'admin');
      } catch (err) {
        problems.push((err as Error).message);
      }
      if (r.body && !SAMPLES[r.key]) problems.push(`${r.key} reads a body (${r.body.name}) but has no sample in hostile/route-samples.ts`);
      return problems;
    });
    const stale = [...Object.keys(SAMPLES), ...Object.keys(QUERY_SAMPLES)].filter((k) => !routes.some((r) => r.key === k));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it('refuses malformed input on every route, as an admin and as a member, with a 4xx ApiErrorBody and no write', async () => {
    const samples = new Map<string, object | undefined>();
    for (const r of routes) samples.set(r.key, r.body && SAMPLES[r.key] ? (await sampleFor(w, r))?.body : undefined);
    const before = await snapshotDb(t.dataSource);
    const failures: string[] = [];
    for (const route of routes) {
      for (const as of ['admin', 'member'] as AgentName[]) {
        const arb = malformedCases(route, validParams(w, route, as), samples.get(route.key));
        await check(failures, `${route.key} as ${as}`, arb, RUNS.malformed, async (c) => {
          const res = await sendCounted(route, w.as[as], c.req);
          if (c.lookup && res.status < 300) return c.lookup.isNegative(res.body) ? [] : [`answered the lookup positively: ${res.text.slice(0, 200)}`];
          return refusalProblems(res, c.field);
        });
      }
    }
    reportNone('malformed input', failures, diffSnapshots(before, await snapshotDb(t.dataSource)));
  });

  it('refuses a valid body with one field broken with a 400 naming that field, and writes nothing', async () => {
    const failures: string[] = [];
    const prepared = [];
    for (const route of routes.filter((r) => r.body && SAMPLES[r.key])) prepared.push({ route, sample: (await sampleFor(w, route))! });
    const before = await snapshotDb(t.dataSource);
    for (const { route, sample } of prepared) {
      const at = url(route, sample.params ?? {});
      const arb = certainMutation(route.body!, sample.body).map((mu): Case => ({ label: mu.label, req: { method: route.method, url: at, body: jsonBody(toJsonText(mu.body)) }, field: mu.field }));
      await check(failures, route.key, arb, RUNS.field, async (c) => {
        const res = await sendCounted(route, sample.agent, c.req);
        // A field broken by size past the JSON limit (300 kB) is refused whole, before validation: 413.
        const tooLarge = res.status === 413 && Buffer.byteLength(String(c.req.body?.data ?? '')) > 300 * 1024;
        return [...(res.status === 400 || tooLarge ? [] : [`status ${res.status}, not 400`]), ...refusalProblems(res, c.field)];
      });
    }
    reportNone('one broken field', failures, diffSnapshots(before, await snapshotDb(t.dataSource)));
  });

  it('accepts every sample as it is (the broken field above was the only thing wrong)', async () => {
    const refused: string[] = [];
    for (const route of routes.filter((r) => SAMPLES[r.key])) {
      const sample = (await sampleFor(w, route))!;
      const res = await sendCounted(route, sample.agent, { method: route.method, url: url(route, sample.params ?? {}), body: jsonBody(JSON.stringify(sample.body)) });
      if (res.status >= 300) refused.push(`${route.key}: ${res.status} ${res.text.slice(0, 300)}`);
    }
    reportNone('samples refused', refused, []);
  });

  it('answers edge values without a 500, and a refusal writes nothing', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      if (route.body && SAMPLES[route.key]) {
        const first = (await sampleFor(w, route))!;
        const arb = edgeMutation(route.body, first.body);
        if (arb) {
          const cases = arb.map((mu): Case => ({ label: mu.label, req: { method: route.method, url: url(route, first.params ?? {}), body: jsonBody(toJsonText(mu.body)) }, field: mu.field, payload: mu.body }));
          await check(failures, route.key, cases, RUNS.edge, async (c) => {
            // A fresh sample per case (new slugs, e-mails, throwaway users), with the mutated field.
            const sample = (await sampleFor(w, route))!;
            const top = c.field!.split('.')[0];
            const mutated = c.payload as Record<string, unknown>;
            const body = top in mutated ? withOwnKey(sample.body, top, mutated[top]) : { ...sample.body };
            if (!(top in mutated)) delete (body as Record<string, unknown>)[top];
            c.req = { method: route.method, url: url(route, sample.params ?? {}), body: jsonBody(toJsonText(body)) };
            const before = await snapshotDb(t.dataSource);
            const res = await sendCounted(route, sample.agent, c.req);
            const problems = res.status >= 500 ? [`answered ${res.status}`] : errorBodyProblems(res);
            if (res.status >= 400) problems.push(...diffSnapshots(before, await snapshotDb(t.dataSource)).map((d) => `refused but wrote: ${d}`));
            return problems;
          });
        }
      }
      if (route.query) {
        const arb = edgeQueryMutation(route.query, QUERY_SAMPLES[route.key] ?? {});
        const params = validParams(w, route, 'admin');
        if (arb)
          await check(failures, `${route.key} (query)`, arb.map((q): Case => ({ label: q.label, req: { method: route.method, url: url(route, params, q.query) }, field: q.field })), RUNS.edge, async (c) => {
            const res = await sendCounted(route, w.as.admin, c.req);
            return res.status >= 500 ? [`answered ${res.status}`] : errorBodyProblems(res);
          });
      }
    }
    reportNone('edge values', failures, []);
  });
});

/** Fails with every problem listed, readable (a toEqual diff of long strings is not). */
function reportNone(what: string, failures: string[], changed: string[]): void {
  if (failures.length === 0 && changed.length === 0) return;
  const parts = [`${what}: ${failures.length} failing route(s)`, ...failures];
  if (changed.length) parts.push(`the database changed: ${changed.join(', ')}`);
  throw new Error(parts.join('\n\n'));
}
