/**
 * What the learning journeys share: Chromium as the other journeys launch it, axe checks,
 * screenshots, signing in through the form, and a small API client (fetch with the session
 * cookie) to seed modules through the real endpoints.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { TEST_PASSWORD } from '@pratique/api/testing';
import { execSync } from 'child_process';
import { existsSync, mkdirSync } from 'fs';
import { resolve } from 'path';
import { Browser, Locator, Page, chromium } from 'playwright-core';

export const ROOT = resolve(__dirname, '../../..');
export const SHOTS = resolve(ROOT, 'test-output/screenshots');

/** Builds the web app when dist is missing (a fresh clone), and makes the screenshots folder. */
export function prepareWebBuild(): void {
  if (!existsSync(resolve(ROOT, 'dist/apps/web/browser/index.html'))) {
    execSync('npx nx build web', {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    });
  }
  mkdirSync(SHOTS, { recursive: true });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The WCAG levels every page is checked against: A and AA of 2.0, 2.1 and 2.2. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Every axe violation (WCAG 2.0, 2.1 and 2.2 A/AA), whatever its impact, fails the test; the
 * list is printed when there are any.
 */
export async function expectAccessible(
  page: Page,
  name: string,
  options: { exclude?: readonly string[] } = {},
): Promise<void> {
  const builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  for (const selector of options.exclude ?? []) builder.exclude(selector);
  const results = await builder.analyze();
  const bad = results.violations;
  if (bad.length) {
    console.log(
      `axe violations on ${name}:\n` +
        JSON.stringify(
          bad.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
          })),
          null,
          2,
        ),
    );
  }
  expect(bad.map((v) => `${name}: ${v.id}`)).toEqual([]);
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: resolve(SHOTS, `learning-${name}.png`), fullPage: true });
}

/** A screenshot of one part of the page (e.g. a form opened inside a long page). */
export async function shotOf(locator: Locator, name: string): Promise<void> {
  await locator.screenshot({ path: resolve(SHOTS, `learning-${name}.png`) });
}

/** Signs in through the form (French interface) and waits for the session to show. */
export async function signInThroughUi(
  page: Page,
  baseUrl: string,
  email: string,
  returnUrl = '/',
): Promise<void> {
  await page.goto(`${baseUrl}/sign-in?returnUrl=${encodeURIComponent(returnUrl)}`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).last().click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
}

/** A signed-in API client over HTTP (the real routes, as the browser would call them). */
export interface ApiClient {
  json<T>(method: string, path: string, body?: unknown): Promise<T>;
  upload<T>(path: string, filename: string, data: Buffer, contentType: string): Promise<T>;
  raw(path: string): Promise<Response>;
}

export async function apiAs(baseUrl: string, email: string): Promise<ApiClient> {
  const res = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const check = async <T>(r: Response, what: string): Promise<T> => {
    const text = await r.text();
    if (!r.ok) throw new Error(`${what} → ${r.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    json: async <T>(method: string, path: string, body?: unknown) =>
      check<T>(
        await fetch(`${baseUrl}${path}`, {
          method,
          headers: { cookie, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
        `${method} ${path}`,
      ),
    upload: async <T>(path: string, filename: string, data: Buffer, contentType: string) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(data)], { type: contentType }), filename);
      return check<T>(
        await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { cookie }, body: form }),
        `POST ${path}`,
      );
    },
    raw: (path: string) => fetch(`${baseUrl}${path}`, { headers: { cookie } }),
  };
}

export async function waitFor(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Timed out waiting for: ${what}`);
}
