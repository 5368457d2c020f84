/**
 * Browser journey: skills donation end to end. A volunteer offers their expertise through the
 * form; a member of an organisation posts a need with skills and sees the volunteer suggested,
 * with the reasons in sentences; they propose a session, the volunteer accepts it (.ics), it is
 * held (its time moved into the past) and marked done, and both sides rate it. The volunteer's
 * contributor profile (reached from their directory page) counts the session, shows the
 * first-session badge, and downloads the attestation PDF; their home page shows "For you" with
 * the need their offer fits and why. A member who is not staff reads the refusal on the flagged
 * offers; staff see a seeded flagged offer. Axe on each page; screenshots in French, in Arabic
 * and at 360 px. Its own database (./own-database, imported first): "no open need matches yet"
 * and the suggestions are exact only when no other test's needs and offers share its skills.
 */
import { createOwnDatabase, dropOwnDatabase } from './own-database';
import {
  TestServer,
  addToSpace,
  makeOrganisation,
  makeRegion,
  makeSkillOffer,
  makeSkillRating,
  makeSkillRequest,
  makeModule,
  makeSeminar,
  makeSkillSession,
  makeSpace,
  makeUser,
  startTestServer,
  uid,
} from '@pratique/api/testing';
import { ContributorProfile, SkillSession, SpaceRole } from '@pratique/contracts';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import {
  SHOTS,
  apiAs,
  expectAccessible,
  launchChromium,
  prepareWebBuild,
  signInThroughUi,
} from './learning-support';

const suffix = uid();
const OFFER = `Accompagnement en plaidoyer et budget ${suffix}`;
const NEED = `Préparer notre premier plan de plaidoyer ${suffix}`;
const FLAGGED = `Offre peu appréciée ${suffix}`;
const NEAR_MODULE = `Le budget participatif ${suffix}`;
const FAR_MODULE = `Le plaidoyer pas à pas ${suffix}`;
const shot = (page: Page, name: string) =>
  page.screenshot({ path: resolve(SHOTS, `skills-${name}.png`), fullPage: true });
const text = async (l: Locator) => ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe('journey: skills donation — offer, need, match, session, ratings, recognition', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let region: { id: string; name: string };
  const people = {} as Record<
    'volunteer' | 'orgMember' | 'staff' | 'animator',
    { id: string; email: string }
  >;
  const VOLUNTEER = `Leïla Bénévole ${suffix}`;
  const ORG = `Association Horizons ${suffix}`;
  const pageErrors: string[] = [];

  const open = async (width = 1280) => {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      locale: 'fr-FR',
      acceptDownloads: true,
    });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    return page;
  };

  beforeAll(async () => {
    prepareWebBuild();
    await createOwnDatabase();
    server = await startTestServer();
    const db = server.dataSource;
    region = await makeRegion(db, `Sfax ${suffix}`);
    const org = await makeOrganisation(db, region.id, ORG);
    const volunteer = await makeUser(db, { regionId: region.id, displayName: VOLUNTEER });
    const orgMember = await makeUser(db, {
      regionId: region.id,
      organisationId: org.id,
      displayName: `Karim Membre ${suffix}`,
    });
    const staff = await makeUser(db, {
      regionId: region.id,
      staffOf: [region.id],
      displayName: `Sana Bureau ${suffix}`,
    });
    people.volunteer = { id: volunteer.id, email: volunteer.email };
    // Two seminars of the volunteer's region they cannot register for yet: one lesson away
    // (half of a 2-lesson module) and three lessons away (all of a 3-lesson module).
    const learningSpace = await makeSpace(db, { regionId: region.id });
    const near = await makeModule(db, learningSpace.id, { title: NEAR_MODULE, lessons: [{}, {}] });
    const far = await makeModule(db, learningSpace.id, { title: FAR_MODULE, lessons: [{}, {}, {}] });
    await makeSeminar(db, {
      regionId: region.id,
      requirements: [{ moduleId: far.id, minPercent: 100 }],
      startsInDays: 5,
    });
    await makeSeminar(db, {
      regionId: region.id,
      requirements: [{ moduleId: near.id, minPercent: 50 }],
      startsInDays: 9,
    });
    people.orgMember = { id: orgMember.id, email: orgMember.email };
    people.staff = { id: staff.id, email: staff.email };
    const animator = await makeUser(db, { regionId: region.id, displayName: `Nadia Animatrice ${suffix}` });
    await addToSpace(db, (await makeSpace(db, { regionId: region.id })).id, animator.id, SpaceRole.Animator);
    people.animator = { id: animator.id, email: animator.email };

    // An offer the rating rule flags: three sessions rated poorly by organisations.
    const other = await makeUser(db, { regionId: region.id });
    const flagged = await makeSkillOffer(db, {
      authorId: other.id,
      skills: ['comptabilité'],
      title: FLAGGED,
    });
    const otherOrg = await makeOrganisation(db, region.id);
    const need = await makeSkillRequest(db, {
      organisationId: otherOrg.id,
      authorId: null,
      skills: ['comptabilité'],
    });
    for (let i = 0; i < 3; i++) {
      const s = await makeSkillSession(db, { offerId: flagged.id, requestId: need.id, status: 'done' });
      await makeSkillRating(db, { sessionId: s.id, side: 'organisation', usefulness: 1, pedagogy: 2 });
    }
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server?.close();
    await dropOwnDatabase();
  });

  it('a need meets a volunteer: suggestion with reasons, session proposed, accepted, done, rated, recognised', async () => {
    // 1. The volunteer offers their expertise through the form.
    const volunteer = await open();
    await signInThroughUi(volunteer, server.url, people.volunteer.email, '/skills');
    await volunteer.getByRole('heading', { level: 1, name: 'Don de compétences' }).waitFor();
    await volunteer.getByRole('link', { name: 'Offrir mon expertise' }).click();
    await volunteer.getByRole('heading', { level: 1, name: 'Offrir mon expertise' }).waitFor();
    // Sending it empty: the errors are announced and the first invalid field is focused.
    await volunteer.getByRole('button', { name: 'Publier mon offre' }).click();
    await volunteer.getByText('Le formulaire contient 2 erreur(s). Corrigez les champs signalés.').waitFor();
    await expect(volunteer.getByLabel('Intitulé de l’offre').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    await volunteer.getByLabel('Intitulé de l’offre').fill(OFFER);
    await volunteer
      .getByLabel('Description')
      .fill('J’accompagne les associations dans leur plaidoyer local et la préparation de leur budget.');
    await volunteer.locator('#offer-skills').fill('Plaidoyer, Budget, Suivi, Communication,');
    await volunteer.getByRole('list', { name: 'Compétences' }).getByText('communication').waitFor();
    await volunteer.getByLabel('en présentiel (bureau régional)').check();
    await volunteer.getByLabel('Disponibilités').fill('Le samedi matin');
    await volunteer.getByRole('checkbox', { name: 'français' }).uncheck();
    await volunteer.getByRole('checkbox', { name: 'arabe' }).check();
    await volunteer.getByLabel('Région où vous pouvez vous déplacer').selectOption({ label: region.name });
    await expectAccessible(volunteer, 'offer form');
    await shot(volunteer, 'offer-form-fr');
    await volunteer.getByRole('button', { name: 'Publier mon offre' }).click();
    await volunteer.getByRole('heading', { level: 1, name: OFFER }).waitFor();
    await volunteer
      .getByRole('heading', { level: 2, name: 'Les besoins auxquels cette offre répond' })
      .waitFor();
    await volunteer.getByText('Aucun besoin ouvert ne correspond pour l’instant.').waitFor();
    await expectAccessible(volunteer, 'offer page');

    // 2. A member of an organisation posts a need.
    const org = await open();
    await signInThroughUi(org, server.url, people.orgMember.email, '/skills');
    await org.locator('.item-list').getByRole('link', { name: OFFER }).waitFor();
    await expectAccessible(org, 'skills list');
    await shot(org, 'list-fr');
    await org.getByRole('link', { name: 'Besoins des organisations' }).click();
    await org.getByRole('heading', { level: 2, name: 'Besoins des organisations' }).waitFor();
    await org.getByRole('link', { name: 'Publier un besoin' }).click();
    await org.getByRole('heading', { level: 1, name: 'Publier un besoin' }).waitFor();
    await expect(org.getByLabel('Organisation').inputValue()).resolves.toMatch(/^[0-9a-f-]{36}$/);
    await expect(org.getByLabel('Organisation').locator('option:checked').textContent()).resolves.toBe(ORG);
    await org.getByLabel('De quoi avez-vous besoin ?').fill(NEED);
    await org
      .getByLabel('Pourquoi ?')
      .fill('Nous voulons convaincre la municipalité d’ouvrir un espace jeunes.');
    await org.getByLabel('Résultat attendu').fill('Un plan de plaidoyer et un budget prévisionnel.');
    const deadline = new Date(Date.now() + 60 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await org.getByLabel('Échéance (facultatif)').fill(deadline);
    await expect(
      org.getByLabel('Région', { exact: true }).locator('option:checked').textContent(),
    ).resolves.toBe(region.name);
    await org.locator('#request-skills').fill('plaidoyer, budget, suivi');
    await org.locator('#request-skills').press('Enter');
    await org.getByRole('list', { name: 'Compétences recherchées' }).getByText('suivi').waitFor();
    await org.getByRole('checkbox', { name: 'arabe' }).check();
    await expectAccessible(org, 'request form');
    await shot(org, 'request-form-fr');
    await org.getByRole('button', { name: 'Publier le besoin' }).click();
    await org.getByRole('heading', { level: 1, name: NEED }).waitFor();

    // 3. The volunteer is suggested, with why.
    const matches = org.locator('section', { has: org.getByRole('heading', { name: 'Bénévoles suggérés' }) });
    const match = matches.locator('li.subsection', { has: org.getByRole('link', { name: OFFER }) });
    await match.waitFor();
    const reasons = match.getByRole('list', { name: 'Pourquoi cette suggestion' }).locator('> li');
    await expect(reasons.count()).resolves.toBe(4);
    const skillsReason = await text(reasons.nth(0));
    expect(skillsReason).toMatch(/^3 compétences en commun : /);
    expect(skillsReason.replace(/^.*: /, '').split(', ').sort()).toEqual(['budget', 'plaidoyer', 'suivi']);
    await expect(text(reasons.nth(1))).resolves.toBe(`Même région : ${region.name}`);
    await expect(text(reasons.nth(2))).resolves.toBe('Langue commune : arabe');
    await expect(text(reasons.nth(3))).resolves.toBe('Format : à distance');
    await expect(match.getByRole('link', { name: VOLUNTEER }).getAttribute('href')).resolves.toBe(
      `/skills/contributors/${people.volunteer.id}`,
    );
    await expectAccessible(org, 'request page');
    await shot(org, 'request-fr');

    // 4. The organisation proposes a session.
    await match.getByRole('button', { name: `Proposer une séance à ${VOLUNTEER} (« ${OFFER} »)` }).click();
    await match.getByLabel('Lieu ou lien de réunion').fill('https://visio.example.org/horizons');
    await match.getByLabel('Message').fill('Une première séance pour poser le cadre ?');
    await expectAccessible(org, 'proposal form');
    await match.screenshot({ path: resolve(SHOTS, 'skills-propose-fr.png') });
    await match.getByRole('button', { name: 'Envoyer la proposition' }).click();
    await match.getByText('Proposition envoyée. L’autre partie peut l’accepter ou la décliner.').waitFor();

    // 5. The volunteer accepts it; the accepted session has its calendar file.
    await volunteer.goto(`${server.url}/skills/sessions`);
    await volunteer.getByRole('heading', { level: 2, name: 'Proposées (1)' }).waitFor();
    const session = volunteer.locator('article.session', { hasText: NEED });
    await session.getByText('Proposée par l’organisation').waitFor();
    await expectAccessible(volunteer, 'sessions (proposed)');
    await session.getByRole('button', { name: 'Accepter' }).click();
    await volunteer.getByText('Séance acceptée. Ajoutez-la à votre agenda.').waitFor();
    await volunteer.getByRole('heading', { level: 2, name: 'Acceptées, à venir (1)' }).waitFor();
    const ics = session.getByRole('link', { name: 'Ajouter à mon agenda (.ics)' });
    const icsHref = await ics.getAttribute('href');
    expect(icsHref).toMatch(/^\/api\/skill-sessions\/[0-9a-f-]{36}\/calendar\.ics$/);
    const asVolunteer = await apiAs(server.url, people.volunteer.email);
    const icsFile = await asVolunteer.raw(icsHref as string);
    expect(icsFile.status).toBe(200);
    expect(icsFile.headers.get('content-type')).toMatch(/^text\/calendar/);
    const calendar = await icsFile.text();
    expect(calendar).toContain('BEGIN:VCALENDAR');
    expect(calendar).toContain('BEGIN:VEVENT');
    // Not done before it has taken place.
    await expect(session.getByRole('button', { name: 'Marquer comme réalisée' }).count()).resolves.toBe(0);
    await expectAccessible(volunteer, 'sessions (accepted)');
    await shot(volunteer, 'sessions-accepted-fr');

    // 6. The session takes place (its time moved into the past), the volunteer marks it done and rates it.
    const [mine] = await asVolunteer.json<SkillSession[]>('GET', '/api/skill-sessions');
    await server.dataSource.query(
      `UPDATE skill_session SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' WHERE id = $1`,
      [mine.id],
    );
    await volunteer.reload();
    await session.getByRole('button', { name: 'Marquer comme réalisée' }).click();
    await volunteer.getByText('Séance marquée comme réalisée. Vous pouvez maintenant l’évaluer.').waitFor();
    await volunteer.getByRole('heading', { level: 2, name: 'Réalisées (1)' }).waitFor();
    await session.getByRole('button', { name: 'Envoyer mon évaluation' }).click();
    await session.getByText('Le formulaire contient 2 erreur(s). Corrigez les champs signalés.').waitFor();
    await expect(session.getByText('Choisissez une note de 1 à 5.').count()).resolves.toBe(2);
    const useful = session.getByRole('group', { name: 'La séance a-t-elle été utile ?' });
    const team = session.getByRole('group', {
      name: 'Disponibilité et préparation de l’équipe de l’organisation',
    });
    await useful.getByRole('radio', { name: '5 sur 5' }).check();
    await useful.getByText('Choisissez une note de 1 à 5.').waitFor({ state: 'detached' });
    await team.getByRole('radio', { name: '4 sur 5' }).check();
    await session
      .getByLabel('Un mot sur la séance (facultatif)')
      .fill('Équipe très motivée, objectifs clairs.');
    await expectAccessible(volunteer, 'rating form');
    await shot(volunteer, 'rating-form-fr');
    await session.getByRole('button', { name: 'Envoyer mon évaluation' }).click();
    await volunteer.getByText('Merci, votre évaluation est enregistrée.').waitFor();
    await session.getByText('Par le ou la bénévole :').waitFor();
    await session.getByText('Équipe très motivée, objectifs clairs.').waitFor();

    // 7. The organisation rates it too.
    await org.goto(`${server.url}/skills/sessions`);
    const orgSession = org.locator('article.session', { hasText: OFFER });
    await org.getByRole('heading', { level: 2, name: 'Réalisées (1)' }).waitFor();
    await orgSession
      .getByRole('group', { name: 'La séance a-t-elle été utile ?' })
      .getByRole('radio', { name: '4 sur 5' })
      .check();
    await orgSession
      .getByRole('group', { name: 'Disponibilité et pédagogie du ou de la bénévole' })
      .getByRole('radio', { name: '5 sur 5' })
      .check();
    await orgSession.getByLabel('Un mot sur la séance (facultatif)').fill('Très clair, merci Leïla !');
    await orgSession.getByRole('button', { name: 'Envoyer mon évaluation' }).click();
    await org.getByText('Merci, votre évaluation est enregistrée.').waitFor();
    await orgSession.getByText('Par l’organisation :').waitFor();
    await orgSession.getByText('Par le ou la bénévole :').waitFor();
    await expect(orgSession.getByRole('button', { name: 'Envoyer mon évaluation' }).count()).resolves.toBe(0);
    await expectAccessible(org, 'sessions (done, rated)');
    await shot(org, 'sessions-done-fr');

    // 8. The volunteer's contributor profile, from their directory page.
    await volunteer.goto(`${server.url}/members/${people.volunteer.id}`);
    await volunteer.getByRole('link', { name: 'Profil de contributeur·rice' }).click();
    await volunteer.getByRole('heading', { level: 1, name: `Contributions de ${VOLUNTEER}` }).waitFor();
    const counts = volunteer.locator('dl.counts');
    const count = (label: string) =>
      text(counts.locator('div', { has: volunteer.getByText(label, { exact: true }) }).locator('dd'));
    await expect(count('Séances données')).resolves.toBe('1');
    await expect(count('Heures de séances données')).resolves.toBe('2');
    const firstSession = volunteer.locator('li.badge-item', {
      has: volunteer.getByRole('heading', { name: 'Première séance', exact: true }),
    });
    await expect(text(firstSession.locator('.state'))).resolves.toBe('Obtenu');
    await expect(text(firstSession.locator('.progress'))).resolves.toBe('Progression : 1 / 1');
    const mentor = volunteer.locator('li.badge-item', {
      has: volunteer.getByRole('heading', { name: 'Mentor', exact: true }),
    });
    await expect(text(mentor.locator('.state'))).resolves.toBe('Pas encore obtenu');
    await expect(text(mentor.locator('.progress'))).resolves.toBe('Progression : 1 / 5');
    await volunteer.locator('#contrib-offers ~ ul').getByRole('link', { name: OFFER }).waitFor();
    const profile = await asVolunteer.json<ContributorProfile>(
      'GET',
      `/api/members/${people.volunteer.id}/contributions`,
    );
    expect(profile.counts.sessionsGiven).toBe(1);
    await expectAccessible(volunteer, 'contributor profile');
    await shot(volunteer, 'contributor-fr');

    // 9. The attestation: a period whose end precedes its start is refused here; a valid one downloads a PDF.
    const year = new Date().getFullYear();
    await volunteer.getByLabel('Du').fill(`${year}-12-31`);
    await volunteer.getByLabel('Au').fill(`${year}-01-01`);
    await volunteer.getByRole('button', { name: 'Télécharger l’attestation (PDF)' }).click();
    await volunteer.getByText('La date de fin doit suivre la date de début.').waitFor();
    await expect(volunteer.getByLabel('Au').getAttribute('aria-invalid')).resolves.toBe('true');
    const from = `${year - 1}-01-01`;
    const to = new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);
    await volunteer.getByLabel('Du').fill(from);
    await volunteer.getByLabel('Au').fill(to);
    const [download] = await Promise.all([
      volunteer.waitForEvent('download'),
      volunteer.getByRole('button', { name: 'Télécharger l’attestation (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = readFileSync((await download.path()) as string);
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    await volunteer.getByText('L’attestation est téléchargée.').waitFor();
    const direct = await asVolunteer.raw(
      `/api/members/${people.volunteer.id}/attestation.pdf?from=${from}&to=${to}`,
    );
    expect(direct.headers.get('content-type')).toMatch(/^application\/pdf/);

    // 10. "For you" on the volunteer's home: the need their offer fits, and why.
    await volunteer.goto(`${server.url}/`);
    const forYou = volunteer.locator('section', {
      has: volunteer.getByRole('heading', { level: 2, name: 'Pour vous' }),
    });
    const rec = forYou.locator('li', { has: volunteer.getByRole('link', { name: NEED }) });
    await rec.waitFor();
    const why = await text(rec.locator('.why'));
    expect(why).toMatch(new RegExp(`^Correspond à votre offre « ${OFFER} » — compétences : `));
    expect(why).toContain('plaidoyer');
    await expect(rec.getByRole('link', { name: NEED }).getAttribute('href')).resolves.toMatch(
      /^\/skills\/requests\/[0-9a-f-]{36}$/,
    );
    // The gate first: the module one lesson from a seminar comes before the one three lessons away.
    const moduleRecs = forYou.locator('li', { has: volunteer.locator('a[href^="/modules/"]') });
    await moduleRecs.first().waitFor();
    await expect(moduleRecs.locator('a').allTextContents()).resolves.toEqual([NEAR_MODULE, FAR_MODULE]);
    await expect(text(moduleRecs.first().locator('.why'))).resolves.toBe(
      '1 leçon pour pouvoir vous inscrire à « Séminaire de test »',
    );
    await expect(text(moduleRecs.nth(1).locator('.why'))).resolves.toBe(
      '3 leçons pour pouvoir vous inscrire à « Séminaire de test »',
    );
    await expectAccessible(volunteer, 'home with for you');
    await shot(volunteer, 'home-for-you-fr');

    // 11. In Arabic: /skills and the request page, right to left.
    await org.goto(`${server.url}/skills`);
    await org.getByRole('heading', { level: 1, name: 'Don de compétences' }).waitFor();
    await org.locator('#pq-language').selectOption('ar');
    await org.getByRole('heading', { level: 1, name: 'التبرّع بالمهارات' }).waitFor();
    await expect(org.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await org.locator('.item-list').getByRole('link', { name: OFFER }).waitFor();
    await expectAccessible(org, 'skills list (ar)');
    await shot(org, 'list-ar');
    await org.getByRole('link', { name: 'احتياجات الجمعيات' }).click();
    await org.getByRole('link', { name: NEED }).click();
    await org.getByRole('heading', { level: 2, name: 'متطوّعون مقترحون' }).waitFor();
    await org.getByText('الجهة نفسها:').waitFor();
    await expectAccessible(org, 'request page (ar)');
    await shot(org, 'request-ar');
    await org.locator('#pq-language').selectOption('fr');
    await org.getByRole('heading', { level: 1, name: NEED }).waitFor();

    // 12. On a phone-sized screen.
    const small = await open(360);
    await signInThroughUi(small, server.url, people.volunteer.email, '/skills');
    await small.getByRole('heading', { level: 1, name: 'Don de compétences' }).waitFor();
    await small.locator('.item-list').getByRole('link', { name: OFFER }).waitFor();
    const overflow = () =>
      small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await expect(overflow()).resolves.toBeLessThanOrEqual(0);
    await shot(small, 'list-360');
    await small.goto(`${server.url}/skills/sessions`);
    await small.getByRole('heading', { level: 2, name: 'Réalisées (1)' }).waitFor();
    await expect(overflow()).resolves.toBeLessThanOrEqual(0);
    await shot(small, 'sessions-360');

    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('flagged offers: refused to a member, listed for staff and animators', async () => {
    const member = await open();
    await signInThroughUi(member, server.url, people.orgMember.email, '/skills/flagged');
    await member.getByRole('heading', { level: 1, name: 'Offres signalées' }).waitFor();
    await member.getByText('Vous n’avez pas le droit de faire cette action.').waitFor();
    expect(await member.getByRole('link', { name: FLAGGED }).count()).toBe(0);

    const staff = await open();
    await signInThroughUi(staff, server.url, people.staff.email, '/skills');
    await staff.getByRole('link', { name: 'Offres signalées' }).click();
    await staff.getByRole('heading', { level: 1, name: 'Offres signalées' }).waitFor();
    const item = staff.locator('article', { has: staff.getByRole('link', { name: FLAGGED }) });
    await item.waitFor();
    await expect(text(item.locator('.meta').last())).resolves.toBe(
      'utilité 1,0 / 5, disponibilité et pédagogie 2,0 / 5 (3 séance(s) évaluée(s))',
    );
    await expectAccessible(staff, 'flagged offers');
    await shot(staff, 'flagged-fr');

    // An animator (of any space) is offered the same list from /skills; a plain member is not.
    expect(
      await member
        .goto(`${server.url}/skills`)
        .then(() => member.getByRole('link', { name: 'Offres signalées' }).count()),
    ).toBe(0);
    const animator = await open();
    await signInThroughUi(animator, server.url, people.animator.email, '/skills');
    await animator.getByRole('link', { name: 'Offres signalées' }).click();
    await animator.locator('article', { has: animator.getByRole('link', { name: FLAGGED }) }).waitFor();
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
