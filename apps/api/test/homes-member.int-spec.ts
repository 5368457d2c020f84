/**
 * `GET /api/me/seminar-outlook` (the member's home, issue 10): the seminars taking registrations
 * now that the member meets (register now), and those they do not meet yet with the cheapest way
 * to each gate (within reach). Each test has a member of a fresh region, so other files'
 * seminars stay out of it.
 */
import {
  addToSpace,
  Agent,
  createTestApp,
  makeModule,
  makeOrganisation,
  makeRegion,
  makeSeminar,
  makeSpace,
  makeUser,
  signedIn,
  TestApp,
} from '@pratique/api/testing';
import {
  ApiRoutes,
  HomeRoutes,
  ModuleStatus,
  Recommendations,
  SEMINAR_OUTLOOK_LIMIT,
  SeminarDetail,
  SeminarOutlook,
  SkillRoutes,
} from '@pratique/contracts';
import { DataSource } from 'typeorm';

describe('member home: seminar outlook', () => {
  let t: TestApp;
  let db: DataSource;
  let space: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    db = t.dataSource;
    space = await makeSpace(db);
  });
  afterAll(() => t.close());

  /** A member of a fresh region (with an organisation of it), in the modules' space. */
  async function member() {
    const region = await makeRegion(db);
    const organisation = await makeOrganisation(db, region.id);
    const user = await makeUser(db, { regionId: region.id, organisationId: organisation.id });
    await addToSpace(db, space.id, user.id);
    return { region, organisation, user, agent: await signedIn(t, user) };
  }
  const lessons = (n: number) => Array.from({ length: n }, () => ({}));
  /** Completes lessons through the API, as the member would. */
  async function complete(agent: Agent, lessonIds: string[]) {
    for (const id of lessonIds) await agent.post(ApiRoutes.lessonComplete(id)).expect(200);
  }
  const outlook = async (agent: Agent) =>
    (await agent.get(HomeRoutes.seminarOutlook).expect(200)).body as SeminarOutlook;

  it('lists a k-of-N seminar within reach with the cheapest steps, their lessons and where to continue', async () => {
    const me = await member();
    const a = await makeModule(db, space.id, { title: 'A', lessons: lessons(2) }); // 2 to go
    // Optional lessons do not count when some are required: 2 counted, continue at the first required one.
    const b = await makeModule(db, space.id, { title: 'B', lessons: [{ required: false }, {}, {}] });
    const c = await makeModule(db, space.id, { title: 'C', lessons: lessons(4) }); // 4 to go
    const archived = await makeModule(db, space.id, { status: ModuleStatus.Archived, lessons: lessons(1) });
    const seminar = await makeSeminar(db, {
      regionId: me.region.id,
      k: 2,
      requirements: [
        { moduleId: c.id, minPercent: 100 },
        { moduleId: a.id, minPercent: 100 },
        { moduleId: archived.id, minPercent: 100 },
        { moduleId: b.id, minPercent: 50 }, // 1 of 2 counted lessons
      ],
    });

    const first = await outlook(me.agent);
    expect(first.registerNow).toEqual([]);
    expect(first.withinReach).toEqual([
      {
        seminar: {
          id: seminar.id,
          kind: 'seminar',
          title: { fr: 'Séminaire de test' },
          originalLanguage: 'fr',
          startsAt: expect.any(String),
          registrationClosesAt: expect.any(String),
        },
        met: 0,
        k: 2,
        n: 4,
        lessonsToGate: 3,
        // The archived module is cheap but cannot be learned: never a step.
        steps: [
          {
            moduleId: b.id,
            title: { fr: 'B' },
            originalLanguage: 'fr',
            lessons: 1,
            continueLessonId: b.lessonIds[1],
          },
          {
            moduleId: a.id,
            title: { fr: 'A' },
            originalLanguage: 'fr',
            lessons: 2,
            continueLessonId: a.lessonIds[0],
          },
        ],
      },
    ]);
    const [row] = (await db.query(`SELECT starts_at, registration_closes_at FROM seminar WHERE id = $1`, [
      seminar.id,
    ])) as {
      starts_at: Date;
      registration_closes_at: Date;
    }[];
    expect(first.withinReach[0].seminar).toMatchObject({
      startsAt: row.starts_at.toISOString(),
      registrationClosesAt: row.registration_closes_at.toISOString(),
    });

    // B met (its one lesson), A half-way: one requirement left, A with one lesson, continuing at its second.
    await complete(me.agent, [b.lessonIds[1], a.lessonIds[0]]);
    expect((await outlook(me.agent)).withinReach).toEqual([
      expect.objectContaining({
        met: 1,
        k: 2,
        n: 4,
        lessonsToGate: 1,
        steps: [
          {
            moduleId: a.id,
            title: { fr: 'A' },
            originalLanguage: 'fr',
            lessons: 1,
            continueLessonId: a.lessonIds[1],
          },
        ],
      }),
    ]);

    // The same cheapest way as "For you" (one definition of the computation).
    const forYou = (await me.agent.get(SkillRoutes.recommendations).expect(200)).body as Recommendations;
    expect(
      forYou.modules.map((m) => [m.module.id, m.seminar.id, m.lessonsToGate, m.lessonsInModule]),
    ).toEqual([[a.id, seminar.id, 1, 1]]);

    // A done: the gate is met, the seminar moves to "register now".
    await complete(me.agent, [a.lessonIds[1]]);
    const met = await outlook(me.agent);
    expect(met.withinReach).toEqual([]);
    expect(met.registerNow.map((s) => s.id)).toEqual([seminar.id]);
    expect(met.registerNow[0]).toMatchObject({
      myEligible: true,
      myMet: 2,
      myRegistration: null,
      rule: { k: 2 },
    });
  });

  it('leaves out a seminar whose remaining requirements cannot be learned, and orders by fewest lessons then date', async () => {
    const me = await member();
    const draft = await makeModule(db, space.id, { status: ModuleStatus.Draft, lessons: lessons(1) });
    const one = await makeModule(db, space.id, { lessons: lessons(1) });
    const three = await makeModule(db, space.id, { lessons: lessons(3) });
    const one2 = await makeModule(db, space.id, { lessons: lessons(1) });
    // A requirement on a draft module (published when the rule was written, unpublished since).
    await makeSeminar(db, {
      regionId: me.region.id,
      requirements: [{ moduleId: draft.id, minPercent: 100 }],
    });
    const far = await makeSeminar(db, {
      regionId: me.region.id,
      startsInDays: 3,
      requirements: [{ moduleId: three.id, minPercent: 100 }],
    });
    const nearLater = await makeSeminar(db, {
      regionId: me.region.id,
      startsInDays: 20,
      requirements: [{ moduleId: one.id, minPercent: 100 }],
    });
    const nearSooner = await makeSeminar(db, {
      regionId: me.region.id,
      startsInDays: 10,
      requirements: [{ moduleId: one2.id, minPercent: 100 }],
    });

    const { withinReach } = await outlook(me.agent);
    expect(withinReach.map((w) => [w.seminar.id, w.lessonsToGate])).toEqual([
      [nearSooner.id, 1],
      [nearLater.id, 1],
      [far.id, 3],
    ]);
  });

  it('offers to register only for seminars taking registrations now, of the member’s regions and audience, that they meet and are not registered to', async () => {
    const me = await member();
    const done = await makeModule(db, space.id, { lessons: lessons(2) });
    const todo = await makeModule(db, space.id, { lessons: lessons(2) });
    await complete(me.agent, [done.lessonIds[0]]); // 50 %
    const met = [{ moduleId: done.id, minPercent: 50 }];
    const unmet = [{ moduleId: todo.id, minPercent: 50 }];

    const later = await makeSeminar(db, { regionId: me.region.id, startsInDays: 12, requirements: met });
    const soon = await makeSeminar(db, {
      regionId: me.region.id,
      startsInDays: 4,
      k: 1,
      requirements: [...unmet, ...met],
    });
    const open = await makeSeminar(db, { regionId: me.region.id, startsInDays: 8 }); // no requirement: open to all
    // Never offered: not met, another region, another audience, not taking registrations.
    const notMet = await makeSeminar(db, { regionId: me.region.id, requirements: unmet });
    const elsewhere = await makeRegion(db);
    await makeSeminar(db, { regionId: elsewhere.id, requirements: met });
    await makeSeminar(db, {
      regionId: elsewhere.id,
      audience: 'space',
      spaceId: space.id,
      requirements: met,
    });
    const others = await makeOrganisation(db, me.region.id);
    await makeSeminar(db, {
      regionId: me.region.id,
      audience: 'organisations',
      audienceOrganisationIds: [others.id],
      requirements: met,
    });
    await makeSeminar(db, { regionId: me.region.id, status: 'draft', requirements: met });
    await makeSeminar(db, { regionId: me.region.id, status: 'closed', requirements: met });
    await makeSeminar(db, { regionId: me.region.id, status: 'cancelled', requirements: met });
    await makeSeminar(db, { regionId: me.region.id, registrationOpensInDays: 2, requirements: met });
    const closedWindow = await makeSeminar(db, { regionId: me.region.id, requirements: met });
    await db.query(`UPDATE seminar SET registration_closes_at = now() - interval '1 hour' WHERE id = $1`, [
      closedWindow.id,
    ]);

    const first = await outlook(me.agent);
    expect(first.registerNow.map((s) => s.id)).toEqual([soon.id, open.id, later.id]);
    expect(first.withinReach.map((w) => w.seminar.id)).toEqual([notMet.id]);
    // Each summary is the one the seminars API gives.
    const detail = (await me.agent.get(ApiRoutes.seminar(soon.id)).expect(200)).body as SeminarDetail;
    const {
      myEligibility: _e,
      registrationBlocked: _b,
      registrationBlockedCode: _c,
      can: _can,
      ...summary
    } = detail;
    expect(first.registerNow[0]).toEqual(summary);
    expect(first.registerNow[0]).toMatchObject({ myEligible: true, myMet: 1, myRegistration: null });

    // Registered (through the API): no longer offered. A cancelled registration offers it again.
    await me.agent.post(ApiRoutes.seminarRegistrations(soon.id)).expect(201);
    expect((await outlook(me.agent)).registerNow.map((s) => s.id)).toEqual([open.id, later.id]);
    await db.query(
      `INSERT INTO registration (seminar_id, user_id, status, eligibility_snapshot) VALUES ($1, $2, 'waitlisted', '{}')`,
      [open.id, me.user.id],
    );
    await db.query(
      `INSERT INTO registration (seminar_id, user_id, status, eligibility_snapshot) VALUES ($1, $2, 'waitlisted', '{}')`,
      [notMet.id, me.user.id],
    );
    const registered = await outlook(me.agent);
    expect(registered.registerNow.map((s) => s.id)).toEqual([later.id]);
    expect(registered.withinReach).toEqual([]);
    await me.agent.delete(ApiRoutes.myRegistration(soon.id)).expect(204);
    expect((await outlook(me.agent)).registerNow.map((s) => s.id)).toEqual([soon.id, later.id]);

    // A seminar of the region of another of the member's organisations is theirs too.
    const third = await makeRegion(db);
    const second = await makeOrganisation(db, third.id);
    await db.query(`INSERT INTO membership (user_id, organisation_id) VALUES ($1, $2)`, [
      me.user.id,
      second.id,
    ]);
    const viaOrganisation = await makeSeminar(db, { regionId: third.id, startsInDays: 2, requirements: met });
    expect((await outlook(me.agent)).registerNow.map((s) => s.id)).toEqual([
      viaOrganisation.id,
      soon.id,
      later.id,
    ]);
  });

  it('lists at most SEMINAR_OUTLOOK_LIMIT of each', async () => {
    const me = await member();
    for (let i = 0; i < SEMINAR_OUTLOOK_LIMIT + 2; i++) {
      await makeSeminar(db, { regionId: me.region.id, startsInDays: 10 + i });
      const mod = await makeModule(db, space.id, { lessons: lessons(1 + i) });
      await makeSeminar(db, {
        regionId: me.region.id,
        requirements: [{ moduleId: mod.id, minPercent: 100 }],
      });
    }
    const { registerNow, withinReach } = await outlook(me.agent);
    expect(registerNow).toHaveLength(SEMINAR_OUTLOOK_LIMIT);
    expect(withinReach.map((w) => w.lessonsToGate)).toEqual([1, 2, 3, 4, 5]);
  });

  it('answers 401 when signed out', async () => {
    const res = await t.agent().get(HomeRoutes.seminarOutlook).expect(401);
    expect(res.body).toMatchObject({
      statusCode: 401,
      error: expect.any(String),
      message: expect.any(String),
    });
  });
});
