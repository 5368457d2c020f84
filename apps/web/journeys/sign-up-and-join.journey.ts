/**
 * Browser journey: a new member signs up, switches the interface to Arabic (RTL), finds a
 * space, joins it and sees it in "My spaces". Runs the real API (this run's database) serving
 * the built web app (`dist/apps/web/browser`) in Debian's Chromium, with axe checks on the way.
 * Screenshots land in test-output/screenshots/.
 */
import { startTestServer, TestServer } from '@pratique/api/testing';
import { execSync } from 'child_process';
import { randomBytes } from 'crypto';
import { existsSync, mkdirSync } from 'fs';
import { resolve } from 'path';
import { Browser, BrowserContext, Page, chromium } from 'playwright-core';
import { expectAccessible } from './learning-support';

const ROOT = resolve(__dirname, '../../..');
const WEB_INDEX = resolve(ROOT, 'dist/apps/web/browser/index.html');
const SHOTS = resolve(ROOT, 'test-output/screenshots');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const suffix = randomBytes(3).toString('hex');
const seed = {
  regionCode: `jr-${suffix}`,
  regionName: `Région Journey ${suffix}`,
  organisationName: `Association Journey ${suffix}`,
  slug: `gouvernance-locale-${suffix}`,
  title: {
    fr: `Gouvernance locale ${suffix}`,
    ar: `الحوكمة المحلية ${suffix}`,
    en: `Local governance ${suffix}`,
  },
  description: {
    fr: 'Partager les pratiques de participation citoyenne dans les communes.',
    ar: 'تبادل ممارسات المشاركة المواطنية في البلديات.',
  },
};
const member = {
  email: `journey-${suffix}@test.pratique.tn`,
  password: 'une-phrase-de-passe-solide',
  displayName: `Amira Journey ${suffix}`,
};

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: resolve(SHOTS, `${name}.png`), fullPage: true });
}

describe('journey: sign up, switch to Arabic, join a space', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let regionId: string;
  let organisationId: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(WEB_INDEX)) {
      execSync('npx nx build web', {
        cwd: ROOT,
        stdio: 'inherit',
        env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
      });
    }
    mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    const db = server.dataSource;

    [{ id: regionId }] = await db.query(`INSERT INTO region (code, name) VALUES ($1, $2) RETURNING id`, [
      seed.regionCode,
      seed.regionName,
    ]);
    [{ id: organisationId }] = await db.query(
      `INSERT INTO organisation (name, region_id, registration_number, thematic_fields, verified)
       VALUES ($1, $2, $3, $4, true) RETURNING id`,
      [seed.organisationName, regionId, `RN-${suffix}`, ['gouvernance', 'jeunesse']],
    );
    await db.query(
      `INSERT INTO space (slug, title, description, original_language, axis, scope, region_id, visibility, status)
       VALUES ($1, $2, $3, 'fr', 'governance', 'national', NULL, 'public', 'open')`,
      [seed.slug, JSON.stringify(seed.title), JSON.stringify(seed.description)],
    );

    browser = await chromium.launch({
      executablePath: CHROMIUM,
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
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (err) => pageErrors.push(String(err)));
  }, 180_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    if (server) {
      await server.dataSource.query(`DELETE FROM space WHERE slug = $1`, [seed.slug]).catch(() => undefined);
      await server.close();
    }
  });

  it('signs up, reads in Arabic, joins a space and finds it in My spaces', async () => {
    // 1. Sign up (French, the default language).
    await page.goto(`${server.url}/sign-up`);
    await page.getByRole('heading', { level: 1, name: 'Créer un compte' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await page.title()).toBe('Créer un compte · Pratique');
    await expectAccessible(page, 'sign-up (fr)');
    await shot(page, '01-sign-up-fr');

    await page.getByLabel('Adresse e-mail').fill(member.email);
    await page.getByLabel('Mot de passe').fill('court');
    await page.getByLabel('Nom affiché').fill(member.displayName);
    await page.getByLabel('Région').selectOption(regionId);
    await page
      .locator(`#sign-up-organisationId option[value="${organisationId}"]`)
      .waitFor({ state: 'attached' });
    await page.getByLabel('Organisation', { exact: true }).selectOption(organisationId);

    // A too-short password is refused in the form, announced and tied to its field.
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    const password = page.locator('#sign-up-password');
    // Wait for the state (set once the click is handled, later on a busy machine).
    await page.locator('#sign-up-password[aria-invalid="true"]').waitFor();
    expect(await password.getAttribute('aria-describedby')).toContain('sign-up-password-error');
    await expect(page.locator('#sign-up-password-error').textContent()).resolves.toContain('10');
    await shot(page, '02-sign-up-error-fr');

    await password.fill(member.password);
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.waitForURL(/\/spaces$/);
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Espaces thématiques' }).waitFor();
    await expectAccessible(page, 'spaces list (fr)');

    // 2. Switch the interface to Arabic: right-to-left, saved on the profile.
    await page.getByLabel('Langue').selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    await page.getByRole('heading', { level: 1, name: 'المساحات الموضوعاتية' }).waitFor();
    await waitFor(async () => {
      const [row] = await server.dataSource.query(
        `SELECT preferred_language FROM app_user WHERE email = $1`,
        [member.email],
      );
      return row?.preferred_language === 'ar';
    }, 'preferredLanguage saved as ar');

    // 3. The spaces list, searched for the seeded space, in Arabic.
    await page.getByRole('link', { name: 'المساحات', exact: true }).click();
    await page.getByLabel('البحث عن مساحة').fill(suffix);
    await page.getByRole('button', { name: 'بحث', exact: true }).click();
    const card = page.getByRole('link', { name: seed.title.ar });
    await card.waitFor();
    await expectAccessible(page, 'spaces list (ar)');
    await shot(page, '03-spaces-ar');

    // 4. The space page in Arabic; join.
    await card.click();
    const heading = page.getByRole('heading', { level: 1, name: seed.title.ar });
    await heading.waitFor();
    expect(await heading.getAttribute('lang')).toBe('ar');
    expect(await heading.getAttribute('dir')).toBe('rtl');
    expect(await page.title()).toBe(`${seed.title.ar} · Pratique`);
    await expectAccessible(page, 'space page (ar)');
    await shot(page, '04-space-ar');

    await page.getByRole('button', { name: 'الانضمام إلى المساحة' }).click();
    await page.getByRole('button', { name: 'مغادرة المساحة' }).waitFor();
    await page.getByText('انضممت إلى هذه المساحة.').waitFor();
    // Tabs follow the ARIA pattern: the members tab opens with the keyboard too.
    await page.getByRole('tab', { name: 'نبذة' }).focus();
    await page.keyboard.press('ArrowLeft'); // next tab in right-to-left
    await page.getByRole('tab', { name: 'الأعضاء', selected: true }).waitFor();
    await page.getByRole('cell', { name: member.displayName }).waitFor();
    await expectAccessible(page, 'space page, members tab (ar)');
    await shot(page, '05-space-joined-members-ar');

    // 5. My spaces lists it.
    await page.getByRole('link', { name: 'مساحاتي' }).click();
    await page.waitForURL(/\/my-spaces/);
    await page.getByRole('heading', { level: 1, name: 'مساحاتي' }).waitFor();
    await page.getByRole('link', { name: seed.title.ar }).waitFor();
    await shot(page, '06-my-spaces-ar');

    // 6. A narrow phone screen in Arabic, then the space page back in French.
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto(`${server.url}/spaces/${seed.slug}`);
    await page.getByRole('heading', { level: 1, name: seed.title.ar }).waitFor();
    await shot(page, '07-space-ar-360px');
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByLabel('اللغة').selectOption('fr');
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
    await page.getByRole('heading', { level: 1, name: seed.title.fr }).waitFor();
    await page.getByRole('button', { name: 'Quitter l’espace' }).waitFor();
    await expectAccessible(page, 'space page (fr)');
    await shot(page, '08-space-fr');

    expect(pageErrors).toEqual([]);
  }, 240_000);
});

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Timed out waiting for: ${what}`);
}
