/**
 * Browser journey: the gate, end to end. Regional staff create a seminar through the form with a
 * "2 of 3 modules at 50 %" rule and open it; a member who finished module A sees "1 of 2 met",
 * what is missing and a link to the next lesson of B, takes it, comes back eligible and registers;
 * staff see them eligible and confirmed on the dashboard, export the CSV and mark attendance.
 * Seeded through SQL factories and the real API. Chromium; axe on each page; screenshots in
 * French and Arabic at 1280 px and one at 360 px.
 */
import { LessonKind, LessonView, ModuleDetail, ModuleStatus } from '@pratique/contracts';
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
const T = {
  seminar: { fr: `Séminaire gouvernance ${suffix}`, ar: `ندوة الحوكمة ${suffix}` },
  modules: ['A', 'B', 'C'].map((letter) => ({
    fr: `Module ${letter} — gestion ${suffix}`,
    ar: `الوحدة ${letter} — التسيير ${suffix}`,
  })),
  member: `Leïla Membre ${suffix}`,
};
const lessonTitle = (m: number, l: number) => ({
  fr: `Leçon ${l} du module ${'ABC'[m]} ${suffix}`,
  ar: `الدرس ${l} ${suffix}`,
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: resolve(SHOTS, `seminars-${name}.png`), fullPage: true });

describe('journey: the gate — a seminar with a 2-of-3 rule, from creation to attendance', () => {
  let server: TestServer;
  let browser: Browser;
  let staffPage: Page;
  let memberPage: Page;
  let staffEmail: string;
  let memberEmail: string;
  let spaceSlug: string;
  const spaceTitle = `Gestion associative ${suffix}`;
  const lessons: string[][] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    prepareWebBuild();
    server = await startTestServer();
    const db = server.dataSource;
    const region = await makeRegion(db, `Région du Cap Bon ${suffix}`);
    const organisation = await makeOrganisation(db, region.id, `Association Nour ${suffix}`);
    const admin = await makeUser(db, { regionId: region.id, admin: true });
    const staff = await makeUser(db, {
      regionId: region.id,
      organisationId: organisation.id,
      staffOf: [region.id],
      displayName: `Karim Bureau ${suffix}`,
    });
    const member = await makeUser(db, {
      regionId: region.id,
      organisationId: organisation.id,
      displayName: T.member,
    });
    staffEmail = staff.email;
    memberEmail = member.email;
    const space = await makeSpace(db, { title: spaceTitle });
    spaceSlug = space.slug;
    await addToSpace(db, space.id, member.id);

    // Three published modules of two page lessons each, written through the API as an admin.
    const api = await apiAs(server.url, admin.email);
    for (const [m, title] of T.modules.entries()) {
      const mod = await api.json<ModuleDetail>('POST', `/api/spaces/${space.id}/modules`, {
        title,
        originalLanguage: 'fr',
      });
      const ids: string[] = [];
      for (const l of [1, 2]) {
        const lesson = await api.json<LessonView>('POST', `/api/modules/${mod.id}/lessons`, {
          kind: LessonKind.Page,
          title: lessonTitle(m, l),
          required: true,
          content: { markdown: { fr: `## Leçon ${l}\n\nUn paragraphe.`, ar: `## الدرس ${l}\n\nفقرة.` } },
        });
        ids.push(lesson.id);
      }
      await api.json('PATCH', `/api/modules/${mod.id}`, { status: ModuleStatus.Published });
      lessons.push(ids);
    }
    // The member already finished module A.
    const asMember = await apiAs(server.url, member.email);
    for (const id of lessons[0]) await asMember.json('POST', `/api/lessons/${id}/complete`, {});

    browser = await launchChromium();
    const open = async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (err) => pageErrors.push(String(err)));
      return page;
    };
    staffPage = await open();
    memberPage = await open();
  }, 180_000);

  afterAll(async () => {
    await staffPage
      ?.screenshot({ path: `${SHOTS}/seminars-staff-last.png`, fullPage: true })
      .catch(() => undefined);
    await memberPage
      ?.screenshot({ path: `${SHOTS}/seminars-member-last.png`, fullPage: true })
      .catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server?.close();
  });

  it('staff create and open the seminar, the member meets the rule and registers, staff mark attendance', async () => {
    // 1. Staff: the form, a first submit without a title (errors under the fields), then the real one.
    await signInThroughUi(staffPage, server.url, staffEmail, '/seminars');
    await staffPage.getByRole('heading', { level: 1, name: 'Séminaires' }).waitFor();
    await staffPage.getByRole('link', { name: 'Nouveau séminaire' }).click();
    await staffPage.getByRole('heading', { level: 1, name: 'Nouveau séminaire' }).waitFor();
    await staffPage.getByRole('button', { name: 'Créer le séminaire' }).click();
    await staffPage.getByText('Le titre est obligatoire dans la langue d’origine.').waitFor();
    await expect(staffPage.getByLabel('Titre — Français').getAttribute('aria-invalid')).resolves.toBe('true');

    await staffPage.getByLabel('Titre — Français').fill(T.seminar.fr);
    await staffPage.getByLabel('Titre — العربية').fill(T.seminar.ar);
    await staffPage
      .getByLabel('Description — Français')
      .fill('Deux demi-journées pour mettre en pratique la gouvernance.');
    await staffPage.getByLabel('Lieu', { exact: true }).fill('Maison des associations, Nabeul');
    await staffPage.getByLabel('Nombre de places').fill('12');
    await staffPage.getByLabel('Espace thématique (facultatif)').selectOption({ label: spaceTitle });
    for (let i = 0; i < 3; i++)
      await staffPage.getByRole('button', { name: 'Ajouter une condition' }).click();
    for (const [i, title] of T.modules.entries()) {
      await staffPage.getByLabel(`Module de la condition ${i + 1}`).selectOption({ label: title.fr });
      await expect(staffPage.getByLabel(`Minimum en % (condition ${i + 1})`).inputValue()).resolves.toBe(
        '50',
      );
    }
    await staffPage.getByLabel('Conditions à remplir').selectOption({ label: '2 sur 3' });
    await expectAccessible(staffPage, 'new seminar form (fr)');
    await shot(staffPage, 'g01-form-fr');
    await staffPage.getByRole('button', { name: 'Créer le séminaire' }).click();
    await staffPage.getByRole('heading', { level: 1, name: T.seminar.fr }).waitFor();
    const seminarId = staffPage.url().split('/seminars/')[1];
    expect(seminarId).toMatch(/^[0-9a-f-]{36}$/);
    await staffPage.getByText('Terminer au moins 50 % de 2 de ces 3 modules.').waitFor();
    await staffPage.getByRole('button', { name: 'Ouvrir les inscriptions' }).click();
    await staffPage.getByText('Nouveau statut : Inscriptions ouvertes.').waitFor();

    // Cancelling asks first; staff say no.
    await staffPage.getByRole('button', { name: 'Annuler le séminaire' }).click();
    await staffPage.getByRole('button', { name: 'Non, garder le séminaire' }).click();
    await expectAccessible(staffPage, 'seminar page (staff, fr)');
    await shot(staffPage, 'g02-seminar-staff-fr');

    // 2. The member: 1 of 2 met, what is missing, and the next lesson of B.
    const seminarUrl = `/seminars/${seminarId}`;
    await signInThroughUi(memberPage, server.url, memberEmail, seminarUrl);
    await memberPage.getByRole('heading', { level: 1, name: T.seminar.fr }).waitFor();
    await memberPage.getByText('1 condition(s) remplie(s) sur 2 requise(s)').waitFor();
    await memberPage.getByText('encore 1 à remplir.').waitFor();
    await expect(memberPage.getByRole('button', { name: 'M’inscrire' }).count()).resolves.toBe(0);
    const barB = memberPage.getByRole('progressbar', { name: T.modules[1].fr });
    await expect(barB.getAttribute('aria-valuenow')).resolves.toBe('0');
    await expect(
      memberPage.getByRole('progressbar', { name: T.modules[0].fr }).getAttribute('aria-valuenow'),
    ).resolves.toBe('100');
    await expectAccessible(memberPage, 'seminar page, not yet eligible (fr)');
    await shot(memberPage, 'g03-member-not-yet-fr');
    await memberPage.getByRole('link', { name: lessonTitle(1, 1).fr }).click();
    await memberPage.waitForURL(new RegExp(`/lessons/${lessons[1][0]}$`));
    await memberPage.getByRole('heading', { level: 1, name: lessonTitle(1, 1).fr }).waitFor();
    await memberPage.getByRole('button', { name: 'Marquer comme terminée' }).click();
    await memberPage.getByText('Leçon terminée.').waitFor();

    // Back on the seminar: eligible, registers, confirmed.
    await memberPage.goto(`${server.url}${seminarUrl}`);
    await memberPage.getByText('2 condition(s) remplie(s) sur 2 requise(s)').waitFor();
    await memberPage.locator('.badges').getByText('Vous êtes admissible').waitFor();
    await memberPage.getByRole('button', { name: 'M’inscrire' }).click();
    await memberPage.getByText('C’est fait : votre place est réservée.').waitFor();
    await memberPage.getByText('Vous êtes inscrit·e. À bientôt !').waitFor();
    await memberPage.getByRole('button', { name: 'Annuler mon inscription' }).waitFor();
    const ics = await memberPage
      .getByRole('link', { name: 'Ajouter à mon agenda (.ics)' })
      .getAttribute('href');
    expect((await memberPage.request.get(`${server.url}${ics}`)).headers()['content-type']).toContain(
      'text/calendar',
    );
    await expectAccessible(memberPage, 'seminar page, registered (fr)');
    await shot(memberPage, 'g04-member-registered-fr');

    // The list with the member's badge, then Arabic (RTL), then a phone.
    await memberPage.getByRole('link', { name: 'Séminaires', exact: true }).first().click();
    await memberPage.getByRole('heading', { level: 1, name: 'Séminaires' }).waitFor();
    const card = memberPage.locator('pq-seminar-card', { hasText: T.seminar.fr });
    await card.getByText('Inscrit·e').waitFor();
    await expectAccessible(memberPage, 'seminars list (fr)');
    await shot(memberPage, 'g05-list-fr');
    await memberPage.getByLabel('Langue').selectOption('ar');
    await memberPage.waitForFunction(() => document.documentElement.dir === 'rtl');
    await memberPage.getByRole('heading', { level: 1, name: 'الندوات' }).waitFor();
    await memberPage.locator('pq-seminar-card', { hasText: T.seminar.ar }).getByText('مسجَّل').waitFor();
    await expectAccessible(memberPage, 'seminars list (ar)');
    await shot(memberPage, 'g06-list-ar');
    await memberPage.getByRole('link', { name: T.seminar.ar }).click();
    await memberPage.getByRole('heading', { level: 1, name: T.seminar.ar }).waitFor();
    await memberPage.getByText('الشروط المستوفاة: 2 من 2 مطلوبة').waitFor();
    await expectAccessible(memberPage, 'seminar page, registered (ar)');
    await shot(memberPage, 'g07-member-registered-ar');
    await memberPage.setViewportSize({ width: 360, height: 780 });
    await shot(memberPage, 'g08-member-registered-ar-360px');
    await memberPage.setViewportSize({ width: 1280, height: 900 });

    // 3. Staff: the dashboard — the member eligible and confirmed, the CSV, attendance.
    await staffPage.getByRole('link', { name: 'Tableau de suivi' }).click();
    await staffPage.getByRole('heading', { level: 1, name: /Tableau de suivi/ }).waitFor();
    const row = staffPage.locator('tbody tr', { hasText: T.member });
    await row.getByText('Admissible').waitFor();
    await row.getByText('Confirmée').waitFor();
    await expect(staffPage.locator('thead th', { hasText: T.modules[1].fr }).count()).resolves.toBe(1);
    const csvHref = await staffPage
      .getByRole('link', { name: 'Exporter en CSV (mêmes filtres)' })
      .getAttribute('href');
    const csv = await staffPage.request.get(`${server.url}${csvHref}`);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain(T.member);
    // Filters live in the URL and apply to the CSV too.
    await staffPage.getByLabel('Avancement', { exact: true }).selectOption('eligible');
    await staffPage.waitForURL(/status=eligible/);
    await row.waitFor();
    expect(
      await staffPage.getByRole('link', { name: 'Exporter en CSV (mêmes filtres)' }).getAttribute('href'),
    ).toContain('status=eligible');
    await staffPage.getByRole('checkbox', { name: `Cocher ${T.member}` }).check();
    await staffPage.getByRole('button', { name: 'Marquer présent·e·s' }).click();
    await staffPage.getByText('Présence enregistrée pour 1 membre(s).').waitFor();
    await row.getByText('Présent·e').waitFor();
    await staffPage.locator('.figures div', { hasText: 'Taux de présence' }).getByText('100 %').waitFor();
    await staffPage.getByRole('button', { name: 'Afficher le code' }).click();
    const qr = staffPage.getByRole('img', { name: 'QR code de présence à scanner' });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    const checkInUrl = await staffPage.locator('pq-check-in-panel a').getAttribute('href');
    expect(checkInUrl).toContain(`/seminars/${seminarId}/check-in?code=`);
    await expectAccessible(staffPage, 'dashboard (fr)');
    await shot(staffPage, 'g09-dashboard-fr');
    await staffPage.getByLabel('Langue').selectOption('ar');
    await staffPage.waitForFunction(() => document.documentElement.dir === 'rtl');
    await staffPage.getByRole('heading', { level: 1, name: /لوحة المتابعة/ }).waitFor();
    await expectAccessible(staffPage, 'dashboard (ar)');
    await shot(staffPage, 'g10-dashboard-ar');
    await staffPage.getByLabel('اللغة').selectOption('fr');

    // 4. The member scans the code at the venue (already marked present: checking in again is harmless).
    await memberPage.getByLabel('اللغة').selectOption('fr');
    await memberPage.goto(checkInUrl ?? '');
    await memberPage.getByRole('heading', { level: 1, name: 'Enregistrer ma présence' }).waitFor();
    await memberPage.getByRole('link', { name: T.seminar.fr }).waitFor();
    await expectAccessible(memberPage, 'check-in page (fr)');
    await memberPage.getByRole('button', { name: 'Je suis présent·e' }).click();
    await memberPage.getByText('Merci, votre présence est enregistrée.').waitFor();
    await shot(memberPage, 'g11-check-in-fr');

    // The space's Seminars tab lists it.
    await memberPage.goto(`${server.url}/spaces/${spaceSlug}`);
    await memberPage.getByRole('tab', { name: 'Séminaires' }).click();
    await memberPage
      .locator('pq-space-seminars pq-seminar-card', { hasText: T.seminar.fr })
      .getByText('Présent·e')
      .waitFor();
    await expectAccessible(memberPage, 'space seminars tab (fr)');
    await shot(memberPage, 'g12-space-tab-fr');

    const [registration] = await server.dataSource.query(
      `SELECT status FROM registration WHERE seminar_id = $1 AND user_id = (SELECT id FROM app_user WHERE email = $2)`,
      [seminarId, memberEmail],
    );
    expect(registration.status).toBe('attended');
    expect(pageErrors).toEqual([]);
  }, 300_000);
});
