/**
 * Browser journey: questions in a thematic space. A member asks a question through the form,
 * another member answers it, the first accepts the answer, an animator pins the thread. axe on
 * the list and the thread; screenshots in French and Arabic and one at 360 px. Then a thread
 * whose title, body and reply carry stored-XSS payloads is rendered: no dialog opens, no script runs.
 */
import { ReplyDto, SpaceRole, ThreadDetail } from '@pratique/contracts';
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
import { Browser, Page } from 'playwright-core';
import {
  SHOTS,
  apiAs,
  expectAccessible,
  launchChromium,
  prepareWebBuild,
  signInThroughUi,
  waitFor,
} from './learning-support';

const suffix = uid();
const QUESTION = {
  title: `Comment associer les jeunes au budget participatif ? ${suffix}`,
  body: 'Nous lançons un **budget participatif** à Sfax.\n\n- Quels outils ?\n- Quels délais ?',
};
const ANSWER = 'Commencez par des *ateliers de quartier*, puis un vote en ligne et sur papier.';
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '<svg onload=alert(1)>',
  '"><iframe src=javascript:alert(1)>',
  '<img src=x onerror="window.__pwned=1">',
];

const shot = (page: Page, name: string) =>
  page.screenshot({ path: resolve(SHOTS, `discussions-${name}.png`), fullPage: true });

describe('journey: a question in a space — ask, answer, accept, pin; stored XSS stays inert', () => {
  let server: TestServer;
  let browser: Browser;
  let asker: Page;
  let replier: Page;
  let animator: Page;
  let spaceSlug: string;
  let emails: { asker: string; replier: string; animator: string };
  let threadId: string;
  const pageErrors: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    prepareWebBuild();
    server = await startTestServer();
    const db = server.dataSource;
    const region = await makeRegion(db, `Région de Sfax ${suffix}`);
    const space = await makeSpace(db, { title: `Démocratie locale ${suffix}` });
    spaceSlug = space.slug;
    const a = await makeUser(db, { regionId: region.id, displayName: `Amal Membre ${suffix}` });
    const r = await makeUser(db, { regionId: region.id, displayName: `Youssef Praticien ${suffix}` });
    const m = await makeUser(db, { regionId: region.id, displayName: `Salma Animatrice ${suffix}` });
    await addToSpace(db, space.id, a.id);
    await addToSpace(db, space.id, r.id);
    await addToSpace(db, space.id, m.id, SpaceRole.Animator);
    emails = { asker: a.email, replier: r.email, animator: m.email };
    // An earlier discussion, so the list shows the pinned question above it.
    const api = await apiAs(server.url, r.email);
    await api.json('POST', `/api/spaces/${space.slug}/threads`, {
      kind: 'discussion',
      title: `Retour sur l’atelier de Gabès ${suffix}`,
      body: 'Merci à toutes et à tous pour cette journée.',
    });
    await api.json('POST', `/api/spaces/${space.slug}/threads`, {
      kind: 'question',
      title: `المشاركة في الانتخابات البلدية ${suffix}`,
      body: 'كيف تشارك الجمعيات النسائية في الانتخابات البلدية؟',
    });

    browser = await launchChromium();
    const open = async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (err) => pageErrors.push(String(err)));
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      return page;
    };
    asker = await open();
    replier = await open();
    animator = await open();
  }, 180_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await server?.close();
  });

  it('a member asks a question through the form', async () => {
    // From the space page: its Discussions tab lists the latest threads and leads to all of them.
    await signInThroughUi(asker, server.url, emails.asker, `/spaces/${spaceSlug}`);
    await asker.getByRole('tab', { name: 'Discussions' }).click();
    await asker.getByRole('link', { name: `Retour sur l’atelier de Gabès ${suffix}` }).waitFor();
    await expectAccessible(asker, 'space page, discussions tab');
    await shot(asker, 'd00-space-tab-fr');
    await asker.getByRole('link', { name: 'Ouvrir les discussions' }).click();
    await asker.getByRole('heading', { level: 1, name: 'Discussions' }).waitFor();
    await asker.getByRole('link', { name: 'Nouvelle discussion ou question' }).click();
    await asker.getByRole('heading', { name: 'Lancer une discussion ou poser une question' }).waitFor();
    await expectAccessible(asker, 'new thread form');
    // Publishing empty: errors on the fields, focus on the first.
    await asker.getByRole('button', { name: 'Publier' }).click();
    // Wait for the state (the form marks its fields after the click is handled, later on a busy machine).
    await asker.getByLabel('Titre', { exact: true }).and(asker.locator('[aria-invalid="true"]')).waitFor();
    await asker.getByLabel('Question', { exact: true }).check();
    await asker.getByLabel('Titre', { exact: true }).fill(QUESTION.title);
    await asker.getByLabel('Message', { exact: true }).fill(QUESTION.body);
    await shot(asker, 'd01-new-question-fr');
    await asker.getByRole('button', { name: 'Publier' }).click();
    await asker.getByRole('heading', { level: 1, name: QUESTION.title }).waitFor();
    threadId = asker.url().split('/discussions/')[1];
    expect(threadId).toMatch(/^[0-9a-f-]{36}$/);
    await expect(asker.locator('.markdown strong').first().textContent()).resolves.toBe(
      'budget participatif',
    );
    await expect(
      asker.getByRole('button', { name: 'Vous suivez ce fil' }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');
  });

  it('another member answers and votes cannot be self-given', async () => {
    await signInThroughUi(replier, server.url, emails.replier, `/discussions/${threadId}`);
    await replier.getByRole('heading', { level: 1, name: QUESTION.title }).waitFor();
    await replier.getByLabel('Votre réponse').fill(ANSWER);
    await replier.getByRole('button', { name: 'Répondre' }).click();
    await replier.getByText('Votre réponse a été publiée.').waitFor();
    const reply = replier.locator('article.reply').first();
    await reply.locator('.markdown em', { hasText: 'ateliers de quartier' }).waitFor();
    // Their own reply: the vote button is there but disabled.
    await expect(reply.locator('button.vote').isDisabled()).resolves.toBe(true);
    // No accept button for someone who is neither the author of the question nor an animator.
    await expect(replier.getByRole('button', { name: 'Accepter cette réponse' }).count()).resolves.toBe(0);
  });

  it('the asker votes for and accepts the answer', async () => {
    await asker.reload();
    const reply = asker.locator('article.reply').first();
    await reply.waitFor();
    const vote = reply.locator('button.vote');
    await expect(vote.getAttribute('aria-pressed')).resolves.toBe('false');
    await vote.click();
    await waitFor(async () => (await vote.getAttribute('aria-pressed')) === 'true', 'the vote is pressed');
    await expect(vote.textContent()).resolves.toContain('1');
    await reply.getByRole('button', { name: 'Accepter cette réponse' }).click();
    await asker.getByText('Réponse acceptée').waitFor();
    await reply.getByRole('button', { name: 'Retirer l’acceptation' }).waitFor();
    await expectAccessible(asker, 'thread page (asker, accepted)');
  });

  it('an animator pins the thread; it comes first in the list, answered', async () => {
    await signInThroughUi(animator, server.url, emails.animator, `/discussions/${threadId}`);
    await animator.getByRole('heading', { level: 1, name: QUESTION.title }).waitFor();
    const pin = animator.getByRole('button', { name: 'Épingler' });
    await expect(pin.getAttribute('aria-pressed')).resolves.toBe('false');
    await pin.click();
    await animator.getByRole('button', { name: 'Désépingler' }).waitFor();
    await expect(
      animator.getByRole('button', { name: 'Désépingler' }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    await expectAccessible(animator, 'thread page (animator)');
    await shot(animator, 'd02-thread-animator-fr');

    await animator.goto(`${server.url}/spaces/${spaceSlug}/discussions`);
    const first = animator.locator('.thread-item').first();
    await first.getByRole('link', { name: QUESTION.title }).waitFor();
    await expect(first.textContent()).resolves.toContain('Épinglé');
    await expect(first.textContent()).resolves.toContain('Résolue');
    await expect(animator.locator('.thread-item').count()).resolves.toBe(3);
    await expectAccessible(animator, 'discussions list (fr)');
    await shot(animator, 'd03-list-fr');

    // French search finds the question by a plural/stem; Arabic search finds the Arabic one.
    await animator.getByLabel('Rechercher dans les discussions').fill('jeune');
    await animator.getByRole('button', { name: 'Rechercher' }).click();
    await waitFor(async () => (await animator.locator('.thread-item').count()) === 1, 'one search result');
    await animator.getByLabel('Rechercher dans les discussions').fill('الانتخابات');
    await animator.getByRole('button', { name: 'Rechercher' }).click();
    await animator.locator('.thread-item', { hasText: 'المشاركة في الانتخابات البلدية' }).waitFor();
    await waitFor(async () => (await animator.locator('.thread-item').count()) === 1, 'one search result');
  });

  it('reads the same pages in Arabic (right to left) and at 360 px', async () => {
    await animator.goto(`${server.url}/spaces/${spaceSlug}/discussions`);
    await animator.locator('.thread-item').first().waitFor();
    await animator.getByLabel('Langue').selectOption('ar');
    await animator.getByRole('heading', { level: 1, name: 'النقاشات' }).waitFor();
    await expect(animator.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await expectAccessible(animator, 'discussions list (ar)');
    await shot(animator, 'd04-list-ar');
    await animator.locator('.thread-item').first().getByRole('link').click();
    await animator.getByRole('heading', { level: 1, name: QUESTION.title }).waitFor();
    await animator.getByText('الإجابة المقبولة').waitFor();
    await expectAccessible(animator, 'thread page (ar)');
    await shot(animator, 'd05-thread-ar');
    await animator.setViewportSize({ width: 360, height: 780 });
    await shot(animator, 'd06-thread-ar-360px');
    const overflow = await animator.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await animator.getByLabel('اللغة').selectOption('fr');
    await animator.getByRole('heading', { level: 1, name: QUESTION.title }).waitFor();
    await shot(animator, 'd07-thread-fr-360px');
    await animator.setViewportSize({ width: 1280, height: 900 });
  });

  it('renders a thread full of XSS payloads without any dialog or script', async () => {
    const api = await apiAs(server.url, emails.asker);
    const all = PAYLOADS.join('\n\n');
    const thread = await api.json<ThreadDetail>('POST', `/api/spaces/${spaceSlug}/threads`, {
      kind: 'question',
      title: `XSS ${PAYLOADS.join(' ')}`,
      body: `Avant\n\n${all}\n\nAprès`,
    });
    const replierApi = await apiAs(server.url, emails.replier);
    await replierApi.json<ReplyDto>('POST', `/api/threads/${thread.id}/replies`, { body: all });
    // An edit, so the history renders the payloads too.
    await api.json('PATCH', `/api/threads/${thread.id}`, { body: `Modifié\n\n${all}` });

    await asker.goto(`${server.url}/spaces/${spaceSlug}/discussions`);
    await asker.locator('.thread-item', { hasText: 'XSS' }).waitFor();
    await asker.goto(`${server.url}/discussions/${thread.id}`);
    await asker.getByRole('heading', { level: 1 }).waitFor();
    // The title is shown as text, exactly as written.
    await expect(asker.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      `XSS ${PAYLOADS.join(' ')}`,
    );
    await asker.locator('article.reply').first().waitFor();
    const historyButton = asker.getByRole('button', { name: 'Historique des modifications' });
    await expect(historyButton.isVisible()).resolves.toBe(true);
    await historyButton.click();
    // The history opens once its versions are loaded: wait for the state rather than read it at once.
    await asker.locator('button[aria-expanded="true"]', { hasText: 'Historique des modifications' }).waitFor();
    await asker.locator('.history .version').first().waitFor();
    await asker.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    expect(await asker.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const dangerous = await asker.evaluate(() => {
      const roots = Array.from(document.querySelectorAll('.markdown'));
      return {
        markdownBlocks: roots.length,
        scripts: roots.reduce(
          (n, r) => n + r.querySelectorAll('script, iframe, svg, object, embed').length,
          0,
        ),
        handlers: roots.reduce(
          (n, r) =>
            n +
            Array.from(r.querySelectorAll('*')).filter((el) =>
              Array.from(el.attributes).some((a) => a.name.startsWith('on')),
            ).length,
          0,
        ),
        jsLinks: roots.reduce(
          (n, r) =>
            n +
            Array.from(r.querySelectorAll('[href],[src]')).filter((el) =>
              /javascript:/i.test(el.getAttribute('href') ?? el.getAttribute('src') ?? ''),
            ).length,
          0,
        ),
      };
    });
    expect(dangerous).toEqual({ markdownBlocks: 3, scripts: 0, handlers: 0, jsLinks: 0 });
    await shot(asker, 'd08-xss-thread-fr');
    expect(pageErrors).toEqual([]);
  });
});
