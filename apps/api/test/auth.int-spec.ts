import {
  addToSpace,
  createTestApp,
  makeOrganisation,
  makeRegion,
  makeSpace,
  makeUser,
  signedIn,
  TestApp,
  uid,
} from '@pratique/api/testing';
import { ApiRoutes, CurrentUser, SpaceRole } from '@pratique/contracts';

describe('accounts: sign-up, sign-in, sign-out, me', () => {
  let t: TestApp;
  let region: { id: string };
  let organisation: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    region = await makeRegion(t.dataSource);
    organisation = await makeOrganisation(t.dataSource, region.id);
  });
  afterAll(() => t.close());

  const signUpBody = (overrides: Record<string, unknown> = {}) => ({
    email: `Amina.${uid()}@Association.tn`,
    password: 'a-long-enough-password',
    displayName: 'Amina Ben Salah',
    preferredLanguage: 'ar',
    regionId: region.id,
    organisationId: organisation.id,
    ...overrides,
  });

  it('signs up, is signed in at once, and stores an argon2id hash', async () => {
    const agent = t.agent();
    const body = signUpBody();
    const res = await agent.post(ApiRoutes.auth.signUp).send(body).expect(201);
    const me: CurrentUser = res.body;
    expect(me).toMatchObject({
      email: body.email.toLowerCase(),
      displayName: 'Amina Ben Salah',
      preferredLanguage: 'ar',
      regionId: region.id,
      isAdmin: false,
      staffRegionIds: [],
      animatesSpaces: false,
      organisations: [{ id: organisation.id }],
    });
    expect(res.body).not.toHaveProperty('passwordHash');
    expect(res.headers['set-cookie']?.[0]).toMatch(/pratique\.sid=.*HttpOnly.*SameSite=Lax/i);

    await agent.get(ApiRoutes.auth.me).expect(200).expect((r) => expect(r.body.id).toBe(me.id));
    const [row] = await t.dataSource.query(`SELECT password_hash FROM app_user WHERE id = $1`, [me.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('says whether the user animates a space (the web app shows animators what they look after)', async () => {
    const user = await makeUser(t.dataSource, { regionId: region.id });
    const agent = await signedIn(t, user);
    expect((await agent.get(ApiRoutes.auth.me).expect(200)).body.animatesSpaces).toBe(false);
    const space = await makeSpace(t.dataSource, { regionId: region.id });
    await addToSpace(t.dataSource, space.id, user.id, SpaceRole.Animator);
    expect((await agent.get(ApiRoutes.auth.me).expect(200)).body.animatesSpaces).toBe(true);
  });

  it('signs in with the right password (any e-mail case), out, and forgets the session', async () => {
    const body = signUpBody();
    await t.agent().post(ApiRoutes.auth.signUp).send(body).expect(201);

    const agent = t.agent();
    await agent.get(ApiRoutes.auth.me).expect(401);
    await agent.post(ApiRoutes.auth.signIn).send({ email: body.email.toUpperCase(), password: body.password }).expect(200);
    await agent.get(ApiRoutes.auth.me).expect(200);
    await agent.post(ApiRoutes.auth.signOut).expect(204);
    await agent.get(ApiRoutes.auth.me).expect(401);
  });

  it('kills the session on the server at sign-out: replaying the old cookie gets 401', async () => {
    const agent = t.agent();
    const res = await agent.post(ApiRoutes.auth.signUp).send(signUpBody()).expect(201);
    const cookie = res.headers['set-cookie'][0].split(';')[0];
    await t.agent().get(ApiRoutes.auth.me).set('Cookie', cookie).expect(200);
    await agent.post(ApiRoutes.auth.signOut).expect(204);
    await t.agent().get(ApiRoutes.auth.me).set('Cookie', cookie).expect(401);
  });

  it('refuses a wrong password and an unknown e-mail with the same 401', async () => {
    const body = signUpBody();
    await t.agent().post(ApiRoutes.auth.signUp).send(body).expect(201);
    const wrong = await t.agent().post(ApiRoutes.auth.signIn).send({ email: body.email, password: 'not-the-password' }).expect(401);
    const unknown = await t.agent().post(ApiRoutes.auth.signIn).send({ email: `nobody.${uid()}@x.tn`, password: 'whatever-pass' }).expect(401);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('rejects a duplicate e-mail (in any case) with 409 naming the field', async () => {
    const body = signUpBody();
    await t.agent().post(ApiRoutes.auth.signUp).send(body).expect(201);
    const res = await t.agent().post(ApiRoutes.auth.signUp).send({ ...body, email: body.email.toUpperCase() }).expect(409);
    expect(res.body.errors).toEqual([{ field: 'email', reason: 'is already registered' }]);
  });

  it.each([
    ['empty body', {}, 'email'],
    ['bad e-mail', { email: 'not-an-email' }, 'email'],
    ['short password', { password: 'short' }, 'password'],
    ['too long name', { displayName: 'x'.repeat(81) }, 'displayName'],
    ['empty name', { displayName: '   ' }, 'displayName'],
    ['wrong type', { displayName: 42 }, 'displayName'],
    ['unknown language', { preferredLanguage: 'de' }, 'preferredLanguage'],
    ['region not a uuid', { regionId: 'tunis' }, 'regionId'],
    ['unknown field (mass assignment)', { isAdmin: true }, 'isAdmin'],
  ])('rejects %s with 400 naming the field', async (_label, overrides, field) => {
    const body = _label === 'empty body' ? {} : signUpBody(overrides);
    const res = await t.agent().post(ApiRoutes.auth.signUp).send(body).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(res.body.errors.every((e: { reason: string }) => e.reason.length > 0)).toBe(true);
  });

  it('rejects unknown region and organisation ids, and an organisation of another region, writing nothing', async () => {
    const other = await makeRegion(t.dataSource);
    const otherOrg = await makeOrganisation(t.dataSource, other.id);
    const body = signUpBody({ regionId: '00000000-0000-4000-8000-000000000000' });
    let res = await t.agent().post(ApiRoutes.auth.signUp).send(body).expect(400);
    expect(res.body.errors[0].field).toBe('regionId');
    res = await t.agent().post(ApiRoutes.auth.signUp).send(signUpBody({ organisationId: otherOrg.id })).expect(400);
    expect(res.body.errors[0]).toEqual({ field: 'organisationId', reason: 'is not an organisation of the chosen region' });
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM app_user WHERE email = $1`, [body.email.toLowerCase()]);
    expect(count).toBe(0);
  });

  it('answers malformed JSON and a non-JSON body with 4xx, never 500', async () => {
    await t.agent().post(ApiRoutes.auth.signUp).set('Content-Type', 'application/json').send('{"email":').expect(400);
    await t.agent().post(ApiRoutes.auth.signUp).set('Content-Type', 'application/x-www-form-urlencoded').send('email=a@b.tn').expect(415);
  });

  it('rate-limits sign-in attempts on one account with 429', async () => {
    const email = `target.${uid()}@x.tn`;
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await t.agent().post(ApiRoutes.auth.signIn).send({ email, password: `guess-number-${i}` })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('updates the preferred language and display name', async () => {
    const agent = t.agent();
    await agent.post(ApiRoutes.auth.signUp).send(signUpBody()).expect(201);
    const res = await agent.patch(ApiRoutes.auth.me).send({ preferredLanguage: 'en', displayName: 'Amina B.' }).expect(200);
    expect(res.body).toMatchObject({ preferredLanguage: 'en', displayName: 'Amina B.' });
    await agent.patch(ApiRoutes.auth.me).send({ preferredLanguage: 'xx' }).expect(400);
  });

  it('joins another organisation and refuses to leave the last one', async () => {
    const agent = t.agent();
    const me: CurrentUser = (await agent.post(ApiRoutes.auth.signUp).send(signUpBody()).expect(201)).body;
    const second = await makeOrganisation(t.dataSource, region.id);
    const joined = await agent.put(ApiRoutes.myOrganisation(second.id)).expect(200);
    expect(joined.body.organisations).toHaveLength(2);
    await agent.delete(ApiRoutes.myOrganisation(organisation.id)).expect(200);
    const last = await agent.delete(ApiRoutes.myOrganisation(second.id)).expect(409);
    expect(last.body.errors[0].field).toBe('organisationId');
    await agent.put(ApiRoutes.myOrganisation('00000000-0000-4000-8000-000000000000')).expect(404);
    expect(me.organisations).toHaveLength(1);
  });
});
