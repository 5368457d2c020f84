/**
 * With Redis unreachable the API still starts and serves requests: health names Redis as down
 * (503), and sign-up/sign-in work (login rate limits fall back to process memory).
 */
import { createTestApp, makeOrganisation, makeRegion, TestApp, uid } from '@pratique/api/testing';
import { ApiRoutes } from '@pratique/contracts';

describe('API with Redis down', () => {
  let t: TestApp;

  // Nothing listens on port 1.
  beforeAll(async () => (t = await createTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1' } })));
  afterAll(() => t.close());

  it('reports Redis as down and the database as up', async () => {
    const res = await t.agent().get(ApiRoutes.health).expect(503);
    expect(res.body.details).toMatchObject({ database: { status: 'up' }, redis: { status: 'down' } });
  });

  it('still signs members up and in', async () => {
    const region = await makeRegion(t.dataSource);
    const organisation = await makeOrganisation(t.dataSource, region.id);
    const agent = t.agent();
    await agent
      .post(ApiRoutes.auth.signUp)
      .send({
        email: `redis-down-${uid()}@x.tn`,
        password: 'a-long-enough-password',
        displayName: 'Sans Redis',
        preferredLanguage: 'fr',
        regionId: region.id,
        organisationId: organisation.id,
      })
      .expect(201);
    await agent.get(ApiRoutes.auth.me).expect(200);
  });
});
