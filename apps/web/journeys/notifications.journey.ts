/**
 * Browser journey: notifications, end to end, with the real worker process and a real SMTP server.
 * A seminar has one seat: A holds it, B (Arabic) and C wait. A cancels through the API → B is
 * promoted; in the browser B's bell rises by polling (≤ 30 s, announced politely once), the list
 * says "a seat became free" with the seminar's French title isolated in a <bdi>; following it opens
 * the seminar and marks it read; "mark as read" (keyboard) empties the bell. An admin makes B
 * regional staff: the bell catches it on B's next navigation, "mark all as read". B turns "seminar
 * changed" off in the preferences; staff move the seminar: C (defaults) is notified and e-mailed,
 * B is not. B's promotion e-mail reached B in Arabic. An admin sees the outbox and the queues.
 * Axe on each page; screenshots in French and Arabic at 1280 px and at 360 px.
 *
 * This journey has its own database and Redis prefix (./own-database, imported first): its worker
 * must not process the events of the tests running beside it, nor theirs its own.
 */
import { OWN_NAME, createOwnDatabase, dropOwnDatabase } from './own-database';
import {
  DomainEventType,
  NOTIFICATION_TYPES,
  RegistrationDto,
  RegistrationStatus,
  UnreadCount,
} from '@pratique/contracts';
import {
  TEST_PASSWORD,
  TestServer,
  TestWorker,
  makeOrganisation,
  makeRegion,
  makeSeminar,
  makeUser,
  startTestServer,
  startTestWorker,
  uid,
} from '@pratique/api/testing';
import { ParsedMail, simpleParser } from 'mailparser';
import { AddressInfo } from 'net';
import { resolve } from 'path';
import { Browser, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { SHOTS, apiAs, expectAccessible, launchChromium, prepareWebBuild, waitFor } from './learning-support';

const suffix = uid();
/** Written in French only: in the Arabic interface it stays French, left to right, in a <bdi>. */
const TITLE = `Atelier plaidoyer local ${suffix}`;
const REGION = `Région de Bizerte ${suffix}`;

const shot = (page: Page, name: string) =>
  page.screenshot({ path: resolve(SHOTS, `notifications-${name}.png`), fullPage: true });

/** Signs in through the form (French at first) and waits for the bell: the user's language may switch. */
async function signIn(page: Page, baseUrl: string, email: string, returnUrl = '/'): Promise<void> {
  await page.goto(`${baseUrl}/sign-in?returnUrl=${encodeURIComponent(returnUrl)}`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).last().click();
  await page.locator('pq-notification-bell a').waitFor();
}

const bell = (page: Page) => page.locator('pq-notification-bell a');
/** The bell when its accessible name is exactly `name` (the badge is hidden from it). */
const bellNamed = (page: Page, name: string) =>
  page.locator('pq-notification-bell').getByRole('link', { name, exact: true });

describe('journey: notifications — bell, list, preferences, e-mail and the admin queues, with the real worker', () => {
  let server: TestServer;
  let worker: TestWorker | undefined;
  let smtp: SMTPServer;
  let browser: Browser;
  const mails: ParsedMail[] = [];
  const pageErrors: string[] = [];
  const pages: Page[] = [];
  const people = { a: '', b: '', c: '', staff: '', admin: '' };
  const ids = { a: '', b: '', c: '' };
  let seminarId = '';
  let regionId = '';

  const mailsTo = (email: string) =>
    mails.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.text.includes(email)));
  const notificationsOf = async (userId: string, type: DomainEventType) =>
    (await server.dataSource.query(
      `SELECT id::text, read_at FROM notification WHERE user_id = $1 AND type = $2 ORDER BY id`,
      [userId, type],
    )) as { id: string; read_at: Date | null }[];

  beforeAll(async () => {
    prepareWebBuild();
    await createOwnDatabase();
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => mails.push(mail))
          .then(() => callback(), callback);
      },
    });
    await new Promise<void>((done) => smtp.listen(0, '127.0.0.1', done));
    server = await startTestServer();
    worker = await startTestWorker({
      env: {
        SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
        PUBLIC_URL: server.url,
      },
    });

    const db = server.dataSource;
    const region = await makeRegion(db, REGION);
    regionId = region.id;
    const organisation = await makeOrganisation(db, region.id, `Association Amal ${suffix}`);
    const member = (displayName: string, language: 'fr' | 'ar') =>
      makeUser(db, { regionId: region.id, organisationId: organisation.id, displayName, language });
    const [a, b, c] = [
      await member(`Amel A ${suffix}`, 'fr'),
      await member(`Bilel B ${suffix}`, 'ar'),
      await member(`Chiraz C ${suffix}`, 'fr'),
    ];
    const staff = await makeUser(db, { regionId: region.id, staffOf: [region.id] });
    const admin = await makeUser(db, { regionId: region.id, admin: true });
    Object.assign(people, { a: a.email, b: b.email, c: c.email, staff: staff.email, admin: admin.email });
    Object.assign(ids, { a: a.id, b: b.id, c: c.id });

    seminarId = (await makeSeminar(db, { regionId: region.id, capacity: 1 })).id;
    await db.query(`UPDATE seminar SET title = $2 WHERE id = $1`, [seminarId, JSON.stringify({ fr: TITLE })]);

    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    for (const [i, page] of pages.entries())
      await page
        .screenshot({ path: `${SHOTS}/notifications-last-${i}.png`, fullPage: true })
        .catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await worker?.stop().catch(() => undefined);
    await server?.close().catch(() => undefined);
    await new Promise<void>((done) => (smtp ? smtp.close(() => done()) : done()));
    await dropOwnDatabase();
  });

  const open = async (width = 1280) => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    pages.push(page);
    return page;
  };

  it('tells B of the promotion (bell, list, e-mail), honours "seminar changed: off", and shows admins the queues', async () => {
    const started = Date.now();
    const asA = await apiAs(server.url, people.a);
    const asB = await apiAs(server.url, people.b);
    const asC = await apiAs(server.url, people.c);
    const register = (api: typeof asA) =>
      api.json<RegistrationDto>('POST', `/api/seminars/${seminarId}/registrations`, {});

    // 1. One seat: A gets it, B then C wait. The worker tells B "waitlisted" in the app.
    expect((await register(asA)).status).toBe(RegistrationStatus.Confirmed);
    expect((await register(asB)).status).toBe(RegistrationStatus.Waitlisted);
    expect((await register(asC)).status).toBe(RegistrationStatus.Waitlisted);
    await waitFor(
      async () => (await asB.json<UnreadCount>('GET', '/api/notifications/unread-count')).unread === 1,
      `B's "waitlisted" notification (worker output:\n${worker?.output()})`,
      30_000,
    );

    // 2. B signs in (Arabic, B's language): the bell says 1 unread.
    const b = await open();
    await signIn(b, server.url, people.b);
    await b.waitForFunction(() => document.documentElement.dir === 'rtl');
    await bellNamed(b, 'الإشعارات (غير المقروءة: 1)').waitFor();
    await expect(b.locator('.bell-badge').innerText()).resolves.toBe('1');

    // 3. A cancels: B is promoted. B's page polls and the bell rises to 2, announced politely once.
    await asA.json('DELETE', `/api/seminars/${seminarId}/registrations/me`);
    const promotedAt = Date.now();
    await bellNamed(b, 'الإشعارات (غير المقروءة: 2)').waitFor({ timeout: 45_000 });
    const bellDelayMs = Date.now() - promotedAt;
    await expect(b.locator('pq-notification-bell [aria-live="polite"]').innerText()).resolves.toBe(
      'لديك إشعارات جديدة (غير المقروءة: 2).',
    );

    // B's promotion e-mail: B's address, in Arabic (B's language), links to the seminar and the preferences page.
    const isPromotion = (m: ParsedMail) =>
      !!m.subject?.includes(TITLE) &&
      !!m.text?.includes(`${server.url}/seminars/${seminarId}`) &&
      !/attente|انتظار/.test(m.subject);
    await waitFor(async () => mailsTo(people.b).some(isPromotion), 'B’s promotion e-mail', 30_000);
    const promotionMail = mailsTo(people.b).find(isPromotion);
    expect(promotionMail).toBeDefined();
    expect(promotionMail?.subject).toMatch(/[\u0600-\u06FF]/);
    expect(promotionMail?.html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(promotionMail?.text).toContain(`${server.url}/notifications/preferences`);

    // 4. The list, in Arabic: the promotion, newest first, unread in words; the French title in a <bdi>.
    await bell(b).click();
    await b.getByRole('heading', { level: 1, name: 'الإشعارات' }).waitFor();
    const items = b.locator('li.notification');
    await items.nth(1).waitFor();
    await expect(items.count()).resolves.toBe(2);
    const promotion = items.first();
    const waitlisted = items.nth(1);
    await promotion.getByText('غير مقروء', { exact: true }).waitFor();
    await expect(promotion.locator('.notification-text').innerText()).resolves.toBe(
      `تحرّر مقعد: تم تأكيد تسجيلك في «${TITLE}».`,
    );
    const title = promotion.locator('bdi');
    await expect(title.getAttribute('lang')).resolves.toBe('fr');
    await expect(title.getAttribute('dir')).resolves.toBe('ltr');
    await expect(waitlisted.innerText()).resolves.toContain('أنت في قائمة الانتظار');
    await expectAccessible(b, 'notifications list (ar)');
    await shot(b, 'n01-list-ar');
    await b.setViewportSize({ width: 360, height: 780 });
    await shot(b, 'n02-list-ar-360px');
    await b.setViewportSize({ width: 1280, height: 900 });

    // 5. French: the same list; following the promotion opens the seminar and marks it read.
    await b.getByLabel('اللغة').selectOption('fr');
    await b.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await expect(promotion.locator('.notification-text').innerText()).resolves.toBe(
      `Une place s’est libérée : votre inscription à « ${TITLE} » est confirmée.`,
    );
    await expect(title.getAttribute('lang')).resolves.toBeNull(); // same language as the page
    await expectAccessible(b, 'notifications list (fr)');
    await shot(b, 'n03-list-fr');
    await b.setViewportSize({ width: 360, height: 780 });
    await shot(b, 'n04-list-fr-360px');
    await b.setViewportSize({ width: 1280, height: 900 });
    await promotion.getByRole('link').click();
    await b.waitForURL(new RegExp(`/seminars/${seminarId}$`));
    await b.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await waitFor(
      async () => (await notificationsOf(ids.b, DomainEventType.RegistrationPromoted))[0]?.read_at != null,
      'the promotion marked read',
    );
    await bellNamed(b, 'Notifications (non lues : 1)').waitFor();

    // 6. Back to the list with the keyboard; "mark as read" on the other one → the bell has no badge.
    await bell(b).focus();
    await b.keyboard.press('Enter');
    await b.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await items.nth(1).waitFor();
    await expect(promotion.getByText('Non lue', { exact: true }).count()).resolves.toBe(0);
    await waitlisted.getByRole('button', { name: 'Marquer comme lue' }).focus();
    await b.keyboard.press('Enter');
    await b.getByText('Notification marquée comme lue.').waitFor();
    await b.waitForFunction(() => document.activeElement?.classList.contains('notification')); // focus kept on the item
    await bellNamed(b, 'Notifications').waitFor();
    await expect(b.locator('.bell-badge').count()).resolves.toBe(0);

    // 7. An admin makes B regional staff: the bell catches it on B's next navigation; "mark all as read".
    const asAdmin = await apiAs(server.url, people.admin);
    await asAdmin.json('POST', `/api/users/${ids.b}/roles`, { role: 'staff', regionId });
    await waitFor(
      async () => (await notificationsOf(ids.b, DomainEventType.RoleGranted)).length === 1,
      `B's "role granted" notification (worker output:\n${worker?.output()})`,
      30_000,
    );
    await b.getByRole('link', { name: 'Séminaires', exact: true }).click();
    await bellNamed(b, 'Notifications (non lues : 1)').waitFor();
    await bell(b).click();
    await expect(items.first().locator('.notification-text').innerText()).resolves.toBe(
      `Vous faites désormais partie de l’équipe du bureau régional « ${REGION} ».`,
    );
    await expect(items.first().getByRole('link').count()).resolves.toBe(0);
    await b.getByRole('button', { name: 'Tout marquer comme lu' }).click();
    await b.getByText('Notifications marquées comme lues : 1.').waitFor();
    await bellNamed(b, 'Notifications').waitFor();
    await expect(b.getByRole('button', { name: 'Tout marquer comme lu' }).count()).resolves.toBe(0);
    await b.getByLabel('Non lues seulement').check();
    await b.waitForURL(/unread=true/);
    await b.getByText('Aucune notification non lue : vous êtes à jour.').waitFor();
    await expectAccessible(b, 'notifications list, nothing unread (fr)');

    // 8. Preferences: "seminar changed" off, saved, still off after a reload.
    await b.getByRole('link', { name: 'Préférences de notification' }).click();
    await b.getByRole('heading', { level: 1, name: 'Préférences de notification' }).waitFor();
    await expect(b.locator('fieldset.preference').count()).resolves.toBe(NOTIFICATION_TYPES.length);
    const changed = b.getByRole('group', { name: /^Séminaire modifié/ });
    await expect(changed.getByRole('radio', { name: /^E-mail/ }).isChecked()).resolves.toBe(true);
    await changed.getByText('réglage par défaut').waitFor();
    await expectAccessible(b, 'notification preferences (fr)');
    await shot(b, 'n05-preferences-fr');
    await changed.getByRole('radio', { name: 'Désactivé' }).check();
    await b.getByText('Modifications non enregistrées : 1').waitFor();
    await b.getByRole('button', { name: 'Enregistrer mes préférences' }).click();
    await b.getByText('Vos préférences sont enregistrées.').waitFor();
    await b.reload();
    await b.getByRole('heading', { level: 1, name: 'Préférences de notification' }).waitFor();
    await expect(changed.getByRole('radio', { name: 'Désactivé' }).isChecked()).resolves.toBe(true);
    await expect(changed.getByText('réglage par défaut').count()).resolves.toBe(0);
    await b.getByLabel('Langue').selectOption('ar');
    await b.getByRole('heading', { level: 1, name: 'تفضيلات الإشعارات' }).waitFor();
    await expectAccessible(b, 'notification preferences (ar)');
    await shot(b, 'n06-preferences-ar');
    await b.setViewportSize({ width: 360, height: 780 });
    await shot(b, 'n07-preferences-ar-360px');
    await b.setViewportSize({ width: 1280, height: 900 });

    // 9. Staff move the seminar a day later: C (defaults) hears of it in the app and by e-mail; B does not.
    const asStaff = await apiAs(server.url, people.staff);
    const seminar = await asStaff.json<{ startsAt: string; endsAt: string }>(
      'GET',
      `/api/seminars/${seminarId}`,
    );
    const later = (iso: string) => new Date(new Date(iso).getTime() + 24 * 3600_000).toISOString();
    await asStaff.json('PATCH', `/api/seminars/${seminarId}`, {
      startsAt: later(seminar.startsAt),
      endsAt: later(seminar.endsAt),
    });
    await waitFor(
      async () => (await notificationsOf(ids.c, DomainEventType.SeminarChanged)).length === 1,
      `C's "seminar changed" notification (worker output:\n${worker?.output()})`,
      30_000,
    );
    // One fan-out statement writes every recipient: C's row there means B was considered too.
    await expect(notificationsOf(ids.b, DomainEventType.SeminarChanged)).resolves.toEqual([]);
    await expect(notificationsOf(ids.a, DomainEventType.SeminarChanged)).resolves.toEqual([]);
    const cList = await asC.json<{ items: { type: string }[] }>('GET', '/api/notifications');
    expect(cList.items.map((n) => n.type)).toContain(DomainEventType.SeminarChanged);
    await waitFor(
      async () => mailsTo(people.c).some((m) => m.subject?.includes(TITLE) && /modifi/i.test(m.subject)),
      'C’s e-mail',
    );
    expect(mailsTo(people.b).filter((m) => /تعديل|modifi/i.test(m.subject ?? ''))).toEqual([]);

    // 10. An admin: the outbox and the queues, and the link to the queue dashboard.
    const adminPage = await open();
    await signIn(adminPage, server.url, people.admin, '/admin');
    await adminPage.getByRole('link', { name: 'Files d’attente' }).click();
    await adminPage.getByRole('heading', { level: 1, name: 'Files d’attente' }).waitFor();
    await adminPage.getByText('Événements en attente de relais').waitFor();
    const row = adminPage.locator('tbody tr', { hasText: 'notifications' });
    await row.waitFor();
    const completed = Number((await row.locator('td').last().innerText()).replace(/\D/g, ''));
    expect(completed).toBeGreaterThan(0);
    const dashboard = adminPage.getByRole('link', { name: 'Ouvrir le tableau de bord des files' });
    await expect(dashboard.getAttribute('href')).resolves.toBe('/api/admin/queues');
    await adminPage.getByRole('button', { name: 'Actualiser' }).click();
    await adminPage.getByText(/Chiffres relevés à/).waitFor();
    await expectAccessible(adminPage, 'admin queues (fr)');
    await shot(adminPage, 'n08-admin-queues-fr');
    await adminPage.getByLabel('Langue').selectOption('ar');
    await adminPage.getByRole('heading', { level: 1, name: 'طوابير المهام' }).waitFor();
    await expectAccessible(adminPage, 'admin queues (ar)');
    await shot(adminPage, 'n09-admin-queues-ar');
    // The queue dashboard itself (bull-board) renders under the API's content security policy.
    const blocked: string[] = [];
    adminPage.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) blocked.push(m.text());
    });
    await adminPage.getByRole('link', { name: 'فتح لوحة الطوابير' }).click();
    await adminPage.waitForURL(/\/api\/admin\/queues/);
    await adminPage.getByRole('link', { name: 'notifications' }).click();
    await adminPage.waitForURL(/\/queue\/notifications/);
    await adminPage.getByText(/Chargement|Loading/).first().waitFor({ state: 'hidden', timeout: 15_000 });
    await shot(adminPage, 'n10-queue-dashboard');
    expect(blocked.filter((b) => !/fonts\.googleapis/.test(b))).toEqual([]);

    expect(pageErrors).toEqual([]);
    console.log(
      `notifications journey (db ${OWN_NAME}): bell rose ${bellDelayMs} ms after the cancellation; ` +
        `whole scenario ${Date.now() - started} ms`,
    );
  }, 300_000);
});
