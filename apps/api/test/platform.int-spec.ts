import { createTestApp, TestApp } from '@pratique/api/testing';
import { ApiRoutes } from '@pratique/contracts';

describe('platform: health, OpenAPI, errors, headers', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('reports the database and Redis as up', async () => {
    const res = await t.agent().get(ApiRoutes.health).expect(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('serves the OpenAPI document with every route of the foundation', async () => {
    const res = await t.agent().get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/sign-up', '/api/auth/sign-in', '/api/regions', '/api/organisations', '/api/spaces', '/api/users/{userId}/roles']),
    );
  });

  it('answers unknown routes with a 404 body, and sets security headers', async () => {
    const res = await t.agent().get('/api/nothing-here').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('refuses an oversized body with 413, not 500', async () => {
    await t.agent().post(ApiRoutes.auth.signIn).send({ email: 'a@b.tn', password: 'x'.repeat(400_000) }).expect(413);
  });
});
