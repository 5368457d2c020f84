/**
 * Browser journey: an animator of a space writes a module through the UI — creates it from the
 * space's Modules tab, is told a module without lessons cannot be published, gives it an
 * Arabic title, adds a Markdown page (French and Arabic) and a quiz (the builder's errors are
 * announced first), reorders the lessons with the keyboard buttons, publishes it, and reviews
 * it in Arabic, then edits lessons: a page's text (the API's reason for a too-long text shown
 * under the field first) and a quiz's passing score, and checks the player shows the new
 * version. The real API serves the built web app; Chromium; axe on each page.
 */
import { SpaceRole } from '@pratique/contracts';
import {
  TestServer,
  addToSpace,
  makeRegion,
  makeSpace,
  makeUser,
  startTestServer,
  uid,
} from '@pratique/api/testing';
import { Browser, Page } from 'playwright-core';
import {
  SHOTS,
  expectAccessible,
  launchChromium,
  prepareWebBuild,
  shot,
  shotOf,
  signInThroughUi,
  waitFor,
} from './learning-support';

const suffix = uid();
const moduleTitle = `Budget participatif ${suffix}`;
const moduleTitleAr = `الميزانية التشاركية ${suffix}`;
const pageTitle = `Les étapes du budget ${suffix}`;
const pageTitleAr = `مراحل الميزانية ${suffix}`;
const quizTitle = `Quiz : le budget ${suffix}`;
/** A 1×1 PNG for the cover. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('journey: an animator writes and publishes a module', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let space: { id: string; slug: string };
  let animator: { id: string; email: string };
  const pageErrors: string[] = [];

  beforeAll(async () => {
    prepareWebBuild();
    server = await startTestServer();
    const db = server.dataSource;
    const region = await makeRegion(db);
    animator = await makeUser(db, { regionId: region.id, displayName: `Animatrice ${suffix}` });
    space = await makeSpace(db, { title: `Finances locales ${suffix}` });
    await addToSpace(db, space.id, animator.id, SpaceRole.Animator);
    browser = await launchChromium();
    page = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' })
    ).newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    page.on('dialog', (dialog) => void dialog.accept());
  }, 180_000);

  afterAll(async () => {
    // The last state of the page, to see where a failed run stopped.
    await page
      ?.screenshot({ path: `${SHOTS}/learning-animator-last.png`, fullPage: true })
      .catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server?.close();
  });

  it('creates a module with a page and a quiz, and publishes it', async () => {
    await signInThroughUi(page, server.url, animator.email, `/spaces/${space.slug}`);
    await page.getByRole('heading', { level: 1, name: `Finances locales ${suffix}` }).waitFor();

    // 1. The Modules tab: empty, with "New module" for the animator.
    await page.getByRole('tab', { name: 'Modules' }).click();
    await page.getByText('Aucun module dans cet espace.').waitFor();
    await page.getByRole('button', { name: 'Nouveau module' }).click();
    await page.getByRole('heading', { level: 3, name: 'Créer un module' }).waitFor();
    // Required title: refused in the form, announced, focus on the field.
    await page.getByRole('button', { name: 'Créer le module' }).click();
    await page.getByText('Le formulaire contient 1 erreur(s).').waitFor();
    await expect(page.locator('#module-create-title').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(page, 'space modules tab, create form with an error');
    await shot(page, 'a01-create-module-error-fr');
    await page.locator('#module-create-title').fill(moduleTitle);
    await page.getByLabel('Résumé').fill('Comprendre et animer un budget participatif dans sa commune.');
    await page.getByLabel('Durée estimée (minutes)').fill('25');
    await page.getByRole('button', { name: 'Créer le module' }).click();

    // 2. The module page, as its author.
    await page.waitForURL(/\/modules\/[0-9a-f-]+$/);
    await page.getByRole('heading', { level: 1, name: moduleTitle }).waitFor();
    await page.getByText('Ce module ne contient encore aucune leçon.').waitFor();
    // Publishing without lessons is refused by the API and said so.
    await page.getByRole('button', { name: 'Publier le module' }).click();
    await page.getByText('Ajoutez au moins une leçon avant de publier le module.').waitFor();
    await expectAccessible(page, 'module page (author, empty)');
    await shot(page, 'a02-module-empty-fr');

    // Arabic title and a cover image in the module's details.
    await page.getByLabel('Titre (ar)').fill(moduleTitleAr);
    await page
      .getByLabel('Image de couverture')
      .setInputFiles({ name: 'couverture.png', mimeType: 'image/png', buffer: PNG });
    await page.getByText('Fichier envoyé : couverture.png').waitFor();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Module enregistré.').waitFor();
    await page.locator('.module-header img.cover').waitFor();

    // 3. A page lesson, in French then Arabic (one language at a time).
    const lessonForm = page.locator('pq-lesson-form');
    await lessonForm.getByLabel('Titre de la leçon (Français)').fill(pageTitle);
    await lessonForm
      .getByLabel('Contenu (Markdown) (Français)')
      .fill(
        '## Trois étapes\n\n1. **Diagnostic** avec les habitants\n2. Vote des projets\n3. Suivi public\n\n[Guide](https://example.org/guide)',
      );
    await lessonForm.getByLabel('العربية').check();
    await lessonForm.getByLabel('Titre de la leçon (العربية)').fill(pageTitleAr);
    await lessonForm
      .getByLabel('Contenu (Markdown) (العربية)')
      .fill('## ثلاث مراحل\n\n1. **التشخيص** مع السكان\n2. التصويت على المشاريع\n3. المتابعة العلنية');
    await shot(page, 'a03-add-page-lesson-ar-fields');
    await lessonForm.getByRole('button', { name: 'Ajouter la leçon' }).click();
    await page.getByText(`Leçon « ${pageTitle} » ajoutée.`).waitFor();
    await page.locator('pq-lesson-manager').getByText(pageTitle, { exact: true }).waitFor();

    // 4. A quiz: sent empty first, the builder's errors are announced and tied to the fields.
    await lessonForm.getByLabel('Quiz').check();
    await lessonForm.getByRole('button', { name: 'Ajouter la leçon' }).click();
    await page.getByText(/Le formulaire contient \d+ erreur\(s\)/).waitFor();
    await expect(
      lessonForm.getByLabel('Titre de la leçon (Français)').getAttribute('aria-invalid'),
    ).resolves.toBe('true');
    await expect(
      lessonForm.getByLabel('Énoncé (Français)').getAttribute('aria-describedby'),
    ).resolves.toContain('lesson-quiz-q0-text-error');
    await expectAccessible(page, 'module page, quiz builder with errors');
    await shot(page, 'a04-quiz-builder-errors-fr');

    await lessonForm.getByLabel('Titre de la leçon (Français)').fill(quizTitle);
    await lessonForm.getByLabel('Score requis pour réussir (%)').fill('100');
    await lessonForm.getByLabel('Nombre de tentatives').fill('3');
    await lessonForm.getByLabel('Énoncé (Français)').fill('Qui décide des projets financés ?');
    await lessonForm.getByLabel('Réponse 1 (Français)').fill('Le maire seul');
    await lessonForm.getByLabel('Réponse 2 (Français)').fill('Les habitants, par un vote');
    await lessonForm.getByRole('checkbox', { name: 'Correcte — Réponse 2' }).check();
    // One right answer: checking the second unchecks the first.
    const firstRight = lessonForm.getByRole('checkbox', { name: 'Correcte — Réponse 1' });
    await waitFor(async () => !(await firstRight.isChecked()), 'the first answer no longer right');
    await lessonForm
      .getByLabel('Commentaire affiché après la tentative (Français)')
      .nth(1)
      .fill('Oui : ce sont les habitants qui votent.');
    await lessonForm.getByRole('button', { name: 'Ajouter une question' }).click();
    await lessonForm.getByLabel('Énoncé (Français)').nth(1).fill('Quelles étapes sont publiques ?');
    await lessonForm.getByLabel('Plusieurs réponses correctes').nth(1).check();
    await lessonForm.getByLabel('Réponse 1 (Français)').nth(1).fill('Le vote');
    await lessonForm.getByLabel('Réponse 2 (Français)').nth(1).fill('Le suivi');
    await lessonForm.getByRole('button', { name: 'Ajouter une réponse — Question 2' }).click();
    await lessonForm.getByLabel('Réponse 3 (Français)').fill('Les mots de passe');
    await lessonForm.getByRole('checkbox', { name: 'Correcte — Réponse 2' }).nth(1).check();
    await expect(
      lessonForm.getByRole('checkbox', { name: 'Correcte — Réponse 1' }).nth(1).isChecked(),
    ).resolves.toBe(true);
    await shot(page, 'a05-quiz-builder-filled-fr');
    await lessonForm.getByRole('button', { name: 'Ajouter la leçon' }).click();
    await page.getByText(`Leçon « ${quizTitle} » ajoutée.`).waitFor();

    // 5. Reorder: the quiz up, then back down; focus stays on the moved lesson's buttons.
    const manager = page.locator('pq-lesson-manager');
    await manager.getByText(quizTitle, { exact: true }).waitFor();
    await manager.getByRole('button', { name: `Monter — ${quizTitle}` }).click();
    await page.getByText(`« ${quizTitle} » est maintenant en position 1.`).waitFor();
    await expect(manager.locator('.manage-title').first().textContent()).resolves.toBe(quizTitle);
    await expect(
      page.evaluate(() => document.activeElement?.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
    ).resolves.toContain('Descendre');
    await manager.getByRole('button', { name: `Descendre — ${quizTitle}` }).click();
    await page.getByText(`« ${quizTitle} » est maintenant en position 2.`).waitFor();
    await expect(manager.locator('.manage-title').first().textContent()).resolves.toBe(pageTitle);

    // 6. Publish.
    await page.getByRole('button', { name: 'Publier le module' }).click();
    await page.getByText('Le module est publié.').waitFor();
    const outline = page.locator('ol.outline');
    await outline.getByRole('link', { name: pageTitle }).waitFor();
    await outline.getByRole('link', { name: quizTitle }).waitFor();
    await expectAccessible(page, 'module page (author, published)');
    await shot(page, 'a06-module-published-fr');
    const [row] = await server.dataSource.query(
      `SELECT m.status, m.estimated_minutes, m.title, count(l.id)::int AS lessons
         FROM module m JOIN lesson l ON l.module_id = m.id WHERE m.space_id = $1 GROUP BY m.id`,
      [space.id],
    );
    expect(row).toMatchObject({ status: 'published', estimated_minutes: 25, lessons: 2 });
    expect(row.title).toEqual({ fr: moduleTitle, ar: moduleTitleAr });

    // 6b. Edit the page lesson: the form opens under it, prefilled, focus on its heading.
    await manager.getByRole('button', { name: `Modifier — ${pageTitle}` }).click();
    const editForm = manager.locator('pq-lesson-form[mode="edit"]');
    await manager.getByRole('heading', { level: 3, name: `Modifier la leçon — ${pageTitle}` }).waitFor();
    await expect(
      page.evaluate(() => document.activeElement?.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
    ).resolves.toBe(`Modifier la leçon — ${pageTitle}`);
    await expect(
      manager.getByRole('button', { name: `Modifier — ${pageTitle}` }).getAttribute('aria-expanded'),
    ).resolves.toBe('true');
    await expect(editForm.getByLabel('Titre de la leçon (Français)').inputValue()).resolves.toBe(pageTitle);
    const markdown = editForm.getByLabel('Contenu (Markdown) (Français)');
    await expect(markdown.inputValue()).resolves.toContain('## Trois étapes');
    await editForm.getByText('Type de leçon : Page').waitFor();
    // A text over the API's limit: its reason is shown under the field, tied to it.
    await markdown.fill('x'.repeat(50_001));
    await editForm.getByRole('button', { name: 'Enregistrer la leçon' }).click();
    await editForm.locator('#lesson-edit-markdown-error').waitFor();
    await expect(markdown.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(markdown.getAttribute('aria-describedby')).resolves.toContain('lesson-edit-markdown-error');
    // The API's code, said in the reader's language (no longer its English words).
    await expect(editForm.locator('#lesson-edit-markdown-error').innerText()).resolves.toMatch(
      /^Au plus \d+ caractères\.$/,
    );
    await expect(editForm.locator('#lesson-edit-markdown-error').getAttribute('lang')).resolves.toBeNull();
    await markdown.fill(
      '## Quatre étapes\n\n1. **Diagnostic** avec les habitants\n2. Vote des projets\n3. Réalisation\n4. Suivi public',
    );
    await expectAccessible(page, 'module page, editing a page lesson');
    await shotOf(manager.locator('.edit-panel'), 'a06b-edit-page-lesson-fr');
    await editForm.getByRole('button', { name: 'Enregistrer la leçon' }).click();
    await page.getByText(`« ${pageTitle} » a été modifiée.`).waitFor();
    await editForm.waitFor({ state: 'detached' });
    await expect(
      page.evaluate(() => document.activeElement?.getAttribute('data-edit') ?? ''),
    ).resolves.not.toBe('');

    // The quiz: passing score 100 → 80, its questions kept as they were.
    await manager.getByRole('button', { name: `Modifier — ${quizTitle}` }).click();
    const quizEdit = manager.locator('pq-lesson-form[mode="edit"]');
    const passing = quizEdit.getByLabel('Score requis pour réussir (%)');
    await expect(passing.inputValue()).resolves.toBe('100');
    await expect(quizEdit.getByLabel('Nombre de tentatives').inputValue()).resolves.toBe('3');
    await expect(quizEdit.getByLabel('Énoncé (Français)').first().inputValue()).resolves.toBe(
      'Qui décide des projets financés ?',
    );
    await expect(
      quizEdit.getByRole('checkbox', { name: 'Correcte — Réponse 2' }).first().isChecked(),
    ).resolves.toBe(true);
    await passing.fill('80');
    await shotOf(manager.locator('.edit-panel'), 'a06c-edit-quiz-fr');
    await quizEdit.getByRole('button', { name: 'Enregistrer la leçon' }).click();
    await page.getByText(`« ${quizTitle} » a été modifiée.`).waitFor();
    const [quizRow] = await server.dataSource.query(
      `SELECT l.content FROM lesson l JOIN module m ON m.id = l.module_id WHERE m.space_id = $1 AND l.kind = 'quiz'`,
      [space.id],
    );
    expect(quizRow.content.passingScore).toBe(80);
    expect(quizRow.content.questions).toHaveLength(2);

    // The player shows the new versions.
    await outline.getByRole('link', { name: pageTitle }).click();
    await page.getByRole('heading', { level: 1, name: pageTitle }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Quatre étapes' }).waitFor();
    await page.getByText('Réalisation').waitFor();
    await shot(page, 'a06d-page-edited-fr');
    await page.getByRole('link', { name: /Leçon suivante/ }).click();
    await page.getByRole('heading', { level: 1, name: quizTitle }).waitFor();
    await page.getByText(/Score requis : 80\s?%/).waitFor();
    await page.locator('.breadcrumb').getByRole('link', { name: moduleTitle }).click();
    await page.getByRole('heading', { level: 1, name: moduleTitle }).waitFor();

    // 7. In Arabic: right to left, the Arabic title, the quiz in the author's preview.
    await page.getByLabel('Langue').selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByRole('heading', { level: 1, name: moduleTitleAr }).waitFor();
    await expectAccessible(page, 'module page (author, ar)');
    await shot(page, 'a07-module-published-ar');
    // The edit form in Arabic, right to left; closed with "Cancel", focus back on "Edit".
    await page
      .locator('pq-lesson-manager')
      .getByRole('button', { name: `تعديل — ${pageTitleAr}` })
      .click();
    const editAr = page.locator('pq-lesson-form[mode="edit"]');
    await editAr.getByLabel('العربية').check();
    await expect(editAr.getByLabel('عنوان الدرس (العربية)').inputValue()).resolves.toBe(pageTitleAr);
    await expect(editAr.getByLabel('عنوان الدرس (العربية)').getAttribute('dir')).resolves.toBe('rtl');
    await expectAccessible(page, 'editing a lesson (ar)');
    await shotOf(page.locator('pq-lesson-manager .edit-panel'), 'a07b-edit-lesson-ar');
    await editAr.getByRole('button', { name: 'إلغاء' }).click();
    await editAr.waitFor({ state: 'detached' });
    await expect(
      page.evaluate(() => document.activeElement?.getAttribute('data-edit') ?? ''),
    ).resolves.not.toBe('');
    await page.locator('ol.outline').getByRole('link', { name: pageTitleAr }).click();
    await page.getByRole('heading', { level: 1, name: pageTitleAr }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'ثلاث مراحل' }).waitFor();
    await expectAccessible(page, 'page lesson preview (ar)');
    await shot(page, 'a08-page-preview-ar');

    // 8. The space's Modules tab lists it, with its status for the author.
    await page.goto(`${server.url}/spaces/${space.slug}`);
    await page.getByRole('tab', { name: 'الوحدات' }).click();
    const item = page.locator('.module-item', { hasText: moduleTitleAr });
    await item.waitFor();
    await item.getByText('منشورة').waitFor();
    await item.getByText('الدروس: 2').waitFor();
    await expectAccessible(page, 'space modules tab (ar)');
    await shot(page, 'a09-space-modules-ar');

    expect(pageErrors).toEqual([]);
  }, 240_000);
});
