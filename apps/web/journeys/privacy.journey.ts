/**
 * Browser journey: privacy. A member opens their profile, downloads their data (the JSON file is
 * read back: their account without the password hash, every table), is refused deleting the
 * account with a wrong password, then (in Arabic) deletes it with the right one: signed out,
 * back home, and the sign-in form refuses them. An admin then finds the export and the deletion
 * in the audit log page, filters it by action, in French and Arabic. Real API (a database of its
 * own, ./own-database imported first: the audit log it counts must hold no other test's deletions) serving the built web app in Debian's Chromium; axe on each page; screenshots in
 * test-output/screenshots/privacy-*.png.
 */
import { createOwnDatabase, dropOwnDatabase } from './own-database';
import { PERSONAL_DATA } from '@pratique/api/privacy';
import { makeOrganisation, makeRegion, makeUser, MadeUser, startTestServer, TestServer, uid } from '@pratique/api/testing';
import { DataExport, DELETED_MEMBER_NAME, dataExportFileName } from '@pratique/contracts';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { ROOT, SHOTS, expectAccessible, launchChromium, prepareWebBuild, signInThroughUi, waitFor } from './learning-support';

const i18n = (lang: string) => JSON.parse(readFileSync(resolve(ROOT, `apps/web/public/i18n/${lang}.json`), 'utf8'));
const fr = i18n('fr');
const ar = i18n('ar');
const suffix = uid();
const memberName = `Amira Vie privée ${suffix}`;

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: resolve(SHOTS, `privacy-${name}.png`), fullPage: true });
}

async function switchLanguage(page: Page, lang: 'fr' | 'ar'): Promise<void> {
  await page.locator('#pq-language').selectOption(lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

describe('journey: privacy — download my data, delete my account, the audit log', () => {
  let server: TestServer;
  let browser: Browser;
  let memberContext: BrowserContext;
  let adminContext: BrowserContext;
  let page: Page;
  let adminPage: Page;
  let member: MadeUser;
  let admin: MadeUser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!process.env['WEB_DIST']) prepareWebBuild();
    await createOwnDatabase();
    server = await startTestServer();
    const db = server.dataSource;
    const region = await makeRegion(db, `Région Vie privée ${suffix}`);
    const organisation = await makeOrganisation(db, region.id, `Association Données ${suffix}`);
    member = await makeUser(db, { regionId: region.id, organisationId: organisation.id, displayName: memberName });
    admin = await makeUser(db, { regionId: region.id, admin: true, displayName: `Admin Vie privée ${suffix}` });
    await db.query(`INSERT INTO member_profile (user_id, bio, skills) VALUES ($1, 'Juriste associative', '{Plaidoyer}')`, [member.id]);

    browser = await launchChromium();
    memberContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR', acceptDownloads: true });
    adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    page = await memberContext.newPage();
    adminPage = await adminContext.newPage();
    for (const p of [page, adminPage]) {
      p.setDefaultTimeout(15_000);
      p.on('pageerror', (err) => pageErrors.push(String(err)));
    }
  }, 180_000);

  afterAll(async () => {
    await memberContext?.close().catch(() => undefined);
    await adminContext?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server?.close();
    await dropOwnDatabase();
  });

  it('the member downloads their data, then deletes the account and is signed out for good', async () => {
    await signInThroughUi(page, server.url, member.email, '/profile');
    await page.getByRole('heading', { level: 1, name: 'Mon profil' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Mes données' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Supprimer mon compte' }).waitFor();
    await expectAccessible(page, 'profile with privacy (fr)');

    // 1. Download: a JSON file named for today, with the account (no password hash) and every table.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger mes données' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(dataExportFileName(new Date()));
    const data: DataExport = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(data.account).toEqual(expect.objectContaining({ id: member.id, email: member.email, display_name: memberName }));
    expect(data.account).not.toHaveProperty('password_hash');
    expect(Object.keys(data.tables).sort()).toEqual(PERSONAL_DATA.map((s) => s.table).sort());
    expect(data.tables['member_profile']).toEqual([expect.objectContaining({ bio: 'Juriste associative', skills: ['Plaidoyer'] })]);
    expect(data.tables['membership']).toEqual([expect.objectContaining({ organisation_name: `Association Données ${suffix}` })]);

    // 2. A wrong password is refused on the field, and nothing happens.
    await page.getByLabel('Votre mot de passe').fill('pas-le-bon-mot-de-passe');
    await page.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click();
    await page.getByText(fr.profile.privacy.delete.wrongPassword).first().waitFor();
    await page.locator('#profile-delete-password[aria-invalid="true"]').waitFor();
    expect(await page.getByLabel('Votre mot de passe').getAttribute('aria-describedby')).toContain('profile-delete-password-error');
    await expectAccessible(page, 'profile, wrong password (fr)');
    await page.locator('.profile-delete').scrollIntoViewIfNeeded();
    await shot(page, '01-profile-fr');

    // 3. In Arabic: what is removed and what stays is explained; delete with the right password.
    await switchLanguage(page, 'ar');
    await page.getByRole('heading', { level: 2, name: ar.profile.privacy.delete.heading }).waitFor();
    await page.getByText(ar.profile.privacy.delete.kept.contributions).waitFor();
    await expectAccessible(page, 'profile with privacy (ar)');
    await shot(page, '02-profile-ar');
    await page.getByLabel(ar.profile.privacy.delete.password).fill(member.password);
    await page.getByRole('button', { name: ar.profile.privacy.delete.submit }).click();

    // Signed out and home.
    await page.waitForURL(`${server.url}/`);
    await page.getByRole('link', { name: ar.nav.signIn }).first().waitFor();
    expect(await page.getByRole('button', { name: ar.nav.signOut }).count()).toBe(0);
    const [account] = await server.dataSource.query(`SELECT email, display_name, deleted_at FROM app_user WHERE id = $1`, [member.id]);
    expect(account).toEqual({ email: `deleted-${member.id}@invalid`, display_name: DELETED_MEMBER_NAME.fr, deleted_at: expect.any(Date) });
    const res = await page.request.get(`${server.url}/api/auth/me`);
    expect(res.status()).toBe(401);

    // 4. The sign-in form refuses the old credentials.
    await switchLanguage(page, 'fr');
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Adresse e-mail').fill(member.email);
    await page.getByLabel('Mot de passe').fill(member.password);
    await page.getByRole('button', { name: 'Se connecter' }).last().click();
    await page.getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
    expect(page.url()).toContain('/sign-in');
    expect(await page.getByRole('button', { name: 'Se déconnecter' }).count()).toBe(0);
    await shot(page, '03-sign-in-refused-fr');
  }, 240_000);

  it('the admin sees the export and the deletion in the audit log, filtered by action', async () => {
    await signInThroughUi(adminPage, server.url, admin.email, '/admin/audit-log');
    await adminPage.getByRole('heading', { level: 1, name: fr.admin.audit.title }).waitFor();
    expect(await adminPage.getByRole('link', { name: fr.admin.audit.title }).getAttribute('aria-current')).toBe('page');
    const rows = adminPage.locator('tbody tr');
    await rows.first().waitFor();
    const deletion = rows.filter({ hasText: 'Compte supprimé' }).filter({ hasText: DELETED_MEMBER_NAME.fr });
    const exported = rows.filter({ hasText: 'Données personnelles téléchargées' }).filter({ hasText: DELETED_MEMBER_NAME.fr });
    await deletion.first().waitFor();
    await exported.first().waitFor();
    expect(await deletion.count()).toBe(1);
    expect(await exported.count()).toBe(1);
    await expectAccessible(adminPage, 'audit log (fr)');
    await shot(adminPage, '04-audit-log-fr');

    // Filtered by action: only deletions, and the filter is in the URL.
    await adminPage.getByLabel('Action', { exact: true }).selectOption('user.deleted');
    await adminPage.waitForURL(/action=user\.deleted/);
    await waitFor(
      async () => (await rows.count()) > 0 && (await rows.filter({ hasNotText: 'Compte supprimé' }).count()) === 0,
      'only deletions listed',
    );
    await deletion.first().waitFor();

    await switchLanguage(adminPage, 'ar');
    await adminPage.getByRole('heading', { level: 1, name: ar.admin.audit.title }).waitFor();
    // The deleted account's name is shown in the reader's language.
    await rows.filter({ hasText: ar.admin.audit.actions.user.deleted }).filter({ hasText: DELETED_MEMBER_NAME.ar }).first().waitFor();
    await expectAccessible(adminPage, 'audit log (ar)');
    await shot(adminPage, '05-audit-log-ar');

    expect(pageErrors).toEqual([]);
  }, 240_000);
});
