/**
 * Browser journey: a signed-in member opens their profile from the header, renames themself,
 * joins a second organisation, leaves the first, is refused leaving the last one, then picks
 * Arabic as preferred language and the interface switches to it (RTL). Real API (this run's
 * database) serving the built web app in Debian's Chromium, with axe checks on the way.
 * Screenshots land in test-output/screenshots/.
 */
import { startTestServer, TestServer } from '@pratique/api/testing';
import { ApiRoutes } from '@pratique/contracts';
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
  regionCode: `pr-${suffix}`,
  regionName: `Région Profil ${suffix}`,
  first: `Association Première ${suffix}`,
  second: `جمعية الثانية ${suffix}`,
};
const member = {
  email: `profile-${suffix}@test.pratique.tn`,
  password: 'une-phrase-de-passe-solide',
  displayName: `Amira Profil ${suffix}`,
  renamed: `Amira Ben Salah ${suffix}`,
};

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: resolve(SHOTS, `${name}.png`), fullPage: true });
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Timed out waiting for: ${what}`);
}

describe('journey: profile — rename, join and leave organisations, preferred language', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let regionId: string;
  let firstId: string;
  let secondId: string;
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
    const organisation = `INSERT INTO organisation (name, region_id, registration_number, thematic_fields, verified)
       VALUES ($1, $2, $3, $4, true) RETURNING id`;
    [{ id: firstId }] = await db.query(organisation, [
      seed.first,
      regionId,
      `RN-1-${suffix}`,
      ['gouvernance'],
    ]);
    [{ id: secondId }] = await db.query(organisation, [
      seed.second,
      regionId,
      `RN-2-${suffix}`,
      ['jeunesse'],
    ]);

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

    // Signed up through the API (the sign-up form has its own journey); the cookie lands in the context.
    const res = await context.request.post(`${server.url}${ApiRoutes.auth.signUp}`, {
      data: {
        email: member.email,
        password: member.password,
        displayName: member.displayName,
        preferredLanguage: 'fr',
        regionId,
        organisationId: firstId,
      },
    });
    expect([res.status(), await res.text()]).toEqual([201, expect.any(String)]);
  }, 180_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server?.close();
  });

  it('edits the profile, joins and leaves organisations, and switches to Arabic', async () => {
    // 1. From the header: the member's name is a link to their profile.
    await page.goto(`${server.url}/spaces`);
    await page.getByRole('link', { name: member.displayName }).click();
    await page.waitForURL(/\/profile$/);
    await page.getByRole('heading', { level: 1, name: 'Mon profil' }).waitFor();
    expect(await page.title()).toBe('Mon profil · Pratique');
    expect(await page.getByRole('link', { name: member.displayName }).getAttribute('aria-current')).toBe(
      'page',
    );
    const myOrganisations = page.locator('.profile-organisations');
    await myOrganisations.getByText(seed.first).waitFor();
    await expectAccessible(page, 'profile (fr)');

    // 2. An empty name is refused in the form, announced and tied to its field.
    const name = page.getByLabel('Nom affiché');
    await name.fill('  ');
    await page.getByRole('button', { name: 'Enregistrer mon profil' }).click();
    await page.locator('#profile-displayName[aria-invalid="true"]').waitFor();
    await page.getByText('Le formulaire contient 1 erreur(s).', { exact: false }).waitFor();
    expect(await name.getAttribute('aria-describedby')).toContain('profile-displayName-error');

    // 3. Rename: saved, and the header follows.
    await name.fill(member.renamed);
    await page.getByRole('button', { name: 'Enregistrer mon profil' }).click();
    await page.getByText('Votre profil est enregistré.').waitFor();
    await page.getByRole('link', { name: member.renamed }).waitFor();
    const [renamed] = await server.dataSource.query(`SELECT display_name FROM app_user WHERE email = $1`, [
      member.email,
    ]);
    expect(renamed.display_name).toBe(member.renamed);

    // 4. Join a second organisation of the region (the member's region is preselected).
    expect(await page.getByLabel('Région').inputValue()).toBe(regionId);
    await page
      .locator(`#profile-join-organisationId option[value="${secondId}"]`)
      .waitFor({ state: 'attached' });
    // Organisations the member is already in are not offered.
    expect(await page.locator(`#profile-join-organisationId option[value="${firstId}"]`).count()).toBe(0);
    await page.getByLabel('Organisation', { exact: true }).selectOption(secondId);
    await page.getByRole('button', { name: 'Rejoindre', exact: true }).click();
    await page.getByText(`Vous avez rejoint ${seed.second}.`).waitFor();
    await myOrganisations.getByText(seed.second).waitFor();

    // 5. Leave the first one.
    await page.getByRole('button', { name: `Quitter ${seed.first}` }).click();
    await page.getByText(`Vous avez quitté ${seed.first}.`).waitFor();
    expect(await myOrganisations.getByText(seed.first).count()).toBe(0);
    // Focus stays in the section (the pressed button is gone).
    await waitFor(
      async () => (await page.evaluate(() => document.activeElement?.id)) === 'profile-organisations-heading',
      'focus on the organisations heading',
    );

    // 6. The last one cannot be left: the API's reason is shown.
    await page.getByRole('button', { name: `Quitter ${seed.second}` }).click();
    await page
      .getByText('C’est votre seule organisation : rejoignez-en une autre avant de la quitter.')
      .waitFor();
    await myOrganisations.getByText(seed.second).waitFor();
    const memberships = await server.dataSource.query(
      `SELECT count(*)::int AS n FROM app_user u JOIN membership m ON m.user_id = u.id WHERE u.email = $1`,
      [member.email],
    );
    expect(memberships[0].n).toBe(1);
    await expectAccessible(page, 'profile, last organisation refused (fr)');
    await shot(page, 'profile-01-fr');

    // 7. Preferred language Arabic: saved and the interface switches to it at once.
    await page.getByLabel('Langue préférée').selectOption('ar');
    await page.getByRole('button', { name: 'Enregistrer mon profil' }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    await page.getByRole('heading', { level: 1, name: 'ملفي الشخصي' }).waitFor();
    await page.getByText('تم حفظ ملفك الشخصي.').waitFor();
    await waitFor(async () => {
      const [row] = await server.dataSource.query(
        `SELECT preferred_language FROM app_user WHERE email = $1`,
        [member.email],
      );
      return row?.preferred_language === 'ar';
    }, 'preferredLanguage saved as ar');
    await page.getByRole('button', { name: `مغادرة ${seed.second}` }).click();
    await page.getByText('هذه منظمتك الوحيدة: انضمّ إلى منظمة أخرى قبل مغادرتها.').waitFor();
    await expectAccessible(page, 'profile (ar)');
    await shot(page, 'profile-02-ar');

    // 8. Narrow phone screen in Arabic.
    await page.setViewportSize({ width: 360, height: 780 });
    await shot(page, 'profile-03-ar-360px');

    expect(pageErrors).toEqual([]);
  }, 240_000);
});
