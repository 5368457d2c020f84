/**
 * `GET /api/me/home`: a member's modules with percent and their next seminars with eligibility,
 * in one request — the same answers as `GET /api/me/modules` and `GET /api/seminars`.
 */
import { addToSpace, createTestApp, makeModule, makeOrganisation, makeRegion, makeSeminar, makeSpace, makeUser, signedIn, TestApp } from '@pratique/api/testing';
import { ApiRoutes, MEMBER_HOME_SEMINARS, MemberHome } from '@pratique/contracts';

describe('member home', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists my modules with percent and my next seminars with my eligibility and registration, soonest first', async () => {
    const db = t.dataSource;
    const region = await makeRegion(db);
    const elsewhere = await makeRegion(db);
    const organisation = await makeOrganisation(db, region.id);
    const space = await makeSpace(db);
    const mod = await makeModule(db, space.id, { title: 'Gouvernance associative', lessons: [{}, {}] });
    const user = await makeUser(db, { regionId: region.id, organisationId: organisation.id });
    await addToSpace(db, space.id, user.id);
    const me = await signedIn(t, user);
    await me.post(ApiRoutes.lessonComplete(mod.lessonIds[0])).expect(200);

    const open = await makeSeminar(db, { regionId: region.id, startsInDays: 10, requirements: [{ moduleId: mod.id, minPercent: 50 }] });
    const locked = await makeSeminar(db, { regionId: region.id, startsInDays: 5, requirements: [{ moduleId: mod.id, minPercent: 100 }] });
    const hidden = await makeSeminar(db, { regionId: elsewhere.id, startsInDays: 3 });
    await me.post(ApiRoutes.seminarRegistrations(open.id)).send({}).expect(201);

    const home = (await me.get(ApiRoutes.myHome).expect(200)).body as MemberHome;
    expect(home.modules).toEqual([expect.objectContaining({ moduleId: mod.id, percent: 50, continueLessonId: mod.lessonIds[1] })]);
    expect(home.seminars.map((s) => s.id)).toEqual([locked.id, open.id]);
    expect(home.seminars.map((s) => s.id)).not.toContain(hidden.id);
    expect(home.seminars[0]).toMatchObject({ myEligible: false, myMet: 0, myRegistration: null });
    expect(home.seminars[1]).toMatchObject({ myEligible: true, myMet: 1, myRegistration: 'confirmed' });

    // The same answers as the two lists it stands for.
    expect(home.modules).toEqual((await me.get(ApiRoutes.myModules).expect(200)).body);
    const seminars = (await me.get(`${ApiRoutes.seminars}?pageSize=${MEMBER_HOME_SEMINARS}`).expect(200)).body.items;
    expect(home.seminars).toEqual(seminars);
  });

  it('lists at most MEMBER_HOME_SEMINARS seminars, and nothing for a member with no modules', async () => {
    const db = t.dataSource;
    const region = await makeRegion(db);
    for (let i = 0; i < MEMBER_HOME_SEMINARS + 2; i++) await makeSeminar(db, { regionId: region.id, startsInDays: 3 + i });
    const me = await signedIn(t, await makeUser(db, { regionId: region.id }));
    const home = (await me.get(ApiRoutes.myHome).expect(200)).body as MemberHome;
    expect(home.modules).toEqual([]);
    expect(home.seminars).toHaveLength(MEMBER_HOME_SEMINARS);
  });

  it('answers 401 to a visitor who is not signed in', async () => {
    await t.agent().get(ApiRoutes.myHome).expect(401);
  });
});
