/**
 * Registration is one statement after the eligibility read (claim, seat, status and outbox event
 * together). These tests pin every path of it that the races do not: the answer equals what is
 * read back later, positions in arrival order, the idempotent answer (even to a member no longer
 * eligible), registering again after a decline, the order of refusals (404, 409, then the
 * idempotent answer, then 403), and the seat rolled back when an identical request claimed first.
 */
import { HttpException } from '@nestjs/common';
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
import { ApiRoutes, RegistrationDto } from '@pratique/contracts';

describe('seminar registration: every path of the one-statement registration', () => {
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
  afterAll(() => t?.close());

  /** `n` members of the region, eligible (100 % of the module), as actors. */
  const members = async (n: number): Promise<Actor[]> => {
    const ids = await makeManyUsers(t.dataSource, n, region.id, org.id);
    await setPercent(t.dataSource, moduleId, ids, 100);
    return Promise.all(ids.map(async (id) => (await users.loadActor(id)) as Actor));
  };
  const gated = (o: { capacity: number; requiresConfirmation?: boolean }) =>
    makeSeminar(t.dataSource, {
      regionId: region.id,
      k: 1,
      requirements: [{ moduleId, minPercent: 50 }],
      ...o,
    });
  const events = (seminarId: string): Promise<{ type: string; userId: string }[]> =>
    t.dataSource.query(
      `SELECT type, payload->>'userId' AS "userId" FROM outbox WHERE payload->>'seminarId' = $1 AND type LIKE 'registration.%' ORDER BY id`,
      [seminarId],
    );
  const refusal = async (
    work: Promise<unknown>,
  ): Promise<{ status: number; body: Record<string, unknown> }> => {
    const err = await work.then(
      () => null,
      (e: unknown) => e,
    );
    if (!(err instanceof HttpException)) throw new Error(`expected a refusal, got ${String(err)}`);
    return { status: err.getStatus(), body: err.getResponse() as Record<string, unknown> };
  };

  it('answers what is read back later: the same body when repeated, waitlist positions in arrival order', async () => {
    const seminar = await gated({ capacity: 1 });
    const [a, b, c] = await members(3);
    const ra = await registrations.register(a, seminar.id);
    expect(Object.keys(ra).sort()).toEqual([
      'createdAt',
      'eligibilitySnapshot',
      'id',
      'seminarId',
      'status',
      'userId',
      'waitlistPosition',
    ]);
    expect(ra).toMatchObject({
      seminarId: seminar.id,
      userId: a.id,
      status: 'confirmed',
      waitlistPosition: null,
    });
    expect(ra.eligibilitySnapshot).toMatchObject({
      eligible: true,
      met: 1,
      requirements: [{ moduleId, currentPercent: 100, met: true }],
    });
    const rb = await registrations.register(b, seminar.id);
    const rc = await registrations.register(c, seminar.id);
    expect([rb, rc].map((r) => [r.status, r.waitlistPosition])).toEqual([
      ['waitlisted', 1],
      ['waitlisted', 2],
    ]);
    // Registering again is idempotent, and the first answer was exactly what is stored.
    for (const [actor, first] of [
      [a, ra],
      [b, rb],
      [c, rc],
    ] as [Actor, RegistrationDto][])
      expect(await registrations.register(actor, seminar.id)).toEqual(first);
    const [stored] = await t.dataSource.query(
      `SELECT eligibility_snapshot AS s FROM registration WHERE id = $1`,
      [rc.id],
    );
    expect(stored.s).toEqual(rc.eligibilitySnapshot);
    expect(await events(seminar.id)).toEqual([
      { type: 'registration.confirmed', userId: a.id },
      { type: 'registration.waitlisted', userId: b.id },
      { type: 'registration.waitlisted', userId: c.id },
    ]);
    // The one ahead leaves the queue: the next answer counts the queue as it is now.
    await registrations.cancel(b, seminar.id);
    expect(await registrations.register(c, seminar.id)).toEqual({ ...rc, waitlistPosition: 1 });
    const [{ seats }] = await t.dataSource.query(`SELECT seats_taken AS seats FROM seminar WHERE id = $1`, [
      seminar.id,
    ]);
    expect(seats).toBe(1);
  });

  it('answers a registered member who is no longer eligible with their registration; refuses others with the explanation', async () => {
    const seminar = await gated({ capacity: 5 });
    const [a, d] = await members(2);
    const ra = await registrations.register(a, seminar.id);
    await setPercent(t.dataSource, moduleId, [a.id, d.id], 0);
    expect(await registrations.register(a, seminar.id)).toEqual(ra);
    const refused = await refusal(registrations.register(d, seminar.id));
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      errors: [{ field: 'eligibility', reason: 'requirements not met' }],
      eligibility: { eligible: false, inAudience: true, stillNeeded: 1 },
    });
    expect(await events(seminar.id)).toHaveLength(1);
  });

  it('registers again after a decline, at the end of the queue with a fresh snapshot; staff answers read from the locked row', async () => {
    const seminar = await gated({ capacity: 1, requiresConfirmation: true });
    const [a, b, c] = await members(3);
    const staff = (await users.loadActor(
      (await makeUser(t.dataSource, { regionId: region.id, staffOf: [region.id] })).id,
    )) as Actor;
    const ra = await registrations.register(a, seminar.id);
    expect(ra.status).toBe('pending');
    const rb = await registrations.register(b, seminar.id);
    expect(rb).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const declined = await registrations.decline(staff, rb.id);
    expect(declined).toEqual({ ...rb, status: 'declined', waitlistPosition: null });
    expect(await registrations.decline(staff, rb.id)).toEqual(declined);
    expect((await registrations.register(c, seminar.id)).waitlistPosition).toBe(1);
    await setPercent(t.dataSource, moduleId, [b.id], 50);
    const again = await registrations.register(b, seminar.id);
    expect(again).toMatchObject({ id: rb.id, status: 'waitlisted', waitlistPosition: 2 });
    expect(again.eligibilitySnapshot.requirements[0].currentPercent).toBe(50);
    expect(new Date(again.createdAt).getTime()).toBeGreaterThan(new Date(rb.createdAt).getTime());
    const confirmed = await registrations.confirm(staff, ra.id);
    expect(confirmed).toEqual({ ...ra, status: 'confirmed' });
    expect(await registrations.confirm(staff, ra.id)).toEqual(confirmed);
    expect((await events(seminar.id)).map((e) => e.type)).toEqual([
      'registration.pending',
      'registration.waitlisted',
      'registration.declined',
      'registration.waitlisted',
      'registration.waitlisted',
      'registration.confirmed',
    ]);
  });

  it('refuses in order: an invisible or unknown seminar (404), the registration window (409), even to a member already registered', async () => {
    const user = await makeUser(t.dataSource, { regionId: region.id, organisationId: org.id });
    const staffUser = await makeUser(t.dataSource, { regionId: region.id, staffOf: [region.id] });
    await setPercent(t.dataSource, moduleId, [user.id, staffUser.id], 100);
    const [member, staff] = [await signedIn(t, user), await signedIn(t, staffUser)];
    const draft = await gated({ capacity: 5 });
    await t.dataSource.query(`UPDATE seminar SET status = 'draft' WHERE id = $1`, [draft.id]);
    const unknown = await member
      .post(ApiRoutes.seminarRegistrations('00000000-0000-4000-8000-000000000000'))
      .expect(404);
    expect((await member.post(ApiRoutes.seminarRegistrations(draft.id)).expect(404)).body).toEqual(
      unknown.body,
    );
    expect((await staff.post(ApiRoutes.seminarRegistrations(draft.id)).expect(409)).body.errors).toEqual([
      { field: 'seminar', reason: 'Registrations are not open for this seminar' },
    ]);

    const open = await gated({ capacity: 5 });
    const first = await member.post(ApiRoutes.seminarRegistrations(open.id)).expect(201);
    await t.dataSource.query(
      `UPDATE seminar SET registration_closes_at = now() - interval '1 second' WHERE id = $1`,
      [open.id],
    );
    expect((await member.post(ApiRoutes.seminarRegistrations(open.id)).expect(409)).body.errors).toEqual([
      { field: 'seminar', reason: 'Registrations are closed' },
    ]);
    await staff.post(ApiRoutes.seminarRegistrations(open.id)).expect(409);
    const rows = await t.dataSource.query(`SELECT id FROM registration WHERE seminar_id = ANY($1::uuid[])`, [
      [draft.id, open.id],
    ]);
    expect(rows).toEqual([{ id: first.body.id }]);
  });

  it('rolls back the seat taken by a request whose identical twin claimed the registration first', async () => {
    const seminar = await gated({ capacity: 5 });
    const [a] = await members(1);
    // Hold the seminar row so that both requests reach the seat's UPDATE and wait there.
    const holder = t.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    let answers: Promise<RegistrationDto[]>;
    try {
      const [{ pid }] = await holder.query(`SELECT pg_backend_pid() AS pid`);
      await holder.query(`SELECT 1 FROM seminar WHERE id = $1 FOR NO KEY UPDATE`, [seminar.id]);
      answers = Promise.all([registrations.register(a, seminar.id), registrations.register(a, seminar.id)]);
      // Waiting on the holder, or on the other request queued first on the same row.
      const deadline = Date.now() + 10_000;
      for (let waiting = 0; waiting < 2;) {
        if (Date.now() > deadline) throw new Error('the two registrations never waited on the seminar row');
        await new Promise((r) => setTimeout(r, 20));
        [{ waiting }] = await t.dataSource.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity a
            WHERE $1 = ANY(pg_blocking_pids(a.pid)) OR EXISTS (SELECT FROM unnest(pg_blocking_pids(a.pid)) b WHERE $1 = ANY(pg_blocking_pids(b)))`,
          [pid],
        );
      }
    } finally {
      await holder.commitTransaction();
      await holder.release();
    }
    const [one, two] = await answers;
    expect(two).toEqual(one);
    expect(one.status).toBe('confirmed');
    const [{ seats, rows }] = await t.dataSource.query(
      `SELECT (SELECT seats_taken FROM seminar WHERE id = $1) AS seats, (SELECT count(*)::int FROM registration WHERE seminar_id = $1) AS rows`,
      [seminar.id],
    );
    expect({ seats, rows, events: (await events(seminar.id)).length }).toEqual({
      seats: 1,
      rows: 1,
      events: 1,
    });
  });
});
