/**
 * `GET /api/me/staff-home` (issue 10): for the regions of a regional office (every region for an
 * admin), the upcoming seminars with their fill rate and the eligible members still to call, the
 * ended seminars whose attendance is still to mark, and the eligible members of the gated seminars
 * week by week (from when lessons were completed). Fresh regions, so the numbers are exact.
 */
import { IN_AUDIENCE, MEETS_RULE } from '@pratique/api/seminars/sql';
import {
  addToSpace,
  Agent,
  createTestApp,
  makeModule,
  makeRegion,
  makeSeminar,
  makeSpace,
  makeUser,
  MadeUser,
  signedIn,
  TestApp,
} from '@pratique/api/testing';
import {
  ApiRoutes,
  DashboardPage,
  ELIGIBILITY_WEEKS,
  HomeRoutes,
  SpaceRole,
  StaffHome,
} from '@pratique/contracts';
import { DataSource } from 'typeorm';

describe('staff home', () => {
  let t: TestApp;
  let db: DataSource;
  let space: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    db = t.dataSource;
    space = await makeSpace(db);
  });
  afterAll(() => t.close());

  const home = async (agent: Agent) => (await agent.get(HomeRoutes.staff).expect(200)).body as StaffHome;
  /** A member of the region who learns in the space, signed in. */
  async function learner(regionId: string): Promise<{ user: MadeUser; agent: Agent }> {
    const user = await makeUser(db, { regionId });
    await addToSpace(db, space.id, user.id);
    return { user, agent: await signedIn(t, user) };
  }
  async function complete(agent: Agent, lessonIds: string[]) {
    for (const id of lessonIds) await agent.post(ApiRoutes.lessonComplete(id)).expect(200);
  }
  /** Moves a completion back in time, as if the lesson had been done `days` ago. */
  async function backDate(user: MadeUser, lessonId: string, days: number) {
    await db.query(
      `UPDATE lesson_progress SET completed_at = now() - make_interval(days => $3), updated_at = now() - make_interval(days => $3)
        WHERE user_id = $1 AND lesson_id = $2`,
      [user.id, lessonId, days],
    );
  }
  /** The gate's own count: audience members who meet the rule now (IN_AUDIENCE, MEETS_RULE). */
  async function gateCount(seminarId: string): Promise<number> {
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM seminar s, app_user u WHERE s.id = $1 AND ${IN_AUDIENCE('u', 's')} AND ${MEETS_RULE('u', 's')}`,
      [seminarId],
    );
    return n;
  }
  const utcDate = (daysAgo: number) =>
    new Date(Date.now() - daysAgo * 24 * 3600 * 1000).toISOString().slice(0, 10);
  /** Inserts a registration straight away (for seminars already over). */
  const register = (seminarId: string, userId: string, status: string) =>
    db.query(
      `INSERT INTO registration (seminar_id, user_id, status, eligibility_snapshot) VALUES ($1, $2, $3, '{}')`,
      [seminarId, userId, status],
    );

  it('lists the upcoming seminars of the region with fill rate, waiting list and the eligible members not registered', async () => {
    const region = await makeRegion(db);
    const other = await makeRegion(db);
    const staffUser = await makeUser(db, { regionId: region.id, staffOf: [region.id] });
    const staff = await signedIn(t, staffUser);
    const gate = await makeModule(db, space.id, { lessons: [{}, {}, {}, {}] });
    const people = [];
    for (let i = 0; i < 6; i++) people.push(await learner(region.id));
    const [m1, m2, m3, m4, m5, m6] = people;
    for (const m of [m1, m2, m3, m4, m6]) await complete(m.agent, gate.lessonIds.slice(0, 2)); // 50 %
    await complete(m5.agent, gate.lessonIds.slice(0, 1)); // 25 %

    const gated = await makeSeminar(db, {
      regionId: region.id,
      startsInDays: 5,
      capacity: 2,
      requirements: [{ moduleId: gate.id, minPercent: 50 }],
    });
    await m1.agent.post(ApiRoutes.seminarRegistrations(gated.id)).expect(201);
    await m6.agent.post(ApiRoutes.seminarRegistrations(gated.id)).expect(201);
    await m6.agent.delete(ApiRoutes.myRegistration(gated.id)).expect(204); // cancelled: to call again
    await m2.agent.post(ApiRoutes.seminarRegistrations(gated.id)).expect(201);
    expect((await m3.agent.post(ApiRoutes.seminarRegistrations(gated.id)).expect(201)).body.status).toBe(
      'waitlisted',
    );
    const open = await makeSeminar(db, { regionId: region.id, startsInDays: 10, capacity: 8 });
    const draft = await makeSeminar(db, {
      regionId: region.id,
      startsInDays: 3,
      status: 'draft',
      capacity: 10,
    });
    // Never listed: cancelled, done, already started, another region.
    await makeSeminar(db, { regionId: region.id, status: 'cancelled' });
    await makeSeminar(db, { regionId: region.id, status: 'done' });
    const started = await makeSeminar(db, { regionId: region.id });
    await db.query(`UPDATE seminar SET starts_at = now() - interval '1 hour' WHERE id = $1`, [started.id]);
    await makeSeminar(db, { regionId: other.id, startsInDays: 1 });

    const h = await home(staff);
    expect(h.regions).toEqual([{ id: region.id, name: expect.any(String) }]);
    expect(h.seminars.map((s) => s.id)).toEqual([draft.id, gated.id, open.id]);
    const byId = Object.fromEntries(h.seminars.map((s) => [s.id, s]));
    expect(byId[gated.id]).toEqual({
      id: gated.id,
      kind: 'seminar',
      title: { fr: 'Séminaire de test' },
      originalLanguage: 'fr',
      regionId: region.id,
      status: 'open',
      startsAt: expect.any(String),
      registrationClosesAt: expect.any(String),
      capacity: 2,
      seatsTaken: 2,
      waitlisted: 1,
      fillRate: 1,
      // m4 (never registered) and m6 (cancelled); m1, m2 hold seats, m3 waits, m5 is at 25 %.
      eligibleNotRegistered: 2,
    });
    // No gate: every member of the audience is to call (the six and the staff member, who lives in the region).
    expect(byId[open.id]).toMatchObject({
      seatsTaken: 0,
      waitlisted: 0,
      fillRate: 0,
      eligibleNotRegistered: 7,
    });
    expect(byId[draft.id]).toMatchObject({ status: 'draft', capacity: 10, seatsTaken: 0, fillRate: 0 });

    // The same number as the staff dashboard: its eligible count minus the eligible who are registered.
    const board = (
      await staff.get(`${ApiRoutes.seminarDashboard(gated.id)}?status=eligible&pageSize=100`).expect(200)
    ).body as DashboardPage;
    const registered = board.items.filter(
      (r) => r.registration && ['pending', 'confirmed', 'waitlisted'].includes(r.registration),
    ).length;
    expect(board.counts.eligible - registered).toBe(byId[gated.id].eligibleNotRegistered);

    // One more seat: 2 of 4.
    await db.query(`UPDATE seminar SET capacity = 4 WHERE id = $1`, [gated.id]);
    expect((await home(staff)).seminars.find((s) => s.id === gated.id)).toMatchObject({
      seatsTaken: 2,
      fillRate: 0.5,
    });
  });

  it('lists the ended seminars with attendance still to mark, most recent first; marked ones disappear', async () => {
    const region = await makeRegion(db);
    const staff = await signedIn(t, await makeUser(db, { regionId: region.id, staffOf: [region.id] }));
    const people = await Promise.all(Array.from({ length: 5 }, () => makeUser(db, { regionId: region.id })));
    /** A seminar of the region that ended `days` ago. */
    const ended = async (days: number, status: 'open' | 'closed' | 'done' | 'cancelled' = 'closed') => {
      const s = await makeSeminar(db, { regionId: region.id, status });
      await db.query(
        `UPDATE seminar SET starts_at = now() - make_interval(days => $2, hours => 4), ends_at = now() - make_interval(days => $2),
                registration_opens_at = now() - make_interval(days => $2 + 30), registration_closes_at = now() - make_interval(days => $2 + 1)
          WHERE id = $1`,
        [s.id, days],
      );
      return s;
    };
    const recent = await ended(3, 'open');
    for (const [i, status] of ['confirmed', 'confirmed', 'attended', 'cancelled'].entries())
      await register(recent.id, people[i].id, status);
    const older = await ended(10, 'done');
    await register(older.id, people[0].id, 'pending');
    // Never listed: too old, cancelled, everything marked, not over yet.
    await register((await ended(70)).id, people[0].id, 'confirmed');
    await register((await ended(5, 'cancelled')).id, people[0].id, 'confirmed');
    const marked = await ended(4);
    await register(marked.id, people[0].id, 'attended');
    await register(marked.id, people[1].id, 'no_show');
    await register((await makeSeminar(db, { regionId: region.id })).id, people[0].id, 'confirmed');

    const h = await home(staff);
    expect(h.attendanceToMark).toEqual([
      {
        seminarId: recent.id,
        title: { fr: 'Séminaire de test' },
        originalLanguage: 'fr',
        endsAt: expect.any(String),
        unmarked: 2,
      },
      {
        seminarId: older.id,
        title: { fr: 'Séminaire de test' },
        originalLanguage: 'fr',
        endsAt: expect.any(String),
        unmarked: 1,
      },
    ]);

    await staff
      .post(ApiRoutes.seminarAttendance(recent.id))
      .send({
        entries: [
          { userId: people[0].id, status: 'attended' },
          { userId: people[1].id, status: 'no_show' },
        ],
      })
      .expect(200);
    expect((await home(staff)).attendanceToMark.map((a) => a.seminarId)).toEqual([older.id]);
  });

  it('counts the eligible members of the gated seminars at the end of each week, from when lessons were completed; the last point is the gate’s count', async () => {
    const region = await makeRegion(db);
    const elsewhere = await makeRegion(db);
    const staff = await signedIn(t, await makeUser(db, { regionId: region.id, staffOf: [region.id] }));
    const g2 = await makeModule(db, space.id, { lessons: [{}, {}] });
    const g3 = await makeModule(db, space.id, { lessons: [{}, {}] });
    const one = await makeSeminar(db, {
      regionId: region.id,
      startsInDays: 5,
      requirements: [{ moduleId: g2.id, minPercent: 50 }],
    });
    const two = await makeSeminar(db, {
      regionId: region.id,
      startsInDays: 9,
      k: 2,
      requirements: [
        { moduleId: g2.id, minPercent: 100 },
        { moduleId: g3.id, minPercent: 50 },
      ],
    });
    await makeSeminar(db, { regionId: region.id, startsInDays: 6 }); // no gate: no series
    await makeSeminar(db, {
      regionId: region.id,
      status: 'cancelled',
      requirements: [{ moduleId: g2.id, minPercent: 50 }],
    });

    const [u1, u2, u3] = [await learner(region.id), await learner(region.id), await learner(region.id)];
    const outsider = await learner(elsewhere.id);
    await complete(u1.agent, [...g2.lessonIds, g3.lessonIds[0]]);
    await backDate(u1.user, g2.lessonIds[0], 45);
    await backDate(u1.user, g2.lessonIds[1], 25);
    await backDate(u1.user, g3.lessonIds[0], 10);
    await complete(u2.agent, [g2.lessonIds[0]]);
    await backDate(u2.user, g2.lessonIds[0], 20);
    await complete(u3.agent, [g2.lessonIds[0]]);
    await backDate(u3.user, g2.lessonIds[0], 2);
    await complete(outsider.agent, [g2.lessonIds[0]]);
    await backDate(outsider.user, g2.lessonIds[0], 40);

    const { eligibilityOverTime } = await home(staff);
    // Week ends 49, 42, 35, 28, 21, 14, 7 and 0 days ago.
    expect(eligibilityOverTime.weeks).toEqual(
      Array.from({ length: ELIGIBILITY_WEEKS }, (_, i) => utcDate(7 * (ELIGIBILITY_WEEKS - 1 - i))),
    );
    expect(eligibilityOverTime.series).toEqual([
      // u1 from 45 days ago, u2 from 20, u3 from 2; the outsider is not in the audience.
      {
        seminarId: one.id,
        title: { fr: 'Séminaire de test' },
        originalLanguage: 'fr',
        eligible: [0, 1, 1, 1, 1, 2, 2, 3],
      },
      // u1 only, once the second module reached 50 % (10 days ago).
      {
        seminarId: two.id,
        title: { fr: 'Séminaire de test' },
        originalLanguage: 'fr',
        eligible: [0, 0, 0, 0, 0, 0, 1, 1],
      },
    ]);
    for (const s of eligibilityOverTime.series) {
      expect(s.eligible.at(-1)).toBe(await gateCount(s.seminarId));
      const board = (await staff.get(ApiRoutes.seminarDashboard(s.seminarId)).expect(200))
        .body as DashboardPage;
      expect(s.eligible.at(-1)).toBe(board.counts.eligible);
    }

    // A lesson added (through the API: percents are recomputed set-wise): the current lessons are used for
    // the past weeks, a completed module stays completed (DESIGN.md), and the last point is still the gate's count.
    const admin = await signedIn(t, await makeUser(db, { regionId: elsewhere.id, admin: true }));
    await admin
      .post(ApiRoutes.moduleLessons(g2.id))
      .send({ kind: 'page', title: { fr: 'Ajoutée' }, content: { markdown: { fr: 'Texte' } } })
      .expect(201);
    const after = (await home(staff)).eligibilityOverTime.series;
    expect(after.map((s) => s.eligible)).toEqual([
      // 3 counted lessons: u1 has 2 (66 %) from 25 days ago, then the completion (100 %); u2 and u3 fall to 33 %.
      [0, 0, 0, 0, 1, 1, 1, 1],
      // 66 % is not 100 %: only the completion kept today counts.
      [0, 0, 0, 0, 0, 0, 0, 1],
    ]);
    for (const s of after) expect(s.eligible.at(-1)).toBe(await gateCount(s.seminarId));
  });

  it('answers 403 to a member or an animator, 401 when signed out; an admin sees every region', async () => {
    const regionA = await makeRegion(db);
    const regionB = await makeRegion(db);
    const member = await signedIn(t, await makeUser(db, { regionId: regionA.id }));
    const animatorUser = await makeUser(db, { regionId: regionA.id });
    await addToSpace(db, space.id, animatorUser.id, SpaceRole.Animator);
    // The same body as any other 403 (here: a region's seminar statistics).
    const other = (await member.get(ApiRoutes.regionSeminarStats(regionA.id)).expect(403)).body;
    for (const who of [member, await signedIn(t, animatorUser)]) {
      const res = await who.get(HomeRoutes.staff).expect(403);
      expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden', message: expect.any(String) });
      expect(Object.keys(res.body).sort()).toEqual(Object.keys(other).sort());
    }
    await t.agent().get(HomeRoutes.staff).expect(401);

    // Seminars starting within minutes: the soonest of the whole database, whatever other files wrote.
    const soonA = await makeSeminar(db, { regionId: regionA.id });
    const soonB = await makeSeminar(db, { regionId: regionB.id });
    await db.query(
      `UPDATE seminar SET starts_at = now() + interval '20 minutes', ends_at = now() + interval '2 hours',
              registration_closes_at = now() + interval '10 minutes' WHERE id = ANY($1::uuid[])`,
      [[soonA.id, soonB.id]],
    );
    const admin = await signedIn(t, await makeUser(db, { regionId: regionA.id, admin: true }));
    const regions: { id: string }[] = await db.query(`SELECT id FROM region`);
    const all = await home(admin);
    expect(all.regions.map((r) => r.id).sort()).toEqual(expect.arrayContaining([regionA.id, regionB.id]));
    expect(all.regions.length).toBeGreaterThanOrEqual(regions.length);
    expect(all.seminars.map((s) => s.id)).toEqual(expect.arrayContaining([soonA.id, soonB.id]));

    const staffB = await signedIn(t, await makeUser(db, { regionId: regionB.id, staffOf: [regionB.id] }));
    const onlyB = await home(staffB);
    expect(onlyB.regions.map((r) => r.id)).toEqual([regionB.id]);
    expect(onlyB.seminars.map((s) => s.id)).toEqual([soonB.id]);
    expect(onlyB.eligibilityOverTime).toEqual({ weeks: expect.any(Array), series: [] });
    expect(onlyB.eligibilityOverTime.weeks).toHaveLength(ELIGIBILITY_WEEKS);
    expect(onlyB.eligibilityOverTime.weeks.at(-1)).toBe(utcDate(0));
  });
});
