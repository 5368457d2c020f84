/**
 * Seats cannot be double-booked (ASVS 2.3.4): real HTTP requests to the API listening on a port,
 * real transactions on real PostgreSQL connections.
 *  - 3 rounds of 2,000 eligible members registering at once for 100 seats: exactly 100 confirmed,
 *    1,900 waitlisted, one row per member, every answer a 201; the seat counters, sampled during
 *    the race from the API (`GET /api/seminars/:id`) and the database, never below 0 nor above
 *    capacity, and after it 100 taken / 1,900 waiting in both; each member then reads their own
 *    registration through the API: 100 see "confirmed", 1,900 see "waitlisted" at positions that
 *    are exactly 1..1,900, each once, in the queue's order;
 *  - one member sending the same registration 50 times at once: one registration, every answer a
 *    201 describing it, one outbox event.
 * Sessions are copied from one real sign-in (../faults/member-sessions.ts): 6,000 password hashes
 * would take minutes and test nothing here.
 */
process.env['DATABASE_POOL_SIZE'] = '40';

import { createTestApp, makeManyUsers, makeModule, makeOrganisation, makeRegion, makeSeminar, makeSpace, makeUser, setPercent, TestApp } from '@pratique/api/testing';
import { ApiRoutes, RegistrationDto, SeminarDetail } from '@pratique/contracts';
import { sessionsFor } from '../faults/member-sessions';

jest.setTimeout(180_000);

const ROUNDS = 3;
const MEMBERS = 2_000;
const SEATS = 100;
const IN_FLIGHT = 250;

/** Runs `work` over `items` with at most `limit` at once; results in order. */
async function pooled<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]);
    }
  }));
  return out;
}

describe('registration races over HTTP', () => {
  let t: TestApp;
  let base: string;
  let region: { id: string };
  let org: { id: string };
  let moduleId: string;
  const figures: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ env: { REGISTRATION_RATE_LIMIT: '100000' } });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    region = await makeRegion(t.dataSource);
    org = await makeOrganisation(t.dataSource, region.id);
    const space = await makeSpace(t.dataSource);
    moduleId = (await makeModule(t.dataSource, space.id, { lessons: [{}] })).id;
  });
  afterAll(async () => {
    console.log(`races: ${figures.join('; ')}`);
    await t?.close();
  });

  const register = async (seminarId: string, cookie: string) => {
    const res = await fetch(`${base}${ApiRoutes.seminarRegistrations(seminarId)}`, { method: 'POST', headers: { Cookie: cookie } });
    return { status: res.status, body: (await res.json()) as RegistrationDto };
  };
  const detail = async (seminarId: string, cookie: string) => {
    const res = await fetch(`${base}${ApiRoutes.seminar(seminarId)}`, { headers: { Cookie: cookie } });
    if (res.status !== 200) throw new Error(`GET seminar: ${res.status} ${await res.text()}`);
    return (await res.json()) as SeminarDetail;
  };

  /** Reads the seat counters from the API and the database until `stop()`; every reading kept. */
  const sampleSeats = (seminarId: string, cookie: string) => {
    const readings: { api: number; apiWaiting: number; db: number }[] = [];
    let running = true;
    const done = (async () => {
      while (running) {
        const [d, [row]] = await Promise.all([detail(seminarId, cookie), t.dataSource.query(`SELECT seats_taken FROM seminar WHERE id = $1`, [seminarId])]);
        readings.push({ api: d.seatsTaken, apiWaiting: d.waitlistCount, db: row.seats_taken });
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    return { readings, stop: async () => ((running = false), await done, readings) };
  };

  it(`${ROUNDS} rounds of ${MEMBERS} concurrent registrations for ${SEATS} seats: exactly ${SEATS} confirmed, the rest waitlisted in a unique order`, async () => {
    for (let round = 1; round <= ROUNDS; round++) {
      const seminar = await makeSeminar(t.dataSource, { regionId: region.id, capacity: SEATS, k: 1, requirements: [{ moduleId, minPercent: 50 }] });
      const ids = await makeManyUsers(t.dataSource, MEMBERS, region.id, org.id);
      await setPercent(t.dataSource, moduleId, ids, 100);
      const signer = await makeUser(t.dataSource, { regionId: region.id, organisationId: org.id });
      const cookies = await sessionsFor(t, signer, ids);
      const sampler = sampleSeats(seminar.id, cookies[0]);
      const started = Date.now();
      const answers = await pooled(cookies, IN_FLIGHT, (cookie) => register(seminar.id, cookie));
      const ms = Date.now() - started;
      const readings = await sampler.stop();

      expect(answers.filter((a) => a.status !== 201).map((a) => `${a.status} ${JSON.stringify(a.body).slice(0, 200)}`)).toEqual([]);
      const confirmed = answers.filter((a) => a.body.status === 'confirmed');
      const waitlisted = answers.filter((a) => a.body.status === 'waitlisted');
      expect({ confirmed: confirmed.length, waitlisted: waitlisted.length }).toEqual({ confirmed: SEATS, waitlisted: MEMBERS - SEATS });
      expect(waitlisted.every((a) => (a.body.waitlistPosition ?? 0) >= 1 && (a.body.waitlistPosition ?? 0) <= MEMBERS - SEATS)).toBe(true);
      expect(new Set(answers.map((a) => a.body.userId)).size).toBe(MEMBERS);

      const rows: { status: string; n: number }[] = await t.dataSource.query(
        `SELECT status, count(*)::int AS n FROM registration WHERE seminar_id = $1 GROUP BY status ORDER BY status`,
        [seminar.id],
      );
      expect(rows).toEqual([{ status: 'confirmed', n: SEATS }, { status: 'waitlisted', n: MEMBERS - SEATS }]);
      const [{ seats, dup, orders }] = await t.dataSource.query(
        `SELECT (SELECT seats_taken FROM seminar WHERE id = $1) AS seats,
                (SELECT count(*)::int FROM (SELECT user_id FROM registration WHERE seminar_id = $1 GROUP BY user_id HAVING count(*) > 1) d) AS dup,
                (SELECT count(DISTINCT queue_seq)::int FROM registration WHERE seminar_id = $1 AND status = 'waitlisted') AS orders`,
        [seminar.id],
      );
      expect({ seats, dup, orders }).toEqual({ seats: SEATS, dup: 0, orders: MEMBERS - SEATS });
      // Read back after the race, as members see them: positions 1..1,900, each once.
      const positions: { pos: number }[] = await t.dataSource.query(
        `SELECT (SELECT count(*)::int FROM registration w WHERE w.seminar_id = r.seminar_id AND w.status = 'waitlisted' AND w.queue_seq <= r.queue_seq) AS pos
           FROM registration r WHERE r.seminar_id = $1 AND r.status = 'waitlisted' ORDER BY pos`,
        [seminar.id],
      );
      expect(positions.map((p) => p.pos)).toEqual(Array.from({ length: MEMBERS - SEATS }, (_, i) => i + 1));

      // The seat counters as the API and the database showed them during the race: never negative, never above capacity.
      expect(readings.length).toBeGreaterThan(3);
      const outOfRange = readings.filter((r) => [r.api, r.db].some((n) => n < 0 || n > SEATS) || r.apiWaiting < 0 || r.apiWaiting > MEMBERS - SEATS);
      expect(outOfRange).toEqual([]);
      const after = await detail(seminar.id, cookies[0]);
      expect({ capacity: after.capacity, seatsTaken: after.seatsTaken, left: after.capacity - after.seatsTaken, waitlistCount: after.waitlistCount }).toEqual({
        capacity: SEATS,
        seatsTaken: SEATS,
        left: 0,
        waitlistCount: MEMBERS - SEATS,
      });

      // Each member reads their own registration through the API: positions 1..1,900 each once, in queue order.
      const mine = await pooled(cookies, IN_FLIGHT, async (cookie) => {
        const d = await detail(seminar.id, cookie);
        return { status: d.myRegistration, position: d.myWaitlistPosition };
      });
      expect(mine.filter((m) => m.status === 'confirmed' && m.position === null).length).toBe(SEATS);
      const seen = mine.filter((m) => m.status === 'waitlisted').map((m) => m.position ?? 0);
      expect(seen.length).toBe(MEMBERS - SEATS);
      expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: MEMBERS - SEATS }, (_, i) => i + 1));
      const queue: { user_id: string }[] = await t.dataSource.query(
        `SELECT user_id FROM registration WHERE seminar_id = $1 AND status = 'waitlisted' ORDER BY queue_seq`,
        [seminar.id],
      );
      const positionOf = new Map(ids.map((id, i) => [id, mine[i].position]));
      expect(queue.map((q) => positionOf.get(q.user_id))).toEqual(Array.from({ length: MEMBERS - SEATS }, (_, i) => i + 1));
      figures.push(
        `round ${round}: ${MEMBERS} registrations for ${SEATS} seats in ${ms} ms → ${confirmed.length} confirmed, ${waitlisted.length} waitlisted ` +
          `(API positions 1..${Math.max(...seen)}), seats_taken ${seats} (${readings.length} API+DB readings during the race, min ${Math.min(...readings.map((r) => Math.min(r.api, r.db)))}, max ${Math.max(...readings.map((r) => Math.max(r.api, r.db)))}), ${dup} duplicates`,
      );
    }
  });

  it('50 identical parallel registrations from one member make one registration', async () => {
    const seminar = await makeSeminar(t.dataSource, { regionId: region.id, capacity: 5, k: 1, requirements: [{ moduleId, minPercent: 50 }] });
    const [id] = await makeManyUsers(t.dataSource, 1, region.id, org.id);
    await setPercent(t.dataSource, moduleId, [id], 100);
    const [cookie] = await sessionsFor(t, await makeUser(t.dataSource, { regionId: region.id, organisationId: org.id }), [id]);
    const answers = await Promise.all(Array.from({ length: 50 }, () => register(seminar.id, cookie)));
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.every((a) => a.body.status === 'confirmed')).toBe(true);
    const [{ rows, seats, events }] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM registration WHERE seminar_id = $1) AS rows,
              (SELECT seats_taken FROM seminar WHERE id = $1) AS seats,
              (SELECT count(*)::int FROM outbox WHERE payload->>'seminarId' = $1::text AND type LIKE 'registration.%') AS events`,
      [seminar.id],
    );
    expect({ rows, seats, events }).toEqual({ rows: 1, seats: 1, events: 1 });
    figures.push(`50 identical requests → ${rows} registration, ${events} event`);
  });
});
