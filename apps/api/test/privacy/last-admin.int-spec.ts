/**
 * The platform keeps an admin: the last active admin cannot delete their account until another
 * admin exists. In a database of its own, where this file's admins are the only ones.
 */
import { createOwnDatabase, createTestApp, makeRegion, makeUser, OwnDatabase, signedIn, TestApp } from '@pratique/api/testing';
import { ApiRoutes } from '@pratique/contracts';

describe('privacy: the last admin cannot delete their account', () => {
  let own: OwnDatabase;
  let t: TestApp;

  beforeAll(async () => {
    own = await createOwnDatabase('privacy_admin');
    t = await createTestApp({ env: { DATABASE_URL: own.url } });
  });
  afterAll(async () => {
    await t?.close();
    await own?.drop();
  });

  it('hands over first: 409 while alone, then allowed once another admin exists', async () => {
    const region = await makeRegion(t.dataSource);
    const first = await makeUser(t.dataSource, { regionId: region.id, admin: true });
    const agent = await signedIn(t, first);
    const alone = await agent.delete(ApiRoutes.myAccount).send({ password: first.password }).expect(409);
    expect(alone.body.errors).toEqual([{ field: 'account', reason: expect.stringContaining('only admin') }]);
    await agent.get(ApiRoutes.auth.me).expect(200);

    const second = await makeUser(t.dataSource, { regionId: region.id, admin: true });
    await agent.delete(ApiRoutes.myAccount).send({ password: first.password }).expect(204);
    const secondAgent = await signedIn(t, second);
    await secondAgent.delete(ApiRoutes.myAccount).send({ password: second.password }).expect(409);
  });
});
