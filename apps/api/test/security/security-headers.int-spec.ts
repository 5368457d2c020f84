/**
 * Security headers (ASVS 3.4, 14.3): every answer of the API and of the web app it serves carries a
 * Content-Security-Policy that allows no inline or foreign script, no plugin and no framing by other
 * sites; MIME sniffing, referrers and cross-origin windows are locked down; personal API answers
 * are never stored by a browser or proxy; the session cookie is HttpOnly, SameSite=Lax and (with
 * COOKIE_SECURE) Secure. The web app is a stand-in index.html in a temporary folder (WEB_DIST),
 * so no build is needed.
 */
import { createTestApp, makeRegion, makeUser, TEST_PASSWORD, TestApp } from '@pratique/api/testing';
import { ApiRoutes } from '@pratique/contracts';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Response } from 'supertest';

/** The CSP as directive → sources. */
function csp(res: Response): Map<string, string[]> {
  const header = res.headers['content-security-policy'] as string | undefined;
  expect(header).toBeDefined();
  return new Map(
    header!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

function expectLockedDown(res: Response): void {
  const policy = csp(res);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('script-src')).toEqual(["'self'"]); // no 'unsafe-inline', no 'unsafe-eval', no foreign host
  expect(policy.get('script-src-attr')).toEqual(["'none'"]); // no onerror=… attribute ever runs
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'self'"]);
  expect(policy.get('frame-ancestors')).toEqual(["'self'"]);
  expect(policy.get('form-action')).toEqual(["'self'"]);
  for (const [name, sources] of policy)
    expect({ name, sources }).not.toEqual({ name, sources: expect.arrayContaining(['*']) });
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
  expect(res.headers['x-powered-by']).toBeUndefined();
}

/** Signs in behind the TLS-terminating proxy (TRUST_PROXY=1), as in production: the Set-Cookie line of the session. */
async function signInOverHttps(t: TestApp): Promise<string> {
  const region = await makeRegion(t.dataSource);
  const user = await makeUser(t.dataSource, { regionId: region.id });
  const res = await t
    .agent()
    .post(ApiRoutes.auth.signIn)
    .set('X-Forwarded-Proto', 'https')
    .set('X-Forwarded-For', '203.0.113.77')
    .send({ email: user.email, password: TEST_PASSWORD })
    .expect(200);
  const cookie = ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .find((c) => c.startsWith('pratique.sid='));
  expect(cookie).toBeDefined();
  return cookie!;
}

describe('security headers', () => {
  let t: TestApp;
  let webDist: string;

  beforeAll(async () => {
    webDist = mkdtempSync(join(tmpdir(), 'pratique-web-'));
    writeFileSync(
      join(webDist, 'index.html'),
      '<!doctype html><html lang="fr"><title>Pratique</title><pq-root></pq-root></html>',
    );
    writeFileSync(
      join(webDist, 'chunk-AB12CD34.js'),
      `export const words = ${JSON.stringify('Pratique '.repeat(2000))};`,
    );
    writeFileSync(join(webDist, 'fr.json'), JSON.stringify({ hello: 'Bonjour '.repeat(500) }));
    t = await createTestApp({ env: { WEB_DIST: webDist, COOKIE_SECURE: 'true', TRUST_PROXY: '1' } });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  it('locks down the web app page, a deep link and its static files', async () => {
    for (const path of ['/', '/spaces/some-space', '/index.html']) {
      const res = await t.agent().get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expectLockedDown(res);
    }
  });

  it('sends the web app compressed, keeps content-named files a year and revalidates the others', async () => {
    const chunk = await t.agent().get('/chunk-AB12CD34.js').set('Accept-Encoding', 'gzip').expect(200);
    expect(chunk.headers['content-encoding']).toBe('gzip');
    expect(chunk.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const translations = await t.agent().get('/fr.json').set('Accept-Encoding', 'gzip').expect(200);
    expect(translations.headers['content-encoding']).toBe('gzip');
    expect(translations.headers['cache-control']).toBe('no-cache');
    // API answers are not compressed: the API's CPU is what bounds its throughput.
    const api = await t.agent().get(ApiRoutes.health).set('Accept-Encoding', 'gzip');
    expect(api.headers['content-encoding']).toBeUndefined();
  });

  it('locks down API answers, errors included, and never lets them be stored', async () => {
    // The Secure cookie goes back only over https: sent by hand, as a browser would behind the proxy.
    const session = (await signInOverHttps(t)).split(';')[0];
    const member = {
      get: (path: string) => t.agent().get(path).set('X-Forwarded-Proto', 'https').set('Cookie', session),
      post: (path: string) => t.agent().post(path).set('X-Forwarded-Proto', 'https').set('Cookie', session),
    };
    const answers = [
      await t.agent().get(ApiRoutes.health),
      await t.agent().get('/api/nothing-here').expect(404),
      await t.agent().get(ApiRoutes.auth.me).expect(401),
      await member.get(ApiRoutes.auth.me).expect(200),
      await member.get(ApiRoutes.notifications).expect(200),
      await member.post(ApiRoutes.auth.signIn).set('Content-Type', 'text/plain').send('x').expect(415),
    ];
    for (const res of answers) {
      expectLockedDown(res);
      expect({ url: res.req.path, cache: res.headers['cache-control'] }).toEqual({
        url: res.req.path,
        cache: expect.stringMatching(/\bno-store\b/),
      });
    }
  });

  it('gives the session cookie HttpOnly, SameSite=Lax, Secure and a bounded lifetime', async () => {
    const cookie = await signInOverHttps(t);
    const attributes = cookie.split(';').map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'secure', 'samesite=lax', 'path=/']));
    const expires = attributes.find((a) => a.startsWith('expires='));
    const days = (Date.parse(expires!.slice('expires='.length)) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13);
    expect(days).toBeLessThanOrEqual(14.01);
  });
});
