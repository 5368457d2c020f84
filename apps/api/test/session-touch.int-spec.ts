/**
 * The sliding session expiry is written at most once per SESSION_TOUCH_EVERY_MS per session and
 * API process, not after every request (one UPDATE per request otherwise) — and a session still
 * slides, signs out and is refused exactly as before.
 */
import { createSessionStore, SESSION_TOUCH_EVERY_MS } from '@pratique/api/platform';
import { createTestApp, makeRegion, makeUser, signedIn, TestApp } from '@pratique/api/testing';
import { ApiRoutes } from '@pratique/contracts';
import type { SessionData, Store } from 'express-session';
import type { Pool } from 'pg';

const call = (fn: (cb: (err?: unknown) => void) => void) => new Promise<void>((resolve, reject) => fn((err) => (err ? reject(err) : resolve())));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('session expiry touch', () => {
  let t: TestApp;
  const expireOf = async (sid: string): Promise<number> => new Date((await t.dataSource.query(`SELECT expire FROM "session" WHERE sid = $1`, [sid]))[0].expire).getTime();

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('writes the expiry once for a burst of requests, and the session keeps working until sign-out', async () => {
    const user = await makeUser(t.dataSource, { regionId: (await makeRegion(t.dataSource)).id });
    const agent = await signedIn(t, user);
    const [{ sid }] = await t.dataSource.query(`SELECT sid FROM "session" WHERE sess -> 'passport' ->> 'user' = $1`, [user.id]);
    const first = await expireOf(sid); // written by the sign-in
    await agent.get(ApiRoutes.auth.me).expect(200); // read from PostgreSQL, written just now: no touch
    await sleep(1100); // expire is stored to the second
    for (let i = 0; i < 5; i++) await agent.get(ApiRoutes.auth.me).expect(200);
    expect(await expireOf(sid)).toBe(first);
    expect(SESSION_TOUCH_EVERY_MS).toBeLessThanOrEqual(15 * 60 * 1000); // a 14-day session slides within 15 minutes of exact
    await agent.post(ApiRoutes.auth.signOut).expect(204);
    await agent.get(ApiRoutes.auth.me).expect(401);
  });

  it('touches again once the interval has passed, and at once after the session was saved', async () => {
    const pool = (t.dataSource.driver as unknown as { master: Pool }).master;
    const store: Store = createSessionStore({ pool, touchEveryMs: 1500 });
    const sid = `touch-test-${Date.now()}`;
    const sess = (inMs: number): SessionData => ({ cookie: { originalMaxAge: inMs, expires: new Date(Date.now() + inMs) } }) as unknown as SessionData;
    await call((cb) => store.set(sid, sess(60_000), cb));
    const saved = await expireOf(sid);
    await call((cb) => store.touch(sid, sess(120_000), cb));
    const touched = await expireOf(sid);
    expect(touched).toBeGreaterThan(saved + 50_000);
    await call((cb) => store.touch(sid, sess(300_000), cb)); // within the interval: not written
    expect(await expireOf(sid)).toBe(touched);
    await sleep(1600);
    await call((cb) => store.touch(sid, sess(300_000), cb)); // the interval has passed: written
    expect(await expireOf(sid)).toBeGreaterThan(touched + 100_000);
    await call((cb) => store.set(sid, sess(60_000), cb)); // a save forgets the last touch
    await call((cb) => store.touch(sid, sess(600_000), cb));
    expect(await expireOf(sid)).toBeGreaterThan(Date.now() + 500_000);
    await call((cb) => store.destroy(sid, cb));
  });

  it('does not touch a session read from PostgreSQL that was written within the interval, and does touch an older one', async () => {
    const pool = (t.dataSource.driver as unknown as { master: Pool }).master;
    const store: Store = createSessionStore({ pool, touchEveryMs: 60_000 });
    const maxAge = 14 * 24 * 3600 * 1000;
    // Written 10 s ago (its cookie expires 10 s short of a full max age): recent enough.
    const fresh = `touch-fresh-${Date.now()}`;
    await call((cb) => store.set(fresh, { cookie: { originalMaxAge: maxAge, expires: new Date(Date.now() - 10_000 + maxAge) } } as unknown as SessionData, cb));
    // Written 2 minutes ago: older than the interval, so its expiry is pushed forward.
    const old = `touch-old-${Date.now()}`;
    await call((cb) => store.set(old, { cookie: { originalMaxAge: maxAge, expires: new Date(Date.now() - 120_000 + maxAge) } } as unknown as SessionData, cb));
    // Another process wrote them: this store has no memory of either until it reads them.
    const reader: Store = createSessionStore({ pool, touchEveryMs: 60_000 });
    const before = { fresh: await expireOf(fresh), old: await expireOf(old) };
    await new Promise<void>((r) => reader.get(fresh, () => r()));
    await new Promise<void>((r) => reader.get(old, () => r()));
    await sleep(1100); // expire is stored to the second
    const now = { cookie: { originalMaxAge: maxAge, expires: new Date(Date.now() + maxAge) } } as unknown as SessionData;
    await call((cb) => reader.touch(fresh, now, cb));
    await call((cb) => reader.touch(old, now, cb));
    expect(await expireOf(fresh)).toBe(before.fresh);
    expect(await expireOf(old)).toBeGreaterThan(before.old + 100_000);
    for (const sid of [fresh, old]) await call((cb) => store.destroy(sid, cb));
  });
});
