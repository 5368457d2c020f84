/**
 * Mass assignment (OWASP API3:2023, ASVS 15.3.3): for every write route that reads a body (taken
 * from the router, with the valid samples of the hostile-input suite), a valid body with
 * privileged fields added (`isAdmin`, `role`, `userId`, `authorId`, `status`, `seatsTaken`, …) is
 * refused with a 400 naming each added field, and the database (every table) is unchanged; the
 * same body without them is accepted, so the refusal is about the added fields.
 */
import { createOwnDatabase, createTestApp, OwnDatabase, TestApp } from '@pratique/api/testing';
import { contractOf } from './hostile/contract';
import { diffSnapshots, snapshotDb } from './hostile/db-snapshot';
import { toJsonText, withOwnKey } from './hostile/generators';
import { jsonBody, send } from './hostile/http';
import { buildHostileWorld, HostileWorld, SAMPLES, sampleFor } from './hostile/route-samples';
import { ApiRoute, describeApiRoutes, fillPath } from './hostile/routes';

jest.setTimeout(180_000);

/** Fields a client could hope to set on the object it creates or changes. */
const PRIVILEGED = { isAdmin: true, admin: true, role: 'admin', roles: ['admin'], userId: '00000000-0000-4000-8000-000000000001', authorId: '00000000-0000-4000-8000-000000000001', ownerId: '00000000-0000-4000-8000-000000000001', status: 'published', id: '00000000-0000-4000-8000-000000000002', createdAt: '2000-01-01T00:00:00Z', seatsTaken: -5, passwordHash: 'x', percent: 100, completedAt: '2000-01-01T00:00:00Z', suspendedAt: null, deletedAt: null };

describe('mass assignment: privileged fields added to a valid body', () => {
  let t: TestApp;
  let own: OwnDatabase;
  let w: HostileWorld;
  let routes: ApiRoute[];
  const tally = { routes: 0, refused: 0, written: 0 };

  beforeAll(async () => {
    // "Unchanged" is checked on every table: a database of this file's own.
    own = await createOwnDatabase('mass_assign');
    t = await createTestApp({ env: { DATABASE_URL: own.url, UPLOAD_RATE_LIMIT: '100000', SEARCH_RATE_LIMIT: '100000', REGISTRATION_RATE_LIMIT: '100000', LOGIN_RATE_LIMIT: '1000', LOGIN_IP_RATE_LIMIT: '100000' } });
    w = await buildHostileWorld(t);
    routes = describeApiRoutes(t.app).filter((r) => r.body && SAMPLES[r.key]);
  });
  afterAll(async () => {
    console.log(`mass assignment: ${tally.routes} write routes, ${tally.refused} bodies with ${Object.keys(PRIVILEGED).length} privileged fields refused, ${tally.written} written`);
    await t?.close();
    await own?.drop();
  });

  it('refuses them on every write route with a 400 naming each, writes nothing, and accepts the body without them', async () => {
    expect(routes.length).toBeGreaterThan(30);
    const failures: string[] = [];
    for (const route of routes) {
      const sample = await sampleFor(w, route);
      if (!sample || Array.isArray(sample.body) || typeof sample.body !== 'object') continue;
      const declared = new Set(contractOf(route.body!).map((f) => f.name));
      const added = Object.entries(PRIVILEGED).filter(([k]) => !declared.has(k));
      let body = { ...(sample.body as object) };
      for (const [k, v] of added) body = withOwnKey(body, k, v);
      const req = (b: object) => ({ method: route.method, url: fillPath(route, sample.params ?? {}), body: jsonBody(toJsonText(b)) });
      const before = await snapshotDb(t.dataSource);
      const res = await send(sample.agent, req(body));
      tally.routes++;
      const named = new Set(((res.body?.errors ?? []) as { field: string }[]).map((e) => e.field));
      const unnamed = added.map(([k]) => k).filter((k) => !named.has(k));
      if (res.status !== 400) failures.push(`${route.key}: answered ${res.status} ${res.text.slice(0, 200)}`);
      else if (unnamed.length) failures.push(`${route.key}: 400 without naming ${unnamed.join(', ')}`);
      else tally.refused++;
      const changed = diffSnapshots(before, await snapshotDb(t.dataSource));
      if (changed.length) tally.written++;
      if (changed.length) failures.push(`${route.key}: refused but wrote ${changed.join(', ')}`);
      // The same request without the added fields is accepted: the refusal was about them.
      const clean = await sampleFor(w, route);
      const ok = await send(clean!.agent, req(clean!.body as object));
      if (ok.status >= 300) failures.push(`${route.key}: the clean body was refused: ${ok.status} ${ok.text.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
  });
});
