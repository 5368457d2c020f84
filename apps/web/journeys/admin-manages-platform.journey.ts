/**
 * Browser journey: an admin signs in, manages regions (with the duplicate-code conflict shown
 * on the form), organisations and roles, creates a space, edits it and names an animator.
 * Runs the real API serving the built web app in Debian's Chromium; screenshots in
 * test-output/screenshots/.
 */
import { SpaceRole } from '@pratique/contracts';
import {
  TEST_PASSWORD,
  TestServer,
  addToSpace,
  makeRegion,
  makeUser,
  startTestServer,
} from '@pratique/api/testing';
import { execSync } from 'child_process';
import { randomBytes } from 'crypto';
import { existsSync, mkdirSync } from 'fs';
import { resolve } from 'path';
import { Browser, Page, chromium } from 'playwright-core';
import { expectAccessible } from './learning-support';

const ROOT = resolve(__dirname, '../../..');
const SHOTS = resolve(ROOT, 'test-output/screenshots');
const suffix = randomBytes(3).toString('hex');

describe('journey: an admin manages regions, organisations, roles and spaces', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let region: { id: string; name: string };
  let admin: { email: string };
  let member: { id: string; email: string };
  const memberName = `Sami Membre ${suffix}`;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(resolve(ROOT, 'dist/apps/web/browser/index.html'))) {
      execSync('npx nx build web', {
        cwd: ROOT,
        stdio: 'inherit',
        env: { ...process.env, NX_DAEMON: 'false' },
      });
    }
    mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    region = await makeRegion(server.dataSource, `Région Admin ${suffix}`);
    admin = await makeUser(server.dataSource, {
      regionId: region.id,
      admin: true,
      displayName: `Admin ${suffix}`,
    });
    member = await makeUser(server.dataSource, { regionId: region.id, displayName: memberName });
    browser = await chromium.launch({
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
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    page.on('dialog', (dialog) => void dialog.accept());
  }, 180_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await server?.close();
  });

  it('signs in, manages the directory and roles, creates and runs a space', async () => {
    // Sign in: a wrong password first.
    await page.goto(`${server.url}/admin/regions`);
    await page.waitForURL(/\/sign-in\?returnUrl=/);
    await page.getByLabel('Adresse e-mail').fill(admin.email);
    await page.getByLabel('Mot de passe').fill('not-the-password');
    await page.getByRole('button', { name: 'Se connecter' }).last().click();
    await page.getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
    await page.getByLabel('Mot de passe').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).last().click();
    await page.waitForURL(/\/admin\/regions$/);

    // Regions: create, duplicate code refused (409), rename, delete.
    const code = `ad-${suffix}`;
    await page.getByRole('heading', { level: 1, name: 'Régions' }).waitFor();
    await page.getByLabel('Code').fill(code);
    await page.getByLabel('Nom', { exact: true }).fill(`Kasserine ${suffix}`);
    await page.getByRole('button', { name: 'Créer' }).click();
    await page.getByRole('cell', { name: `Kasserine ${suffix}`, exact: true }).waitFor();
    await page.getByLabel('Code').fill(code);
    await page.getByLabel('Nom', { exact: true }).fill(`Doublon ${suffix}`);
    await page.getByRole('button', { name: 'Créer' }).click();
    // The 409 is announced in the form's live region and tied to the code field.
    await page
      .locator('.alert-error', { hasText: 'Ce code est déjà utilisé par une autre région.' })
      .waitFor();
    await expect(page.getByLabel('Code').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#region-code-error').textContent()).resolves.toContain(
      'Ce code est déjà utilisé',
    );
    await expectAccessible(page, 'admin regions (error shown)');
    await page.screenshot({ path: resolve(SHOTS, '10-admin-regions-fr.png'), fullPage: true });
    await page.getByRole('button', { name: `Modifier — Kasserine ${suffix}` }).click();
    await page.getByLabel('Nom', { exact: true }).fill(`Kasserine-Ville ${suffix}`);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('cell', { name: `Kasserine-Ville ${suffix}`, exact: true }).waitFor();
    await page.getByRole('button', { name: `Supprimer — Kasserine-Ville ${suffix}` }).click();
    await page
      .getByRole('cell', { name: `Kasserine-Ville ${suffix}`, exact: true })
      .waitFor({ state: 'detached' });

    // Organisations: create one in the seeded region.
    await page.getByRole('link', { name: 'Organisations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisations' }).waitFor();
    await page.getByLabel('Nom', { exact: true }).fill(`Association Tala ${suffix}`);
    await page.getByLabel('Région', { exact: true }).selectOption(region.id);
    await page.getByLabel('Domaines d’action').fill('jeunesse, environnement');
    await page.getByRole('button', { name: 'Créer' }).click();
    await page.getByRole('cell', { name: `Association Tala ${suffix}`, exact: true }).waitFor();

    // Roles: grant staff of the region to the member, then revoke it.
    await page.getByRole('link', { name: 'Rôles' }).click();
    await page.getByLabel('Rechercher une personne (nom ou e-mail)').fill(member.email);
    await page.getByRole('button', { name: 'Rechercher' }).click();
    const card = page.locator('pq-user-roles', { hasText: member.email });
    await card.waitFor();
    await card.getByLabel('Région').selectOption(region.id);
    await card.getByRole('button', { name: `Attribuer — ${memberName}` }).click();
    await card.getByText('Rôle attribué.').waitFor();
    await card.getByRole('button', { name: /Retirer/ }).click();
    await card.getByText('Rôle retiré.').waitFor();

    // A new space, then its settings and animators.
    const slug = `espace-admin-${suffix}`;
    await page.getByRole('link', { name: 'Nouvel espace' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Créer un espace' }).waitFor();
    await page.getByLabel('Axe thématique').selectOption('environment');
    await page.getByLabel('Titre (fr)').fill(`Transition écologique ${suffix}`);
    await page.getByLabel('Titre (ar)').fill(`الانتقال البيئي ${suffix}`);
    await page
      .getByLabel('Description (fr)')
      .fill('Échanger sur les projets environnementaux des associations.');
    await page.getByLabel('Adresse de l’espace (slug)').fill(slug);
    await expectAccessible(page, 'new space');
    await page.screenshot({ path: resolve(SHOTS, '11-admin-new-space-fr.png'), fullPage: true });
    await page.getByRole('button', { name: 'Créer l’espace' }).click();
    await page.waitForURL(new RegExp(`/spaces/${slug}$`));
    await page.getByRole('heading', { level: 1, name: `Transition écologique ${suffix}` }).waitFor();

    await page.getByRole('tab', { name: 'Paramètres' }).click();
    await page.getByLabel('Titre (en)').fill(`Ecological transition ${suffix}`);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Modifications enregistrées.').waitFor();

    const [{ id: spaceId }] = await server.dataSource.query(`SELECT id FROM space WHERE slug = $1`, [slug]);
    await addToSpace(server.dataSource, spaceId, member.id, SpaceRole.Member);
    await page.getByRole('tab', { name: 'Membres' }).click();
    await page.getByRole('button', { name: `Nommer animateur·rice — ${memberName}` }).click();
    await page.getByText(`${memberName} anime désormais cet espace.`).waitFor();
    await expectAccessible(page, 'space members (admin)');
    await page.screenshot({ path: resolve(SHOTS, '12-space-members-admin-fr.png'), fullPage: true });
    await page.getByRole('tab', { name: 'À propos' }).click();
    await page.getByRole('listitem').filter({ hasText: memberName }).waitFor();

    expect(pageErrors).toEqual([]);
  }, 240_000);
});
