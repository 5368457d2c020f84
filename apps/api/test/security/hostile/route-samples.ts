/**
 * The world the hostile suite attacks, and a valid request per route: real ids for every path
 * parameter (so a broken body or query reaches validation and the handler) and a valid body for
 * every route that reads one (so breaking one field of it is the only thing wrong).
 *
 * A route that reads a body must have a sample here: the suite fails naming it otherwise.
 * Samples are functions so each use gets fresh unique values (slugs, codes, e-mails); those that
 * would destroy something (delete an account, suspend a user) act on a throwaway user.
 */
import {
  addToSpace,
  Agent,
  buildDemoScormPackage,
  makeModule,
  makeOrganisation,
  makeRegion,
  makeSeminar,
  makeSkillOffer,
  makeSkillRequest,
  makeSkillSession,
  makeSpace,
  makeUser,
  MadeUser,
  sampleQuiz,
  signedIn,
  TestApp,
  uid,
} from '@pratique/api/testing';
import { ApiRoutes, LessonKind, ModuleStatus, NOTIFICATION_TYPES, THEMATIC_AXES } from '@pratique/contracts';
import { ApiRoute } from './routes';

export type AgentName = 'admin' | 'member';

export interface HostileWorld {
  t: TestApp;
  as: Record<AgentName, Agent>;
  users: Record<AgentName | 'other', MadeUser>;
  ids: {
    region: string;
    organisation: string;
    space: string;
    spaceSlug: string;
    module: string;
    draftModule: string;
    pageLesson: string;
    videoLesson: string;
    quizLesson: string;
    scormLesson: string;
    draftLesson: string;
    scormPackage: string;
    scormLaunch: string;
    attempt: Record<AgentName, string>;
    file: string;
    seminar: string;
    registration: string;
    thread: string;
    reply: string;
    resource: string;
    pendingResource: string;
    report: string;
    notification: Record<AgentName, string>;
    grant: string;
    /** An open offer by the member. */
    skillOffer: string;
    /** An open request of the world's organisation (the admin and the member belong to it). */
    skillRequest: string;
    /** An open offer by a volunteer of another organisation: the admin proposes it to `skillRequest`. */
    volunteerOffer: string;
    /** A done session between `volunteerOffer` and `skillRequest`: the admin rates it as the organisation side. */
    skillSession: string;
  };
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const inDays = (d: number) => new Date(Date.now() + d * 24 * 3600 * 1000).toISOString();

async function ok<T = Record<string, string>>(res: Promise<{ status: number; body: unknown; text?: string }>, what: string): Promise<T> {
  const r = await res;
  if (r.status >= 300) throw new Error(`hostile world: ${what} answered ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as T;
}

/** Builds the world through the API where that is simplest (threads, resources, packages), SQL elsewhere. */
export async function buildHostileWorld(t: TestApp): Promise<HostileWorld> {
  const db = t.dataSource;
  const region = await makeRegion(db);
  const organisation = await makeOrganisation(db, region.id);
  const users = {
    admin: await makeUser(db, { regionId: region.id, organisationId: organisation.id, admin: true }),
    member: await makeUser(db, { regionId: region.id, organisationId: organisation.id }),
    other: await makeUser(db, { regionId: region.id, organisationId: organisation.id }),
  };
  const as = { admin: await signedIn(t, users.admin), member: await signedIn(t, users.member) };
  const space = await makeSpace(db);
  for (const u of [users.member, users.other]) await addToSpace(db, space.id, u.id);

  const scorm = await ok<{ packageId: string; launchPath: string }>(as.admin.post(ApiRoutes.scormPackages).attach('file', await buildDemoScormPackage(), 'demo.zip'), 'SCORM upload');
  const file = await ok<{ id: string }>(as.admin.post(ApiRoutes.files).attach('file', PDF, { filename: 'guide.pdf', contentType: 'application/pdf' }), 'file upload');
  const mod = await makeModule(db, space.id, {
    lessons: [
      { kind: LessonKind.Page },
      { kind: LessonKind.Video },
      { kind: LessonKind.Quiz, content: sampleQuiz({ attemptsAllowed: 0 }) },
      { kind: LessonKind.Scorm, content: { packageId: scorm.packageId, version: '1.2', launchPath: scorm.launchPath } },
      { kind: LessonKind.File, content: { fileId: file.id } },
    ],
  });
  const draft = await makeModule(db, space.id, { status: ModuleStatus.Draft, lessons: [{ kind: LessonKind.Page }, { kind: LessonKind.Page }] });
  const attempt = {} as Record<AgentName, string>;
  for (const name of ['admin', 'member'] as const) {
    const view = await ok<{ scorm?: { attemptId: string } }>(as[name].get(ApiRoutes.lesson(mod.lessonIds[3])), 'SCORM lesson view');
    attempt[name] = view.scorm!.attemptId;
  }

  const seminar = await makeSeminar(db, { regionId: region.id, requirements: [], capacity: 50 });
  const registration = await ok<{ id: string }>(as.member.post(ApiRoutes.seminarRegistrations(seminar.id)), 'registration');

  const thread = await ok<{ id: string }>(as.admin.post(ApiRoutes.spaceThreads(space.slug)).send({ kind: 'question', title: 'Comment tenir une AG ?', body: 'Des conseils ?' }), 'thread');
  const reply = await ok<{ id: string }>(as.member.post(ApiRoutes.threadReplies(thread.id)).send({ body: 'Avec un quorum.' }), 'reply');

  const link = (title: string) => ({ kind: 'link', title, description: 'Un guide', tags: ['gouvernance'], language: 'fr', url: 'https://example.org/guide' });
  const resource = await ok<{ id: string }>(as.admin.post(ApiRoutes.spaceResources(space.slug)).send(link('Guide publié')), 'resource');
  const pending = await ok<{ id: string }>(as.member.post(ApiRoutes.spaceResources(space.slug)).send(link('Guide proposé')), 'pending resource');
  await ok(as.member.post(ApiRoutes.resourceReports(resource.id)).send({ reason: 'Lien mort' }), 'report');
  const [report] = await db.query(`SELECT id FROM resource_report WHERE resource_id = $1`, [resource.id]);

  const notification = {} as Record<AgentName, string>;
  for (const name of ['admin', 'member'] as const) {
    const [n] = await db.query(`INSERT INTO notification (user_id, outbox_id, type, payload) VALUES ($1, $2, 'module.published', '{}') RETURNING id`, [users[name].id, Math.floor(Math.random() * 1e12)]);
    notification[name] = String(n.id);
  }
  const [grant] = await db.query(`INSERT INTO role_grant (user_id, role, region_id) VALUES ($1, 'staff', $2) RETURNING id`, [users.other.id, region.id]);

  const skillOffer = await makeSkillOffer(db, { authorId: users.member.id, skills: ['budget'], regionId: region.id });
  const skillRequest = await makeSkillRequest(db, { organisationId: organisation.id, authorId: users.member.id, skills: ['budget'], regionId: region.id });
  const volunteer = await makeUser(db, { regionId: region.id }); // an organisation of their own
  const volunteerOffer = await makeSkillOffer(db, { authorId: volunteer.id, skills: ['budget'], regionId: region.id });
  const skillSession = await makeSkillSession(db, { offerId: volunteerOffer.id, requestId: skillRequest.id, status: 'done', proposedBy: 'volunteer', proposerId: volunteer.id });

  return {
    t,
    as,
    users,
    ids: {
      region: region.id,
      organisation: organisation.id,
      space: space.id,
      spaceSlug: space.slug,
      module: mod.id,
      draftModule: draft.id,
      pageLesson: mod.lessonIds[0],
      videoLesson: mod.lessonIds[1],
      quizLesson: mod.lessonIds[2],
      scormLesson: mod.lessonIds[3],
      draftLesson: draft.lessonIds[0],
      scormPackage: scorm.packageId,
      scormLaunch: scorm.launchPath.split('?')[0],
      attempt,
      file: file.id,
      seminar: seminar.id,
      registration: registration.id,
      thread: thread.id,
      reply: reply.id,
      resource: resource.id,
      pendingResource: pending.id,
      report: report.id,
      notification,
      grant: grant.id,
      skillOffer: skillOffer.id,
      skillRequest: skillRequest.id,
      volunteerOffer: volunteerOffer.id,
      skillSession: skillSession.id,
    },
  };
}

/** `:id` after this path segment names… */
const ID_AFTER: Record<string, keyof HostileWorld['ids']> = {
  regions: 'region',
  organisations: 'organisation',
  spaces: 'space',
  modules: 'module',
  lessons: 'pageLesson',
  files: 'file',
  seminars: 'seminar',
  registrations: 'registration',
  threads: 'thread',
  replies: 'reply',
  resources: 'resource',
  'resource-reports': 'report',
  'skill-offers': 'skillOffer',
  'skill-requests': 'skillRequest',
  'skill-sessions': 'skillSession',
};

/** Real values for the route's path parameters, as `as` would send them. Throws for a parameter it cannot name. */
export function validParams(w: HostileWorld, route: ApiRoute, as: AgentName): Record<string, string> {
  const segments = route.path.split('/');
  const values: Record<string, string> = {};
  for (const name of route.params) {
    const index = segments.findIndex((s) => s === `:${name}` || s === `*${name}`);
    const before = segments[index - 1];
    let value: string | undefined;
    if (name === 'id' && before === 'notifications') value = w.ids.notification[as];
    else if (name === 'id' && before === 'members') value = w.users.other.id;
    else if (name === 'id' && ID_AFTER[before]) value = w.ids[ID_AFTER[before]] as string;
    else if (name === 'userId') value = w.users.other.id;
    else if (name === 'grantId') value = w.ids.grant;
    else if (name === 'organisationId') value = w.ids.organisation;
    else if (name === 'regionId') value = w.ids.region;
    else if (name === 'spaceId' || name === 'idOrSlug') value = w.ids.space;
    else if (name === 'space') value = w.ids.spaceSlug;
    else if (name === 'moduleId') value = w.ids.module;
    else if (name === 'attemptId') value = w.ids.attempt[as];
    else if (name === 'packageId') value = w.ids.scormPackage;
    else if (name === 'path') value = w.ids.scormLaunch;
    else if (name === 'code') value = 'ABCD2345';
    if (value === undefined) throw new Error(`${route.key}: no sample value for :${name} — add it to hostile/route-samples.ts (validParams)`);
    values[name] = value;
  }
  return values;
}

export interface Lookup {
  param: string;
  why: string;
  /** The answer to a value that names nothing. */
  isNegative(body: unknown): boolean;
}

/** Routes that answer any value of a parameter (public lookups), rather than refuse an unknown one. */
export const LOOKUPS: Record<string, Lookup> = {
  'GET /api/certificates/:code': {
    param: 'code',
    why: 'the public check of a printed certificate code answers { valid: false } for a code it does not know',
    isNegative: (body) => (body as { valid?: unknown }).valid === false,
  },
};

/**
 * A valid query for every route whose query DTO has required fields, so a case that breaks
 * something else (a path parameter, the body, one query field) has only that wrong.
 */
export const QUERY_SAMPLES: Record<string, Record<string, string>> = {
  'GET /api/members/:id/attestation.pdf': { from: '2025-01-01', to: '2025-12-31' },
};

export interface Sample {
  /** Who sends it (a user: signed in for this one request). Default admin. */
  as?: AgentName | 'anonymous' | MadeUser;
  params?: Record<string, string>;
  body: object;
}

type SampleFn = (w: HostileWorld, fresh: () => Promise<MadeUser>) => Sample | Promise<Sample>;

const title = (fr: string) => ({ fr, en: `${fr} (en)` });

/** A valid request for every route that reads a body, keyed like the router (`METHOD /api/path/:param`). */
export const SAMPLES: Record<string, SampleFn> = {
  'POST /api/auth/sign-up': (w) => ({
    as: 'anonymous',
    body: { email: `hostile-${uid()}@test.pratique.tn`, password: 'correct-horse-battery', displayName: 'Amina Ben Salah', preferredLanguage: 'fr', regionId: w.ids.region, organisationId: w.ids.organisation },
  }),
  'POST /api/auth/sign-in': (w) => ({ as: 'anonymous', body: { email: w.users.other.email, password: w.users.other.password } }),
  'PATCH /api/auth/me': () => ({ body: { displayName: 'Admin Hostile', preferredLanguage: 'fr' } }),
  'POST /api/users/:userId/roles': async (w) => ({ body: { role: 'staff', regionId: (await makeRegion(w.t.dataSource)).id } }),
  'PUT /api/users/:userId/suspension': async (_w, fresh) => ({ params: { userId: (await fresh()).id }, body: { reason: 'Messages abusifs répétés' } }),
  'POST /api/regions': () => ({ body: { code: `r-${uid()}`, name: 'Région de test' } }),
  'PATCH /api/regions/:id': () => ({ body: { name: 'Région renommée' } }),
  'POST /api/organisations': (w) => ({ body: { name: `Association ${uid()}`, regionId: w.ids.region, registrationNumber: `RN-${uid()}`, thematicFields: ['gouvernance'], verified: false } }),
  'PATCH /api/organisations/:id': () => ({ body: { name: `Association ${uid()}`, thematicFields: ['environnement'] } }),
  'POST /api/spaces': () => ({
    body: { slug: `espace-${uid()}`, title: title('Espace'), description: title('Un espace'), originalLanguage: 'fr', axis: THEMATIC_AXES[0], scope: 'national', visibility: 'public' },
  }),
  'PATCH /api/spaces/:id': () => ({ body: { title: title('Espace renommé'), description: title('Autre description'), axis: THEMATIC_AXES[0], visibility: 'public' } }),
  'POST /api/spaces/:spaceId/modules': () => ({ body: { title: title('Module'), summary: title('Résumé'), originalLanguage: 'fr', estimatedMinutes: 30 } }),
  'PATCH /api/modules/:id': (w) => ({ params: { id: w.ids.draftModule }, body: { title: title('Module brouillon'), summary: title('Résumé'), estimatedMinutes: 20 } }),
  'POST /api/modules/:moduleId/lessons': (w) => ({
    params: { moduleId: w.ids.draftModule },
    body: { kind: 'page', title: title('Leçon'), required: true, content: { markdown: { fr: '# Titre\n\nTexte.' } } },
  }),
  'PUT /api/modules/:moduleId/lesson-order': async (w) => {
    const rows: { id: string }[] = await w.t.dataSource.query(`SELECT id FROM lesson WHERE module_id = $1 ORDER BY position`, [w.ids.draftModule]);
    return { params: { moduleId: w.ids.draftModule }, body: { lessonIds: rows.map((r) => r.id) } };
  },
  'PATCH /api/lessons/:id': (w) => ({ params: { id: w.ids.draftLesson }, body: { title: title('Leçon renommée'), required: true, content: { markdown: { fr: 'Texte' } } } }),
  'POST /api/lessons/:id/video-progress': (w) => ({ as: 'member', params: { id: w.ids.videoLesson }, body: { watchedPercent: 40 } }),
  'POST /api/lessons/:id/quiz-attempts': (w) => ({ as: 'member', params: { id: w.ids.quizLesson }, body: { answers: { q1: ['a'], q2: ['a', 'b'] } } }),
  'POST /api/scorm-attempts/:attemptId/commit': (w) => ({
    as: 'member',
    params: { attemptId: w.ids.attempt.member },
    body: { cmi: { core: { lesson_status: 'incomplete', lesson_location: 'p2' }, suspend_data: 'x' } },
  }),
  'PUT /api/notifications/preferences': () => ({ body: { preferences: [{ type: NOTIFICATION_TYPES[0], channel: 'in_app' }] } }),
  'PUT /api/me/profile': () => ({
    body: { bio: 'Trésorière', skills: ['budget'], interests: ['genre'], listed: true, showOrganisations: true, showRegion: true, showSkills: true, showSpaces: true },
  }),
  'DELETE /api/me': async (_w, fresh) => {
    const user = await fresh();
    return { as: user, body: { password: user.password } };
  },
  'POST /api/spaces/:space/threads': () => ({ body: { kind: 'discussion', title: 'Une discussion', body: 'Parlons-en.' } }),
  'PATCH /api/threads/:id': () => ({ body: { title: 'Comment tenir une AG ?', body: 'Des conseils, svp ?' } }),
  'PUT /api/threads/:id/accepted-reply': (w) => ({ body: { replyId: w.ids.reply } }),
  'PATCH /api/threads/:id/moderation': () => ({ body: { pinned: false, locked: false, hidden: false } }),
  'POST /api/threads/:id/replies': () => ({ body: { body: 'Une réponse.' } }),
  'PATCH /api/replies/:id': () => ({ as: 'member', body: { body: 'Avec un quorum, et un PV.' } }),
  'PATCH /api/replies/:id/moderation': () => ({ body: { hidden: false } }),
  'POST /api/spaces/:space/resources': () => ({
    body: { kind: 'link', title: `Guide ${uid()}`, description: 'Un **bon** guide', tags: ['gouvernance'], language: 'fr', url: 'https://example.org/guide' },
  }),
  // Only the author edits a resource, while it is pending: the member's proposal.
  'PATCH /api/resources/:id': (w) => ({
    as: 'member',
    params: { id: w.ids.pendingResource },
    body: { title: 'Guide proposé', description: 'Toujours utile', tags: ['gouvernance'], language: 'fr', url: 'https://example.org/guide' },
  }),
  'POST /api/resources/:id/reject': async (w) => {
    const r = await ok<{ id: string }>(
      w.as.member.post(ApiRoutes.spaceResources(w.ids.spaceSlug)).send({ kind: 'link', title: `À refuser ${uid()}`, language: 'fr', url: 'https://example.org/x' }),
      'resource to reject',
    );
    return { params: { id: r.id }, body: { reason: 'Hors sujet pour cet espace' } };
  },
  'POST /api/resources/:id/unpublish': async (w) => {
    const r = await ok<{ id: string }>(
      w.as.admin.post(ApiRoutes.spaceResources(w.ids.spaceSlug)).send({ kind: 'link', title: `À masquer ${uid()}`, language: 'fr', url: 'https://example.org/y' }),
      'resource to unpublish',
    );
    return { params: { id: r.id }, body: { reason: 'Signalé plusieurs fois' } };
  },
  'PUT /api/resources/:id/reviews/me': () => ({ as: 'member', body: { rating: 4, body: 'Très utile' } }), // not on one's own resource
  'POST /api/resources/:id/reports': () => ({ body: { reason: 'Contenu trompeur' } }),
  'POST /api/seminars': (w) => ({
    body: {
      kind: 'seminar',
      title: title('Séminaire régional'),
      description: title('Deux jours de travail'),
      originalLanguage: 'fr',
      regionId: w.ids.region,
      spaceId: null,
      venue: 'Maison des associations',
      address: 'Avenue Habib Bourguiba, Tunis',
      onlineUrl: 'https://meet.example.org/seminaire',
      startsAt: inDays(20),
      endsAt: inDays(21),
      capacity: 30,
      registrationOpensAt: inDays(-1),
      registrationClosesAt: inDays(15),
      audience: 'region',
      audienceOrganisationIds: [],
      requiresConfirmation: false,
      rule: { k: 1, requirements: [{ moduleId: w.ids.module, minPercent: 50 }] },
    },
  }),
  'PATCH /api/seminars/:id': () => ({ body: { title: title('Séminaire renommé'), venue: 'Salle B', capacity: 40 } }),
  'POST /api/seminars/:id/attendance': (w) => ({ body: { entries: [{ userId: w.users.member.id, status: 'attended' }] } }),
  'POST /api/skill-offers': (w) => ({
    body: { title: `Offre ${uid()}`, description: 'Dix ans de trésorerie associative', skills: ['budget', 'comptabilité'], formats: ['remote', 'in_person'], availability: 'Le samedi', languages: ['fr', 'ar'], regionId: w.ids.region },
  }),
  // The admin edits the member's offer (an admin edits any).
  'PATCH /api/skill-offers/:id': (w) => ({
    body: { title: 'Offre révisée', description: 'Toujours disponible', skills: ['budget'], formats: ['remote'], availability: 'En semaine', languages: ['fr'], regionId: w.ids.region, status: 'open' },
  }),
  // The admin belongs to the world's organisation: they post its needs.
  'POST /api/skill-requests': (w) => ({
    body: { organisationId: w.ids.organisation, title: `Besoin ${uid()}`, why: 'Clôturer les comptes', expectedOutcome: 'Un bilan', deadline: '2030-06-30', formats: ['remote'], regionId: w.ids.region, skills: ['budget'], languages: ['fr'] },
  }),
  'PATCH /api/skill-requests/:id': (w) => ({
    body: { title: 'Besoin révisé', why: 'Toujours', expectedOutcome: 'Un bilan', deadline: null, formats: ['remote'], regionId: w.ids.region, skills: ['budget'], languages: ['fr'], status: 'open' },
  }),
  // The admin, a member of the request's organisation, proposes a session with the volunteer's offer.
  'POST /api/skill-sessions': (w) => ({
    body: { offerId: w.ids.volunteerOffer, requestId: w.ids.skillRequest, startsAt: inDays(10), endsAt: new Date(Date.now() + 10 * 24 * 3600 * 1000 + 2 * 3600 * 1000).toISOString(), format: 'remote', place: 'En ligne', message: 'Samedi matin ?' },
  }),
  // The organisation side's rating of the done session (replaced each time).
  'PUT /api/skill-sessions/:id/rating': () => ({ body: { usefulness: 4, pedagogy: 5, review: 'Très clair' } }),
  'POST /api/seminars/:id/check-in': async (w) => {
    const code = await ok<{ code: string }>(w.as.admin.get(ApiRoutes.seminarCheckInCode(w.ids.seminar)), 'check-in code');
    return { as: 'member', body: { code: code.code } };
  },
};

/** A new member of the world's organisation, for requests that must not touch the shared actors. */
export function freshUser(w: HostileWorld): Promise<MadeUser> {
  return makeUser(w.t.dataSource, { regionId: w.ids.region, organisationId: w.ids.organisation });
}

/** The sample of a route with its agent, or undefined when the route has none. */
export async function sampleFor(w: HostileWorld, route: ApiRoute): Promise<(Sample & { agent: Agent }) | undefined> {
  const make = SAMPLES[route.key];
  if (!make) return undefined;
  const sample = await make(w, () => freshUser(w));
  const as = sample.as ?? 'admin';
  const agent = as === 'anonymous' ? w.t.agent() : typeof as === 'string' ? w.as[as] : await signedIn(w.t, as);
  return { ...sample, params: { ...validParams(w, route, typeof as === 'string' && as !== 'anonymous' ? as : 'admin'), ...sample.params }, agent };
}
