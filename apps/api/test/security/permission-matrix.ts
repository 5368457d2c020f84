/**
 * THE PERMISSION MATRIX: every route of the API × every actor → the expected outcome.
 *
 * A row is keyed `METHOD /api/path/:param` exactly as the Express router holds it (`USE /path`
 * for a mounted sub-application). `expect` lists one outcome per actor, in the column order below:
 * `ok` is any 2xx/3xx, a number is that exact status. `build` turns the fixture world into a real
 * request (ids in `params`, a valid `body`), so every request reaches the authorization logic; a
 * request that would change or destroy what it acts on builds a fresh object first.
 *
 * The world (matrix-world.ts): S is a members-only regional space of region A with `member` as a
 * member and `animator` as its animator; `otherMember` and `otherAnimator` belong to the national
 * space T instead (both live in region A); `staff` is staff of region A, `otherStaff` of region B;
 * `admin` is an admin. Objects of S (threads, resources, registrations…) belong to `member`
 * unless said otherwise. permission-matrix.int-spec.ts walks the router and fails on a route
 * without a row, a row without a route, and any outcome that differs.
 */
import { uid } from '@pratique/api/testing';
import { buildDemoScormPackage } from '@pratique/api/testing';
import { ActorName, homeRegion, MatrixWorld, PDF } from './matrix-world';

export type Outcome = 'ok' | 400 | 401 | 403 | 404 | 409;

export interface MatrixContext {
  w: MatrixWorld;
  actor: ActorName;
  /** The actor's user (null for anonymous). */
  me: { id: string; email: string; password: string } | null;
}

export interface MatrixRequest {
  /** Values of the route's `:params` (and `*path`). */
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: object;
  /** A multipart upload in the field `file`. */
  upload?: { data: Buffer; filename: string; contentType: string };
  /** Another session than the actor's own (for routes that end or replace the session). */
  cookie?: string | null;
  /** For `USE` rows: the path requested under the mount. */
  path?: string;
}

export interface MatrixRow {
  /** Eight outcomes: anonymous member otherMember animator otherAnimator staff otherStaff admin. */
  expect: string;
  build?: (c: MatrixContext) => MatrixRequest | Promise<MatrixRequest>;
}

/** Router entries that are not endpoints, with the reason they have no row. */
export const NOT_ROUTES: Record<string, string> = {
  'ALL /api$':
    'nestjs-pino request logging, registered by Nest for every method of every path (LoggingModule)',
  'ALL /api/{*splat}':
    'nestjs-pino request logging, registered by Nest for every method of every path (LoggingModule)',
};

/** Global middleware mounted at "/": the stack every request goes through, not routes. */
export const GLOBAL_MIDDLEWARE = [
  '<anonymous>', // Nest's own handlers (404 and errors)
  'helmetMiddleware',
  'apiAnswersNotStored', // Cache-Control: no-store on /api answers, then next()
  'jsonParser',
  'urlencodedParser',
  'session',
  'initialize',
  'authenticate',
  'requireJsonForWrites',
  'requireDecodablePath', // 400 for a path that is not valid percent-encoding
  'answerUnreadableBody', // 4xx for a body the parsers cannot read
];

const newEmail = () => `matrix-${uid()}@test.pratique.tn`;
const inFuture = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000).toISOString();

// prettier-ignore
export const MATRIX: Record<string, MatrixRow> = {
  //                                                    anon mem  oMem anim oAni stf  oStf adm
  // ---------- platform ----------
  'GET /api/health':                           { expect: 'ok  ok   ok   ok   ok   ok   ok   ok' },
  'GET /api/health/live':                      { expect: 'ok  ok   ok   ok   ok   ok   ok   ok' },
  'GET /api/health/database':                  { expect: 'ok  ok   ok   ok   ok   ok   ok   ok' },
  'GET /api/docs':                             { expect: 'ok  ok   ok   ok   ok   ok   ok   ok' },
  'GET /api/docs/':                            { expect: 'ok  ok   ok   ok   ok   ok   ok   ok' },
  'GET /api/docs/index.html':                  { expect: 'ok  ok   ok   ok   ok   ok   ok   ok' },
  // @nestjs/swagger registers it, but swagger-ui-dist ships no LICENSE file: a 404 for everyone.
  'GET /api/docs/LICENSE':                     { expect: '404 404  404  404  404  404  404  404' },
  'GET /api/docs/swagger-ui-init.js':          { expect: 'ok  ok   ok   ok   ok   ok   ok   ok' },
  'GET /api/docs/docs/swagger-ui-init.js':     { expect: 'ok  ok   ok   ok   ok   ok   ok   ok' },
  'GET /api/docs-json':                        { expect: 'ok  ok   ok   ok   ok   ok   ok   ok' },
  'GET /api/docs-yaml':                        { expect: 'ok  ok   ok   ok   ok   ok   ok   ok' },
  'USE /api/docs':                             { expect: 'ok  ok   ok   ok   ok   ok   ok   ok', build: () => ({ path: '/api/docs/swagger-ui.css' }) },
  'USE /api/docs/docs':                        { expect: 'ok  ok   ok   ok   ok   ok   ok   ok', build: () => ({ path: '/api/docs/docs/swagger-ui.css' }) },
  // The queue dashboard (bull-board), mounted behind `adminOnly`: its JSON API stands for the whole mount.
  'USE /api/admin/queues':                     { expect: '401 403  403  403  403  403  403  ok', build: () => ({ path: '/api/admin/queues/api/queues' }) },

  // ---------- accounts ----------
  'POST /api/auth/sign-up': {
    expect: 'ok  ok   ok   ok   ok   ok   ok   ok',
    build: async ({ w, actor }) => ({
      cookie: (await w.fresh.userLike(actor)).cookie,
      body: { email: newEmail(), password: 'matrix-password-1', displayName: 'Nouveau membre', preferredLanguage: 'fr', regionId: w.regionA.id, organisationId: (await w.fresh.organisation(w.regionA.id)).id },
    }),
  },
  'POST /api/auth/sign-in': {
    expect: 'ok  ok   ok   ok   ok   ok   ok   ok',
    build: async ({ w, actor }) => {
      const { user, cookie } = await w.fresh.userLike(actor);
      return { cookie, body: { email: user.email, password: user.password } };
    },
  },
  'POST /api/auth/sign-out':                   { expect: 'ok  ok   ok   ok   ok   ok   ok   ok', build: async ({ w, actor }) => ({ cookie: (await w.fresh.userLike(actor)).cookie }) },
  'GET /api/auth/me':                          { expect: '401 ok   ok   ok   ok   ok   ok   ok' },
  'PATCH /api/auth/me':                        { expect: '401 ok   ok   ok   ok   ok   ok   ok', build: () => ({ body: { preferredLanguage: 'fr' } }) },
  'PUT /api/auth/me/organisations/:organisationId': {
    expect: '401 ok   ok   ok   ok   ok   ok   ok',
    // An organisation of the actor's own region, so no actor gains a region.
    build: async ({ w, actor }) => ({ params: { organisationId: (await w.fresh.organisation(homeRegion(w, actor))).id } }),
  },
  'DELETE /api/auth/me/organisations/:organisationId': {
    expect: '401 ok   ok   ok   ok   ok   ok   ok',
    build: async ({ w, actor, me }) => {
      const org = await w.fresh.organisation(homeRegion(w, actor));
      if (me) await w.db.query(`INSERT INTO membership (user_id, organisation_id) VALUES ($1, $2)`, [me.id, org.id]);
      return { params: { organisationId: org.id } };
    },
  },
  // Account suspension and the audit log: admins only.
  'PUT /api/users/:userId/suspension': {
    expect: '401 403  403  403  403  403  403  ok',
    build: async ({ w }) => ({ params: { userId: (await w.fresh.userLike('anonymous')).user.id }, body: { reason: 'Abus répétés' } }),
  },
  'DELETE /api/users/:userId/suspension': {
    expect: '401 403  403  403  403  403  403  ok',
    build: async ({ w }) => {
      const { user } = await w.fresh.userLike('anonymous');
      await w.db.query(`UPDATE app_user SET suspended_at = now() WHERE id = $1`, [user.id]);
      return { params: { userId: user.id } };
    },
  },
  'GET /api/admin/audit-log':                  { expect: '401 403  403  403  403  403  403  ok' },
  // The member's own data: everyone signed in exports it, and deletes their account (a fresh one like them).
  'GET /api/me/data-export':                   { expect: '401 ok   ok   ok   ok   ok   ok   ok' },
  'DELETE /api/me': {
    expect: '401 ok   ok   ok   ok   ok   ok   ok',
    build: async ({ w, actor }) => {
      const { user, cookie } = await w.fresh.userLike(actor);
      return { cookie, body: { password: user.password } };
    },
  },
  'GET /api/users':                            { expect: '401 403  403  403  403  403  403  ok' },
  'GET /api/users/:userId/roles':              { expect: '401 403  403  403  403  403  403  ok', build: ({ w }) => ({ params: { userId: w.users.staff.id } }) },
  'POST /api/users/:userId/roles': {
    expect: '401 403  403  403  403  403  403  ok',
    build: async ({ w }) => ({ params: { userId: (await w.fresh.userLike('anonymous')).user.id }, body: { role: 'staff', regionId: w.regionB.id } }),
  },
  'DELETE /api/users/:userId/roles/:grantId': {
    expect: '401 403  403  403  403  403  403  ok',
    build: async ({ w }) => ({ params: await w.fresh.userWithStaffGrant() }),
  },

  // ---------- directory ----------
  'GET /api/regions':                          { expect: 'ok  ok   ok   ok   ok   ok   ok   ok' },
  'POST /api/regions':                         { expect: '401 403  403  403  403  403  403  ok', build: () => ({ body: { code: `r-${uid()}`, name: 'Région matrice' } }) },
  'PATCH /api/regions/:id':                    { expect: '401 403  403  403  403  403  403  ok', build: async ({ w }) => ({ params: { id: (await w.fresh.region()).id }, body: { name: 'Renommée' } }) },
  'DELETE /api/regions/:id':                   { expect: '401 403  403  403  403  403  403  ok', build: async ({ w }) => ({ params: { id: (await w.fresh.region()).id } }) },
  'GET /api/organisations':                    { expect: 'ok  ok   ok   ok   ok   ok   ok   ok', build: ({ w }) => ({ query: { regionId: w.regionA.id } }) },
  'POST /api/organisations':                   { expect: '401 403  403  403  403  403  403  ok', build: ({ w }) => ({ body: { name: `Association ${uid()}`, regionId: w.regionA.id } }) },
  'PATCH /api/organisations/:id': {
    expect: '401 403  403  403  403  403  403  ok',
    build: async ({ w }) => ({ params: { id: (await w.fresh.organisation(w.regionA.id)).id }, body: { name: `Renommée ${uid()}` } }),
  },
  'DELETE /api/organisations/:id':             { expect: '401 403  403  403  403  403  403  ok', build: async ({ w }) => ({ params: { id: (await w.fresh.organisation(w.regionA.id)).id } }) },

  // ---------- spaces (S is members-only: anonymous visitors do not see it) ----------
  'GET /api/spaces':                           { expect: 'ok  ok   ok   ok   ok   ok   ok   ok' },
  'POST /api/spaces': {
    expect: '401 403  403  403  403  ok   403  ok',
    build: ({ w }) => ({
      body: { slug: `matrice-${uid()}`, title: { fr: 'Espace matrice' }, originalLanguage: 'fr', axis: 'governance', scope: 'regional', regionId: w.regionA.id, visibility: 'members' },
    }),
  },
  'GET /api/spaces/:idOrSlug':                 { expect: '404 ok   ok   ok   ok   ok   ok   ok', build: ({ w }) => ({ params: { idOrSlug: w.space.slug } }) },
  'PATCH /api/spaces/:id':                     { expect: '401 403  403  403  403  ok   403  ok', build: ({ w }) => ({ params: { id: w.space.id }, body: { description: { en: 'Edited by the matrix' } } }) },
  // Joining a regional space: members of its region (otherStaff lives in region B); members already in it stay.
  'POST /api/spaces/:id/membership':           { expect: '401 ok   ok   ok   ok   ok   403  ok', build: async ({ w }) => ({ params: { id: (await w.fresh.space()).id } }) },
  'DELETE /api/spaces/:id/membership':         { expect: '401 ok   404  ok   404  404  404  404', build: async ({ w }) => ({ params: { id: (await w.fresh.space()).id } }) },
  'GET /api/spaces/:id/members':               { expect: '404 ok   403  ok   403  ok   403  ok', build: ({ w }) => ({ params: { id: w.space.id } }) },
  'PUT /api/spaces/:id/animators/:userId': {
    expect: '401 403  403  403  403  ok   403  ok',
    build: async ({ w }) => ({ params: { id: w.space.id, userId: (await w.fresh.userLike('anonymous')).user.id } }),
  },
  'DELETE /api/spaces/:id/animators/:userId': {
    expect: '401 403  403  403  403  ok   403  ok',
    build: async ({ w }) => ({ params: { id: w.space.id, userId: await w.fresh.animatorOfS() } }),
  },

  // ---------- learning (published modules of a members-only space are seen by anyone signed in) ----------
  'GET /api/spaces/:spaceId/modules':          { expect: '404 ok   ok   ok   ok   ok   ok   ok', build: ({ w }) => ({ params: { spaceId: w.space.id } }) },
  'POST /api/spaces/:spaceId/modules':         { expect: '401 403  403  ok   403  403  403  ok', build: ({ w }) => ({ params: { spaceId: w.space.id }, body: { title: { fr: 'Brouillon matrice' }, originalLanguage: 'fr' } }) },
  'GET /api/modules/:id':                      { expect: '404 ok   ok   ok   ok   ok   ok   ok', build: ({ w }) => ({ params: { id: w.module.id } }) },
  'PATCH /api/modules/:id':                    { expect: '401 403  403  ok   403  403  403  ok', build: ({ w }) => ({ params: { id: w.module.id }, body: { estimatedMinutes: 45 } }) },
  'GET /api/modules/:id/learners':             { expect: '401 403  403  ok   403  ok   403  ok', build: ({ w }) => ({ params: { id: w.module.id } }) },
  'GET /api/modules/:id/learners.csv':         { expect: '401 403  403  ok   403  ok   403  ok', build: ({ w }) => ({ params: { id: w.module.id } }) },
  'GET /api/me/modules':                       { expect: '401 ok   ok   ok   ok   ok   ok   ok' },
  'GET /api/me/home':                          { expect: '401 ok   ok   ok   ok   ok   ok   ok' },
  'POST /api/modules/:moduleId/lessons': {
    expect: '401 403  403  ok   403  403  403  ok',
    build: async ({ w }) => ({ params: { moduleId: (await w.fresh.module(1)).id }, body: { kind: 'page', title: { fr: 'Nouvelle leçon' }, content: { markdown: { fr: 'Texte' } } } }),
  },
  'PUT /api/modules/:moduleId/lesson-order':   { expect: '401 403  403  ok   403  403  403  ok', build: ({ w }) => ({ params: { moduleId: w.module.id }, body: { lessonIds: w.module.lessonIds } }) },
  'GET /api/lessons/:id':                      { expect: '404 ok   ok   ok   ok   ok   ok   ok', build: ({ w }) => ({ params: { id: w.module.page } }) },
  'PATCH /api/lessons/:id':                    { expect: '401 403  403  ok   403  403  403  ok', build: ({ w }) => ({ params: { id: w.module.page }, body: { title: { fr: 'Leçon 1' } } }) },
  'DELETE /api/lessons/:id':                   { expect: '401 403  403  ok   403  403  403  ok', build: async ({ w }) => ({ params: { id: (await w.fresh.module(2)).lessonIds[0] } }) },
  // Progress: members of the space (its animators too) on published modules; admins are not learners there.
  'POST /api/lessons/:id/complete':            { expect: '401 ok   403  ok   403  403  403  403', build: ({ w }) => ({ params: { id: w.module.page } }) },
  'POST /api/lessons/:id/video-progress':      { expect: '401 ok   403  ok   403  403  403  403', build: ({ w }) => ({ params: { id: w.module.video }, body: { watchedPercent: 20 } }) },
  'POST /api/lessons/:id/quiz-attempts':       { expect: '401 ok   403  ok   403  403  403  403', build: ({ w }) => ({ params: { id: w.module.quiz }, body: { answers: { q1: ['a'], q2: ['a'] } } }) },
  // `member`'s SCORM attempt: nobody else commits into it.
  'POST /api/scorm-attempts/:attemptId/commit': {
    expect: '401 ok   404  404  404  404  404  404',
    build: ({ w }) => ({ params: { attemptId: w.scorm.memberAttemptId }, body: { cmi: { core: { lesson_status: 'incomplete' } } } }),
  },
  // Learning uploads: whoever animates some space, and admins.
  'POST /api/files':                           { expect: '401 403  403  ok   ok   403  403  ok', build: () => ({ upload: { data: PDF, filename: 'support.pdf', contentType: 'application/pdf' } }) },
  // A file of a draft module (uploaded by `animator`): its authors and admins only.
  'GET /api/files/:id':                        { expect: '404 404  404  ok   404  404  404  ok', build: ({ w }) => ({ params: { id: w.draftModule.fileId } }) },
  'POST /api/scorm-packages':                  { expect: '401 403  403  ok   ok   403  403  ok', build: async () => ({ upload: { data: await buildDemoScormPackage(), filename: 'demo.zip', contentType: 'application/zip' } }) },
  'GET /api/scorm/:packageId/files/*path':     { expect: '404 ok   ok   ok   ok   ok   ok   ok', build: ({ w }) => ({ params: { packageId: w.scorm.packageId, path: w.scorm.launchPath } }) },
  // `member`'s certificate of the gate module: nobody else's PDF.
  'GET /api/modules/:id/certificate.pdf':      { expect: '401 ok   404  404  404  404  404  404', build: ({ w }) => ({ params: { id: w.gateModule.id } }) },
  'GET /api/certificates/:code':               { expect: 'ok  ok   ok   ok   ok   ok   ok   ok', build: ({ w }) => ({ params: { code: w.gateModule.certificateCode } }) },
  'PUT /api/me/completions/:moduleId/shared':  { expect: '401 ok   404  404  404  404  404  404', build: ({ w }) => ({ params: { moduleId: w.gateModule.id } }) },
  'DELETE /api/me/completions/:moduleId/shared': { expect: '401 ok   404  404  404  404  404  404', build: ({ w }) => ({ params: { moduleId: w.gateModule.id } }) },

  // ---------- seminars (region A; its staff and admins manage; every signed-in member sees open ones) ----------
  'GET /api/seminars':                         { expect: '401 ok   ok   ok   ok   ok   ok   ok' },
  'POST /api/seminars': {
    expect: '401 403  403  403  403  ok   403  ok',
    build: ({ w }) => ({
      body: {
        kind: 'seminar', title: { fr: 'Séminaire matrice' }, originalLanguage: 'fr', regionId: w.regionA.id,
        startsAt: inFuture(10), endsAt: inFuture(11), capacity: 10, registrationOpensAt: inFuture(1), registrationClosesAt: inFuture(9),
        audience: 'region', requiresConfirmation: false, rule: { k: 0, requirements: [] },
      },
    }),
  },
  'GET /api/seminars/:id':                     { expect: '401 ok   ok   ok   ok   ok   ok   ok', build: ({ w }) => ({ params: { id: w.seminar.id } }) },
  'PATCH /api/seminars/:id':                   { expect: '401 403  403  403  403  ok   403  ok', build: ({ w }) => ({ params: { id: w.seminar.id }, body: { venue: 'Salle B' } }) },
  'GET /api/seminars/:id/eligibility':         { expect: '401 ok   ok   ok   ok   ok   ok   ok', build: ({ w }) => ({ params: { id: w.seminar.id } }) },
  // The gate: only `member` completed the required module (otherStaff is not even in the audience).
  'POST /api/seminars/:id/registrations':      { expect: '401 ok   403  403  403  403  403  403', build: async ({ w }) => ({ params: { id: (await w.fresh.seminar()).id } }) },
  'DELETE /api/seminars/:id/registrations/me': {
    expect: '401 ok   ok   ok   ok   ok   ok   ok',
    build: async ({ w, me }) => {
      const s = await w.fresh.seminar();
      if (me) await w.fresh.registration(s.id, me.id);
      return { params: { id: s.id } };
    },
  },
  'POST /api/registrations/:id/confirm': {
    expect: '401 403  403  403  403  ok   403  ok',
    build: async ({ w }) => ({ params: { id: await w.fresh.registration((await w.fresh.seminar({ requiresConfirmation: true })).id, w.users.member.id, 'pending') } }),
  },
  'POST /api/registrations/:id/decline': {
    expect: '401 403  403  403  403  ok   403  ok',
    build: async ({ w }) => ({ params: { id: await w.fresh.registration((await w.fresh.seminar({ requiresConfirmation: true })).id, w.users.member.id, 'pending') } }),
  },
  'GET /api/seminars/:id/calendar.ics':        { expect: '401 ok   ok   ok   ok   ok   ok   ok', build: ({ w }) => ({ params: { id: w.seminar.id } }) },
  'GET /api/seminars/:id/dashboard':           { expect: '401 403  403  403  403  ok   403  ok', build: ({ w }) => ({ params: { id: w.seminar.id } }) },
  'GET /api/seminars/:id/dashboard.csv':       { expect: '401 403  403  403  403  ok   403  ok', build: ({ w }) => ({ params: { id: w.seminar.id } }) },
  'POST /api/seminars/:id/attendance': {
    expect: '401 403  403  403  403  ok   403  ok',
    build: async ({ w }) => {
      const s = await w.fresh.seminar();
      await w.fresh.registration(s.id, w.users.member.id);
      return { params: { id: s.id }, body: { entries: [{ userId: w.users.member.id, status: 'attended' }] } };
    },
  },
  'GET /api/seminars/:id/check-in-code':       { expect: '401 403  403  403  403  ok   403  ok', build: ({ w }) => ({ params: { id: w.seminar.id } }) },
  'POST /api/seminars/:id/check-in': {
    expect: '401 ok   ok   ok   ok   ok   ok   ok',
    build: async ({ w, me }) => {
      const s = await w.fresh.seminar();
      if (me) await w.fresh.registration(s.id, me.id);
      return { params: { id: s.id }, body: { code: await w.fresh.checkInCode(s.id, w.cookies.staff!) } };
    },
  },
  'GET /api/seminars/:id/stats':               { expect: '401 403  403  403  403  ok   403  ok', build: ({ w }) => ({ params: { id: w.seminar.id } }) },
  'GET /api/regions/:regionId/seminar-stats':  { expect: '401 403  403  403  403  ok   403  ok', build: ({ w }) => ({ params: { regionId: w.regionA.id } }) },

  // ---------- notifications (each member's own) ----------
  'GET /api/notifications':                    { expect: '401 ok   ok   ok   ok   ok   ok   ok' },
  'GET /api/notifications/unread-count':       { expect: '401 ok   ok   ok   ok   ok   ok   ok' },
  'POST /api/notifications/read-all':          { expect: '401 ok   ok   ok   ok   ok   ok   ok' },
  'GET /api/notifications/preferences':        { expect: '401 ok   ok   ok   ok   ok   ok   ok' },
  'PUT /api/notifications/preferences':        { expect: '401 ok   ok   ok   ok   ok   ok   ok', build: () => ({ body: { preferences: [{ type: 'registration.confirmed', channel: 'in_app' }] } }) },
  'POST /api/notifications/:id/read':          { expect: '401 ok   404  404  404  404  404  404', build: ({ w }) => ({ params: { id: w.memberNotificationId } }) },
  'GET /api/admin/outbox-stats':               { expect: '401 403  403  403  403  403  403  ok' },

  // ---------- members directory and feed ----------
  'GET /api/members':                          { expect: '401 ok   ok   ok   ok   ok   ok   ok' },
  'GET /api/members/:id':                      { expect: '401 ok   ok   ok   ok   ok   ok   ok', build: ({ w }) => ({ params: { id: w.users.member.id } }) },
  'PUT /api/members/:id/follow':               { expect: '401 ok   ok   ok   ok   ok   ok   ok', build: ({ w }) => ({ params: { id: w.directoryPerson.id } }) },
  'DELETE /api/members/:id/follow':            { expect: '401 ok   ok   ok   ok   ok   ok   ok', build: ({ w }) => ({ params: { id: w.directoryPerson.id } }) },
  'GET /api/me/profile':                       { expect: '401 ok   ok   ok   ok   ok   ok   ok' },
  'PUT /api/me/profile':                       { expect: '401 ok   ok   ok   ok   ok   ok   ok', build: () => ({ body: { bio: 'Bio de la matrice' } }) },
  'GET /api/feed':                             { expect: '401 ok   ok   ok   ok   ok   ok   ok' },
  'GET /api/regions/:regionId/feed':           { expect: '401 403  403  403  403  ok   403  ok', build: ({ w }) => ({ params: { regionId: w.regionA.id } }) },

  // ---------- discussions of S (members-only: others get 404, as if it did not exist) ----------
  'GET /api/spaces/:space/threads':            { expect: '404 ok   404  ok   404  404  404  ok', build: ({ w }) => ({ params: { space: w.space.slug } }) },
  'POST /api/spaces/:space/threads':           { expect: '401 ok   404  ok   404  404  404  ok', build: ({ w }) => ({ params: { space: w.space.slug }, body: { kind: 'discussion', title: 'Sujet matrice', body: 'Corps' } }) },
  'GET /api/spaces/:space/follow':             { expect: '401 ok   404  ok   404  404  404  ok', build: ({ w }) => ({ params: { space: w.space.slug } }) },
  'POST /api/spaces/:space/follow':            { expect: '401 ok   404  ok   404  404  404  ok', build: ({ w }) => ({ params: { space: w.space.slug } }) },
  'GET /api/threads/:id':                      { expect: '404 ok   404  ok   404  404  404  ok', build: ({ w }) => ({ params: { id: w.thread.id } }) },
  // Authors edit their own thread; moderators hide, they do not rewrite.
  'PATCH /api/threads/:id':                    { expect: '401 ok   404  403  404  404  404  403', build: async ({ w }) => ({ params: { id: await w.fresh.thread(w.users.member.id) }, body: { body: 'Corps révisé' } }) },
  'GET /api/threads/:id/revisions':            { expect: '404 ok   404  ok   404  404  404  ok', build: ({ w }) => ({ params: { id: w.thread.id } }) },
  'PUT /api/threads/:id/accepted-reply': {
    expect: '401 ok   404  ok   404  404  404  ok',
    build: async ({ w }) => {
      const id = await w.fresh.thread(w.users.member.id, 'question');
      return { params: { id }, body: { replyId: await w.fresh.reply(id, w.users.animator.id) } };
    },
  },
  'PATCH /api/threads/:id/moderation':         { expect: '401 403  404  ok   404  404  404  ok', build: async ({ w }) => ({ params: { id: await w.fresh.thread(w.users.member.id) }, body: { pinned: true } }) },
  'POST /api/threads/:id/follow':              { expect: '401 ok   404  ok   404  404  404  ok', build: ({ w }) => ({ params: { id: w.thread.id } }) },
  'GET /api/threads/:id/replies':              { expect: '404 ok   404  ok   404  404  404  ok', build: ({ w }) => ({ params: { id: w.question.id } }) },
  'POST /api/threads/:id/replies':             { expect: '401 ok   404  ok   404  404  404  ok', build: ({ w }) => ({ params: { id: w.thread.id }, body: { body: 'Une réponse' } }) },
  'PATCH /api/replies/:id':                    { expect: '401 ok   404  403  404  404  404  403', build: async ({ w }) => ({ params: { id: await w.fresh.reply(w.thread.id, w.users.member.id) }, body: { body: 'Réponse révisée' } }) },
  'GET /api/replies/:id/revisions':            { expect: '404 ok   404  ok   404  404  404  ok', build: ({ w }) => ({ params: { id: w.question.replyId } }) },
  // The reply is `animator`'s: one does not vote for one's own reply.
  'POST /api/replies/:id/vote':                { expect: '401 ok   404  403  404  404  404  ok', build: ({ w }) => ({ params: { id: w.question.replyId } }) },
  'PATCH /api/replies/:id/moderation':         { expect: '401 403  404  ok   404  404  404  ok', build: async ({ w }) => ({ params: { id: await w.fresh.reply(w.thread.id, w.users.member.id) }, body: { hidden: true } }) },

  // ---------- toolbox of S (members-only: others get 404) ----------
  'GET /api/spaces/:space/resources':          { expect: '404 ok   404  ok   404  404  404  ok', build: ({ w }) => ({ params: { space: w.space.slug } }) },
  'GET /api/spaces/:space/resources/mine':     { expect: '401 ok   404  ok   404  404  404  ok', build: ({ w }) => ({ params: { space: w.space.slug } }) },
  'GET /api/spaces/:space/resources/moderation': { expect: '401 403  404  ok   404  404  404  ok', build: ({ w }) => ({ params: { space: w.space.slug } }) },
  'POST /api/spaces/:space/resource-files':    { expect: '401 ok   404  ok   404  404  404  ok', build: ({ w }) => ({ params: { space: w.space.slug }, upload: { data: PDF, filename: 'fiche.pdf', contentType: 'application/pdf' } }) },
  'POST /api/spaces/:space/resources': {
    expect: '401 ok   404  ok   404  404  404  ok',
    build: ({ w }) => ({ params: { space: w.space.slug }, body: { kind: 'link', title: 'Un guide', url: 'https://example.org/guide', language: 'fr' } }),
  },
  'GET /api/resources/:id':                    { expect: '404 ok   404  ok   404  404  404  ok', build: ({ w }) => ({ params: { id: w.resource.link } }) },
  'PATCH /api/resources/:id':                  { expect: '401 ok   404  403  404  404  404  403', build: async ({ w }) => ({ params: { id: await w.fresh.resource(w.users.member.id, 'pending') }, body: { title: 'Titre corrigé' } }) },
  'GET /api/resources/:id/file':               { expect: '404 ok   404  ok   404  404  404  ok', build: ({ w }) => ({ params: { id: w.resource.file } }) },
  'GET /api/resources/:id/open':               { expect: '404 ok   404  ok   404  404  404  ok', build: ({ w }) => ({ params: { id: w.resource.link } }) },
  'POST /api/resources/:id/approve':           { expect: '401 403  404  ok   404  404  404  ok', build: async ({ w }) => ({ params: { id: await w.fresh.resource(w.users.member.id, 'pending') } }) },
  'POST /api/resources/:id/reject':            { expect: '401 403  404  ok   404  404  404  ok', build: async ({ w }) => ({ params: { id: await w.fresh.resource(w.users.member.id, 'pending') }, body: { reason: 'Hors sujet' } }) },
  'POST /api/resources/:id/unpublish':         { expect: '401 403  404  ok   404  404  404  ok', build: async ({ w }) => ({ params: { id: await w.fresh.resource(w.users.member.id, 'published') }, body: { reason: 'Signalé' } }) },
  'GET /api/resources/:id/reviews':            { expect: '404 ok   404  ok   404  404  404  ok', build: ({ w }) => ({ params: { id: w.resource.link } }) },
  // `member` wrote the resource: one does not rate one's own (400 on `rating`).
  'PUT /api/resources/:id/reviews/me':         { expect: '401 400  404  ok   404  404  404  ok', build: ({ w }) => ({ params: { id: w.resource.link }, body: { rating: 4, body: 'Utile' } }) },
  'POST /api/resources/:id/reports':           { expect: '401 ok   404  ok   404  404  404  ok', build: async ({ w }) => ({ params: { id: await w.fresh.resource(w.users.member.id, 'published') }, body: { reason: 'Lien mort' } }) },
  'POST /api/resource-reports/:id/dismiss': {
    expect: '401 403  404  ok   404  404  404  ok',
    build: async ({ w }) => ({ params: { id: await w.fresh.report(await w.fresh.resource(w.users.member.id, 'published'), w.users.member.id) } }),
  },

  // ---------- skills donation (region A; see MatrixWorld.skills) ----------
  // Offers: any signed-in member posts, lists and reads; the author (or an admin) edits.
  'POST /api/skill-offers':                    { expect: '401 ok   ok   ok   ok   ok   ok   ok', build: () => ({ body: { title: 'Offre matrice', skills: ['comptabilité'], formats: ['remote'], languages: ['fr'] } }) },
  'GET /api/skill-offers':                     { expect: '401 ok   ok   ok   ok   ok   ok   ok' },
  // The rating rule's flags: staff (any region), admins and animators of any space.
  'GET /api/skill-offers/flagged':             { expect: '401 403  403  ok   ok   ok   ok   ok' },
  'GET /api/skill-offers/:id':                 { expect: '401 ok   ok   ok   ok   ok   ok   ok', build: ({ w }) => ({ params: { id: w.skills.offer } }) },
  'PATCH /api/skill-offers/:id':               { expect: '401 ok   403  403  403  403  403  ok', build: async ({ w }) => ({ params: { id: await w.fresh.skillOffer() }, body: { title: 'Offre révisée' } }) },
  'GET /api/skill-offers/:id/matches':         { expect: '401 ok   ok   ok   ok   ok   ok   ok', build: ({ w }) => ({ params: { id: w.skills.offer } }) },
  // Requests: posted for an organisation by its members only (admins too are refused); its members (or an admin) edit.
  'POST /api/skill-requests': {
    expect: '401 ok   403  403  403  403  403  403',
    build: ({ w }) => ({ body: { organisationId: w.skills.organisationId, title: 'Besoin matrice', skills: ['communication'], formats: ['remote'], languages: ['fr'] } }),
  },
  'GET /api/skill-requests':                   { expect: '401 ok   ok   ok   ok   ok   ok   ok' },
  'GET /api/skill-requests/:id':               { expect: '401 ok   ok   ok   ok   ok   ok   ok', build: ({ w }) => ({ params: { id: w.skills.request } }) },
  'PATCH /api/skill-requests/:id':             { expect: '401 ok   403  403  403  403  403  ok', build: async ({ w }) => ({ params: { id: await w.fresh.skillRequest() }, body: { title: 'Besoin révisé' } }) },
  'GET /api/skill-requests/:id/matches':       { expect: '401 ok   ok   ok   ok   ok   ok   ok', build: ({ w }) => ({ params: { id: w.skills.request } }) },
  // Proposing `member`'s offer to the partner's request: only the offer's author (or the request's organisation).
  'POST /api/skill-sessions': {
    expect: '401 ok   403  403  403  403  403  403',
    build: ({ w }) => ({ body: { offerId: w.skills.offer, requestId: w.skills.partnerRequest, startsAt: inFuture(7), endsAt: inFuture(7.05), format: 'remote' } }),
  },
  'GET /api/skill-sessions':                   { expect: '401 ok   ok   ok   ok   ok   ok   ok' },
  // A session is seen by its sides (`member`), the staff of its region and admins; for others it does not exist.
  'GET /api/skill-sessions/:id':               { expect: '401 ok   404  404  404  ok   404  ok', build: ({ w }) => ({ params: { id: w.skills.session.proposed } }) },
  // Acting on it: its sides only; staff and admins who see it are refused. The partner proposed: `member` answers.
  'POST /api/skill-sessions/:id/accept':       { expect: '401 ok   404  404  404  403  404  403', build: async ({ w }) => ({ params: { id: await w.fresh.skillSession('proposed') } }) },
  'POST /api/skill-sessions/:id/decline':      { expect: '401 ok   404  404  404  403  404  403', build: async ({ w }) => ({ params: { id: await w.fresh.skillSession('proposed') } }) },
  'POST /api/skill-sessions/:id/cancel':       { expect: '401 ok   404  404  404  403  404  403', build: async ({ w }) => ({ params: { id: await w.fresh.skillSession('accepted') } }) },
  'POST /api/skill-sessions/:id/done':         { expect: '401 ok   404  404  404  403  404  403', build: async ({ w }) => ({ params: { id: await w.fresh.skillSession('accepted', true) } }) },
  'PUT /api/skill-sessions/:id/rating':        { expect: '401 ok   404  404  404  403  404  403', build: async ({ w }) => ({ params: { id: await w.fresh.skillSession('done') }, body: { usefulness: 4, pedagogy: 5, review: 'Utile' } }) },
  'GET /api/skill-sessions/:id/calendar.ics':  { expect: '401 ok   404  404  404  403  404  403', build: ({ w }) => ({ params: { id: w.skills.session.accepted } }) },

  // ---------- recognition and recommendations ----------
  // A listed member's contributions: anyone signed in; the attestation: the member themself or an admin.
  'GET /api/members/:id/contributions':        { expect: '401 ok   ok   ok   ok   ok   ok   ok', build: ({ w }) => ({ params: { id: w.users.member.id } }) },
  'GET /api/members/:id/attestation.pdf': {
    expect: '401 ok   403  403  403  403  403  ok',
    build: ({ w }) => ({ params: { id: w.users.member.id }, query: { from: '2025-01-01', to: '2025-12-31' } }),
  },
  'GET /api/me/recommendations':               { expect: '401 ok   ok   ok   ok   ok   ok   ok' },
  // ---------- homes (issue 10): the animator's home needs an animated space, the staff home a region (or admin) ----------
  'GET /api/me/seminar-outlook':               { expect: '401 ok   ok   ok   ok   ok   ok   ok' },
  'GET /api/me/animator-home':                 { expect: '401 403  403  ok   ok   403  403  403' },
  'GET /api/me/staff-home':                    { expect: '401 403  403  403  403  ok   ok   ok' },
};

/** Parses a row's `expect` into one outcome per actor. */
export function outcomes(row: MatrixRow): Outcome[] {
  return row.expect
    .trim()
    .split(/\s+/)
    .map((o) => (o === 'ok' ? 'ok' : (Number(o) as Outcome)));
}
