/**
 * Browser journey: the member directory. Member A fills in their directory entry through the
 * form (skills « Plaidoyer » and « Budget participatif » with the tag input, region hidden);
 * member B searches the directory by skill, finds A without A's region, opens A's page, follows
 * A (the toggle's state and the follower count change) and finds A again with "people I
 * follow"; the pages are checked in Arabic (RTL) and on a 360 px screen; then A leaves the
 * directory and B no longer finds A. Real API (this run's database) serving the built web app
 * in Debian's Chromium; axe on each page; screenshots in test-output/screenshots/members-*.png.
 */
import {
  TestServer,
  addToSpace,
  makeOrganisation,
  makeRegion,
  makeSpace,
  makeUser,
  startTestServer,
  uid,
} from '@pratique/api/testing';
import { resolve } from 'path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import {
  SHOTS,
  expectAccessible,
  launchChromium,
  prepareWebBuild,
  signInThroughUi,
  waitFor,
} from './learning-support';

const suffix = uid();
const A = {
  name: `Amira Annuaire ${suffix}`,
  region: `Région Annuaire A ${suffix}`,
  org: `Association Voix ${suffix}`,
};
const B = { name: `Bilel Annuaire ${suffix}`, region: `Région Annuaire B ${suffix}` };
const spaceTitle = `Budgets citoyens ${suffix}`;

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: resolve(SHOTS, `members-${name}.png`), fullPage: true });
}

describe('journey: member directory — profile, search, follow, unlist', () => {
  let server: TestServer;
  let browser: Browser;
  let contextA: BrowserContext;
  let contextB: BrowserContext;
  let pageA: Page;
  let pageB: Page;
  let a: { id: string; email: string };
  let b: { id: string; email: string };
  let spaceSlug: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    prepareWebBuild();
    server = await startTestServer();
    const db = server.dataSource;
    const regionA = await makeRegion(db, A.region);
    const regionB = await makeRegion(db, B.region);
    const orgA = await makeOrganisation(db, regionA.id, A.org);
    a = await makeUser(db, { regionId: regionA.id, organisationId: orgA.id, displayName: A.name });
    b = await makeUser(db, { regionId: regionB.id, displayName: B.name });
    const space = await makeSpace(db, { title: spaceTitle });
    spaceSlug = space.slug;
    await addToSpace(db, space.id, a.id);

    browser = await launchChromium();
    contextA = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    contextB = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    pageA = await contextA.newPage();
    pageB = await contextB.newPage();
    for (const p of [pageA, pageB]) {
      p.setDefaultTimeout(15_000);
      p.on('pageerror', (err) => pageErrors.push(String(err)));
    }
  }, 180_000);

  afterAll(async () => {
    await contextA?.close().catch(() => undefined);
    await contextB?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server?.close();
  });

  it('edits a directory entry, finds and follows a member, and respects "not listed"', async () => {
    // 1. A fills in their entry: bio, skills with the tag input (Enter, then a comma), region hidden.
    await signInThroughUi(pageA, server.url, a.email, '/members/me/edit');
    await pageA.getByRole('heading', { level: 1, name: 'Ma fiche dans l’annuaire' }).waitFor();
    expect(await pageA.title()).toBe('Ma fiche dans l’annuaire · Pratique');
    await pageA
      .getByLabel('Présentation')
      .fill('Militante associative à Sfax.\nFormatrice en budget participatif.');
    const skills = pageA.locator('#directory-profile-skills');
    await skills.fill('Plaidoyer');
    await skills.press('Enter');
    await skills.pressSequentially('Budget participatif,');
    await pageA.getByRole('button', { name: 'Retirer plaidoyer' }).waitFor();
    await pageA.getByRole('button', { name: 'Retirer budget participatif' }).waitFor();
    expect(await skills.inputValue()).toBe('');
    const interests = pageA.locator('#directory-profile-interests');
    await interests.fill('Gouvernance locale');
    await interests.press('Enter');
    // Removing a tag returns focus to the text field.
    await interests.fill('À retirer');
    await interests.press('Enter');
    await pageA.getByRole('button', { name: 'Retirer à retirer' }).click();
    await waitFor(
      async () => (await pageA.evaluate(() => document.activeElement?.id)) === 'directory-profile-interests',
      'focus back on the interests field',
    );
    const showRegion = pageA.getByLabel('Montrer ma région');
    expect(await showRegion.isChecked()).toBe(true);
    await showRegion.uncheck();
    expect(await pageA.getByLabel('Apparaître dans l’annuaire').isChecked()).toBe(true);
    await expectAccessible(pageA, 'directory entry (fr)');
    await pageA.getByRole('button', { name: 'Enregistrer ma fiche' }).click();
    await pageA.getByText('Votre fiche est enregistrée.').waitFor();
    const [saved] = await server.dataSource.query(
      `SELECT skills, interests, show_region, listed FROM member_profile WHERE user_id = $1`,
      [a.id],
    );
    expect(saved).toEqual({
      skills: ['plaidoyer', 'budget participatif'],
      interests: ['gouvernance locale'],
      show_region: false,
      listed: true,
    });
    await shot(pageA, '01-edit-fr');

    // 2. B searches the directory by skill (the nav link « Annuaire »).
    await signInThroughUi(pageB, server.url, b.email, '/');
    await pageB.getByRole('link', { name: 'Annuaire', exact: true }).click();
    await pageB.getByRole('heading', { level: 1, name: 'Annuaire des membres' }).waitFor();
    expect(await pageB.title()).toBe('Annuaire des membres · Pratique');
    await pageB.getByLabel('Compétence', { exact: true }).fill('plaidoyer');
    await pageB.getByRole('button', { name: 'Rechercher' }).click();
    await pageB.waitForURL(/[?&]skill=plaidoyer/);
    const cardA = pageB.locator('pq-member-card', { hasText: A.name });
    await cardA.waitFor();
    await pageB.getByText(/Membres trouvés : \d+/).waitFor();
    const cardText = await cardA.innerText();
    expect(cardText).toContain(A.org);
    expect(cardText).toContain('plaidoyer');
    expect(cardText).toContain('budget participatif');
    expect(cardText).not.toContain(A.region); // hidden by A
    const followOnCard = cardA.getByRole('button', { name: `Suivre ${A.name}` });
    expect(await followOnCard.getAttribute('aria-pressed')).toBe('false');
    await expectAccessible(pageB, 'directory (fr)');
    await shot(pageB, '02-list-fr');

    // 3. B opens A's page: bio with its line break, organisation, no region, A's space, 0 followers.
    await cardA.getByRole('link', { name: A.name }).click();
    await pageB.waitForURL(new RegExp(`/members/${a.id}$`));
    await pageB.getByRole('heading', { level: 1, name: A.name }).waitFor();
    expect(await pageB.title()).toBe(`${A.name} · Pratique`);
    expect(await pageB.locator('.bio').innerText()).toBe(
      'Militante associative à Sfax.\nFormatrice en budget participatif.',
    );
    expect(await pageB.locator('main').innerText()).not.toContain(A.region);
    await pageB.getByText(A.org).waitFor();
    expect(await pageB.getByRole('link', { name: spaceTitle }).getAttribute('href')).toBe(
      `/spaces/${spaceSlug}`,
    );
    await pageB.getByText('Abonné·es : 0').waitFor();

    // 4. B follows A: the toggle is pressed, the count is 1, and it is recorded.
    const follow = pageB.getByRole('button', { name: `Suivre ${A.name}` });
    expect(await follow.getAttribute('aria-pressed')).toBe('false');
    await follow.click();
    await waitFor(async () => (await follow.getAttribute('aria-pressed')) === 'true', 'follow pressed');
    await pageB.getByText('Abonné·es : 1').waitFor();
    await pageB.getByText(`Vous suivez désormais ${A.name}.`).waitFor({ state: 'attached' });
    const follows = await server.dataSource.query(
      `SELECT count(*)::int AS n FROM user_follow WHERE follower_id = $1 AND followee_id = $2`,
      [b.id, a.id],
    );
    expect(follows[0].n).toBe(1);
    await expectAccessible(pageB, 'member page (fr)');
    await shot(pageB, '03-member-fr');

    // 5. "People I follow" shows A, and only A.
    await pageB.getByRole('link', { name: 'Annuaire des membres' }).click();
    await pageB.getByRole('heading', { level: 1, name: 'Annuaire des membres' }).waitFor();
    await pageB.getByLabel('Seulement les personnes que je suis').check();
    await pageB.waitForURL(/[?&]followed=true/);
    await pageB.getByText('Membres trouvés : 1').waitFor();
    await cardA.waitFor();
    expect(await pageB.locator('pq-member-card').count()).toBe(1);
    expect(await cardA.getByRole('button', { name: `Suivre ${A.name}` }).getAttribute('aria-pressed')).toBe(
      'true',
    );

    // 6. Arabic (RTL): the directory and A's page, then a 360 px screen.
    await pageB.locator('#pq-language').selectOption('ar');
    await pageB.waitForFunction(() => document.documentElement.dir === 'rtl');
    await pageB.getByRole('heading', { level: 1, name: 'دليل الأعضاء' }).waitFor();
    await pageB.getByText('عدد الأعضاء: 1').waitFor();
    await expectAccessible(pageB, 'directory (ar)');
    await shot(pageB, '04-list-ar');
    await cardA.getByRole('link', { name: A.name }).click();
    await pageB.getByText('المتابِعون: 1').waitFor();
    expect(await pageB.getByRole('button', { name: `متابعة ${A.name}` }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    // The space's title has no Arabic version: it is shown in French, isolated in a <bdi lang="fr">.
    expect(await pageB.locator('bdi[lang="fr"]', { hasText: spaceTitle }).count()).toBe(1);
    await expectAccessible(pageB, 'member page (ar)');
    await shot(pageB, '05-member-ar');
    await pageB.setViewportSize({ width: 360, height: 780 });
    await shot(pageB, '06-member-ar-360px');
    await pageB.goto(`${server.url}/members?followed=true`);
    await pageB.getByText('عدد الأعضاء: 1').waitFor();
    await shot(pageB, '07-list-ar-360px');
    await pageA.setViewportSize({ width: 360, height: 780 });
    await pageA.reload();
    await pageA.getByRole('button', { name: 'Retirer plaidoyer' }).waitFor();
    await shot(pageA, '08-edit-fr-360px');
    await pageA.setViewportSize({ width: 1280, height: 900 });
    await pageB.setViewportSize({ width: 1280, height: 900 });
    await pageB.locator('#pq-language').selectOption('fr');
    await pageB.waitForFunction(() => document.documentElement.dir === 'ltr');

    // 7. A leaves the directory; B no longer finds A, even by following or by address.
    await pageA.getByLabel('Apparaître dans l’annuaire').uncheck();
    await pageA.getByRole('button', { name: 'Enregistrer ma fiche' }).click();
    await pageA.getByText('Votre fiche est enregistrée.').waitFor();
    await pageB.goto(`${server.url}/members?skill=plaidoyer`);
    await pageB.getByText(/Membres trouvés : \d+/).waitFor();
    expect(await pageB.locator('pq-member-card', { hasText: A.name }).count()).toBe(0);
    await pageB.getByLabel('Seulement les personnes que je suis').check();
    await pageB.getByText('Membres trouvés : 0').waitFor();
    await pageB.getByText('Aucun membre ne correspond à ces critères.', { exact: false }).waitFor();
    await pageB.goto(`${server.url}/members/${a.id}`);
    await pageB.getByRole('heading', { level: 1, name: 'Membre introuvable' }).waitFor();

    // 8. A's form in Arabic (RTL), with A out of the directory.
    await pageA.locator('#pq-language').selectOption('ar');
    await pageA.waitForFunction(() => document.documentElement.dir === 'rtl');
    await pageA.getByRole('heading', { level: 1, name: 'بطاقتي في الدليل' }).waitFor();
    expect(await pageA.getByLabel('الظهور في الدليل').isChecked()).toBe(false);
    await pageA.getByRole('button', { name: 'إزالة plaidoyer' }).waitFor();
    expect(await pageA.getByText('Votre fiche est enregistrée.').count()).toBe(0);
    await expectAccessible(pageA, 'directory entry (ar)');
    await shot(pageA, '09-edit-ar');

    expect(pageErrors).toEqual([]);
  }, 300_000);
});
