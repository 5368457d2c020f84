/**
 * Browser journey: a member follows a module to the end — opens it from the space's Modules
 * tab, reads a page and marks it done, fails then passes a quiz (feedback per choice, attempts
 * left), completes the demo SCORM 1.2 package in its frame (scorm-again runtime committing to
 * the API), reaches 100 %, downloads the certificate (a PDF) and checks it on the public
 * verification page, in French and in Arabic. The module is seeded through the real API as an
 * admin (the SCORM zip uploaded like an author would). Chromium; axe on each page.
 */
import { randomUUID } from 'crypto';
import {
  LessonKind,
  LessonView,
  ModuleDetail,
  ModuleStatus,
  QuizContent,
  ScormContent,
} from '@pratique/contracts';
import {
  TestServer,
  addToSpace,
  buildDemoScormPackage,
  makeRegion,
  makeSpace,
  makeUser,
  startTestServer,
  uid,
} from '@pratique/api/testing';
import { Browser, Page } from 'playwright-core';
import {
  SHOTS,
  apiAs,
  expectAccessible,
  launchChromium,
  prepareWebBuild,
  shot,
  signInThroughUi,
} from './learning-support';

const suffix = uid();
const T = {
  module: { fr: `Gouvernance associative ${suffix}`, ar: `حوكمة الجمعيات ${suffix}` },
  page: { fr: `Le rôle de l’assemblée générale ${suffix}`, ar: `دور الجلسة العامة ${suffix}` },
  quiz: { fr: `Quiz : les instances ${suffix}`, ar: `اختبار: الهيئات ${suffix}` },
  scorm: { fr: `La redevabilité (interactif) ${suffix}`, ar: `المساءلة (تفاعلي) ${suffix}` },
  file: { fr: `Modèle de statuts ${suffix}`, ar: `نموذج نظام أساسي ${suffix}` },
};
const q1 = { id: randomUUID(), right: randomUUID(), wrong: randomUUID() };
const q2 = { id: randomUUID(), a: randomUUID(), b: randomUUID(), c: randomUUID() };
const quiz: QuizContent = {
  passingScore: 100,
  attemptsAllowed: 3,
  questions: [
    {
      id: q1.id,
      text: { fr: 'Qui approuve les comptes de l’association ?', ar: 'من يصادق على حسابات الجمعية؟' },
      multiple: false,
      choices: [
        {
          id: q1.wrong,
          text: { fr: 'Le trésorier seul', ar: 'أمين المال وحده' },
          correct: false,
          feedback: {
            fr: 'Non : il prépare les comptes, il ne les approuve pas.',
            ar: 'لا: هو يُعدّ الحسابات ولا يصادق عليها.',
          },
        },
        {
          id: q1.right,
          text: { fr: 'L’assemblée générale', ar: 'الجلسة العامة' },
          correct: true,
          feedback: {
            fr: 'Oui : c’est l’assemblée des membres qui les approuve.',
            ar: 'نعم: جلسة الأعضاء هي التي تصادق عليها.',
          },
        },
      ],
    },
    {
      id: q2.id,
      text: { fr: 'Quels documents publier chaque année ?', ar: 'ما الوثائق التي تُنشر كل سنة؟' },
      multiple: true,
      choices: [
        { id: q2.a, text: { fr: 'Le rapport moral', ar: 'التقرير الأدبي' }, correct: true },
        { id: q2.b, text: { fr: 'Les comptes', ar: 'الحسابات' }, correct: true },
        {
          id: q2.c,
          text: { fr: 'Les mots de passe', ar: 'كلمات المرور' },
          correct: false,
          feedback: { fr: 'Surtout pas !', ar: 'أبدًا!' },
        },
      ],
    },
  ],
};
/** A one-page PDF, enough for the file lesson's type check. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj ' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

describe('journey: a member completes a module and gets a certificate', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let space: { id: string; slug: string };
  let member: { id: string; email: string };
  let moduleId: string;
  let adminEmail: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    prepareWebBuild();
    server = await startTestServer();
    const db = server.dataSource;
    const region = await makeRegion(db);
    const admin = await makeUser(db, { regionId: region.id, admin: true, displayName: `Admin ${suffix}` });
    adminEmail = admin.email;
    member = await makeUser(db, { regionId: region.id, displayName: `Leïla Membre ${suffix}` });
    space = await makeSpace(db, { title: `Vie associative ${suffix}` });
    await addToSpace(db, space.id, member.id);

    // The module, through the API as an admin would write it.
    const api = await apiAs(server.url, admin.email);
    const mod = await api.json<ModuleDetail>('POST', `/api/spaces/${space.id}/modules`, {
      title: T.module,
      summary: {
        fr: 'Les instances d’une association, leurs rôles et la redevabilité envers les membres.',
        ar: 'هيئات الجمعية وأدوارها والمساءلة أمام الأعضاء.',
      },
      originalLanguage: 'fr',
      estimatedMinutes: 30,
    });
    moduleId = mod.id;
    const lesson = (body: unknown) => api.json<LessonView>('POST', `/api/modules/${moduleId}/lessons`, body);
    await lesson({
      kind: LessonKind.Page,
      title: T.page,
      required: true,
      content: {
        markdown: {
          fr: '## Une instance souveraine\n\nL’**assemblée générale** réunit tous les membres. Elle :\n\n- élit le bureau ;\n- approuve les comptes ;\n- vote les grandes orientations.',
          ar: '## هيئة سيادية\n\nتجمع **الجلسة العامة** كل الأعضاء، وهي:\n\n- تنتخب الهيئة المديرة؛\n- تصادق على الحسابات؛\n- تصوّت على التوجهات الكبرى.',
        },
      },
    });
    await lesson({ kind: LessonKind.Quiz, title: T.quiz, required: true, content: quiz });
    const scorm = await api.upload<ScormContent>(
      '/api/scorm-packages',
      'redevabilite.zip',
      await buildDemoScormPackage(),
      'application/zip',
    );
    await lesson({ kind: LessonKind.Scorm, title: T.scorm, required: true, content: scorm });
    const file = await api.upload<{ id: string }>(
      '/api/files?purpose=lesson',
      'statuts.pdf',
      PDF,
      'application/pdf',
    );
    await lesson({ kind: LessonKind.File, title: T.file, required: false, content: { fileId: file.id } });
    await api.json('PATCH', `/api/modules/${moduleId}`, { status: ModuleStatus.Published });

    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (err) => pageErrors.push(String(err)));
  }, 180_000);

  afterAll(async () => {
    await page
      ?.screenshot({ path: `${SHOTS}/learning-member-last.png`, fullPage: true })
      .catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server?.close();
  });

  it('reads, passes the quiz, completes the SCORM lesson and verifies the certificate', async () => {
    await signInThroughUi(page, server.url, member.email, `/spaces/${space.slug}`);

    // 1. The space's Modules tab, then the module.
    await page.getByRole('tab', { name: 'Modules' }).click();
    await page.getByRole('link', { name: T.module.fr }).click();
    await page.getByRole('heading', { level: 1, name: T.module.fr }).waitFor();
    const outline = page.locator('ol.outline');
    await expect(outline.locator('li').count()).resolves.toBe(4);
    await outline.getByText('Facultative').waitFor();
    await expectAccessible(page, 'module page (member, fr)');
    await shot(page, 'm01-module-fr');

    // 2. The page lesson, marked done.
    await page.getByRole('link', { name: 'Commencer le module' }).click();
    await page.getByRole('heading', { level: 1, name: T.page.fr }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Une instance souveraine' }).waitFor();
    await expectAccessible(page, 'page lesson (fr)');
    await shot(page, 'm02-page-lesson-fr');
    await page.getByRole('button', { name: 'Marquer comme terminée' }).click();
    await page.getByText('Leçon terminée.').waitFor();
    await page.locator('.lesson-status', { hasText: 'Terminée' }).waitFor();
    await page
      .getByRole('progressbar', { name: 'Ma progression dans le module' })
      .and(page.locator('[aria-valuenow="33"]'))
      .waitFor();

    // 3. The quiz: all questions must be answered; a first attempt fails, a second passes.
    await page.getByRole('link', { name: /Leçon suivante/ }).click();
    await page.getByRole('heading', { level: 1, name: T.quiz.fr }).waitFor();
    await page.getByRole('button', { name: 'Valider mes réponses' }).click();
    await page.getByText('Questions sans réponse : 2.').waitFor();
    await expect(page.locator('fieldset').first().getAttribute('aria-describedby')).resolves.toContain(
      '-error',
    );
    await page.getByRole('radio', { name: 'L’assemblée générale' }).check();
    await page.getByRole('checkbox', { name: 'Le rapport moral' }).check();
    await page.getByRole('checkbox', { name: 'Les mots de passe' }).check();
    await page.getByRole('button', { name: 'Valider mes réponses' }).click();
    await page.getByText('Pas encore réussi. Votre score : 50 %').waitFor();
    await page.getByText('Tentatives restantes : 2').waitFor();
    await page.getByText('Surtout pas !').waitFor();
    await expectAccessible(page, 'quiz result, failed (fr)');
    await shot(page, 'm03-quiz-failed-fr');
    await page.getByRole('button', { name: 'Refaire le quiz' }).click();
    await page.getByRole('radio', { name: 'L’assemblée générale' }).check();
    await page.getByRole('checkbox', { name: 'Le rapport moral' }).check();
    await page.getByRole('checkbox', { name: 'Les comptes' }).check();
    await page.getByRole('button', { name: 'Valider mes réponses' }).click();
    await page.getByText('Réussi ! Votre score : 100 %').waitFor();
    await page.getByText('Tentatives restantes : 1').waitFor();
    await shot(page, 'm04-quiz-passed-fr');

    // 4. The SCORM lesson: the package runs in its frame and reports to the API.
    await page.getByRole('link', { name: /Leçon suivante/ }).click();
    await page.getByRole('heading', { level: 1, name: T.scorm.fr }).waitFor();
    const sco = page.frameLocator(`iframe[title="${T.scorm.fr}"]`);
    await sco.getByRole('heading', { level: 1, name: 'La redevabilité des associations' }).waitFor();
    await sco.getByText('Votre progression est enregistrée.').waitFor();
    await expectAccessible(page, 'SCORM lesson (fr)');
    await shot(page, 'm05-scorm-fr');
    for (let i = 0; i < 3; i++) await sco.getByRole('button', { name: 'Suivant' }).click();
    await sco.getByRole('radio', { name: 'Devant l’assemblée générale de ses membres' }).check();
    await sco.getByRole('radio', { name: 'descendante' }).check();
    await sco.getByRole('button', { name: 'Valider mes réponses' }).click();
    await sco.getByText(/Bravo : 2 bonne\(s\) réponse\(s\) sur 2/).waitFor();
    // The commit refreshed the outline: 100 %, and the certificate is offered.
    await page
      .getByRole('progressbar', { name: 'Ma progression dans le module' })
      .and(page.locator('[aria-valuenow="100"]'))
      .waitFor();
    await page.getByText('Bravo, vous avez terminé ce module !').first().waitFor();
    await shot(page, 'm06-scorm-done-fr');

    // The optional file lesson: a download, then "Mark as done".
    await page.getByRole('link', { name: /Leçon suivante/ }).click();
    await page.getByRole('heading', { level: 1, name: T.file.fr }).waitFor();
    const download = page.getByRole('link', { name: /Télécharger statuts\.pdf/ });
    const fileUrl = await download.getAttribute('href');
    const fileResponse = await page.request.get(`${server.url}${fileUrl}`);
    expect(fileResponse.status()).toBe(200);
    expect(fileResponse.headers()['content-type']).toContain('application/pdf');
    await page.getByRole('button', { name: 'Marquer comme terminée' }).click();
    await page.locator('.lesson-status', { hasText: 'Terminée' }).waitFor();
    await expectAccessible(page, 'file lesson (fr)');
    await shot(page, 'm06b-file-lesson-fr');

    // 5. The module page: completed, certificate as a PDF.
    await page.locator('.breadcrumb').getByRole('link', { name: T.module.fr }).click();
    await page.getByRole('heading', { level: 1, name: T.module.fr }).waitFor();
    await page.locator('.module-header .badge', { hasText: 'Terminé' }).waitFor();
    const certificate = page.getByRole('link', { name: 'Télécharger mon attestation (PDF)' });
    expect(await certificate.getAttribute('href')).toBe(`/api/modules/${moduleId}/certificate.pdf`);
    const pdf = await page.request.get(`${server.url}/api/modules/${moduleId}/certificate.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expectAccessible(page, 'module page completed (fr)');
    await shot(page, 'm07-module-completed-fr');
    const [enrollment] = await server.dataSource.query(
      `SELECT percent, completed_at, certificate_code FROM enrollment WHERE user_id = $1 AND module_id = $2`,
      [member.id, moduleId],
    );
    expect(enrollment.percent).toBe(100);
    expect(enrollment.completed_at).not.toBeNull();
    expect(enrollment.certificate_code).toBeTruthy();

    // 6. In Arabic: the module, "My modules", and the public verification page.
    await page.getByLabel('Langue').selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByRole('heading', { level: 1, name: T.module.ar }).waitFor();
    await expectAccessible(page, 'module page completed (ar)');
    await shot(page, 'm08-module-completed-ar');
    await page.getByRole('link', { name: 'وحداتي' }).click();
    await page.getByRole('heading', { level: 1, name: 'وحداتي' }).waitFor();
    await page.getByRole('link', { name: T.module.ar, exact: true }).waitFor();
    await expectAccessible(page, 'my modules (ar)');
    await shot(page, 'm09-my-modules-ar');
    await page.getByRole('link', { name: `رابط التحقّق من الشهادة — ${T.module.ar}` }).click();
    await page.waitForURL(new RegExp(`/certificates/${enrollment.certificate_code}$`));
    await page.getByRole('heading', { level: 2, name: 'شهادة صالحة' }).waitFor();
    const facts = page.locator('dl.facts');
    await facts.getByText(`Leïla Membre ${suffix}`).waitFor();
    await facts.getByText(T.module.ar).waitFor();
    await expectAccessible(page, 'certificate verification (ar)');
    await shot(page, 'm10-certificate-valid-ar');

    // A phone in Arabic: the quiz lesson.
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto(`${server.url}/modules/${moduleId}`);
    await page.locator('ol.outline').getByRole('link', { name: T.quiz.ar }).click();
    await page.getByRole('heading', { level: 1, name: T.quiz.ar }).waitFor();
    await shot(page, 'm11-quiz-ar-360px');
    await page.setViewportSize({ width: 1280, height: 900 });

    // 7. The verification page is public, and an unknown code is said to be invalid.
    await page.getByLabel('اللغة').selectOption('fr');
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
    const anonymous = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    await anonymous.goto(`${server.url}/certificates/${enrollment.certificate_code}`);
    await anonymous.getByRole('heading', { level: 2, name: 'Attestation valide' }).waitFor();
    await anonymous.locator('dl.facts').getByText(T.module.fr).waitFor();
    await expectAccessible(anonymous, 'certificate verification (fr, anonymous)');
    await anonymous.screenshot({ path: `${SHOTS}/learning-m12-certificate-valid-fr.png`, fullPage: true });
    await anonymous.goto(`${server.url}/certificates/NOPE-0000`);
    await anonymous.getByRole('heading', { level: 2, name: 'Attestation non valide' }).waitFor();
    await anonymous.close();

    // 8. The author's view: the member in the learners table, and the CSV export.
    const adminPage = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    await signInThroughUi(adminPage, server.url, adminEmail, `/modules/${moduleId}`);
    const learners = adminPage.locator('pq-module-learners table');
    await learners.getByRole('rowheader', { name: `Leïla Membre ${suffix}` }).waitFor();
    await learners.getByRole('cell', { name: '100 %', exact: true }).waitFor();
    const csvHref = await adminPage.getByRole('link', { name: 'Exporter en CSV' }).getAttribute('href');
    const csv = await adminPage.request.get(`${server.url}${csvHref}`);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain(`Leïla Membre ${suffix}`);
    await expectAccessible(adminPage, 'module page with learners (admin)');
    await adminPage.screenshot({ path: `${SHOTS}/learning-m13-learners-fr.png`, fullPage: true });
    await adminPage.close();

    expect(pageErrors).toEqual([]);
  }, 300_000);
});
