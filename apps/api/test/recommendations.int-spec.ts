/**
 * `GET /api/me/recommendations` ("For you"): modules on the cheapest way to a seminar's gate,
 * spaces matching the member's skills and interests, requests fitting the member's open offers.
 * Each test has a member of a fresh region, so other files' seminars and spaces stay out of it.
 */
import {
  addToSpace,
  Agent,
  createTestApp,
  makeModule,
  makeOrganisation,
  makeRegion,
  makeSeminar,
  makeSkillOffer,
  makeSkillRequest,
  makeSpace,
  makeUser,
  signedIn,
  TestApp,
  uid,
} from '@pratique/api/testing';
import {
  ApiRoutes,
  ModuleStatus,
  RECOMMENDATION_LIMIT,
  Recommendations,
  SkillRoutes,
} from '@pratique/contracts';
import { DataSource } from 'typeorm';

describe('recommendations ("For you")', () => {
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
  async function member(over: { displayName?: string } = {}) {
    const region = await makeRegion(db);
    const organisation = await makeOrganisation(db, region.id);
    const user = await makeUser(db, { regionId: region.id, organisationId: organisation.id, ...over });
    await addToSpace(db, space.id, user.id);
    return { region, organisation, user, agent: await signedIn(t, user) };
  }
  const lessons = (n: number) => Array.from({ length: n }, () => ({}));
  /** Completes the first `n` lessons through the API, as the member would. */
  async function complete(agent: Agent, mod: { lessonIds: string[] }, n: number) {
    for (const id of mod.lessonIds.slice(0, n)) await agent.post(ApiRoutes.lessonComplete(id)).expect(200);
  }
  const forMe = async (agent: Agent) =>
    (await agent.get(SkillRoutes.recommendations).expect(200)).body as Recommendations;
  const moduleView = (r: Recommendations['modules'][number]) => ({
    module: r.module.id,
    seminar: r.seminar.id,
    lessonsToGate: r.lessonsToGate,
    lessonsInModule: r.lessonsInModule,
  });

  it('puts the module one lesson away from a gate first, ahead of one three lessons away', async () => {
    const me = await member();
    const near = await makeModule(db, space.id, { title: 'Proche', lessons: lessons(2) });
    const far = await makeModule(db, space.id, { title: 'Loin', lessons: lessons(3) });
    await complete(me.agent, near, 1);
    // The farther seminar starts first: lessons to the gate order before dates.
    const farSeminar = await makeSeminar(db, {
      regionId: me.region.id,
      startsInDays: 5,
      requirements: [{ moduleId: far.id, minPercent: 100 }],
    });
    const nearSeminar = await makeSeminar(db, {
      regionId: me.region.id,
      startsInDays: 20,
      requirements: [{ moduleId: near.id, minPercent: 100 }],
    });

    const { modules } = await forMe(me.agent);
    expect(modules.map(moduleView)).toEqual([
      { module: near.id, seminar: nearSeminar.id, lessonsToGate: 1, lessonsInModule: 1 },
      { module: far.id, seminar: farSeminar.id, lessonsToGate: 3, lessonsInModule: 3 },
    ]);
    expect(modules[0]).toMatchObject({
      kind: 'module',
      module: { title: { fr: 'Proche' }, originalLanguage: 'fr' },
      seminar: { title: { fr: 'Séminaire de test' }, originalLanguage: 'fr' },
    });
    expect(new Date(modules[0].seminar.startsAt).getTime()).toBeGreaterThan(
      new Date(modules[1].seminar.startsAt).getTime(),
    );
  });

  it('counts lessons with the floored percent: 50 % of 3 lessons needs 2, of 4 needs 2, and optional lessons count when none is required', async () => {
    const me = await member();
    const three = await makeModule(db, space.id, { lessons: lessons(3) });
    const four = await makeModule(db, space.id, { lessons: lessons(4) });
    const optional = await makeModule(db, space.id, {
      lessons: [
        { required: false },
        { required: false },
        { required: false },
        { required: false },
        { required: false },
      ],
    });
    const mixed = await makeModule(db, space.id, {
      lessons: [{ required: true }, { required: false }, { required: false }],
    });
    const s3 = await makeSeminar(db, {
      regionId: me.region.id,
      startsInDays: 10,
      requirements: [{ moduleId: three.id, minPercent: 50 }],
    });
    const s4 = await makeSeminar(db, {
      regionId: me.region.id,
      startsInDays: 11,
      requirements: [{ moduleId: four.id, minPercent: 50 }],
    });
    const sOptional = await makeSeminar(db, {
      regionId: me.region.id,
      startsInDays: 12,
      requirements: [{ moduleId: optional.id, minPercent: 41 }],
    });
    const sMixed = await makeSeminar(db, {
      regionId: me.region.id,
      startsInDays: 13,
      requirements: [{ moduleId: mixed.id, minPercent: 100 }],
    });
    await complete(me.agent, optional, 1);

    expect((await forMe(me.agent)).modules.map(moduleView)).toEqual([
      // Only the one required lesson counts in `mixed`.
      { module: mixed.id, seminar: sMixed.id, lessonsToGate: 1, lessonsInModule: 1 },
      // ceil(41 × 5 / 100) = 3 lessons, one done; then by seminar date for equal costs.
      { module: three.id, seminar: s3.id, lessonsToGate: 2, lessonsInModule: 2 },
      { module: four.id, seminar: s4.id, lessonsToGate: 2, lessonsInModule: 2 },
      { module: optional.id, seminar: sOptional.id, lessonsToGate: 2, lessonsInModule: 2 },
    ]);
  });

  it('recommends only the cheapest unmet modules of a k-of-N seminar, and counts what is already met', async () => {
    const me = await member();
    const a = await makeModule(db, space.id, { title: 'A', lessons: lessons(2) }); // 2 to go
    const b = await makeModule(db, space.id, { title: 'B', lessons: lessons(1) }); // 1 to go
    const c = await makeModule(db, space.id, { title: 'C', lessons: lessons(4) }); // 4 to go
    const archived = await makeModule(db, space.id, {
      title: 'Archivé',
      status: ModuleStatus.Archived,
      lessons: lessons(1),
    });
    const seminar = await makeSeminar(db, {
      regionId: me.region.id,
      k: 2,
      requirements: [
        { moduleId: c.id, minPercent: 100 },
        { moduleId: a.id, minPercent: 100 },
        { moduleId: archived.id, minPercent: 100 },
        { moduleId: b.id, minPercent: 100 },
      ],
    });
    // An archived module cannot be learned: it is never on the way, even though it is cheap.
    expect((await forMe(me.agent)).modules.map(moduleView)).toEqual([
      { module: b.id, seminar: seminar.id, lessonsToGate: 3, lessonsInModule: 1 },
      { module: a.id, seminar: seminar.id, lessonsToGate: 3, lessonsInModule: 2 },
    ]);

    // B met: one more requirement is needed, the cheapest left is A.
    await complete(me.agent, b, 1);
    expect((await forMe(me.agent)).modules.map(moduleView)).toEqual([
      { module: a.id, seminar: seminar.id, lessonsToGate: 2, lessonsInModule: 2 },
    ]);
  });

  it('keeps, for a module on the way to several seminars, its best seminar', async () => {
    const me = await member();
    const shared = await makeModule(db, space.id, { lessons: lessons(2) });
    const other = await makeModule(db, space.id, { lessons: lessons(1) });
    // Through `both`, shared's way costs 2 + 1; through `alone`, 2.
    const both = await makeSeminar(db, {
      regionId: me.region.id,
      startsInDays: 3,
      k: 2,
      requirements: [
        { moduleId: shared.id, minPercent: 100 },
        { moduleId: other.id, minPercent: 100 },
      ],
    });
    const alone = await makeSeminar(db, {
      regionId: me.region.id,
      startsInDays: 30,
      requirements: [{ moduleId: shared.id, minPercent: 100 }],
    });
    expect((await forMe(me.agent)).modules.map(moduleView)).toEqual([
      { module: shared.id, seminar: alone.id, lessonsToGate: 2, lessonsInModule: 2 },
      { module: other.id, seminar: both.id, lessonsToGate: 3, lessonsInModule: 1 },
    ]);
  });

  it('recommends nothing for a seminar the member is eligible for or registered to; a cancelled registration does not count', async () => {
    const me = await member();
    const done = await makeModule(db, space.id, { lessons: lessons(2) });
    const todo = await makeModule(db, space.id, { lessons: lessons(2) });
    await complete(me.agent, done, 1);
    // Eligible: 50 % reached; k = 1 of two requirements, the other unmet.
    await makeSeminar(db, {
      regionId: me.region.id,
      k: 1,
      requirements: [
        { moduleId: done.id, minPercent: 50 },
        { moduleId: todo.id, minPercent: 100 },
      ],
    });
    // No requirement: open to all, nothing to learn.
    await makeSeminar(db, { regionId: me.region.id });
    const registered = await makeSeminar(db, {
      regionId: me.region.id,
      requirements: [{ moduleId: todo.id, minPercent: 50 }],
    });
    await db.query(
      `INSERT INTO registration (seminar_id, user_id, status, eligibility_snapshot) VALUES ($1, $2, 'waitlisted', '{}')`,
      [registered.id, me.user.id],
    );
    expect((await forMe(me.agent)).modules).toEqual([]);

    await db.query(`UPDATE registration SET status = 'cancelled' WHERE seminar_id = $1 AND user_id = $2`, [
      registered.id,
      me.user.id,
    ]);
    expect((await forMe(me.agent)).modules.map(moduleView)).toEqual([
      { module: todo.id, seminar: registered.id, lessonsToGate: 1, lessonsInModule: 1 },
    ]);
  });

  it('recommends nothing for seminars of another region, outside the member’s audience, or not taking registrations', async () => {
    const me = await member();
    const elsewhere = await makeRegion(db);
    const mod = await makeModule(db, space.id, { lessons: lessons(2) });
    const requirements = [{ moduleId: mod.id, minPercent: 50 }];
    await makeSeminar(db, { regionId: elsewhere.id, requirements });
    // Another region's seminar for a space the member is in: still not their region.
    await makeSeminar(db, { regionId: elsewhere.id, audience: 'space', spaceId: space.id, requirements });
    // Their region, for other organisations only.
    const others = await makeOrganisation(db, me.region.id);
    await makeSeminar(db, {
      regionId: me.region.id,
      audience: 'organisations',
      audienceOrganisationIds: [others.id],
      requirements,
    });
    // Their region, but a draft, registrations not yet open, closed, or cancelled.
    await makeSeminar(db, { regionId: me.region.id, status: 'draft', requirements });
    await makeSeminar(db, { regionId: me.region.id, registrationOpensInDays: 2, requirements });
    await makeSeminar(db, { regionId: me.region.id, status: 'closed', requirements });
    await makeSeminar(db, { regionId: me.region.id, status: 'cancelled', requirements });
    expect((await forMe(me.agent)).modules).toEqual([]);

    // A seminar of the region of one of the member's organisations is theirs too.
    const third = await makeRegion(db);
    const second = await makeOrganisation(db, third.id);
    await db.query(`INSERT INTO membership (user_id, organisation_id) VALUES ($1, $2)`, [
      me.user.id,
      second.id,
    ]);
    const mine = await makeSeminar(db, {
      regionId: third.id,
      audience: 'organisations',
      audienceOrganisationIds: [second.id],
      requirements,
    });
    expect((await forMe(me.agent)).modules.map((m) => m.seminar.id)).toEqual([mine.id]);
  });

  it('lists at most RECOMMENDATION_LIMIT modules', async () => {
    const me = await member();
    for (let i = 0; i < RECOMMENDATION_LIMIT + 2; i++) {
      const mod = await makeModule(db, space.id, { lessons: lessons(1 + i) });
      await makeSeminar(db, {
        regionId: me.region.id,
        requirements: [{ moduleId: mod.id, minPercent: 100 }],
      });
    }
    const { modules } = await forMe(me.agent);
    expect(modules.map((m) => m.lessonsToGate)).toEqual([1, 2, 3, 4, 5]);
  });

  it('suggests joinable spaces whose title, description or axis match the member’s skills and interests, with exactly what matched', async () => {
    const me = await member();
    const u = uid();
    const [plaidoyer, budget, genre, absent] = [`plaidoyer${u}`, `budget${u}`, `genre${u}`, `absent${u}`];
    await me.agent
      .put(ApiRoutes.myProfile)
      .send({ skills: [plaidoyer, budget, absent], interests: [`Genre${u}`, 'human rights'] })
      .expect(200);

    const insert = async (o: {
      title: Record<string, string>;
      description?: Record<string, string>;
      axis?: string;
      scope?: string;
      regionId?: string | null;
      status?: string;
    }) => {
      const slug = `reco-${uid()}`;
      const [row] = await db.query(
        `INSERT INTO space (slug, title, description, original_language, axis, scope, region_id, visibility, status)
         VALUES ($1, $2, $3, 'fr', $4, $5, $6, 'members', $7) RETURNING id`,
        [
          slug,
          JSON.stringify(o.title),
          JSON.stringify(o.description ?? {}),
          o.axis ?? 'governance',
          o.scope ?? 'national',
          o.regionId ?? null,
          o.status ?? 'open',
        ],
      );
      return { id: row.id as string, slug };
    };
    // Two skills in the title (one upper-cased), one interest in the Arabic description, the axis.
    const best = await insert({
      title: { fr: `Le ${plaidoyer.toUpperCase()} et le ${budget}` },
      axis: 'human_rights',
    });
    const regional = await insert({
      title: { fr: 'Espace régional' },
      // Two matches, so it ranks second whatever other files' spaces match "human rights" by axis (one each).
      description: { ar: `فضاء ${genre} و${budget}` },
      scope: 'regional',
      regionId: me.region.id,
    });
    // Not joinable or already joined: never suggested.
    await insert({ title: { fr: plaidoyer }, status: 'archived' });
    await insert({ title: { fr: plaidoyer }, scope: 'regional', regionId: (await makeRegion(db)).id });
    const joined = await insert({ title: { fr: plaidoyer } });
    await addToSpace(db, joined.id, me.user.id);
    // No match ("fr" is a key of the title, not its text).
    await insert({ title: { fr: 'Rien à voir' } });

    const { spaces } = await forMe(me.agent);
    expect(spaces[0]).toEqual({
      kind: 'space',
      space: {
        id: best.id,
        slug: best.slug,
        title: { fr: `Le ${plaidoyer.toUpperCase()} et le ${budget}` },
        originalLanguage: 'fr',
      },
      matching: [plaidoyer, budget, 'human rights'],
    });
    expect(spaces[1]).toMatchObject({ space: { id: regional.id }, matching: [budget, genre] });
    // Beyond these two, only spaces matching "human rights" through their axis (other files' spaces).
    for (const s of spaces.slice(2)) expect(s.matching).toEqual(['human rights']);
    expect(spaces.length).toBeLessThanOrEqual(RECOMMENDATION_LIMIT);
  });

  it('suggests no space to a member without skills or interests', async () => {
    const me = await member();
    expect((await forMe(me.agent)).spaces).toEqual([]);
  });

  it('suggests open requests sharing skills with the member’s open offers, not from their own organisation', async () => {
    const me = await member();
    const u = uid();
    const [budget, plaidoyer, compta, juridique] = [
      `budget-${u}`,
      `plaidoyer-${u}`,
      `compta-${u}`,
      `juridique-${u}`,
    ];
    const day = 24 * 3600 * 1000;
    const broad = await makeSkillOffer(db, {
      authorId: me.user.id,
      skills: [budget, plaidoyer, compta],
      title: 'Finances',
      createdAt: new Date(Date.now() - 3 * day),
    });
    const narrow = await makeSkillOffer(db, {
      authorId: me.user.id,
      skills: [budget],
      title: 'Budget',
      createdAt: new Date(Date.now() - day),
    });
    await makeSkillOffer(db, { authorId: me.user.id, skills: [juridique], status: 'closed' });
    const orgX = await makeOrganisation(db, me.region.id);
    const orgY = await makeOrganisation(db, me.region.id);

    const two = await makeSkillRequest(db, {
      organisationId: orgX.id,
      authorId: null,
      skills: [plaidoyer, 'autre', budget],
      title: 'Deux compétences',
      createdAt: new Date(Date.now() - 5 * day),
    });
    const oneOld = await makeSkillRequest(db, {
      organisationId: orgY.id,
      authorId: null,
      skills: [budget],
      createdAt: new Date(Date.now() - 4 * day),
    });
    const oneNew = await makeSkillRequest(db, {
      organisationId: orgY.id,
      authorId: null,
      skills: [compta],
      createdAt: new Date(Date.now() - 2 * day),
    });
    // Never: the member's own organisation, a closed request, a skill of a closed offer only, no shared skill.
    await makeSkillRequest(db, {
      organisationId: me.organisation.id,
      authorId: me.user.id,
      skills: [budget, plaidoyer, compta],
    });
    await makeSkillRequest(db, {
      organisationId: orgX.id,
      authorId: null,
      skills: [budget, plaidoyer, compta],
      status: 'closed',
    });
    await makeSkillRequest(db, { organisationId: orgX.id, authorId: null, skills: [juridique] });
    await makeSkillRequest(db, { organisationId: orgX.id, authorId: null, skills: [`autre-${u}`] });

    const { requests } = await forMe(me.agent);
    expect(requests).toEqual([
      {
        kind: 'request',
        request: { id: two.id, title: 'Deux compétences', organisation: { id: orgX.id, name: orgX.name } },
        offer: { id: broad.id, title: 'Finances' },
        skills: [plaidoyer, budget],
      },
      // One shared skill each: the newest request first; for budget both offers fit, the newer one is given.
      {
        kind: 'request',
        request: expect.objectContaining({ id: oneNew.id }),
        offer: { id: broad.id, title: 'Finances' },
        skills: [compta],
      },
      {
        kind: 'request',
        request: expect.objectContaining({ id: oneOld.id }),
        offer: { id: narrow.id, title: 'Budget' },
        skills: [budget],
      },
    ]);

    // Closing the offers ends the suggestions.
    await db.query(`UPDATE skill_offer SET status = 'closed' WHERE author_id = $1`, [me.user.id]);
    expect((await forMe(me.agent)).requests).toEqual([]);
  });

  it('answers 401 when signed out', async () => {
    await t.agent().get(SkillRoutes.recommendations).expect(401);
  });
});
