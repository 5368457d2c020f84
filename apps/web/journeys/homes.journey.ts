/**
 * Browser journey: the three people's homes (issue 10). In a region of its own, a member who is
 * eligible for one seminar and two lessons away from another, an animator whose space holds a
 * suggested resource, a report and an unanswered question, and a regional office with upcoming
 * seminars, an ended one whose attendance is unmarked and completions spread over past weeks.
 * Each opens `/` and finds their home with the right numbers, in French, Arabic (right to left)
 * and English; axe on every home in every language; screenshots at 1280 px and 360 px (no
 * horizontal scroll); charts have their numbers as a table; the tabs lead between homes.
 */
import { LessonKind, ModuleStatus, SpaceRole, SpaceVisibility } from '@pratique/contracts';
import {
  addToSpace,
  makeModule,
  makeOrganisation,
  makeRegion,
  makeSeminar,
  makeSpace,
  makeUser,
  startTestServer,
  TestServer,
  uid,
} from '@pratique/api/testing';
import { copyFileSync, mkdirSync } from 'fs';
import { resolve } from 'path';
import { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import {
  SHOTS,
  apiAs,
  expectAccessible,
  launchChromium,
  prepareWebBuild,
  signInThroughUi,
} from './learning-support';

const suffix = uid();
const ROOT = resolve(__dirname, '../../..');
const shot = (page: Page, name: string) =>
  page.screenshot({ path: resolve(SHOTS, `homes-${name}.png`), fullPage: true });

type Lang = 'fr' | 'ar' | 'en';
const H1: Record<'member' | 'animator' | 'staff', Record<Lang, (name: string) => string>> = {
  member: { fr: (n) => `Bonjour ${n}`, ar: (n) => `مرحبًا ${n}`, en: (n) => `Hello ${n}` },
  animator: { fr: () => 'Mes espaces', ar: () => 'فضاءاتي', en: () => 'My spaces' },
  staff: { fr: () => 'Bureau régional', ar: () => 'المكتب الجهوي', en: () => 'Regional office' },
};

async function setLanguage(page: Page, lang: Lang): Promise<void> {
  await page.locator('#pq-language').selectOption(lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/** The page never scrolls sideways (360 px phones), once charts have redrawn for the new width. */
async function expectNoSidewaysScroll(page: Page, name: string): Promise<void> {
  await page
    .waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, undefined, {
      timeout: 3000,
    })
    .catch(() => undefined);
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(`${name}: ${scroll <= width ? 'fits' : `${scroll}px > ${width}px`}`).toBe(`${name}: fits`);
}

/** Marks lessons completed `daysAgo` days ago through the API, then back-dates them. */
async function completeLessons(
  db: DataSource,
  url: string,
  email: string,
  userId: string,
  lessonIds: string[],
  daysAgo: number,
): Promise<void> {
  const api = await apiAs(url, email);
  for (const id of lessonIds) await api.json('POST', `/api/lessons/${id}/complete`);
  await db.query(
    `UPDATE lesson_progress SET completed_at = now() - make_interval(days => $3), updated_at = now() - make_interval(days => $3)
      WHERE user_id = $1 AND lesson_id = ANY($2::uuid[])`,
    [userId, lessonIds, daysAgo],
  );
}

describe('journey: the member, animator and staff homes', () => {
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

  it('each person finds their own home, with the right numbers, in three languages and on a phone', async () => {
    const db = server.dataSource;
    const region = await makeRegion(db, `Région de Kairouan ${suffix}`);
    const org = await makeOrganisation(db, region.id, `Association Nour ${suffix}`);
    const memberName = `Yasmine ${suffix}`;
    const animatorName = `Rim ${suffix}`;
    const member = await makeUser(db, {
      regionId: region.id,
      organisationId: org.id,
      displayName: memberName,
    });
    const animator = await makeUser(db, {
      regionId: region.id,
      organisationId: org.id,
      displayName: animatorName,
    });
    const staff = await makeUser(db, {
      regionId: region.id,
      staffOf: [region.id],
      displayName: `Bureau ${suffix}`,
    });
    const learners = await Promise.all(
      [1, 2, 3].map((i) =>
        makeUser(db, {
          regionId: region.id,
          organisationId: org.id,
          displayName: `Apprenant ${i} ${suffix}`,
        }),
      ),
    );

    const space = await makeSpace(db, {
      title: `Gouvernance associative ${suffix}`,
      visibility: SpaceVisibility.Members,
    });
    await addToSpace(db, space.id, animator.id, SpaceRole.Animator);
    for (const u of [member, ...learners]) await addToSpace(db, space.id, u.id);
    const page3 = { kind: LessonKind.Page };
    const m1 = await makeModule(db, space.id, {
      title: `Piloter un projet ${suffix}`,
      status: ModuleStatus.Published,
      lessons: [page3, page3, page3],
    });
    const m2 = await makeModule(db, space.id, {
      title: `Budget participatif ${suffix}`,
      status: ModuleStatus.Published,
      lessons: [page3, page3],
    });

    // The member: 2 of 3 lessons of m1 (66 %), three weeks ago.
    await completeLessons(db, server.url, member.email, member.id, m1.lessonIds.slice(0, 2), 20);
    // Learners: one finished m1 two weeks ago, one half of m2 last week, one started m1 today.
    await completeLessons(db, server.url, learners[0].email, learners[0].id, m1.lessonIds, 13);
    await completeLessons(db, server.url, learners[1].email, learners[1].id, m2.lessonIds.slice(0, 1), 6);
    await completeLessons(db, server.url, learners[2].email, learners[2].id, m1.lessonIds.slice(0, 1), 0);

    const title = (id: string, fr: string, ar: string, en: string) =>
      db.query(`UPDATE seminar SET title = $2 WHERE id = $1`, [id, JSON.stringify({ fr, ar, en })]);
    // Open to the member now (m1 ≥ 50 %): « Forum ».
    const forum = await makeSeminar(db, {
      regionId: region.id,
      status: 'open',
      capacity: 30,
      requirements: [{ moduleId: m1.id, minPercent: 50 }],
      startsInDays: 20,
    });
    await title(
      forum.id,
      `Forum de la gouvernance ${suffix}`,
      `منتدى الحوكمة ${suffix}`,
      `Governance forum ${suffix}`,
    );
    // Two lessons away: m1 at 100 % and m2 at 50 %.
    const workshop = await makeSeminar(db, {
      regionId: region.id,
      status: 'open',
      capacity: 12,
      k: 2,
      requirements: [
        { moduleId: m1.id, minPercent: 100 },
        { moduleId: m2.id, minPercent: 50 },
      ],
      startsInDays: 25,
    });
    await title(
      workshop.id,
      `Atelier budget ${suffix}`,
      `ورشة الميزانية ${suffix}`,
      `Budget workshop ${suffix}`,
    );
    // Registered (no gate).
    const meeting = await makeSeminar(db, {
      regionId: region.id,
      status: 'open',
      capacity: 40,
      startsInDays: 10,
    });
    await title(
      meeting.id,
      `Rencontre régionale ${suffix}`,
      `لقاء جهوي ${suffix}`,
      `Regional meeting ${suffix}`,
    );
    await (await apiAs(server.url, member.email)).json('POST', `/api/seminars/${meeting.id}/registrations`);
    await (
      await apiAs(server.url, learners[0].email)
    ).json('POST', `/api/seminars/${meeting.id}/registrations`);
    // Ended three days ago with two confirmed registrations never marked.
    const ended = await makeSeminar(db, {
      regionId: region.id,
      status: 'open',
      capacity: 20,
      startsInDays: 30,
    });
    await title(ended.id, `Séminaire passé ${suffix}`, `ندوة سابقة ${suffix}`, `Past seminar ${suffix}`);
    for (const u of [learners[1], learners[2]])
      await db.query(
        `INSERT INTO registration (seminar_id, user_id, status, eligibility_snapshot) VALUES ($1, $2, 'confirmed', '{}')`,
        [ended.id, u.id],
      );
    await db.query(
      `UPDATE seminar SET starts_at = now() - interval '3 days 2 hours', ends_at = now() - interval '3 days',
              registration_opens_at = now() - interval '20 days', registration_closes_at = now() - interval '4 days'
        WHERE id = $1`,
      [ended.id],
    );
    // An unread notification for the member.
    await db.query(
      `INSERT INTO notification (user_id, outbox_id, type, payload) VALUES ($1, -1, 'registration.confirmed', $2)`,
      [
        member.id,
        JSON.stringify({
          seminarId: meeting.id,
          title: { fr: `Rencontre régionale ${suffix}` },
          originalLanguage: 'fr',
        }),
      ],
    );

    // The animator's work: a suggested resource, a report on a published one, a question nobody answered.
    const asMember = await apiAs(server.url, member.email);
    await asMember.json('POST', `/api/spaces/${space.slug}/resources`, {
      kind: 'link',
      title: `Guide du trésorier ${suffix}`,
      language: 'fr',
      url: 'https://example.org/guide',
    });
    const published = await (
      await apiAs(server.url, animator.email)
    ).json<{ id: string }>('POST', `/api/spaces/${space.slug}/resources`, {
      kind: 'link',
      title: `Modèle de statuts ${suffix}`,
      language: 'fr',
      url: 'https://example.org/statuts',
    });
    await asMember.json('POST', `/api/resources/${published.id}/reports`, { reason: 'Lien cassé' });
    await asMember.json('POST', `/api/spaces/${space.slug}/threads`, {
      kind: 'question',
      title: `Comment organiser une AG en ligne ${suffix} ?`,
      body: 'Nous cherchons un outil de vote.',
    });

    // ── The member ──
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signInThroughUi(page, server.url, member.email, '/');
    await page.getByRole('heading', { level: 1, name: H1.member.fr(memberName) }).waitFor();
    const registerNow = page.getByRole('region', { name: 'Vous pouvez vous inscrire' });
    await registerNow.getByRole('link', { name: `Forum de la gouvernance ${suffix}`, exact: true }).waitFor();
    await expect(registerNow.innerText()).resolves.toContain('30 places restantes');
    await expect(registerNow.innerText()).resolves.not.toContain(`Atelier budget ${suffix}`);
    const reach = page.getByRole('region', { name: 'Vous y êtes presque' });
    await reach.getByRole('link', { name: `Atelier budget ${suffix}`, exact: true }).waitFor();
    const reachText = await reach.innerText();
    expect(reachText).toContain('Conditions remplies : 0 sur 2');
    expect(reachText).toContain('Encore 2 leçons pour y accéder');
    expect(reachText).toContain(`Piloter un projet ${suffix} — 1 leçon`);
    expect(reachText).toContain(`Budget participatif ${suffix} — 1 leçon`);
    const modules = page.getByRole('region', { name: 'Mes modules en cours' });
    await expect(
      modules
        .getByRole('progressbar', { name: `Progression dans « Piloter un projet ${suffix} »` })
        .getAttribute('aria-valuenow'),
    ).resolves.toBe('66');
    const mine = page.getByRole('region', { name: 'Mes prochains séminaires' });
    await mine.getByText('Inscription confirmée').waitFor();
    await expect(mine.innerText()).resolves.toContain(`Rencontre régionale ${suffix}`);
    const notes = page.getByRole('region', { name: 'Mes notifications' });
    await notes.getByText('1 notification non lue.').waitFor();
    await expectAccessible(page, 'member home (fr)');
    await shot(page, 'member-fr-1280');
    await page.setViewportSize({ width: 360, height: 800 });
    await expectNoSidewaysScroll(page, 'member home (fr, 360px)');
    await shot(page, 'member-fr-360');
    await page.setViewportSize({ width: 1280, height: 900 });

    await setLanguage(page, 'ar');
    await page.getByRole('heading', { level: 1, name: H1.member.ar(memberName) }).waitFor();
    await expect(page.evaluate(() => document.documentElement.dir)).resolves.toBe('rtl');
    const reachAr = page.getByRole('region', { name: 'أنت على وشك الوصول' });
    await reachAr.getByRole('link', { name: `ورشة الميزانية ${suffix}`, exact: true }).waitFor();
    // Arabic plurals: two lessons is the dual, one lesson is spelled out.
    await expect(reachAr.innerText()).resolves.toContain('بقي درسان للوصول');
    await expect(reachAr.innerText()).resolves.toContain('درس واحد');
    // The month in Arabic words.
    await expect(reachAr.innerText()).resolves.toMatch(
      /(يناير|فبراير|مارس|أبريل|إبريل|ماي|مايو|يونيو|يوليو|أغسطس|غشت|سبتمبر|أكتوبر|نوفمبر|ديسمبر|جانفي|فيفري|أفريل|جوان|جويلية|أوت)/,
    );
    await expectAccessible(page, 'member home (ar)');
    await shot(page, 'member-ar-1280');
    await page.setViewportSize({ width: 360, height: 800 });
    await expectNoSidewaysScroll(page, 'member home (ar, 360px)');
    await shot(page, 'member-ar-360');
    await page.setViewportSize({ width: 1280, height: 900 });

    await setLanguage(page, 'en');
    await page.getByRole('heading', { level: 1, name: H1.member.en(memberName) }).waitFor();
    await page
      .getByRole('region', { name: 'You are nearly there' })
      .getByText('2 more lessons to get in')
      .waitFor();
    await expectAccessible(page, 'member home (en)');
    await shot(page, 'member-en-1280');
    // "Continue this module" leads to the first lesson not completed.
    await page
      .getByRole('region', { name: 'You are nearly there' })
      .getByRole('link', { name: new RegExp(`^Continue this module\\W+Piloter un projet ${suffix}$`) })
      .click();
    await page.waitForURL(new RegExp(`/modules/${m1.id}/lessons/${m1.lessonIds[2]}`));
    await setLanguage(page, 'fr');
    await context.close();

    // ── The animator: `/` is their spaces' home ──
    const aContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const aPage = await aContext.newPage();
    aPage.on('pageerror', (e) => pageErrors.push(e.message));
    await signInThroughUi(aPage, server.url, animator.email, '/');
    await aPage.getByRole('heading', { level: 1, name: H1.animator.fr('') }).waitFor();
    const todo = aPage.getByRole('region', { name: 'À traiter' });
    await todo.getByRole('link', { name: `Gouvernance associative ${suffix}`, exact: true }).waitFor();
    const todoText = await todo.innerText();
    expect(todoText).toMatch(/Ressources à valider :\s*1/);
    expect(todoText).toMatch(/Signalements ouverts :\s*1/);
    expect(todoText).toMatch(/Questions sans réponse :\s*1/);
    const progress = aPage.getByRole('region', { name: 'Progression des apprenants par module' });
    await progress.locator('canvas').waitFor();
    // The chart's numbers, as a table: m1 has 3 learners (member 66 %, learner 100 %, learner 33 %).
    const table = progress.getByRole('table', { name: 'Apprenants par module selon leur avancement' });
    const m1Row = table.getByRole('row', { name: new RegExp(`Piloter un projet ${suffix}`) });
    await expect(m1Row.getByRole('cell').allInnerTexts()).resolves.toEqual(['1', '1', '1']);
    await progress.getByRole('button', { name: 'Afficher les chiffres' }).click();
    await expect(table.isVisible()).resolves.toBe(true);
    await aPage
      .getByRole('region', { name: 'Questions sans réponse' })
      .getByRole('link', { name: `Comment organiser une AG en ligne ${suffix} ?`, exact: true })
      .waitFor();
    await expectAccessible(aPage, 'animator home (fr)');
    await shot(aPage, 'animator-fr-1280');
    await aPage.setViewportSize({ width: 360, height: 800 });
    await expectNoSidewaysScroll(aPage, 'animator home (fr, 360px)');
    await shot(aPage, 'animator-fr-360');
    await aPage.setViewportSize({ width: 1280, height: 900 });
    for (const lang of ['ar', 'en'] as const) {
      await setLanguage(aPage, lang);
      await aPage.getByRole('heading', { level: 1, name: H1.animator[lang]('') }).waitFor();
      await aPage.locator('canvas').first().waitFor();
      await expectAccessible(aPage, `animator home (${lang})`);
      await shot(aPage, `animator-${lang}-1280`);
      if (lang === 'ar') {
        await aPage.setViewportSize({ width: 360, height: 800 });
        await expectNoSidewaysScroll(aPage, 'animator home (ar, 360px)');
        await shot(aPage, 'animator-ar-360');
        await aPage.setViewportSize({ width: 1280, height: 900 });
      }
    }
    // The tabs lead to their own learning.
    await aPage
      .getByRole('navigation', { name: 'My dashboards' })
      .getByRole('link', { name: 'My learning' })
      .click();
    await aPage.getByRole('heading', { level: 1, name: H1.member.en(animatorName) }).waitFor();
    await setLanguage(aPage, 'fr');
    await aContext.close();

    // ── The regional office: `/` is the region's seminars ──
    const sContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const sPage = await sContext.newPage();
    sPage.on('pageerror', (e) => pageErrors.push(e.message));
    await signInThroughUi(sPage, server.url, staff.email, '/');
    await sPage.getByRole('heading', { level: 1, name: H1.staff.fr('') }).waitFor();
    const upcoming = sPage.getByRole('region', { name: 'Séminaires à venir' });
    const forumItem = upcoming
      .locator('ul.seminars > li')
      .filter({ hasText: `Forum de la gouvernance ${suffix}` });
    await forumItem.waitFor();
    // Eligible for the forum (m1 ≥ 50 %): the member and learner 1; neither registered.
    await expect(forumItem.innerText()).resolves.toMatch(/Éligibles non inscrits :\s*2/);
    const meetingItem = upcoming
      .locator('ul.seminars > li')
      .filter({ hasText: `Rencontre régionale ${suffix}` });
    await expect(meetingItem.innerText()).resolves.toContain('2 / 40 places');
    await expect(
      meetingItem
        .getByRole('meter', { name: `Taux de remplissage de « Rencontre régionale ${suffix} »` })
        .getAttribute('aria-valuenow'),
    ).resolves.toBe('2');
    const attendance = sPage.getByRole('region', { name: 'Présences à saisir' });
    await attendance.getByRole('link', { name: `Séminaire passé ${suffix}`, exact: true }).waitFor();
    await expect(attendance.innerText()).resolves.toContain('2 présences à saisir');
    // Eligibility over time: the forum's line rises from 0 to 2 (member 20 days ago, learner 13 days ago).
    const chart = sPage.getByRole('region', { name: 'Éligibilité au fil des semaines' });
    await chart.locator('canvas').waitFor();
    const eligibilityTable = chart.getByRole('table');
    const headers = await eligibilityTable.getByRole('columnheader').allInnerTexts();
    const forumColumn = headers.findIndex((h) => h.includes(`Forum de la gouvernance ${suffix}`));
    expect(forumColumn).toBeGreaterThan(0);
    const rows = await eligibilityTable
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
      );
    expect(rows).toHaveLength(8);
    const forumSeries = rows.map((r) => Number(r[forumColumn]));
    expect(forumSeries[0]).toBe(0);
    expect(forumSeries[forumSeries.length - 1]).toBe(2);
    expect([...forumSeries].sort((a, b) => a - b)).toEqual(forumSeries);
    await expectAccessible(sPage, 'staff home (fr)');
    await shot(sPage, 'staff-fr-1280');
    await sPage.setViewportSize({ width: 360, height: 800 });
    await expectNoSidewaysScroll(sPage, 'staff home (fr, 360px)');
    await shot(sPage, 'staff-fr-360');
    await sPage.setViewportSize({ width: 1280, height: 900 });
    for (const lang of ['ar', 'en'] as const) {
      await setLanguage(sPage, lang);
      await sPage.getByRole('heading', { level: 1, name: H1.staff[lang]('') }).waitFor();
      await sPage.locator('canvas').first().waitFor();
      await expectAccessible(sPage, `staff home (${lang})`);
      await shot(sPage, `staff-${lang}-1280`);
      if (lang === 'ar') {
        await sPage.setViewportSize({ width: 360, height: 800 });
        await expectNoSidewaysScroll(sPage, 'staff home (ar, 360px)');
        await shot(sPage, 'staff-ar-360');
        await sPage.setViewportSize({ width: 1280, height: 900 });
      }
    }
    // "Eligible, not registered" opens the dashboard filtered on those people.
    await setLanguage(sPage, 'fr');
    await sPage
      .getByRole('region', { name: 'Séminaires à venir' })
      .getByRole('link', { name: new RegExp(`Éligibles non inscrits.*Forum de la gouvernance ${suffix}`) })
      .click();
    await sPage.waitForURL(/\/dashboard\?.*registration=none/);
    await sContext.close();

    expect(pageErrors).toEqual([]);
    // The README shows the three homes (French, desktop).
    if (process.env['UPDATE_README_SCREENSHOTS']) {
      mkdirSync(resolve(ROOT, 'docs/screenshots'), { recursive: true });
      for (const who of ['member', 'animator', 'staff'])
        copyFileSync(
          resolve(SHOTS, `homes-${who}-fr-1280.png`),
          resolve(ROOT, `docs/screenshots/home-${who}.png`),
        );
    }
  }, 240_000);
});
