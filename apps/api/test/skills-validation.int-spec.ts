/**
 * Skills donation: bad input is a 400 naming the field (and writes nothing), unknown ids a 404,
 * and a session answered twice at once moves once, with one outbox row.
 */
import {
  Agent,
  createTestApp,
  makeOrganisation,
  makeRegion,
  makeSkillOffer,
  makeSkillRequest,
  makeSkillSession,
  makeUser,
  MadeUser,
  signedIn,
  TestApp,
} from '@pratique/api/testing';
import { DomainEventType, SkillRoutes } from '@pratique/contracts';

const HOUR = 3600 * 1000;
const later = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();
const UNKNOWN = '7d9f0a52-5b1c-4d7e-9a53-3d2f1c0b9e11';

describe('skills donation: bad input and concurrency', () => {
  let t: TestApp;
  let volunteer: MadeUser;
  let as: Record<'volunteer' | 'author' | 'colleague', Agent>;
  let orgId: string;
  let offerId: string;
  let requestId: string;

  const count = async (table: string) =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  const fields = (res: { body: { errors?: { field: string }[] } }) =>
    (res.body.errors ?? []).map((e) => e.field);
  const offer = (over: Record<string, unknown> = {}) => ({
    title: 'Communication',
    skills: ['communication'],
    formats: ['remote'],
    languages: ['fr'],
    ...over,
  });
  const request = (over: Record<string, unknown> = {}) => ({
    organisationId: orgId,
    title: 'Un site web',
    skills: ['communication'],
    formats: ['remote'],
    languages: ['fr'],
    ...over,
  });
  const proposal = (over: Record<string, unknown> = {}) => ({
    offerId,
    requestId,
    startsAt: later(24),
    endsAt: later(26),
    format: 'remote',
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp();
    const region = await makeRegion(t.dataSource);
    orgId = (await makeOrganisation(t.dataSource, region.id)).id;
    volunteer = await makeUser(t.dataSource, { regionId: region.id });
    const author = await makeUser(t.dataSource, { regionId: region.id, organisationId: orgId });
    as = {
      volunteer: await signedIn(t, volunteer),
      author: await signedIn(t, author),
      colleague: await signedIn(
        t,
        await makeUser(t.dataSource, { regionId: region.id, organisationId: orgId }),
      ),
    };
    offerId = (await makeSkillOffer(t.dataSource, { authorId: volunteer.id, skills: ['communication'] })).id;
    requestId = (
      await makeSkillRequest(t.dataSource, {
        organisationId: orgId,
        authorId: author.id,
        skills: ['communication'],
      })
    ).id;
  });
  afterAll(() => t.close());

  it('refuses bad offers and requests with the field, writing nothing', async () => {
    const before = [await count('skill_offer'), await count('skill_request')];
    const badOffers: [Record<string, unknown>, string][] = [
      [offer({ skills: [] }), 'skills'],
      [offer({ skills: ['  ', ' '] }), 'skills'],
      [offer({ skills: Array.from({ length: 11 }, (_, i) => `compétence ${i}`) }), 'skills'],
      [offer({ skills: ['x'.repeat(41)] }), 'skills'],
      [offer({ skills: 'plaidoyer' }), 'skills'],
      [offer({ formats: ['teleportation'] }), 'formats'],
      [offer({ formats: [] }), 'formats'],
      [offer({ languages: ['de'] }), 'languages'],
      [offer({ title: '   ' }), 'title'],
      [offer({ title: 'x'.repeat(161) }), 'title'],
      [offer({ description: 'x'.repeat(4001) }), 'description'],
      [offer({ regionId: 'paris' }), 'regionId'],
      [offer({ regionId: UNKNOWN }), 'regionId'],
      [offer({ rating: 5 }), 'rating'],
    ];
    for (const [body, field] of badOffers) {
      const res = await as.volunteer.post(SkillRoutes.offers).send(body);
      expect([JSON.stringify(body).slice(0, 60), res.status, fields(res)]).toEqual([
        JSON.stringify(body).slice(0, 60),
        400,
        expect.arrayContaining([field]),
      ]);
    }
    const badRequests: [Record<string, unknown>, string][] = [
      [request({ organisationId: 'mine' }), 'organisationId'],
      [request({ deadline: '31/03/2026' }), 'deadline'],
      [request({ deadline: '2026-02-30' }), 'deadline'],
      [request({ skills: [] }), 'skills'],
      [request({ languages: ['fr', 'klingon'] }), 'languages'],
    ];
    for (const [body, field] of badRequests) {
      const res = await as.author.post(SkillRoutes.requests).send(body);
      expect([res.status, fields(res)]).toEqual([400, expect.arrayContaining([field])]);
    }
    await as.volunteer.patch(SkillRoutes.offer(offerId)).send({ status: 'archived' }).expect(400);
    await as.volunteer.patch(SkillRoutes.offer(offerId)).send({ skills: [] }).expect(400);
    expect([await count('skill_offer'), await count('skill_request')]).toEqual(before);
  });

  it('refuses bad list filters', async () => {
    for (const [query, field] of [
      [{ format: 'carrier-pigeon' }, 'format'],
      [{ status: 'deleted' }, 'status'],
      [{ mine: 'maybe' }, 'mine'],
      [{ regionId: 'north' }, 'regionId'],
      [{ pageSize: 1000 }, 'pageSize'],
    ] as const) {
      const res = await as.volunteer.get(SkillRoutes.offers).query(query).expect(400);
      expect(fields(res)).toContain(field);
    }
    await as.volunteer.get(SkillRoutes.requests).query({ format: 'fax' }).expect(400);
  });

  it('refuses bad proposals: times, format, ids', async () => {
    const before = await count('skill_session');
    const bad: [Record<string, unknown>, string, number][] = [
      [proposal({ startsAt: later(-1), endsAt: later(1) }), 'startsAt', 400],
      [proposal({ startsAt: later(26), endsAt: later(24) }), 'endsAt', 400],
      [proposal({ startsAt: later(24), endsAt: later(24) }), 'endsAt', 400],
      [proposal({ startsAt: later(24), endsAt: later(37) }), 'endsAt', 400],
      [proposal({ startsAt: 'demain' }), 'startsAt', 400],
      [proposal({ format: 'hologram' }), 'format', 400],
      [proposal({ offerId: 'abc' }), 'offerId', 400],
      [proposal({ message: 'x'.repeat(1001) }), 'message', 400],
      [proposal({ offerId: UNKNOWN }), 'offerId', 404],
      [proposal({ requestId: UNKNOWN }), 'requestId', 404],
    ];
    for (const [body, field, status] of bad) {
      const res = await as.volunteer.post(SkillRoutes.sessions).send(body);
      expect([field, res.status, fields(res)]).toEqual([field, status, expect.arrayContaining([field])]);
    }
    // The volunteer cannot propose their offer to their own organisation's request.
    const mine = await makeSkillRequest(t.dataSource, {
      organisationId: (
        await t.dataSource.query(`SELECT organisation_id FROM membership WHERE user_id = $1`, [volunteer.id])
      )[0].organisation_id,
      authorId: volunteer.id,
      skills: ['communication'],
    });
    const self = await as.volunteer
      .post(SkillRoutes.sessions)
      .send(proposal({ requestId: mine.id }))
      .expect(400);
    expect(fields(self)).toEqual(['requestId']);
    expect(await count('skill_session')).toBe(before);
  });

  it('refuses ratings out of 1–5 and bad reviews', async () => {
    const done = await makeSkillSession(t.dataSource, { offerId, requestId, status: 'done' });
    for (const [body, field] of [
      [{ usefulness: 0, pedagogy: 3 }, 'usefulness'],
      [{ usefulness: 6, pedagogy: 3 }, 'usefulness'],
      [{ usefulness: 3, pedagogy: 2.5 }, 'pedagogy'],
      [{ usefulness: 3 }, 'pedagogy'],
      [{ usefulness: 3, pedagogy: 3, review: 'x'.repeat(1001) }, 'review'],
    ] as const) {
      const res = await as.author.put(SkillRoutes.sessionRating(done.id)).send(body).expect(400);
      expect(fields(res)).toContain(field);
    }
    expect(
      (
        await t.dataSource.query(
          `SELECT count(*)::int AS n FROM skill_session_rating WHERE session_id = $1`,
          [done.id],
        )
      )[0].n,
    ).toBe(0);
  });

  it('answers 400 for ids that are not uuids and 404 for unknown ones', async () => {
    for (const path of [
      SkillRoutes.offer('x'),
      SkillRoutes.request('1'),
      SkillRoutes.session('abc'),
      SkillRoutes.sessionIcs('abc'),
    ]) {
      const res = await as.volunteer.get(path).expect(400);
      expect(res.body.errors).toEqual([{ field: 'id', reason: 'must be a uuid' }]);
    }
    await as.volunteer.post(SkillRoutes.sessionAccept('zzz')).expect(400);
    await as.volunteer.put(SkillRoutes.sessionRating('zzz')).send({ usefulness: 3, pedagogy: 3 }).expect(400);
    for (const path of [
      SkillRoutes.offer(UNKNOWN),
      SkillRoutes.request(UNKNOWN),
      SkillRoutes.session(UNKNOWN),
      SkillRoutes.sessionIcs(UNKNOWN),
    ])
      await as.volunteer.get(path).expect(404);
    await as.volunteer.patch(SkillRoutes.offer(UNKNOWN)).send({ title: 'x' }).expect(404);
    await as.author.patch(SkillRoutes.request(UNKNOWN)).send({ title: 'x' }).expect(404);
    await as.author.post(SkillRoutes.sessionAccept(UNKNOWN)).expect(404);
  });

  it('moves a session answered twice at once only once, with one outbox row', async () => {
    for (let round = 0; round < 5; round++) {
      const s = await makeSkillSession(t.dataSource, {
        offerId,
        requestId,
        status: 'proposed',
        proposedBy: 'volunteer',
        proposerId: volunteer.id,
      });
      const results = await Promise.all([
        as.author.post(SkillRoutes.sessionAccept(s.id)),
        as.colleague.post(SkillRoutes.sessionAccept(s.id)),
        as.author.post(SkillRoutes.sessionDecline(s.id)),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      const events = await t.dataSource.query(`SELECT type FROM outbox WHERE payload->>'sessionId' = $1`, [
        s.id,
      ]);
      expect(events).toHaveLength(1);
      const [row] = await t.dataSource.query(`SELECT status FROM skill_session WHERE id = $1`, [s.id]);
      expect([DomainEventType.SkillSessionAccepted, DomainEventType.SkillSessionDeclined]).toContain(
        events[0].type,
      );
      expect(events[0].type).toBe(
        row.status === 'accepted'
          ? DomainEventType.SkillSessionAccepted
          : DomainEventType.SkillSessionDeclined,
      );
    }
  });
});
