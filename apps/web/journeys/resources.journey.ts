/**
 * Browser journey: the toolbox of a space. A member suggests a link through the form (it shows as
 * pending to them and is absent for another member), the animator publishes it from the
 * moderation queue, another member rates it 4 with a review, and the toolbox shows its average.
 * A resource whose title and description carry XSS payloads opens no dialog. Chromium; axe on
 * the toolbox, resource and moderation pages; screenshots in French and Arabic, and at 360 px.
 */
import { ResourceDetail, SpaceRole } from '@pratique/contracts';
import {
  TestServer,
  addToSpace,
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
  apiAs,
  expectAccessible,
  launchChromium,
  prepareWebBuild,
  signInThroughUi,
} from './learning-support';

const suffix = uid();
const TITLE = `Guide du plaidoyer local ${suffix}`;
const XSS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '<svg onload=alert(1)>',
];
const shot = (page: Page, name: string) =>
  page.screenshot({ path: resolve(SHOTS, `resources-${name}.png`), fullPage: true });

describe('journey: the toolbox — contribute, moderate, rate', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let slug: string;
  let emails: { author: string; rater: string; animator: string };
  const pageErrors: string[] = [];
  const dialogs: string[] = [];

  const open = async (width = 1280) => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'fr-FR' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    return page;
  };

  beforeAll(async () => {
    prepareWebBuild();
    server = await startTestServer();
    const db = server.dataSource;
    const region = await makeRegion(db);
    const space = await makeSpace(db, { title: `Espace plaidoyer ${suffix}` });
    slug = space.slug;
    const author = await makeUser(db, { regionId: region.id, displayName: `Salma Autrice ${suffix}` });
    const rater = await makeUser(db, { regionId: region.id, displayName: `Youssef Lecteur ${suffix}` });
    const animator = await makeUser(db, { regionId: region.id, displayName: `Nadia Animatrice ${suffix}` });
    await addToSpace(db, space.id, author.id);
    await addToSpace(db, space.id, rater.id);
    await addToSpace(db, space.id, animator.id, SpaceRole.Animator);
    emails = { author: author.email, rater: rater.email, animator: animator.email };
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server?.close();
  });

  it('a member contributes a link, the animator publishes it, another member rates it 4', async () => {
    // 1. The author: space page → toolbox → form → a pending contribution.
    const author = await open();
    await signInThroughUi(author, server.url, emails.author, `/spaces/${slug}`);
    await author.getByRole('tab', { name: 'Ressources' }).click();
    await author.getByRole('link', { name: 'Boîte à outils' }).click();
    await author.getByRole('heading', { level: 1, name: 'Boîte à outils' }).waitFor();
    await author.getByRole('link', { name: 'Proposer une ressource' }).click();
    await author.getByRole('heading', { level: 1, name: 'Proposer une ressource' }).waitFor();
    await author.getByLabel('Titre').fill(TITLE);
    await author.getByLabel('Adresse du lien').fill('javascript:alert(1)');
    await author.getByRole('button', { name: 'Envoyer' }).click();
    await author.getByText('must be an http or https URL').waitFor();
    await expect(author.getByLabel('Adresse du lien').getAttribute('aria-invalid')).resolves.toBe('true');
    await author.getByLabel('Adresse du lien').fill('https://example.org/plaidoyer');
    await author
      .getByLabel('Description')
      .fill('Un guide **pratique** pour préparer une rencontre avec la commune.');
    await author.getByLabel('Mots-clés').fill('Plaidoyer, commune');
    await author.getByRole('button', { name: 'Envoyer' }).click();
    await author.getByText('Merci ! Votre contribution attend la validation des animateurs.').waitFor();
    await author.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await author.getByRole('link', { name: 'Boîte à outils' }).click();
    await author.getByRole('heading', { level: 2, name: 'Mes contributions' }).waitFor();
    await author
      .locator('.resource-card', { hasText: TITLE })
      .getByText('En attente de validation')
      .waitFor();
    await expectAccessible(author, 'toolbox (author, pending)');
    await shot(author, 'toolbox-pending-fr');

    // 2. Another member does not see it.
    const rater = await open();
    await signInThroughUi(rater, server.url, emails.rater, `/spaces/${slug}/toolbox`);
    await rater.getByText('0 ressource(s)').waitFor();
    expect(await rater.getByText(TITLE).count()).toBe(0);

    // 3. The animator publishes it from the moderation queue.
    const animator = await open();
    await signInThroughUi(animator, server.url, emails.animator, `/spaces/${slug}/toolbox`);
    await animator.getByRole('link', { name: 'File de modération' }).click();
    await animator.getByRole('heading', { level: 1, name: 'File de modération' }).waitFor();
    await animator.getByRole('heading', { level: 2, name: 'Contributions en attente (1)' }).waitFor();
    await expectAccessible(animator, 'moderation queue');
    await shot(animator, 'moderation-fr');
    await animator.getByRole('button', { name: `Publier — ${TITLE}` }).click();
    await animator.getByText('La ressource est publiée.').waitFor();
    await animator.getByText('Aucune contribution en attente.').waitFor();

    // 4. The other member rates it 4 with a review.
    await rater.reload();
    await rater.getByRole('link', { name: TITLE }).click();
    await rater.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await rater.getByRole('radio', { name: '4 sur 5' }).check();
    await rater
      .getByLabel('Votre avis (facultatif)')
      .fill('Très clair, nous l’avons utilisé avec la mairie.');
    await rater.getByRole('button', { name: 'Enregistrer mon avis' }).click();
    await rater.getByText('Merci, votre avis est enregistré.').waitFor();
    await rater.getByRole('img', { name: 'Note moyenne 4,0 sur 5, 1 avis' }).waitFor();
    await rater.getByText('Très clair, nous l’avons utilisé avec la mairie.').waitFor();
    await expectAccessible(rater, 'resource page');
    await shot(rater, 'resource-fr');

    // 5. The toolbox shows it with its average, in French, then in Arabic.
    await rater.getByRole('link', { name: 'Boîte à outils' }).click();
    await rater
      .locator('.resource-card', { hasText: TITLE })
      .getByRole('img', { name: 'Note moyenne 4,0 sur 5, 1 avis' })
      .waitFor();
    await expectAccessible(rater, 'toolbox');
    await shot(rater, 'toolbox-fr');
    await rater.locator('#pq-language').selectOption('ar');
    await rater.getByRole('heading', { level: 1, name: 'صندوق الأدوات' }).waitFor();
    await expect(rater.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await expectAccessible(rater, 'toolbox (ar)');
    await shot(rater, 'toolbox-ar');
    await rater.getByRole('link', { name: TITLE }).click();
    await rater.getByRole('heading', { level: 2, name: 'آراء الأعضاء' }).waitFor();
    await expectAccessible(rater, 'resource page (ar)');
    await shot(rater, 'resource-ar');

    // 6. The rater's feed shows the resource published in their space.
    await rater.goto(`${server.url}/feed`);
    const feedItem = rater.locator('.feed-item', { hasText: TITLE });
    await feedItem.waitFor();
    await expect(feedItem.getByRole('link', { name: TITLE }).getAttribute('href')).resolves.toMatch(/^\/resources\/[0-9a-f-]{36}$/);

    // 7. A phone-sized screen.
    const small = await open(360);
    await signInThroughUi(small, server.url, emails.author, `/spaces/${slug}/toolbox`);
    await small.getByRole('heading', { level: 1, name: 'Boîte à outils' }).waitFor();
    await small.locator('.resource-card', { hasText: TITLE }).waitFor();
    const overflow = await small.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(small, 'toolbox-360');

    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('the author sees why a contribution was rejected, corrects it and resubmits it', async () => {
    const asAuthor = await apiAs(server.url, emails.author);
    const r = await asAuthor.json<ResourceDetail>('POST', `/api/spaces/${slug}/resources`, {
      kind: 'link',
      title: `Annuaire des communes ${suffix}`,
      language: 'fr',
      url: 'https://example.org/ancien-lien',
    });
    const asAnimator = await apiAs(server.url, emails.animator);
    await asAnimator.json('POST', `/api/resources/${r.id}/reject`, { reason: 'Le lien ne fonctionne plus.' });
    const page = await open();
    await signInThroughUi(page, server.url, emails.author, `/spaces/${slug}/toolbox`);
    await page.getByText('Le lien ne fonctionne plus.').first().waitFor();
    await page
      .getByRole('link', { name: `Annuaire des communes ${suffix}` })
      .first()
      .click();
    await page.getByRole('heading', { level: 2, name: 'Modifier ma contribution' }).waitFor();
    await page.locator('#e-url').fill('https://example.org/nouveau-lien');
    await page.getByRole('button', { name: 'Enregistrer et soumettre' }).click();
    await page.getByText('Votre contribution est de nouveau en attente de validation.').waitFor();
    await page.locator('.badges').getByText('En attente de validation').waitFor();
    const queue = await asAnimator.json<{ pending: { id: string }[] }>(
      'GET',
      `/api/spaces/${slug}/resources/moderation`,
    );
    expect(queue.pending.map((p) => p.id)).toContain(r.id);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('renders a resource whose title, description and review carry XSS payloads without running anything', async () => {
    const api = await apiAs(server.url, emails.animator);
    const r = await api.json<ResourceDetail>('POST', `/api/spaces/${slug}/resources`, {
      kind: 'link',
      title: `${XSS[0]} ${XSS[1]}`,
      description: XSS.join('\n\n'),
      tags: [XSS[3]],
      language: 'fr',
      url: 'https://example.org/xss',
    });
    const asRater = await apiAs(server.url, emails.rater);
    await asRater.json('PUT', `/api/resources/${r.id}/reviews/me`, { rating: 2, body: XSS.join('\n\n') });
    const page = await open();
    await signInThroughUi(page, server.url, emails.author, `/resources/${r.id}`);
    await page.getByRole('heading', { level: 1, name: `${XSS[0]} ${XSS[1]}` }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Avis des membres' }).waitFor();
    await page.goto(`${server.url}/spaces/${slug}/toolbox`);
    await page.getByRole('link', { name: `${XSS[0]} ${XSS[1]}` }).waitFor();
    await page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    expect(await page.locator('script:not([src]), svg[onload], img[onerror]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
