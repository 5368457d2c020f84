/**
 * Registration under concurrency: real parallel transactions on real PostgreSQL connections.
 */
process.env['DATABASE_POOL_SIZE'] = '40';

import { Actor, UsersRepository } from '@pratique/api/accounts';
import { RegistrationsService } from '@pratique/api/seminars';
import {
  createTestApp,
  makeManyUsers,
  makeModule,
  makeOrganisation,
  makeRegion,
  makeSeminar,
  makeSpace,
  makeUser,
  setPercent,
  signedIn,
  TestApp,
} from '@pratique/api/testing';
import { ApiRoutes } from '@pratique/contracts';

describe('seminars: registration, waitlist, promotion, confirmation', () => {
  let t: TestApp;
  let registrations: RegistrationsService;
  let users: UsersRepository;
  let region: { id: string };
  let org: { id: string };
  let moduleId: string;

  beforeAll(async () => {
    t = await createTestApp();
    registrations = t.app.get(RegistrationsService);
    users = t.app.get(UsersRepository);
    region = await makeRegion(t.dataSource);
    org = await makeOrganisation(t.dataSource, region.id);
    const space = await makeSpace(t.dataSource);
    moduleId = (await makeModule(t.dataSource, space.id, { lessons: [{}, {}] })).id;
  });
  afterAll(() => t.close());

  const actors = (ids: string[]) => Promise.all(ids.map(async (id) => (await users.loadActor(id)) as Actor));
  const statuses = (seminarId: string) =>
    t.dataSource.query(`SELECT status, count(*)::int AS n FROM registration WHERE seminar_id = $1 GROUP BY status ORDER BY status`, [seminarId]);

  it('a race of 540 concurrent registrations for 20 seats gives exactly 20 confirmed, the rest waitlisted, no duplicates', async () => {
    const seminar = await makeSeminar(t.dataSource, { regionId: region.id, capacity: 20, k: 1, requirements: [{ moduleId, minPercent: 50 }] });
    const ids = await makeManyUsers(t.dataSource, 500, region.id, org.id);
    const eligible = ids.slice(0, 480);
    await setPercent(t.dataSource, moduleId, eligible, 100);
    const all = await actors(ids);
    // 40 members also press the button twice at the same time.
    const attempts = [...all, ...all.slice(0, 40)].sort(() => Math.random() - 0.5);
    const outcomes = await Promise.allSettled(attempts.map((a) => registrations.register(a, seminar.id)));

    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(refused).toHaveLength(20 + outcomes.filter((o, i) => o.status === 'rejected' && eligible.includes(attempts[i].id)).length);
    expect(refused.every((o) => (o as PromiseRejectedResult).reason.getStatus() === 403)).toBe(true);
    expect(await statuses(seminar.id)).toEqual([
      { status: 'confirmed', n: 20 },
      { status: 'waitlisted', n: 460 },
    ]);
    const [{ seats }] = await t.dataSource.query(`SELECT seats_taken AS seats FROM seminar WHERE id = $1`, [seminar.id]);
    expect(seats).toBe(20);
    const [{ dup }] = await t.dataSource.query(
      `SELECT count(*)::int AS dup FROM (SELECT user_id FROM registration WHERE seminar_id = $1 GROUP BY user_id HAVING count(*) > 1) d`,
      [seminar.id],
    );
    expect(dup).toBe(0);
    // Waitlist positions are 1..460 in arrival order.
    const positions = await t.dataSource.query(
      `SELECT row_number() OVER (ORDER BY queue_seq)::int AS pos FROM registration WHERE seminar_id = $1 AND status = 'waitlisted'`,
      [seminar.id],
    );
    expect(positions.at(-1).pos).toBe(460);
    const [{ events }] = await t.dataSource.query(
      `SELECT count(*)::int AS events FROM outbox WHERE type IN ('registration.confirmed', 'registration.waitlisted') AND payload->>'seminarId' = $1`,
      [seminar.id],
    );
    expect(events).toBe(480);
  }, 120_000);

  it('cancelling a confirmed seat promotes the first waitlisted member who is still eligible', async () => {
    const seminar = await makeSeminar(t.dataSource, { regionId: region.id, capacity: 1, k: 1, requirements: [{ moduleId, minPercent: 50 }] });
    const [holder, first, second] = await makeManyUsers(t.dataSource, 3, region.id, org.id);
    await setPercent(t.dataSource, moduleId, [holder, first, second], 100);
    const [h, f, s] = await actors([holder, first, second]);
    expect((await registrations.register(h, seminar.id)).status).toBe('confirmed');
    expect((await registrations.register(f, seminar.id)).waitlistPosition).toBe(1);
    expect((await registrations.register(s, seminar.id)).waitlistPosition).toBe(2);
    // The first in line is no longer eligible (eligibility is re-checked at promotion).
    await setPercent(t.dataSource, moduleId, [first], 0);
    await registrations.cancel(h, seminar.id);
    const rows = await t.dataSource.query(`SELECT user_id, status FROM registration WHERE seminar_id = $1`, [seminar.id]);
    const byUser = Object.fromEntries(rows.map((r: { user_id: string; status: string }) => [r.user_id, r.status]));
    expect(byUser).toEqual({ [holder]: 'cancelled', [first]: 'waitlisted', [second]: 'confirmed' });
    const promoted = await t.dataSource.query(`SELECT payload FROM outbox WHERE type = 'registration.promoted' AND payload->>'seminarId' = $1`, [seminar.id]);
    expect(promoted.map((p: { payload: { userId: string } }) => p.payload.userId)).toEqual([second]);
    // Registering again after cancelling is allowed; registering twice while active is idempotent.
    const again = await registrations.register(h, seminar.id);
    expect(again.status).toBe('waitlisted');
    expect((await registrations.register(h, seminar.id)).id).toBe(again.id);
  });

  it('keeps registrations pending until staff confirm or decline, passing a declined seat on', async () => {
    const seminar = await makeSeminar(t.dataSource, { regionId: region.id, capacity: 1, requiresConfirmation: true });
    const staff = await signedIn(t, await makeUser(t.dataSource, { regionId: region.id, staffOf: [region.id] }));
    const otherStaff = await signedIn(t, await makeUser(t.dataSource, { regionId: region.id, staffOf: [(await makeRegion(t.dataSource)).id] }));
    const a = await makeUser(t.dataSource, { regionId: region.id });
    const b = await makeUser(t.dataSource, { regionId: region.id });
    const asA = await signedIn(t, a);
    const asB = await signedIn(t, b);
    const regA = (await asA.post(ApiRoutes.seminarRegistrations(seminar.id)).expect(201)).body;
    expect(regA.status).toBe('pending');
    expect((await asA.post(ApiRoutes.seminarRegistrations(seminar.id)).expect(201)).body.id).toBe(regA.id);
    const regB = (await asB.post(ApiRoutes.seminarRegistrations(seminar.id)).expect(201)).body;
    expect(regB).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    await asA.post(ApiRoutes.registrationConfirm(regA.id)).expect(403);
    await otherStaff.post(ApiRoutes.registrationDecline(regA.id)).expect(403);
    await staff.post(ApiRoutes.registrationDecline(regA.id)).expect(200);
    const promoted = await asB.get(ApiRoutes.seminar(seminar.id)).expect(200);
    expect(promoted.body.myRegistration).toBe('pending');
    await staff.post(ApiRoutes.registrationConfirm(regB.id)).expect(200);
    expect((await asB.get(ApiRoutes.seminar(seminar.id)).expect(200)).body.myRegistration).toBe('confirmed');
    await staff.post(ApiRoutes.registrationConfirm(regA.id)).expect(409);
    await staff.post(ApiRoutes.registrationConfirm('00000000-0000-4000-8000-000000000000')).expect(404);
    await asB.delete(ApiRoutes.myRegistration(seminar.id)).expect(204);
    await asB.delete(ApiRoutes.myRegistration(seminar.id)).expect(404);
  });
});
