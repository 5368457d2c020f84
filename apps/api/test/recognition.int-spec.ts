/**
 * Recognition of contributors: `GET /api/members/:id/contributions` (counts, hours, badges, open
 * offers with their ratings, visibility) and `GET /api/members/:id/attestation.pdf` (who may
 * download it, its period, bad periods), on rows crafted with SQL in the real database.
 */
import { RecognitionRepository } from '@pratique/api/recognition';
import {
  createTestApp,
  makeModule,
  makeOrganisation,
  makeSkillOffer,
  makeSkillRating,
  makeSkillRequest,
  makeSkillSession,
  makeSpace,
  makeUser,
  makeWorld,
  signedIn,
  TestApp,
  World,
} from '@pratique/api/testing';
import {
  ATTESTATION_MAX_DAYS,
  BADGE_RULES,
  ContributorProfile,
  ModuleStatus,
  SkillRoutes,
} from '@pratique/contracts';
import { DataSource } from 'typeorm';

const at = (iso: string) => new Date(iso);

async function makeResource(
  db: DataSource,
  spaceId: string,
  authorId: string,
  status: string,
  publishedAt: Date | null = null,
): Promise<string> {
  const [row] = await db.query(
    `INSERT INTO resource (space_id, author_id, kind, title, language, url, status, published_at)
     VALUES ($1, $2, 'link', 'Guide pratique', 'fr', 'https://example.org/guide', $3, $4) RETURNING id`,
    [spaceId, authorId, status, status === 'published' ? (publishedAt ?? new Date()) : null],
  );
  return row.id;
}

/** A question by `askerId` with a reply by `replierId`, accepted when `accepted`. */
async function makeAnswer(
  db: DataSource,
  o: { spaceId: string; askerId: string; replierId: string; accepted: boolean; at?: Date; hidden?: boolean },
): Promise<string> {
  const [thread] = await db.query(
    `INSERT INTO discussion_thread (space_id, author_id, kind, title, body, body_html) VALUES ($1, $2, 'question', 'Comment faire ?', 'Question', '<p>Question</p>') RETURNING id`,
    [o.spaceId, o.askerId],
  );
  const [reply] = await db.query(
    `INSERT INTO discussion_reply (thread_id, author_id, body, body_html, hidden, created_at) VALUES ($1, $2, 'Réponse', '<p>Réponse</p>', $3, $4) RETURNING id`,
    [thread.id, o.replierId, o.hidden ?? false, o.at ?? new Date()],
  );
  if (o.accepted)
    await db.query(`UPDATE discussion_thread SET accepted_reply_id = $2 WHERE id = $1`, [
      thread.id,
      reply.id,
    ]);
  return reply.id;
}

async function makeAuthoredModule(
  db: DataSource,
  spaceId: string,
  authorId: string,
  status: ModuleStatus,
  publishedAt?: Date,
): Promise<string> {
  const mod = await makeModule(db, spaceId, { status, title: `Module de ${authorId.slice(0, 4)}` });
  await db.query(
    `UPDATE module SET created_by = $2, published_at = COALESCE($3, published_at) WHERE id = $1`,
    [mod.id, authorId, publishedAt ?? null],
  );
  return mod.id;
}

describe('recognition: contributor profile and attestation', () => {
  let t: TestApp;
  let db: DataSource;
  let w: World;
  let space: { id: string };
  /** The volunteer: exactly at the thresholds of mentor, first-resource, first-answer and author. */
  let vol: { id: string; email: string; password: string };
  let volAgent: Awaited<ReturnType<typeof signedIn>>;
  let offer: { id: string };
  let closedOffer: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    db = t.dataSource;
    w = await makeWorld(t);
    space = await makeSpace(db);
    vol = await makeUser(db, { regionId: w.regionA.id, displayName: 'Amina El-Idrissi' });
    volAgent = await signedIn(t, vol);
    const helped = await makeOrganisation(db, w.regionA.id, `Association Nour ${vol.id.slice(0, 6)}`);
    const request = await makeSkillRequest(db, {
      organisationId: helped.id,
      authorId: null,
      skills: ['budget'],
      title: 'Monter un budget',
    });

    offer = await makeSkillOffer(db, { authorId: vol.id, skills: ['budget'], title: 'Budget associatif' });
    closedOffer = await makeSkillOffer(db, {
      authorId: vol.id,
      skills: ['budget'],
      title: 'Ancienne offre',
      status: 'closed',
    });
    // Five done sessions: 2 h, 2 h, 1 h 20, 30 min and 10 min (6 h in all).
    const durations = [120, 120, 80, 30, 10];
    const starts = [
      '2025-02-10T09:00:00Z',
      '2025-03-12T09:00:00Z',
      '2025-06-01T14:00:00Z',
      '2024-12-31T22:00:00Z',
      '2025-09-01T08:00:00Z',
    ];
    const done: string[] = [];
    for (const [i, minutes] of durations.entries()) {
      const startsAt = at(starts[i]);
      const sessionOffer = i === 4 ? closedOffer : offer; // a closed offer's past sessions still count
      done.push(
        (
          await makeSkillSession(db, {
            offerId: sessionOffer.id,
            requestId: request.id,
            status: 'done',
            startsAt,
            endsAt: new Date(startsAt.getTime() + minutes * 60000),
          })
        ).id,
      );
    }
    // Not given: a cancelled session, an accepted (not yet done) one, a declined one.
    await makeSkillSession(db, {
      offerId: offer.id,
      requestId: request.id,
      status: 'cancelled',
      startsAt: at('2025-04-01T09:00:00Z'),
      endsAt: at('2025-04-01T11:00:00Z'),
    });
    await makeSkillSession(db, { offerId: offer.id, requestId: request.id, status: 'accepted' });
    await makeSkillSession(db, { offerId: offer.id, requestId: request.id, status: 'declined' });
    // Another member's done session is not the volunteer's.
    const someoneElse = await makeSkillOffer(db, { authorId: w.users.memberA.id, skills: ['budget'] });
    await makeSkillSession(db, { offerId: someoneElse.id, requestId: request.id, status: 'done' });

    // Ratings of the open offer: the organisation's side (3 of them) count, the volunteer's side does not.
    await makeSkillRating(db, { sessionId: done[0], side: 'organisation', usefulness: 4, pedagogy: 3 });
    await makeSkillRating(db, { sessionId: done[1], side: 'organisation', usefulness: 5, pedagogy: 4 });
    await makeSkillRating(db, { sessionId: done[2], side: 'organisation', usefulness: 4, pedagogy: 4 });
    await makeSkillRating(db, { sessionId: done[0], side: 'volunteer', usefulness: 1, pedagogy: 1 });

    // Resources: one published counts; pending, rejected, hidden and another member's do not.
    await makeResource(db, space.id, vol.id, 'published', at('2025-05-05T10:00:00Z'));
    await makeResource(db, space.id, vol.id, 'pending');
    await makeResource(db, space.id, vol.id, 'rejected');
    await makeResource(db, space.id, vol.id, 'hidden');
    await makeResource(db, space.id, w.users.memberA.id, 'published');

    // Answers: one accepted on someone else's question counts; not an unaccepted one, not another
    // member's accepted answer, not an answer to one's own question, not a hidden reply.
    await makeAnswer(db, {
      spaceId: space.id,
      askerId: w.users.memberA.id,
      replierId: vol.id,
      accepted: true,
      at: at('2025-07-07T10:00:00Z'),
    });
    await makeAnswer(db, {
      spaceId: space.id,
      askerId: w.users.memberA.id,
      replierId: vol.id,
      accepted: false,
    });
    await makeAnswer(db, {
      spaceId: space.id,
      askerId: vol.id,
      replierId: w.users.memberA.id,
      accepted: true,
    });
    await makeAnswer(db, { spaceId: space.id, askerId: vol.id, replierId: vol.id, accepted: true });
    await makeAnswer(db, {
      spaceId: space.id,
      askerId: w.users.memberA.id,
      replierId: vol.id,
      accepted: true,
      hidden: true,
    });

    // Modules: one published counts; a draft, an archived one and another author's do not.
    await makeAuthoredModule(db, space.id, vol.id, ModuleStatus.Published, at('2025-08-08T10:00:00Z'));
    await makeAuthoredModule(db, space.id, vol.id, ModuleStatus.Draft);
    await makeAuthoredModule(db, space.id, vol.id, ModuleStatus.Archived);
    await makeAuthoredModule(db, space.id, w.users.memberA.id, ModuleStatus.Published);
  });
  afterAll(() => t.close());

  it('counts only what was given: done sessions, published resources, accepted answers to others, published modules', async () => {
    const profile = (await w.as.memberA.get(SkillRoutes.contributor(vol.id)).expect(200))
      .body as ContributorProfile;
    expect(profile.user).toEqual({ id: vol.id, displayName: 'Amina El-Idrissi' });
    expect(profile.counts).toEqual({
      sessionsGiven: 5,
      resourcesPublished: 1,
      acceptedAnswers: 1,
      modulesAuthored: 1,
    });
    // 120 + 120 + 80 + 30 + 10 = 360 min = 6 h; the cancelled 2 h are not in it.
    expect(profile.hoursGiven).toBe(6);
    expect(profile.isMe).toBe(false);
    expect((await volAgent.get(SkillRoutes.contributor(vol.id)).expect(200)).body.isMe).toBe(true);
  });

  it('earns each badge exactly at its threshold, in BADGE_RULES order, with the current value', async () => {
    const { badges } = (await w.as.memberA.get(SkillRoutes.contributor(vol.id)).expect(200))
      .body as ContributorProfile;
    expect(badges.map((b) => b.id)).toEqual(BADGE_RULES.map((r) => r.id));
    const earned = Object.fromEntries(badges.map((b) => [b.id, [b.earned, b.current]]));
    expect(earned).toEqual({
      'first-session': [true, 5],
      mentor: [true, 5],
      pillar: [false, 5],
      'first-resource': [true, 1],
      librarian: [false, 1],
      'first-answer': [true, 1],
      guide: [false, 1],
      author: [true, 1],
      'curriculum-builder': [false, 1],
    });
    // One session fewer is one short of "mentor".
    const fewer = await makeUser(db, { regionId: w.regionA.id });
    const org = await makeOrganisation(db, w.regionA.id);
    const req = await makeSkillRequest(db, { organisationId: org.id, authorId: null, skills: ['budget'] });
    const o = await makeSkillOffer(db, { authorId: fewer.id, skills: ['budget'] });
    for (let i = 0; i < 4; i++)
      await makeSkillSession(db, { offerId: o.id, requestId: req.id, status: 'done' });
    const four = (await w.as.memberA.get(SkillRoutes.contributor(fewer.id)).expect(200))
      .body as ContributorProfile;
    expect(four.badges.find((b) => b.id === 'mentor')).toEqual({
      id: 'mentor',
      metric: 'sessionsGiven',
      threshold: 5,
      current: 4,
      earned: false,
    });
    expect(four.badges.find((b) => b.id === 'first-session')?.earned).toBe(true);
    expect(four.hoursGiven).toBe(8);
  });

  it('rounds hours to the half hour', async () => {
    const member = await makeUser(db, { regionId: w.regionA.id });
    const org = await makeOrganisation(db, w.regionA.id);
    const req = await makeSkillRequest(db, { organisationId: org.id, authorId: null, skills: ['budget'] });
    const o = await makeSkillOffer(db, { authorId: member.id, skills: ['budget'] });
    const hoursOf = async () =>
      ((await w.as.memberA.get(SkillRoutes.contributor(member.id)).expect(200)).body as ContributorProfile)
        .hoursGiven;
    const startsAt = at('2025-01-01T09:00:00Z');
    await makeSkillSession(db, {
      offerId: o.id,
      requestId: req.id,
      status: 'done',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 74 * 60000),
    });
    expect(await hoursOf()).toBe(1); // 1 h 14
    await makeSkillSession(db, {
      offerId: o.id,
      requestId: req.id,
      status: 'done',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 16 * 60000),
    });
    expect(await hoursOf()).toBe(1.5); // 1 h 30
  });

  it('lists open offers only, with the organisations’ rating averages rounded to one decimal', async () => {
    const profile = (await w.as.memberA.get(SkillRoutes.contributor(vol.id)).expect(200))
      .body as ContributorProfile;
    // (4 + 5 + 4) / 3 = 4.33 → 4.3; (3 + 4 + 4) / 3 = 3.67 → 3.7; the volunteer's own rating (1, 1) is not in it.
    expect(profile.offers).toEqual([
      { id: offer.id, title: 'Budget associatif', rating: { count: 3, usefulness: 4.3, pedagogy: 3.7 } },
    ]);
    const unrated = await makeSkillOffer(db, {
      authorId: vol.id,
      skills: ['comptabilite'],
      title: 'Comptabilité',
    });
    const again = (await w.as.memberA.get(SkillRoutes.contributor(vol.id)).expect(200))
      .body as ContributorProfile;
    expect(again.offers).toContainEqual({
      id: unrated.id,
      title: 'Comptabilité',
      rating: { count: 0, usefulness: null, pedagogy: null },
    });
    expect(again.offers.map((x) => x.id)).not.toContain(closedOffer.id);
    await db.query(`DELETE FROM skill_offer WHERE id = $1`, [unrated.id]);
  });

  it('hides an unlisted member from other members, not from themself, staff or admins', async () => {
    const hidden = await makeUser(db, { regionId: w.regionA.id });
    await db.query(`INSERT INTO member_profile (user_id, listed) VALUES ($1, false)`, [hidden.id]);
    const res = await w.as.memberA.get(SkillRoutes.contributor(hidden.id)).expect(404);
    expect(res.body.errors).toEqual([{ field: 'id', reason: 'is not a listed member' }]);
    await (await signedIn(t, hidden)).get(SkillRoutes.contributor(hidden.id)).expect(200);
    await w.as.staffB.get(SkillRoutes.contributor(hidden.id)).expect(200);
    await w.as.admin.get(SkillRoutes.contributor(hidden.id)).expect(200);
  });

  it('answers 404 for unknown, deleted and suspended members, 400 for a malformed id, 401 when signed out', async () => {
    await w.as.memberA.get(SkillRoutes.contributor('00000000-0000-4000-8000-000000000000')).expect(404);
    const deleted = await makeUser(db, { regionId: w.regionA.id });
    await db.query(`UPDATE app_user SET deleted_at = now() WHERE id = $1`, [deleted.id]);
    const suspended = await makeUser(db, { regionId: w.regionA.id });
    await db.query(`UPDATE app_user SET suspended_at = now() WHERE id = $1`, [suspended.id]);
    for (const id of [deleted.id, suspended.id]) {
      await w.as.memberA.get(SkillRoutes.contributor(id)).expect(404);
      await w.as.admin.get(SkillRoutes.contributor(id)).expect(404);
    }
    const bad = await w.as.memberA.get(SkillRoutes.contributor('not-a-uuid')).expect(400);
    expect(bad.body.errors).toEqual([{ field: 'id', reason: 'must be a uuid' }]);
    await w.as.anonymous.get(SkillRoutes.contributor(vol.id)).expect(401);
  });

  describe('attestation', () => {
    const period = '?from=2025-01-01&to=2025-12-31';

    it('gives the member their PDF as an attachment named after them and the period', async () => {
      const res = await volAgent
        .get(SkillRoutes.attestation(vol.id) + period)
        .buffer(true)
        .expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="attestation-amina-el-idrissi-2025-01-01_2025-12-31\.pdf"/,
      );
      const pdf = res.body as Buffer;
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
      expect(pdf.toString('latin1')).toContain('/Lang (fr)');
    });

    it('is written in the member’s language', async () => {
      await db.query(`UPDATE app_user SET preferred_language = 'ar' WHERE id = $1`, [vol.id]);
      try {
        const res = await volAgent
          .get(SkillRoutes.attestation(vol.id) + period)
          .buffer(true)
          .expect(200);
        expect((res.body as Buffer).toString('latin1')).toContain('/Lang (ar)');
      } finally {
        await db.query(`UPDATE app_user SET preferred_language = 'fr' WHERE id = $1`, [vol.id]);
      }
    });

    it('states what falls in the period: sessions by their start, resources and modules by publication, answers by date', async () => {
      const repo = t.app.get(RecognitionRepository);
      const row = await repo.attestation(vol.id, at('2025-01-01T00:00:00Z'), at('2026-01-01T00:00:00Z'));
      // The session that started on 2024-12-31 is outside; the cancelled one never counts.
      expect(row?.sessions.map((s) => [s.startsAt.slice(0, 10), s.request, s.seconds])).toEqual([
        ['2025-02-10', 'Monter un budget', 7200],
        ['2025-03-12', 'Monter un budget', 7200],
        ['2025-06-01', 'Monter un budget', 4800],
        ['2025-09-01', 'Monter un budget', 600],
      ]);
      expect(row?.sessions[0].organisation).toMatch(/^Association Nour /);
      expect(row).toMatchObject({
        resourcesPublished: 1,
        acceptedAnswers: 1,
        modules: [expect.objectContaining({ originalLanguage: 'fr' })],
      });
      const spring = await repo.attestation(vol.id, at('2025-03-01T00:00:00Z'), at('2025-06-01T00:00:00Z'));
      expect(spring?.sessions.map((s) => s.startsAt.slice(0, 10))).toEqual(['2025-03-12']);
      expect(spring).toMatchObject({ resourcesPublished: 1, acceptedAnswers: 0, modules: [] });
    });

    it('is refused to other members and staff (403), given to admins, and 404 where the member is not visible', async () => {
      await w.as.memberA.get(SkillRoutes.attestation(vol.id) + period).expect(403);
      await w.as.staffA.get(SkillRoutes.attestation(vol.id) + period).expect(403);
      const admin = await w.as.admin
        .get(SkillRoutes.attestation(vol.id) + period)
        .buffer(true)
        .expect(200);
      expect(admin.headers['content-type']).toBe('application/pdf');
      const hidden = await makeUser(db, { regionId: w.regionA.id });
      await db.query(`INSERT INTO member_profile (user_id, listed) VALUES ($1, false)`, [hidden.id]);
      await w.as.memberA.get(SkillRoutes.attestation(hidden.id) + period).expect(404);
      await w.as.memberA
        .get(SkillRoutes.attestation('00000000-0000-4000-8000-000000000000') + period)
        .expect(404);
      await w.as.anonymous.get(SkillRoutes.attestation(vol.id) + period).expect(401);
    });

    const tooLate = new Date(Date.UTC(2020, 0, 1) + (ATTESTATION_MAX_DAYS + 1) * 86400000)
      .toISOString()
      .slice(0, 10);
    it.each([
      ['no from', '?to=2025-12-31', 'from', 'is required (YYYY-MM-DD)'],
      ['no to', '?from=2025-01-01', 'to', 'is required (YYYY-MM-DD)'],
      [
        'a date that does not exist',
        '?from=2025-02-30&to=2025-12-31',
        'from',
        'must be a date written YYYY-MM-DD',
      ],
      ['a date-time', '?from=2025-01-01&to=2025-12-31T10:00:00Z', 'to', 'must be a date written YYYY-MM-DD'],
      ['to before from', '?from=2025-06-01&to=2025-05-31', 'to', 'must be on or after from'],
      [
        'a period too long',
        `?from=2020-01-01&to=${tooLate}`,
        'to',
        `must be at most ${ATTESTATION_MAX_DAYS} days after from`,
      ],
      ['an unknown parameter', `${period}&lang=en`, 'lang', 'property lang should not exist'],
    ])('answers 400 naming the field for %s', async (_name, query, field, reason) => {
      const res = await volAgent.get(SkillRoutes.attestation(vol.id) + query).expect(400);
      // The English reason for developers, and a code the web app says in the reader's language.
      expect(res.body.errors).toEqual([expect.objectContaining({ field, reason, code: expect.any(String) })]);
    });

    it('accepts a period of one day and one of exactly ATTESTATION_MAX_DAYS days', async () => {
      await volAgent.get(SkillRoutes.attestation(vol.id) + '?from=2025-03-12&to=2025-03-12').expect(200);
      const last = new Date(Date.UTC(2020, 0, 1) + ATTESTATION_MAX_DAYS * 86400000)
        .toISOString()
        .slice(0, 10);
      await volAgent.get(SkillRoutes.attestation(vol.id) + `?from=2020-01-01&to=${last}`).expect(200);
    });
  });
});
