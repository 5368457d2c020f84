/**
 * Browser journey: the activity feed. An animator publishes a module in a members-only space,
 * the regional office opens a seminar, and a person the member follows shares, through the module
 * page, that they completed a module; the member's "veille" shows the three, newest first, with
 * why each is there, in French and Arabic; staff switch to their region's feed. Chromium; axe;
 * screenshots.
 */
import { ModuleStatus, SpaceRole, SpaceVisibility } from '@pratique/contracts';
import {
  addToSpace,
  makeModule,
  makeRegion,
  makeSeminar,
  makeSpace,
  makeUser,
  startTestServer,
  TestServer,
  uid,
} from '@pratique/api/testing';
import { resolve } from 'path';
import { Browser, Page } from 'playwright-core';
import {
  SHOTS,
  apiAs,
  expectAccessible,
  launchChromium,
  prepareWebBuild,
  signInThroughUi,
} from './learning-support';

const suffix = uid();
const shot = (page: Page, name: string) =>
  page.screenshot({ path: resolve(SHOTS, `feed-${name}.png`), fullPage: true });

describe('journey: the activity feed of a member and of a region', () => {
  let server: TestServer;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    prepareWebBuild();
    server = await startTestServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows what happened in my space, in my region and around whom I follow', async () => {
    const db = server.dataSource;
    const region = await makeRegion(db, `Région de Bizerte ${suffix}`);
    const space = await makeSpace(db, {
      title: `Jeunesse et citoyenneté ${suffix}`,
      visibility: SpaceVisibility.Members,
    });
    const animator = await makeUser(db, { regionId: region.id, displayName: `Rim Animatrice ${suffix}` });
    const member = await makeUser(db, { regionId: region.id, displayName: `Walid Membre ${suffix}` });
    const learner = await makeUser(db, { regionId: region.id, displayName: `Sonia Apprenante ${suffix}` });
    const staff = await makeUser(db, {
      regionId: region.id,
      staffOf: [region.id],
      displayName: `Bureau ${suffix}`,
    });
    await addToSpace(db, space.id, animator.id, SpaceRole.Animator);
    await addToSpace(db, space.id, member.id);

    const mod = await makeModule(db, space.id, {
      status: ModuleStatus.Draft,
      title: `Mobiliser les jeunes ${suffix}`,
    });
    await (
      await apiAs(server.url, animator.email)
    ).json('PATCH', `/api/modules/${mod.id}`, { status: ModuleStatus.Published });
    const seminar = await makeSeminar(db, { regionId: region.id, status: 'draft' });
    await (
      await apiAs(server.url, staff.email)
    ).json('PATCH', `/api/seminars/${seminar.id}`, {
      status: 'open',
      title: { fr: `Forum régional ${suffix}` },
    });
    const publicSpace = await makeSpace(db, { title: `Gestion ${suffix}` });
    const done = await makeModule(db, publicSpace.id, { title: `Comptabilité associative ${suffix}` });
    await db.query(
      `INSERT INTO enrollment (user_id, module_id, percent, completed_at, certificate_code) VALUES ($1, $2, 100, now(), $3)`,
      [learner.id, done.id, `CERT-${suffix}`],
    );
    await (await apiAs(server.url, member.email)).json('PUT', `/api/members/${learner.id}/follow`);

    // The learner shares the completion from the module page.
    const learnerContext = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'fr-FR',
    });
    const learnerPage = await learnerContext.newPage();
    learnerPage.on('pageerror', (e) => pageErrors.push(e.message));
    await signInThroughUi(learnerPage, server.url, learner.email, `/modules/${done.id}`);
    const share = learnerPage.getByLabel('Partager ma réussite dans la veille');
    await share.check();
    await learnerPage.waitForResponse(
      (r) => r.url().includes(`/api/me/completions/${done.id}/shared`) && r.status() === 204,
    );
    await expect(share.isChecked()).resolves.toBe(true);
    await learnerContext.close();

    // The member's feed.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signInThroughUi(page, server.url, member.email, '/');
    await page.getByRole('link', { name: 'Veille' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ma veille' }).waitFor();
    const items = page.getByRole('list', { name: 'Activité récente' }).getByRole('listitem');
    await items.nth(2).waitFor();
    const texts = await items.allInnerTexts();
    expect(texts).toHaveLength(3);
    expect(texts[0]).toContain(`Comptabilité associative ${suffix}`);
    expect(texts[0]).toContain('Module terminé');
    expect(texts[0]).toContain('une personne que vous suivez');
    expect(texts[1]).toContain(`Forum régional ${suffix}`);
    expect(texts[1]).toContain('votre région');
    expect(texts[2]).toContain(`Mobiliser les jeunes ${suffix}`);
    expect(texts[2]).toContain(`Jeunesse et citoyenneté ${suffix}`);
    await expectAccessible(page, 'feed (fr)');
    await shot(page, 'f01-member-fr');
    await page.getByLabel('Langue').selectOption('ar');
    await page.getByRole('heading', { level: 1, name: 'آخر المستجدات' }).waitFor();
    await expectAccessible(page, 'feed (ar)');
    await shot(page, 'f02-member-ar');
    await page.setViewportSize({ width: 360, height: 800 });
    await shot(page, 'f03-member-ar-360px');
    // Following an item's link opens it (the list is now named in Arabic).
    await page
      .getByRole('list', { name: 'النشاط الأخير' })
      .getByRole('link', { name: `Mobiliser les jeunes ${suffix}` })
      .click();
    await page.waitForURL(new RegExp(`/modules/${mod.id}`));
    await context.close();

    // Staff: the region's feed.
    const staffContext = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'fr-FR',
    });
    const staffPage = await staffContext.newPage();
    staffPage.on('pageerror', (e) => pageErrors.push(e.message));
    await signInThroughUi(staffPage, server.url, staff.email, '/feed');
    await staffPage.getByLabel('Fil affiché').selectOption({ label: `Région ${region.name}` });
    await staffPage.getByRole('heading', { level: 1, name: `Veille de la région ${region.name}` }).waitFor();
    await staffPage.getByText(`Forum régional ${suffix}`).waitFor();
    await expectAccessible(staffPage, 'region feed (fr)');
    await shot(staffPage, 'f04-region-fr');
    await staffContext.close();

    expect(pageErrors).toEqual([]);
  }, 180_000);
});
