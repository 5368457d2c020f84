/**
 * The fixture world of the permission matrix: a region A with a members-only regional space S
 * (modules, lessons of every kind, a SCORM package, a published seminar, a thread, a question with
 * a reply, published resources, a notification, a certificate), skills donation (an offer by
 * `member`, a request of `member`'s organisation, sessions between `member`'s offer and a partner
 * organisation's request), a national space T, a region B, and one user per actor, each in the relation the actor's name says. `fresh` builds new objects
 * in the same relations, for requests that would change or destroy what they act on.
 */
import {
  addToSpace,
  buildDemoScormPackage,
  createTestApp,
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
  TestApp,
  uid,
} from '@pratique/api/testing';
import { LessonKind, ModuleStatus, SpaceRole, SpaceScope, SpaceVisibility } from '@pratique/contracts';
import request from 'supertest';
import { DataSource } from 'typeorm';

/** The actors of the matrix, in the order of its columns. */
export const ACTORS = ['anonymous', 'member', 'otherMember', 'animator', 'otherAnimator', 'staff', 'otherStaff', 'admin'] as const;
export type ActorName = (typeof ACTORS)[number];
export type UserActor = Exclude<ActorName, 'anonymous'>;

/** A small valid PDF (the upload checks sniff the real type). */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

export interface MatrixWorld {
  t: TestApp;
  db: DataSource;
  regionA: { id: string };
  regionB: { id: string };
  users: Record<UserActor, MadeUser>;
  /** The session cookie of each signed-in actor (null for anonymous). */
  cookies: Record<ActorName, string | null>;
  /** S: regional (region A), members-only; `member` is a member, `animator` its animator. */
  space: { id: string; slug: string };
  /** T: national, members-only; `otherMember` is a member, `otherAnimator` its animator. */
  otherSpace: { id: string; slug: string };
  /** M: published in S, one lesson of each kind (in position order). */
  module: { id: string; lessonIds: string[]; page: string; video: string; file: string; quiz: string; scorm: string };
  /** GM: published in S; `member` completed it (certificate) — the seminar's rule requires it. */
  gateModule: { id: string; certificateCode: string };
  /** A draft module of S with a file lesson; the file was uploaded by `animator`. */
  draftModule: { id: string; fileId: string };
  scorm: { packageId: string; launchPath: string; memberAttemptId: string };
  /** Open, region A, rule: GM ≥ 50 % (only `member` meets it). */
  seminar: { id: string };
  memberNotificationId: string;
  /** A discussion by `member` in S; a question by `member` with a reply by `animator`. */
  thread: { id: string };
  question: { id: string; replyId: string };
  /** Published resources of S by `member`: a link and a file. */
  resource: { link: string; file: string };
  /** A listed member nobody else relates to (to follow). */
  directoryPerson: MadeUser;
  /**
   * Skills donation, all in region A. Every user belongs to an organisation of their own
   * (makeUser), so `member` alone is a member of `member`'s organisation; the partner
   * organisation's only member is `partner`, who is none of the actors. Sessions pair `member`'s
   * offer (volunteer side: `member`) with the partner's request, proposed by the partner
   * (organisation side): `member` is the side that answers; staff of A and admins look on.
   */
  skills: {
    /** `member`'s organisation. */
    organisationId: string;
    partner: MadeUser;
    /** Open, by `member`. */
    offer: string;
    /** Open, of `member`'s organisation (written by `member`). */
    request: string;
    /** Open, of the partner organisation (written by `partner`). */
    partnerRequest: string;
    session: { proposed: string; accepted: string; done: string };
  };
  fresh: Fresh;
}

/** The home region of each actor (anonymous: region A). */
export function homeRegion(w: Pick<MatrixWorld, 'regionA' | 'regionB'>, actor: ActorName): string {
  return actor === 'otherStaff' ? w.regionB.id : w.regionA.id;
}

/** Signs in through the real route and returns the session cookie (no cookie jar kept). */
export async function sessionCookie(t: TestApp, user: { email: string; password: string }): Promise<string> {
  const res = await request(t.app.getHttpServer()).post('/api/auth/sign-in').send({ email: user.email, password: user.password });
  if (res.status !== 200) throw new Error(`sign-in of ${user.email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const cookies = res.headers['set-cookie'] as unknown as string[];
  return cookies.map((c) => c.split(';')[0]).join('; ');
}

export async function makeMatrixWorld(): Promise<MatrixWorld> {
  const t = await createTestApp();
  const db = t.dataSource;
  const regionA = await makeRegion(db);
  const regionB = await makeRegion(db);
  const space = await makeSpace(db, { scope: SpaceScope.Regional, regionId: regionA.id, visibility: SpaceVisibility.Members });
  const otherSpace = await makeSpace(db, { scope: SpaceScope.National, visibility: SpaceVisibility.Members });

  const users: Record<UserActor, MadeUser> = {
    member: await makeUser(db, { regionId: regionA.id, displayName: 'Matrix member' }),
    otherMember: await makeUser(db, { regionId: regionA.id, displayName: 'Matrix other member' }),
    animator: await makeUser(db, { regionId: regionA.id, displayName: 'Matrix animator' }),
    otherAnimator: await makeUser(db, { regionId: regionA.id, displayName: 'Matrix other animator' }),
    staff: await makeUser(db, { regionId: regionA.id, staffOf: [regionA.id], displayName: 'Matrix staff' }),
    otherStaff: await makeUser(db, { regionId: regionB.id, staffOf: [regionB.id], displayName: 'Matrix other staff' }),
    admin: await makeUser(db, { regionId: regionA.id, admin: true, displayName: 'Matrix admin' }),
  };
  await addToSpace(db, space.id, users.member.id);
  await addToSpace(db, space.id, users.animator.id, SpaceRole.Animator);
  await addToSpace(db, otherSpace.id, users.otherMember.id);
  await addToSpace(db, otherSpace.id, users.otherAnimator.id, SpaceRole.Animator);

  const cookies = { anonymous: null } as Record<ActorName, string | null>;
  for (const name of Object.keys(users) as UserActor[]) cookies[name] = await sessionCookie(t, users[name]);

  // Uploads go through the real routes, as the animator.
  const server = t.app.getHttpServer();
  const upload = async (path: string, data: Buffer, filename: string, contentType: string) => {
    const res = await request(server).post(path).set('Cookie', cookies.animator!).attach('file', data, { filename, contentType });
    if (res.status !== 201) throw new Error(`upload to ${path} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const lessonFile = await upload('/api/files', PDF, 'lecon.pdf', 'application/pdf');
  const draftFile = await upload('/api/files', PDF, 'brouillon.pdf', 'application/pdf');
  const pkg = await upload('/api/scorm-packages', await buildDemoScormPackage(), 'demo.zip', 'application/zip');

  const mod = await makeModule(db, space.id, {
    lessons: [
      { kind: LessonKind.Page },
      { kind: LessonKind.Video },
      { kind: LessonKind.File, content: { fileId: lessonFile.id } },
      { kind: LessonKind.Quiz, content: sampleQuiz({ attemptsAllowed: 0 }) },
      { kind: LessonKind.Scorm, content: { packageId: pkg.packageId, version: pkg.version, launchPath: pkg.launchPath } },
    ],
  });
  const [page, video, file, quiz, scorm] = mod.lessonIds;
  const [attempt] = await db.query(`INSERT INTO scorm_attempt (user_id, lesson_id) VALUES ($1, $2) RETURNING id`, [users.member.id, scorm]);

  const gate = await makeModule(db, space.id, { title: 'Module requis', lessons: [{}] });
  const certificateCode = `M${uid().toUpperCase()}`;
  await db.query(
    `INSERT INTO enrollment (user_id, module_id, percent, completed_at, certificate_code) VALUES ($1, $2, 100, now(), $3)`,
    [users.member.id, gate.id, certificateCode],
  );
  const draft = await makeModule(db, space.id, { status: ModuleStatus.Draft, lessons: [{ kind: LessonKind.File, content: { fileId: draftFile.id } }] });

  const seminar = await makeSeminar(db, { regionId: regionA.id, k: 1, requirements: [{ moduleId: gate.id, minPercent: 50 }] });

  // Skills donation: `member`'s organisation, a partner organisation (its member is no actor) with a request, `member`'s offer.
  const organisationOf = async (userId: string): Promise<string> =>
    (await db.query(`SELECT organisation_id FROM membership WHERE user_id = $1`, [userId]))[0].organisation_id;
  const partner = await makeUser(db, { regionId: regionA.id, displayName: 'Matrix partner' });
  const skillsBase: SkillsBase = {
    organisationId: await organisationOf(users.member.id),
    partner,
    offer: (await makeSkillOffer(db, { authorId: users.member.id, skills: ['comptabilité', 'budget'], regionId: regionA.id })).id,
    partnerRequest: (
      await makeSkillRequest(db, { organisationId: await organisationOf(partner.id), authorId: partner.id, skills: ['comptabilité'], regionId: regionA.id })
    ).id,
  };

  const fresh = makeFresh(t, { regionA, regionB, space, users, gateModuleId: gate.id, skills: skillsBase });
  const memberNotificationId = await fresh.notification(users.member.id);
  const thread = { id: await fresh.thread(users.member.id) };
  const questionId = await fresh.thread(users.member.id, 'question');
  const question = { id: questionId, replyId: await fresh.reply(questionId, users.animator.id) };
  const resourceFile = await request(server)
    .post(`/api/spaces/${space.id}/resource-files`)
    .set('Cookie', cookies.member!)
    .attach('file', PDF, { filename: 'modele.pdf', contentType: 'application/pdf' });
  if (resourceFile.status !== 201) throw new Error(`toolbox upload failed: ${resourceFile.status}`);
  const resource = {
    link: await fresh.resource(users.member.id, 'published'),
    file: await fresh.resource(users.member.id, 'published', resourceFile.body.id),
  };
  const directoryPerson = await makeUser(db, { regionId: regionA.id, displayName: 'Matrix directory person' });

  const skills = {
    ...skillsBase,
    request: await fresh.skillRequest(),
    session: { proposed: await fresh.skillSession('proposed'), accepted: await fresh.skillSession('accepted'), done: await fresh.skillSession('done') },
  };

  return {
    t,
    db,
    regionA,
    regionB,
    users,
    cookies,
    space,
    otherSpace,
    module: { id: mod.id, lessonIds: mod.lessonIds, page, video, file, quiz, scorm },
    gateModule: { id: gate.id, certificateCode },
    draftModule: { id: draft.id, fileId: draftFile.id },
    scorm: { packageId: pkg.packageId, launchPath: pkg.launchPath, memberAttemptId: attempt.id },
    seminar,
    memberNotificationId,
    thread,
    question,
    resource,
    directoryPerson,
    skills,
    fresh,
  };
}


export type Fresh = ReturnType<typeof makeFresh>;

type SkillsBase = Pick<MatrixWorld['skills'], 'organisationId' | 'partner' | 'offer' | 'partnerRequest'>;

/** Factories of new objects in the world's relations (straight SQL unless the route must be used). */
function makeFresh(
  t: TestApp,
  w: Pick<MatrixWorld, 'regionA' | 'regionB' | 'space' | 'users'> & { gateModuleId: string; skills: SkillsBase },
) {
  const db = t.dataSource;
  const fresh = {
    region: () => makeRegion(db),
    organisation: (regionId: string) => makeOrganisation(db, regionId),
    /** A user with the same global roles and space relations as the actor, and a session of their own. */
    async userLike(actor: ActorName): Promise<{ user: MadeUser; cookie: string | null }> {
      if (actor === 'anonymous') return { user: await makeUser(db, { regionId: w.regionA.id }), cookie: null };
      const user = await makeUser(db, {
        regionId: homeRegion(w, actor),
        admin: actor === 'admin',
        staffOf: actor === 'staff' ? [w.regionA.id] : actor === 'otherStaff' ? [w.regionB.id] : [],
      });
      const spaces = await db.query(`SELECT space_id, role FROM space_member WHERE user_id = $1`, [w.users[actor].id]);
      for (const s of spaces) await addToSpace(db, s.space_id, user.id, s.role);
      return { user, cookie: await sessionCookie(t, user) };
    },
    /** A space like S: regional (A), members-only, `member` a member and `animator` its animator. */
    async space(): Promise<{ id: string; slug: string }> {
      const s = await makeSpace(db, { scope: SpaceScope.Regional, regionId: w.regionA.id, visibility: SpaceVisibility.Members });
      await addToSpace(db, s.id, w.users.member.id);
      await addToSpace(db, s.id, w.users.animator.id, SpaceRole.Animator);
      return s;
    },
    async animatorOfS(): Promise<string> {
      const u = await makeUser(db, { regionId: w.regionA.id });
      await addToSpace(db, w.space.id, u.id, SpaceRole.Animator);
      return u.id;
    },
    async userWithStaffGrant(): Promise<{ userId: string; grantId: string }> {
      const u = await makeUser(db, { regionId: w.regionA.id, staffOf: [w.regionB.id] });
      const [g] = await db.query(`SELECT id FROM role_grant WHERE user_id = $1`, [u.id]);
      return { userId: u.id, grantId: g.id };
    },
    /** A published module of S with `lessons` page lessons. */
    module: (lessons = 2, status = ModuleStatus.Published) => makeModule(db, w.space.id, { status, lessons: Array.from({ length: lessons }, () => ({})) }),
    /** A seminar of region A whose rule is the gate module at 50 % (only `member` is eligible). */
    seminar: (o: { requiresConfirmation?: boolean; status?: 'draft' | 'open' } = {}) =>
      makeSeminar(db, { regionId: w.regionA.id, k: 1, requirements: [{ moduleId: w.gateModuleId, minPercent: 50 }], ...o }),
    /** A registration taken straight in the database (a seat too, unless waitlisted). */
    async registration(seminarId: string, userId: string, status: 'confirmed' | 'pending' | 'waitlisted' = 'confirmed'): Promise<string> {
      const [r] = await db.query(
        `INSERT INTO registration (seminar_id, user_id, status, eligibility_snapshot) VALUES ($1, $2, $3, '{}') RETURNING id`,
        [seminarId, userId, status],
      );
      if (status !== 'waitlisted') await db.query(`UPDATE seminar SET seats_taken = seats_taken + 1 WHERE id = $1`, [seminarId]);
      return r.id;
    },
    async notification(userId: string): Promise<string> {
      const [n] = await db.query(
        `INSERT INTO notification (user_id, outbox_id, type, payload)
         VALUES ($1, (SELECT COALESCE(max(outbox_id), 0) + 1 FROM notification), 'registration.confirmed', $2) RETURNING id::text`,
        [userId, JSON.stringify({ seminarId: '00000000-0000-4000-8000-000000000000', title: { fr: 'Privé' } })],
      );
      return n.id;
    },
    async thread(authorId: string, kind: 'discussion' | 'question' = 'discussion', spaceId = w.space.id): Promise<string> {
      const [th] = await db.query(
        `INSERT INTO discussion_thread (space_id, author_id, kind, title, body, body_html) VALUES ($1, $2, $3, $4, 'Corps', '<p>Corps</p>') RETURNING id`,
        [spaceId, authorId, kind, `Sujet ${uid()}`],
      );
      return th.id;
    },
    async reply(threadId: string, authorId: string): Promise<string> {
      const [r] = await db.query(
        `INSERT INTO discussion_reply (thread_id, author_id, body, body_html) VALUES ($1, $2, 'Réponse', '<p>Réponse</p>') RETURNING id`,
        [threadId, authorId],
      );
      return r.id;
    },
    /** A link resource of S by `authorId` (a file resource when `fileId` is given). */
    async resource(authorId: string, status: 'pending' | 'published' | 'rejected' | 'hidden', fileId?: string, spaceId = w.space.id): Promise<string> {
      const [r] = await db.query(
        `INSERT INTO resource (space_id, author_id, kind, title, language, url, file_id, status, published_at)
         VALUES ($1, $2, $3, $4, 'fr', $5, $6, $7::varchar, CASE WHEN $7::varchar = 'published' THEN now() END) RETURNING id`,
        [spaceId, authorId, fileId ? 'file' : 'link', `Ressource ${uid()}`, fileId ? null : 'https://example.org/guide', fileId ?? null, status],
      );
      return r.id;
    },
    async report(resourceId: string, reporterId: string): Promise<string> {
      const [r] = await db.query(`INSERT INTO resource_report (resource_id, reporter_id, reason) VALUES ($1, $2, 'Lien mort') RETURNING id`, [resourceId, reporterId]);
      return r.id;
    },
    /** An open offer by `member` (region A). */
    skillOffer: async (): Promise<string> =>
      (await makeSkillOffer(db, { authorId: w.users.member.id, skills: ['comptabilité', 'budget'], regionId: w.regionA.id })).id,
    /** An open request of `member`'s organisation, written by `member` (region A). */
    skillRequest: async (): Promise<string> =>
      (await makeSkillRequest(db, { organisationId: w.skills.organisationId, authorId: w.users.member.id, skills: ['communication'], regionId: w.regionA.id })).id,
    /**
     * A session between `member`'s offer (`member`: the volunteer) and the partner's request,
     * proposed by the partner (the organisation side). `started`: it began an hour ago (an accepted
     * session is marked done only once started); otherwise in a week (done: a week ago).
     */
    async skillSession(status: 'proposed' | 'accepted' | 'done', started = false): Promise<string> {
      const hour = 3600 * 1000;
      const [startsAt, endsAt] = started ? [new Date(Date.now() - hour), new Date(Date.now() + hour)] : [undefined, undefined];
      const s = await makeSkillSession(db, {
        offerId: w.skills.offer,
        requestId: w.skills.partnerRequest,
        proposedBy: 'organisation',
        proposerId: w.skills.partner.id,
        status,
        startsAt,
        endsAt,
      });
      return s.id;
    },
    /** A check-in code shown at the venue, as the staff of region A get it. */
    async checkInCode(seminarId: string, staffCookie: string): Promise<string> {
      const res = await request(t.app.getHttpServer()).get(`/api/seminars/${seminarId}/check-in-code`).set('Cookie', staffCookie);
      if (res.status !== 200) throw new Error(`check-in code: ${res.status}`);
      return res.body.code;
    },
  };
  return fresh;
}
