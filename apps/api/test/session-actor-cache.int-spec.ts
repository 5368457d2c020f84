/**
 * The session and the actor of a signed-in request come from memory once read, and PostgreSQL
 * tells every API process what to forget (LISTEN/NOTIFY from triggers). Two API instances on one
 * database stand for two processes behind a load balancer: a change made through one, or straight
 * in SQL, applies to the other's next requests; while the listening connection is down, nothing
 * is answered from memory.
 */
import { CacheInvalidation } from '@pratique/api/platform';
import { Agent, createTestApp, makeUser, makeWorld, signedIn, TestApp, World } from '@pratique/api/testing';
import { ApiRoutes } from '@pratique/contracts';
import { AsyncLocalStorage } from 'async_hooks';
import { Client } from 'pg';
import request from 'supertest';

/** Every statement a request sends to PostgreSQL (all pools of this process), by request. */
const statements = new AsyncLocalStorage<string[]>();
const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
const originalQuery = proto.query;

async function queriesOf(send: () => PromiseLike<unknown>): Promise<string[]> {
  const seen: string[] = [];
  await statements.run(seen, async () => await send());
  return seen;
}
const sessionOrActorReads = (sql: string[]) =>
  sql.filter((s) => /FROM "?session"? WHERE sid|FROM app_user u WHERE u\.id/.test(s));

/** Waits for what a notice from PostgreSQL brings (delivered at commit, on another connection). */
async function eventually<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 3000): Promise<T> {
  const until = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 25));
    value = await read();
  }
  return value;
}

describe('session and actor cache, invalidated by PostgreSQL across API processes', () => {
  let a: TestApp;
  let b: TestApp;
  let w: World;

  beforeAll(async () => {
    proto.query = function (this: Client, ...args: unknown[]) {
      const q = args[0];
      statements.getStore()?.push(typeof q === 'string' ? q : String((q as { text?: string })?.text ?? q));
      return originalQuery.apply(this, args);
    };
    a = await createTestApp();
    b = await createTestApp();
    w = await makeWorld(a);
    for (const t of [a, b]) await eventually(async () => t.app.get(CacheInvalidation).live, Boolean);
  });
  afterAll(async () => {
    proto.query = originalQuery;
    await a.close();
    await b.close();
  });

  const sameBrowserOn = (t: TestApp, agent: Agent) => {
    const cookie = (agent as unknown as { jar: { getCookies(o: object): { toValueString(): string }[] } }).jar
      .getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false })
      .map((c) => c.toValueString())
      .join('; ');
    return { get: (path: string) => request(t.app.getHttpServer()).get(path).set('cookie', cookie) };
  };

  it('reads the session and the actor once, then answers signed-in requests from memory', async () => {
    const user = await makeUser(a.dataSource, { regionId: w.regionA.id });
    const agent = await signedIn(a, user);
    await agent.get(ApiRoutes.auth.me).expect(200);
    const sql = await queriesOf(() => agent.get(ApiRoutes.auth.me).expect(200));
    expect(sessionOrActorReads(sql)).toEqual([]);
  });

  it('applies a role granted through another process to the next requests of this one', async () => {
    const user = await makeUser(a.dataSource, { regionId: w.regionB.id });
    const onA = await signedIn(a, user);
    expect((await onA.get(ApiRoutes.auth.me).expect(200)).body.staffRegionIds).toEqual([]);
    const adminOnB = await signedIn(b, w.users.admin);
    const grant = await adminOnB
      .post(ApiRoutes.userRoles(user.id))
      .send({ role: 'staff', regionId: w.regionB.id })
      .expect(201);
    const me = await eventually(
      async () => (await onA.get(ApiRoutes.auth.me).expect(200)).body.staffRegionIds,
      (ids: string[]) => ids.length > 0,
    );
    expect(me).toEqual([w.regionB.id]);
    // Revoked on B: A forgets it too.
    await adminOnB.delete(ApiRoutes.userRole(user.id, grant.body.id)).expect(204);
    expect(
      await eventually(
        async () => (await onA.get(ApiRoutes.auth.me).expect(200)).body.staffRegionIds,
        (ids: string[]) => ids.length === 0,
      ),
    ).toEqual([]);
  });

  it('applies a change made straight in SQL (seed, psql) as well', async () => {
    const user = await makeUser(a.dataSource, { regionId: w.regionA.id });
    const agent = await signedIn(a, user);
    await agent.get(ApiRoutes.auth.me).expect(200);
    await a.dataSource.query(`UPDATE app_user SET display_name = 'Renommée en SQL' WHERE id = $1`, [user.id]);
    const name = await eventually(
      async () => (await agent.get(ApiRoutes.auth.me).expect(200)).body.displayName,
      (n: string) => n === 'Renommée en SQL',
    );
    expect(name).toBe('Renommée en SQL');
  });

  it('ends on every process the sessions a suspension ends, and the sessions signed out elsewhere', async () => {
    const user = await makeUser(a.dataSource, { regionId: w.regionA.id });
    const onA = await signedIn(a, user);
    await onA.get(ApiRoutes.auth.me).expect(200);
    const sameOnB = sameBrowserOn(b, onA);
    await sameOnB.get(ApiRoutes.auth.me).expect(200); // now cached by B as well
    // Signed out through A: B must stop honouring the cookie.
    await onA.post(ApiRoutes.auth.signOut).expect(204);
    expect(
      (
        await eventually(
          () => sameOnB.get(ApiRoutes.auth.me),
          (r) => r.status === 401,
        )
      ).status,
    ).toBe(401);

    const other = await makeUser(a.dataSource, { regionId: w.regionA.id });
    const otherOnA = await signedIn(a, other);
    await otherOnA.get(ApiRoutes.auth.me).expect(200);
    const adminOnB = await signedIn(b, w.users.admin);
    await adminOnB.put(ApiRoutes.userSuspension(other.id)).send({ reason: 'Checking a report' }).expect(200);
    expect(
      (
        await eventually(
          () => otherOnA.get(ApiRoutes.auth.me),
          (r) => r.status === 401,
        )
      ).status,
    ).toBe(401);
  });

  it('applies a change made through this process on its very next request (no wait)', async () => {
    const user = await makeUser(a.dataSource, { regionId: w.regionA.id });
    const agent = await signedIn(a, user);
    await agent.get(ApiRoutes.auth.me).expect(200);
    const adminOnA = await signedIn(a, w.users.admin);
    await adminOnA
      .post(ApiRoutes.userRoles(user.id))
      .send({ role: 'staff', regionId: w.regionA.id })
      .expect(201);
    expect((await agent.get(ApiRoutes.auth.me).expect(200)).body.staffRegionIds).toEqual([w.regionA.id]);
    await adminOnA.put(ApiRoutes.userSuspension(user.id)).send({ reason: 'Checking a report' }).expect(200);
    await agent.get(ApiRoutes.auth.me).expect(401);
  });

  it('caughtUp() resolves only after the notices of every earlier commit have arrived (what tests wait for)', async () => {
    const listener = b.app.get(CacheInvalidation);
    for (let round = 0; round < 20; round++) {
      const seen: string[] = [];
      const marker = `probe-${round}-${Date.now()}`;
      listener.subscribe((i) => {
        if (i.kind === 'probe') seen.push(i.key);
      });
      // Committed on another connection, so the notice travels through PostgreSQL to B's listener.
      await a.dataSource.query(`SELECT pg_notify('pratique_cache', $1)`, [`probe:${marker}`]);
      await listener.caughtUp();
      expect(seen).toContain(marker);
    }
  });

  it('forgets everything when the listening connection drops (notices may be missed), reconnects, and caches again', async () => {
    const user = await makeUser(a.dataSource, { regionId: w.regionA.id });
    const agent = await signedIn(a, user);
    await agent.get(ApiRoutes.auth.me).expect(200);
    const listener = a.app.get(CacheInvalidation);
    const killed = await a.dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'pratique-cache-listener' AND datname = current_database()`,
    );
    expect(killed.length).toBeGreaterThanOrEqual(2); // A's and B's listeners
    expect(
      await eventually(
        async () => listener.live,
        (live) => !live,
      ),
    ).toBe(false);

    // Down, or just back with emptied caches: the session and the actor are read from the database.
    const down = await queriesOf(() => agent.get(ApiRoutes.auth.me).expect(200));
    expect(sessionOrActorReads(down)).toHaveLength(2);

    expect(await eventually(async () => listener.live, Boolean, 10_000)).toBe(true);
    await agent.get(ApiRoutes.auth.me).expect(200);
    const back = await queriesOf(() => agent.get(ApiRoutes.auth.me).expect(200));
    expect(sessionOrActorReads(back)).toEqual([]);
  });
});
