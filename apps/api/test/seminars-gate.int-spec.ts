import {
  addToSpace,
  createTestApp,
  makeModule,
  makeOrganisation,
  makeSeminar,
  makeSpace,
  makeUser,
  makeWorld,
  signedIn,
  TestApp,
  World,
} from '@pratique/api/testing';
import { ApiRoutes, Eligibility, ModuleStatus, SeminarDetail } from '@pratique/contracts';

const day = 24 * 3600 * 1000;
const inDays = (n: number) => new Date(Date.now() + n * day).toISOString();

describe('seminars: creation rules and the explained gate', () => {
  let t: TestApp;
  let w: World;
  let space: { id: string };
  let modA: { id: string; lessonIds: string[] };
  let modB: { id: string; lessonIds: string[] };
  let modC: { id: string; lessonIds: string[] };
  let draft: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    w = await makeWorld(t);
    space = await makeSpace(t.dataSource);
    modA = await makeModule(t.dataSource, space.id, { title: 'A', lessons: [{}, {}] });
    modB = await makeModule(t.dataSource, space.id, { title: 'B', lessons: [{}, {}, {}] });
    modC = await makeModule(t.dataSource, space.id, { title: 'C', lessons: [{}, {}] });
    draft = await makeModule(t.dataSource, space.id, { status: ModuleStatus.Draft });
  });
  afterAll(() => t.close());

  const body = (over: Record<string, unknown> = {}) => ({
    kind: 'seminar',
    title: { fr: 'Séminaire régional sur la redevabilité', ar: 'ندوة جهوية حول المساءلة' },
    description: { fr: 'Deux jours de travail' },
    originalLanguage: 'fr',
    regionId: w.regionA.id,
    venue: 'Maison des associations',
    address: 'Avenue Habib Bourguiba, Tunis',
    startsAt: inDays(20),
    endsAt: inDays(21),
    capacity: 30,
    registrationOpensAt: inDays(-1),
    registrationClosesAt: inDays(15),
    audience: 'region',
    requiresConfirmation: false,
    rule: { k: 2, requirements: [{ moduleId: modA.id, minPercent: 50 }, { moduleId: modB.id, minPercent: 50 }, { moduleId: modC.id, minPercent: 50 }] },
    ...over,
  });

  it('lets staff of the region and admins create seminars; others get 403/401', async () => {
    const res = await w.as.staffA.post(ApiRoutes.seminars).send(body()).expect(201);
    expect(res.body).toMatchObject({ status: 'draft', capacity: 30, seatsTaken: 0, rule: { k: 2 }, registrationBlockedCode: 'not_open' });
    // Requirements keep the order staff gave them.
    expect(res.body.rule.requirements.map((r: { moduleId: string }) => r.moduleId)).toEqual([modA.id, modB.id, modC.id]);
    // A language sent as "" is removed; the others are kept.
    const edited = await w.as.staffA.patch(ApiRoutes.seminar(res.body.id)).send({ title: { ar: '' } }).expect(200);
    expect(edited.body.title).toEqual({ fr: 'Séminaire régional sur la redevabilité' });
    await w.as.staffA.patch(ApiRoutes.seminar(res.body.id)).send({ title: { fr: '' } }).expect(400);
    // Created and edited (not the refused edit): the worker reschedules its reminders on each.
    const saved = await t.dataSource.query(`SELECT payload FROM outbox WHERE type = 'seminar.saved' AND payload->>'seminarId' = $1`, [res.body.id]);
    expect(saved.map((e: { payload: unknown }) => e.payload)).toEqual([
      { seminarId: res.body.id, regionId: w.regionA.id },
      { seminarId: res.body.id, regionId: w.regionA.id },
    ]);
    await w.as.admin.post(ApiRoutes.seminars).send(body()).expect(201);
    await w.as.staffB.post(ApiRoutes.seminars).send(body()).expect(403);
    await w.as.memberA.post(ApiRoutes.seminars).send(body()).expect(403);
    await w.as.anonymous.post(ApiRoutes.seminars).send(body()).expect(401);
  });

  it.each([
    ['k > N', { rule: { k: 3, requirements: [{ moduleId: 'A', minPercent: 50 }, { moduleId: 'B', minPercent: 50 }] } }, 'rule.'],
    ['k < 1', () => ({ rule: { k: 0, requirements: [{ moduleId: modA.id, minPercent: 50 }] } }), 'rule.k'],
    ['duplicate modules', () => ({ rule: { k: 1, requirements: [{ moduleId: modA.id, minPercent: 50 }, { moduleId: modA.id, minPercent: 60 }] } }), 'rule.requirements.1.moduleId'],
    ['an unpublished module', () => ({ rule: { k: 1, requirements: [{ moduleId: draft.id, minPercent: 50 }] } }), 'rule.requirements.0.moduleId'],
    ['percent 0', () => ({ rule: { k: 1, requirements: [{ moduleId: modA.id, minPercent: 0 }] } }), 'rule.requirements.0.minPercent'],
    ['percent 101', () => ({ rule: { k: 1, requirements: [{ moduleId: modA.id, minPercent: 101 }] } }), 'rule.requirements.0.minPercent'],
    ['ends before it starts', () => ({ endsAt: inDays(19) }), 'endsAt'],
    ['registration closing after the start', () => ({ registrationClosesAt: inDays(25) }), 'registrationClosesAt'],
    ['a bad date', () => ({ startsAt: 'tomorrow' }), 'startsAt'],
    ['zero capacity', () => ({ capacity: 0 }), 'capacity'],
    ['a space audience without space', () => ({ audience: 'space' }), 'spaceId'],
    ['an http online link', () => ({ onlineUrl: 'http://meet.example.org/x' }), 'onlineUrl'],
  ])('rejects %s with 400 naming the field, writing nothing', async (_label, over, field) => {
    const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM seminar`))[0].n;
    const res = await w.as.staffA.post(ApiRoutes.seminars).send(body(typeof over === 'function' ? over() : over)).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).join(' ')).toContain(field);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM seminar`))[0].n).toBe(before);
  });

  it('explains the gate: each requirement with current vs required percent, met, still needed, next lessons', async () => {
    const seminar = await makeSeminar(t.dataSource, {
      regionId: w.regionA.id,
      k: 2,
      requirements: [{ moduleId: modA.id, minPercent: 50 }, { moduleId: modB.id, minPercent: 60 }, { moduleId: modC.id, minPercent: 50 }],
    });
    const user = await makeUser(t.dataSource, { regionId: w.regionA.id });
    await addToSpace(t.dataSource, space.id, user.id);
    const me = await signedIn(t, user);
    await me.post(ApiRoutes.lessonComplete(modA.lessonIds[0])).expect(200); // A: 50 %
    await me.post(ApiRoutes.lessonComplete(modB.lessonIds[0])).expect(200); // B: 33 % < 60

    const e: Eligibility = (await me.get(ApiRoutes.seminarEligibility(seminar.id)).expect(200)).body;
    expect(e).toMatchObject({ eligible: false, inAudience: true, k: 2, n: 3, met: 1, stillNeeded: 1 });
    const b = e.requirements.find((r) => r.moduleId === modB.id)!;
    expect(b).toMatchObject({ requiredPercent: 60, currentPercent: 33, met: false });
    expect(b.nextLessons.map((l) => l.lessonId)).toEqual([modB.lessonIds[1], modB.lessonIds[2]]);
    expect(e.requirements.find((r) => r.moduleId === modA.id)).toMatchObject({ currentPercent: 50, met: true, nextLessons: [] });

    // Just below the threshold: refused with the explanation; one more lesson, then admitted.
    const refused = await me.post(ApiRoutes.seminarRegistrations(seminar.id)).expect(403);
    expect(refused.body.eligibility).toMatchObject({ eligible: false, stillNeeded: 1 });
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM registration WHERE seminar_id = $1`, [seminar.id]))[0].n).toBe(0);
    await me.post(ApiRoutes.lessonComplete(modB.lessonIds[1])).expect(200); // B: 66 %
    const admitted = await me.post(ApiRoutes.seminarRegistrations(seminar.id)).expect(201);
    expect(admitted.body).toMatchObject({ status: 'confirmed', eligibilitySnapshot: { eligible: true, met: 2 } });
    const detail: SeminarDetail = (await me.get(ApiRoutes.seminar(seminar.id)).expect(200)).body;
    expect(detail).toMatchObject({ myRegistration: 'confirmed', myEligible: true, myMet: 2, seatsTaken: 1, registrationBlockedCode: null, can: { register: false, cancel: true } });
  });

  it('opens a seminar with no requirement to its whole audience, and only to it', async () => {
    const seminar = await makeSeminar(t.dataSource, { regionId: w.regionA.id, k: 0 });
    expect((await w.as.memberA.get(ApiRoutes.seminarEligibility(seminar.id)).expect(200)).body).toMatchObject({ eligible: true, n: 0 });
    const other = await w.as.memberB.get(ApiRoutes.seminarEligibility(seminar.id)).expect(200);
    expect(other.body).toMatchObject({ eligible: false, inAudience: false });
    await w.as.memberB.post(ApiRoutes.seminarRegistrations(seminar.id)).expect(403);
  });

  it('restricts the audience to some organisations or to a space', async () => {
    const org = await makeOrganisation(t.dataSource, w.regionB.id);
    const inOrg = await signedIn(t, await makeUser(t.dataSource, { regionId: w.regionB.id, organisationId: org.id }));
    const byOrg = await makeSeminar(t.dataSource, { regionId: w.regionA.id, audience: 'organisations', audienceOrganisationIds: [org.id] });
    expect((await inOrg.get(ApiRoutes.seminarEligibility(byOrg.id)).expect(200)).body.eligible).toBe(true);
    expect((await w.as.memberA.get(ApiRoutes.seminarEligibility(byOrg.id)).expect(200)).body.inAudience).toBe(false);
    const bySpace = await makeSeminar(t.dataSource, { regionId: w.regionA.id, audience: 'space', spaceId: space.id });
    expect((await inOrg.get(ApiRoutes.seminarEligibility(bySpace.id)).expect(200)).body.inAudience).toBe(false);
  });

  it('refuses registration to closed, cancelled, past and not-yet-open seminars, with the reason', async () => {
    const cases: [Parameters<typeof makeSeminar>[1], RegExp][] = [
      [{ regionId: w.regionA.id, status: 'closed' }, /not open/],
      [{ regionId: w.regionA.id, status: 'cancelled' }, /cancelled/],
      [{ regionId: w.regionA.id, startsInDays: -1, registrationOpensInDays: -5, registrationClosesInDays: -2 }, /already taken place/],
      [{ regionId: w.regionA.id, registrationOpensInDays: 2 }, /open on/],
      [{ regionId: w.regionA.id, registrationOpensInDays: -5, registrationClosesInDays: -1 }, /closed/],
    ];
    for (const [options, reason] of cases) {
      const s = await makeSeminar(t.dataSource, options);
      const res = await w.as.memberA.post(ApiRoutes.seminarRegistrations(s.id)).expect(409);
      expect(res.body.errors[0].reason).toMatch(reason);
    }
  });

  it('hides drafts from members, and lets staff of another region neither see the dashboard nor edit', async () => {
    const s = await makeSeminar(t.dataSource, { regionId: w.regionA.id, status: 'draft' });
    await w.as.memberA.get(ApiRoutes.seminar(s.id)).expect(404);
    await w.as.staffB.get(ApiRoutes.seminar(s.id)).expect(404);
    await w.as.staffA.get(ApiRoutes.seminar(s.id)).expect(200);
    // The eligibility of a draft is hidden the same way, with the same answer as an unknown id.
    const hidden = await w.as.memberA.get(ApiRoutes.seminarEligibility(s.id)).expect(404);
    expect(hidden.body).toEqual((await w.as.memberA.get(ApiRoutes.seminarEligibility('00000000-0000-4000-8000-000000000000')).expect(404)).body);
    expect(hidden.body.errors).toEqual([{ field: 'id', reason: 'is not a known seminar' }]);
    await w.as.staffB.get(ApiRoutes.seminarEligibility(s.id)).expect(404);
    expect((await w.as.staffA.get(ApiRoutes.seminarEligibility(s.id)).expect(200)).body).toMatchObject({ eligible: expect.any(Boolean), k: 0 });
    const open = await makeSeminar(t.dataSource, { regionId: w.regionA.id });
    await w.as.staffB.get(ApiRoutes.seminarDashboard(open.id)).expect(403);
    await w.as.staffB.patch(ApiRoutes.seminar(open.id)).send({ capacity: 5 }).expect(403);
    await w.as.memberA.get(ApiRoutes.seminarDashboard(open.id)).expect(403);
    await w.as.staffA.patch(ApiRoutes.seminar(open.id)).send({ capacity: 5, status: 'closed' }).expect(200);
    await w.as.staffA.patch(ApiRoutes.seminar(open.id)).send({ status: 'draftish' }).expect(400);
    await w.as.anonymous.get(ApiRoutes.seminar(open.id)).expect(401);
  });

  it('lists upcoming seminars of my region with my eligibility badge, and serves an .ics', async () => {
    const s = await makeSeminar(t.dataSource, { regionId: w.regionA.id, k: 0 });
    const list = await w.as.memberA.get(`${ApiRoutes.seminars}?pageSize=100`).expect(200);
    const mine = list.body.items.find((x: { id: string }) => x.id === s.id);
    expect(mine).toMatchObject({ myEligible: true, myRegistration: null });
    const other = await w.as.memberB.get(`${ApiRoutes.seminars}?pageSize=100`).expect(200);
    expect(other.body.items.map((x: { id: string }) => x.id)).not.toContain(s.id);
    await w.as.memberA.get(`${ApiRoutes.seminars}?kind=conference`).expect(400);
    const ics = await w.as.memberA.get(ApiRoutes.seminarIcs(s.id)).expect(200);
    expect(ics.headers['content-type']).toMatch(/text\/calendar/);
    expect(ics.text).toMatch(/BEGIN:VEVENT[\s\S]*SUMMARY:Séminaire de test[\s\S]*END:VEVENT/);
  });
});
