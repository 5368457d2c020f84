/**
 * Skills donation (issue 9): a session's life — proposed by either side, answered by the other,
 * done, rated by both — with the permissions at every step, the outbox rows told to the right
 * member, the offers' rating summary and the flagging rule at its boundaries, and who edits requests.
 */
import {
  addToSpace,
  Agent,
  createTestApp,
  makeOrganisation,
  makeRegion,
  makeSkillOffer,
  makeSkillRating,
  makeSkillRequest,
  makeSkillSession,
  makeSpace,
  makeUser,
  MadeUser,
  signedIn,
  TestApp,
  uid,
} from '@pratique/api/testing';
import {
  DomainEventType,
  SkillOffer,
  SkillRoutes,
  SkillSession,
  SkillSessionStatus,
  SkillSide,
  SpaceRole,
} from '@pratique/contracts';

jest.setTimeout(60_000);

const HOUR = 3600 * 1000;
const inDays = (d: number, hours = 0) => new Date(Date.now() + d * 24 * HOUR + hours * HOUR).toISOString();

describe('skills donation: sessions, ratings, flags', () => {
  let t: TestApp;
  let region: { id: string };
  let volunteer: MadeUser;
  let author: MadeUser; // wrote the request
  let colleague: MadeUser; // same organisation
  let orgId: string;
  let as: Record<
    'volunteer' | 'author' | 'colleague' | 'outsider' | 'staff' | 'otherStaff' | 'admin' | 'animator',
    Agent
  >;
  let offerId: string;
  let requestId: string;

  const outbox = async (sessionId: string) =>
    (await t.dataSource.query(
      `SELECT type, payload FROM outbox WHERE payload->>'sessionId' = $1 ORDER BY id`,
      [sessionId],
    )) as {
      type: string;
      payload: Record<string, string>;
    }[];
  const proposal = (over: Record<string, unknown> = {}) => ({
    offerId,
    requestId,
    startsAt: inDays(3),
    endsAt: inDays(3, 2),
    format: 'remote',
    place: 'https://visio.example.org/salle',
    message: 'Je peux vous aider sur votre budget prévisionnel.',
    ...over,
  });
  const propose = async (who: Agent, over: Record<string, unknown> = {}): Promise<SkillSession> =>
    (await who.post(SkillRoutes.sessions).send(proposal(over)).expect(201)).body;
  /** Moves a session into the past (as if it had taken place). */
  const moveToPast = (id: string) =>
    t.dataSource.query(
      `UPDATE skill_session SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' WHERE id = $1`,
      [id],
    );

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.dataSource;
    region = await makeRegion(db);
    const otherRegion = await makeRegion(db);
    orgId = (await makeOrganisation(db, region.id)).id;
    volunteer = await makeUser(db, { regionId: region.id });
    author = await makeUser(db, { regionId: region.id, organisationId: orgId });
    colleague = await makeUser(db, { regionId: region.id, organisationId: orgId });
    const outsider = await makeUser(db, { regionId: region.id });
    const animator = await makeUser(db, { regionId: region.id });
    const space = await makeSpace(db);
    await addToSpace(db, space.id, animator.id, SpaceRole.Animator);
    as = {
      volunteer: await signedIn(t, volunteer),
      author: await signedIn(t, author),
      colleague: await signedIn(t, colleague),
      outsider: await signedIn(t, outsider),
      staff: await signedIn(t, await makeUser(db, { regionId: region.id, staffOf: [region.id] })),
      otherStaff: await signedIn(
        t,
        await makeUser(db, { regionId: otherRegion.id, staffOf: [otherRegion.id] }),
      ),
      admin: await signedIn(t, await makeUser(db, { regionId: region.id, admin: true })),
      animator: await signedIn(t, animator),
    };
    const offer: SkillOffer = (
      await as.volunteer
        .post(SkillRoutes.offers)
        .send({
          title: 'Gestion financière des associations',
          skills: [' Gestion financière', 'Budget '],
          formats: ['remote', 'in_person'],
          languages: ['fr'],
          regionId: region.id,
        })
        .expect(201)
    ).body;
    expect(offer.skills).toEqual(['gestion financière', 'budget']);
    expect(offer.can).toEqual({ edit: true, propose: false });
    offerId = offer.id;
    requestId = (
      await as.author
        .post(SkillRoutes.requests)
        .send({
          organisationId: orgId,
          title: 'Monter notre budget 2026',
          why: 'Un bailleur le demande',
          expectedOutcome: 'Un budget validé',
          deadline: '2026-03-31',
          skills: ['Budget'],
          formats: ['remote'],
          languages: ['fr', 'ar'],
          regionId: region.id,
        })
        .expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  it('lets only the offer’s author (volunteer) or a member of the request’s organisation propose, and tells the other side', async () => {
    const refused = await as.outsider.post(SkillRoutes.sessions).send(proposal()).expect(403);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'offerId' })]);
    await as.staff.post(SkillRoutes.sessions).send(proposal()).expect(403);

    const byVolunteer = await propose(as.volunteer);
    expect(byVolunteer).toEqual(
      expect.objectContaining({
        proposedBy: SkillSide.Volunteer,
        status: SkillSessionStatus.Proposed,
        mySide: SkillSide.Volunteer,
        offer: {
          id: offerId,
          title: 'Gestion financière des associations',
          author: { id: volunteer.id, displayName: expect.any(String) },
        },
        request: {
          id: requestId,
          title: 'Monter notre budget 2026',
          organisation: { id: orgId, name: expect.any(String) },
        },
        ratings: [],
        can: { accept: false, decline: false, cancel: true, markDone: false, rate: false },
      }),
    );
    expect(await outbox(byVolunteer.id)).toEqual([
      {
        type: DomainEventType.SkillSessionProposed,
        payload: { sessionId: byVolunteer.id, offerId, requestId, userId: author.id, actorId: volunteer.id },
      },
    ]);

    const byOrganisation = await propose(as.colleague);
    expect(byOrganisation.proposedBy).toBe(SkillSide.Organisation);
    expect(byOrganisation.mySide).toBe(SkillSide.Organisation);
    expect(
      (await outbox(byOrganisation.id)).map((e) => [e.type, e.payload['userId'], e.payload['actorId']]),
    ).toEqual([[DomainEventType.SkillSessionProposed, volunteer.id, colleague.id]]);
  });

  it('shows a session to its two sides, admins and staff of its region only; lists each member’s own', async () => {
    const s = await propose(as.volunteer);
    expect((await as.author.get(SkillRoutes.session(s.id)).expect(200)).body.can).toEqual({
      accept: true,
      decline: true,
      cancel: true,
      markDone: false,
      rate: false,
    });
    expect((await as.staff.get(SkillRoutes.session(s.id)).expect(200)).body.mySide).toBeNull();
    expect((await as.admin.get(SkillRoutes.session(s.id)).expect(200)).body.can.accept).toBe(false);
    await as.outsider.get(SkillRoutes.session(s.id)).expect(404);
    await as.otherStaff.get(SkillRoutes.session(s.id)).expect(404);
    await t.agent().get(SkillRoutes.session(s.id)).expect(401);

    const ids = async (who: Agent) =>
      ((await who.get(SkillRoutes.sessions).expect(200)).body as SkillSession[]).map((x) => x.id);
    expect(await ids(as.volunteer)).toContain(s.id);
    expect(await ids(as.colleague)).toContain(s.id);
    expect(await ids(as.outsider)).toEqual([]);
  });

  it('is accepted or declined by the other side only, while proposed; the answer is told to the proposer', async () => {
    const s = await propose(as.volunteer);
    const own = await as.volunteer.post(SkillRoutes.sessionAccept(s.id)).expect(403);
    expect(own.body.errors).toEqual([expect.objectContaining({ field: 'status' })]);
    await as.outsider.post(SkillRoutes.sessionAccept(s.id)).expect(404);
    await as.staff.post(SkillRoutes.sessionAccept(s.id)).expect(403);
    await as.admin.post(SkillRoutes.sessionDecline(s.id)).expect(403);

    const accepted: SkillSession = (await as.colleague.post(SkillRoutes.sessionAccept(s.id)).expect(200))
      .body;
    expect(accepted.status).toBe(SkillSessionStatus.Accepted);
    expect(accepted.can).toEqual({
      accept: false,
      decline: false,
      cancel: true,
      markDone: false,
      rate: false,
    });
    const again = await as.author.post(SkillRoutes.sessionAccept(s.id)).expect(409);
    expect(again.body.errors).toEqual([
      { field: 'status', reason: 'is accepted: the session cannot be accepted' },
    ]);
    await as.author.post(SkillRoutes.sessionDecline(s.id)).expect(409);
    const [row] = await t.dataSource.query(`SELECT responded_by FROM skill_session WHERE id = $1`, [s.id]);
    expect(row.responded_by).toBe(colleague.id);
    expect((await outbox(s.id)).map((e) => [e.type, e.payload['userId'], e.payload['actorId']])).toEqual([
      [DomainEventType.SkillSessionProposed, author.id, volunteer.id],
      [DomainEventType.SkillSessionAccepted, volunteer.id, colleague.id],
    ]);

    const fromOrg = await propose(as.author);
    await as.colleague.post(SkillRoutes.sessionDecline(fromOrg.id)).expect(403); // their own side proposed
    expect((await as.volunteer.post(SkillRoutes.sessionDecline(fromOrg.id)).expect(200)).body.status).toBe(
      SkillSessionStatus.Declined,
    );
    await as.volunteer.post(SkillRoutes.sessionAccept(fromOrg.id)).expect(409);
    await as.author.post(SkillRoutes.sessionCancel(fromOrg.id)).expect(409);
    expect((await outbox(fromOrg.id)).map((e) => [e.type, e.payload['userId']])).toEqual([
      [DomainEventType.SkillSessionProposed, volunteer.id],
      [DomainEventType.SkillSessionDeclined, author.id],
    ]);
  });

  it('is cancelled by either side while proposed or accepted, told to the other side', async () => {
    const proposed = await propose(as.volunteer);
    await as.outsider.post(SkillRoutes.sessionCancel(proposed.id)).expect(404);
    await as.staff.post(SkillRoutes.sessionCancel(proposed.id)).expect(403);
    expect((await as.volunteer.post(SkillRoutes.sessionCancel(proposed.id)).expect(200)).body.status).toBe(
      SkillSessionStatus.Cancelled,
    );
    await as.author.post(SkillRoutes.sessionAccept(proposed.id)).expect(409);

    const accepted = await propose(as.volunteer);
    await as.author.post(SkillRoutes.sessionAccept(accepted.id)).expect(200);
    expect((await as.colleague.post(SkillRoutes.sessionCancel(accepted.id)).expect(200)).body.status).toBe(
      SkillSessionStatus.Cancelled,
    );
    await as.volunteer.post(SkillRoutes.sessionDone(accepted.id)).expect(409);
    expect((await outbox(proposed.id)).map((e) => [e.type, e.payload['userId']])).toEqual([
      [DomainEventType.SkillSessionProposed, author.id],
      [DomainEventType.SkillSessionCancelled, author.id],
    ]);
    expect((await outbox(accepted.id)).map((e) => [e.type, e.payload['userId']]).at(-1)).toEqual([
      DomainEventType.SkillSessionCancelled,
      volunteer.id,
    ]);
  });

  it('gives an accepted session as .ics to its two sides only', async () => {
    const s = await propose(as.volunteer, { place: 'Bureau régional, salle 2' });
    await as.volunteer.get(SkillRoutes.sessionIcs(s.id)).expect(409); // not accepted yet
    await as.author.post(SkillRoutes.sessionAccept(s.id)).expect(200);
    const res = await as.colleague.get(SkillRoutes.sessionIcs(s.id)).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const ics = res.text;
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain(`UID:skill-session-${s.id}@pratique`);
    expect(ics).toContain('Gestion financière des associations');
    expect(ics).toContain('Bureau régional\\, salle 2');
    const start = new Date(s.startsAt).toISOString().replace(/[-:]/g, '').slice(0, 13);
    expect(ics).toMatch(new RegExp(`DTSTART:${start}`));
    await as.outsider.get(SkillRoutes.sessionIcs(s.id)).expect(404);
    await as.staff.get(SkillRoutes.sessionIcs(s.id)).expect(403);
  });

  it('is marked done by either side once accepted and started, then rated once per side (replaceable)', async () => {
    const s = await propose(as.volunteer);
    await as.author
      .put(SkillRoutes.sessionRating(s.id))
      .send({ usefulness: 5, pedagogy: 5, review: '' })
      .expect(409); // proposed
    await as.volunteer.post(SkillRoutes.sessionDone(s.id)).expect(409); // not accepted
    await as.author.post(SkillRoutes.sessionAccept(s.id)).expect(200);
    const early = await as.volunteer.post(SkillRoutes.sessionDone(s.id)).expect(409);
    expect(early.body.errors).toEqual([
      { field: 'status', reason: 'cannot be done before the session starts' },
    ]);
    await moveToPast(s.id);
    expect((await as.volunteer.get(SkillRoutes.session(s.id)).expect(200)).body.can.markDone).toBe(true);
    await as.outsider.post(SkillRoutes.sessionDone(s.id)).expect(404);
    await as.staff.post(SkillRoutes.sessionDone(s.id)).expect(403);
    const done: SkillSession = (await as.volunteer.post(SkillRoutes.sessionDone(s.id)).expect(200)).body;
    expect(done.status).toBe(SkillSessionStatus.Done);
    expect(done.can).toEqual({ accept: false, decline: false, cancel: false, markDone: false, rate: true });
    await as.author.post(SkillRoutes.sessionCancel(s.id)).expect(409);
    expect((await outbox(s.id)).map((e) => [e.type, e.payload['userId']]).at(-1)).toEqual([
      DomainEventType.SkillSessionDone,
      author.id,
    ]);

    await as.outsider
      .put(SkillRoutes.sessionRating(s.id))
      .send({ usefulness: 1, pedagogy: 1, review: '' })
      .expect(404);
    await as.staff
      .put(SkillRoutes.sessionRating(s.id))
      .send({ usefulness: 1, pedagogy: 1, review: '' })
      .expect(403);
    await as.colleague
      .put(SkillRoutes.sessionRating(s.id))
      .send({ usefulness: 2, pedagogy: 3, review: 'Correct' })
      .expect(200);
    const rated: SkillSession = (
      await as.author
        .put(SkillRoutes.sessionRating(s.id))
        .send({ usefulness: 5, pedagogy: 4, review: 'Très utile' })
        .expect(200)
    ).body;
    expect(rated.ratings).toEqual([
      expect.objectContaining({
        side: SkillSide.Organisation,
        rater: { id: author.id, displayName: expect.any(String) },
        usefulness: 5,
        pedagogy: 4,
        review: 'Très utile',
      }),
    ]);
    const both: SkillSession = (
      await as.volunteer
        .put(SkillRoutes.sessionRating(s.id))
        .send({ usefulness: 4, pedagogy: 5, review: 'Équipe motivée' })
        .expect(200)
    ).body;
    expect(both.ratings.map((r) => [r.side, r.usefulness, r.pedagogy])).toEqual([
      [SkillSide.Volunteer, 4, 5],
      [SkillSide.Organisation, 5, 4],
    ]);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM skill_session_rating WHERE session_id = $1`,
      [s.id],
    );
    expect(n).toBe(2);
    // The offer's summary counts the organisation's rating of this offer's done sessions.
    const offer: SkillOffer = (await as.outsider.get(SkillRoutes.offer(offerId)).expect(200)).body;
    expect(offer.rating).toEqual({ count: 1, usefulness: 5, pedagogy: 4 });
  });

  describe('the offer’s rating summary and the flagging rule', () => {
    let request: { id: string };
    const offerRatedBy = async (ratings: [number, number][], extra = false) => {
      const offer = await makeSkillOffer(t.dataSource, { authorId: volunteer.id, skills: [`test-${uid()}`] });
      for (const [usefulness, pedagogy] of ratings) {
        const s = await makeSkillSession(t.dataSource, {
          offerId: offer.id,
          requestId: request.id,
          status: 'done',
        });
        await makeSkillRating(t.dataSource, { sessionId: s.id, side: 'organisation', usefulness, pedagogy });
        if (extra)
          await makeSkillRating(t.dataSource, {
            sessionId: s.id,
            side: 'volunteer',
            usefulness: 1,
            pedagogy: 1,
          });
      }
      return offer;
    };
    const seen = async (who: Agent, id: string): Promise<SkillOffer> =>
      (await who.get(SkillRoutes.offer(id)).expect(200)).body;

    beforeAll(async () => {
      request = await makeSkillRequest(t.dataSource, {
        organisationId: orgId,
        authorId: author.id,
        skills: ['budget'],
      });
    });

    it('averages the organisations’ ratings of done sessions, rounded to one decimal', async () => {
      const offer = await offerRatedBy(
        [
          [5, 2],
          [4, 3],
          [4, 3],
        ],
        true,
      );
      // Neither the volunteer's ratings nor a rating of a session that is not done count.
      const cancelled = await makeSkillSession(t.dataSource, {
        offerId: offer.id,
        requestId: request.id,
        status: 'cancelled',
      });
      await makeSkillRating(t.dataSource, {
        sessionId: cancelled.id,
        side: 'organisation',
        usefulness: 1,
        pedagogy: 1,
      });
      expect((await seen(as.outsider, offer.id)).rating).toEqual({
        count: 3,
        usefulness: 4.3,
        pedagogy: 2.7,
      });
      const fresh = await makeSkillOffer(t.dataSource, { authorId: volunteer.id, skills: ['budget'] });
      expect((await seen(as.outsider, fresh.id)).rating).toEqual({
        count: 0,
        usefulness: null,
        pedagogy: null,
      });
    });

    it('flags after 3 rated sessions with an average below 2.5 — for staff, admins and animators only', async () => {
      const twoLow = await offerRatedBy([
        [1, 1],
        [1, 1],
      ]);
      const threeLow = await offerRatedBy([
        [2, 4],
        [2, 4],
        [3, 5],
      ]); // usefulness 2.3
      const exactly = await offerRatedBy([
        [2, 5],
        [3, 5],
        [2, 5],
        [3, 5],
      ]); // usefulness 2.5: not below

      expect(await seen(as.staff, twoLow.id)).toEqual(
        expect.objectContaining({ rating: { count: 2, usefulness: 1, pedagogy: 1 }, flagged: false }),
      );
      expect(await seen(as.staff, exactly.id)).toEqual(
        expect.objectContaining({ rating: { count: 4, usefulness: 2.5, pedagogy: 5 }, flagged: false }),
      );
      for (const who of [as.staff, as.otherStaff, as.admin, as.animator])
        expect((await seen(who, threeLow.id)).flagged).toBe(true);
      for (const who of [as.outsider, as.volunteer, as.author])
        expect((await seen(who, threeLow.id)).flagged).toBe(false);
      // Never hidden: still listed to members.
      const listed = (
        await as.outsider
          .get(SkillRoutes.offers)
          .query({ mine: false, pageSize: 100, skill: (await seen(as.outsider, threeLow.id)).skills[0] })
          .expect(200)
      ).body;
      expect(listed.items.map((o: SkillOffer) => [o.id, o.flagged])).toEqual([[threeLow.id, false]]);

      const flagged: SkillOffer[] = (await as.animator.get(SkillRoutes.flaggedOffers).expect(200)).body;
      const ids = flagged.map((o) => o.id);
      expect(ids).toContain(threeLow.id);
      expect(ids).not.toContain(twoLow.id);
      expect(ids).not.toContain(exactly.id);
      expect(flagged.every((o) => o.flagged)).toBe(true);
      await as.staff.get(SkillRoutes.flaggedOffers).expect(200);
      await as.outsider.get(SkillRoutes.flaggedOffers).expect(403);
      await t.agent().get(SkillRoutes.flaggedOffers).expect(401);
    });
  });

  describe('who edits what', () => {
    it('lets only members of the organisation (and admins) post and edit its requests', async () => {
      const notMine = await as.outsider
        .post(SkillRoutes.requests)
        .send({
          organisationId: orgId,
          title: 'Intrus',
          skills: ['plaidoyer'],
          formats: ['remote'],
          languages: ['fr'],
        })
        .expect(403);
      expect(notMine.body.errors).toEqual([
        { field: 'organisationId', reason: 'is not an organisation you belong to' },
      ]);

      expect((await as.colleague.get(SkillRoutes.request(requestId)).expect(200)).body.can).toEqual({
        edit: true,
        propose: false,
      });
      expect((await as.outsider.get(SkillRoutes.request(requestId)).expect(200)).body.can).toEqual({
        edit: false,
        propose: false,
      });
      expect((await as.volunteer.get(SkillRoutes.request(requestId)).expect(200)).body.can).toEqual({
        edit: false,
        propose: true,
      });
      await as.outsider.patch(SkillRoutes.request(requestId)).send({ title: 'Piraté' }).expect(403);
      await as.volunteer.patch(SkillRoutes.request(requestId)).send({ title: 'Piraté' }).expect(403);
      const edited = (
        await as.colleague
          .patch(SkillRoutes.request(requestId))
          .send({ why: 'Le bailleur exige un budget', skills: ['Budget', 'Comptabilité'] })
          .expect(200)
      ).body;
      expect(edited).toEqual(
        expect.objectContaining({
          title: 'Monter notre budget 2026',
          why: 'Le bailleur exige un budget',
          skills: ['budget', 'comptabilité'],
          deadline: '2026-03-31',
        }),
      );
      expect(
        (await as.admin.patch(SkillRoutes.request(requestId)).send({ deadline: null }).expect(200)).body
          .deadline,
      ).toBeNull();
      const [row] = await t.dataSource.query(`SELECT title FROM skill_request WHERE id = $1`, [requestId]);
      expect(row.title).toBe('Monter notre budget 2026');
    });

    it('lets only the author (and admins) edit and close an offer; a closed offer takes no proposal', async () => {
      const offer = (
        await as.volunteer
          .post(SkillRoutes.offers)
          .send({ title: 'Plaidoyer', skills: ['plaidoyer'], formats: ['group'], languages: ['ar'] })
          .expect(201)
      ).body;
      expect((await as.author.get(SkillRoutes.offer(offer.id)).expect(200)).body.can).toEqual({
        edit: false,
        propose: true,
      });
      await as.author.patch(SkillRoutes.offer(offer.id)).send({ title: 'Piraté' }).expect(403);
      await as.staff.patch(SkillRoutes.offer(offer.id)).send({ status: 'closed' }).expect(403);
      expect(
        (
          await as.admin
            .patch(SkillRoutes.offer(offer.id))
            .send({ availability: 'Le samedi matin' })
            .expect(200)
        ).body.availability,
      ).toBe('Le samedi matin');
      const closed: SkillOffer = (
        await as.volunteer.patch(SkillRoutes.offer(offer.id)).send({ status: 'closed' }).expect(200)
      ).body;
      expect(closed).toEqual(
        expect.objectContaining({
          status: 'closed',
          title: 'Plaidoyer',
          availability: 'Le samedi matin',
          languages: ['ar'],
        }),
      );
      const refused = await as.author
        .post(SkillRoutes.sessions)
        .send(proposal({ offerId: offer.id }))
        .expect(409);
      expect(refused.body.errors).toEqual([{ field: 'offerId', reason: 'is closed' }]);
      const before = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM skill_session WHERE offer_id = $1`,
        [offer.id],
      );
      expect(before[0].n).toBe(0);
    });
  });
});
