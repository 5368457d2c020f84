/**
 * Skills donation: suggestions (one set-based query) on a crafted dataset — the order (score, then
 * newest), the exact reasons, pairs without a shared skill and closed posts left out, the limit.
 * Skills carry a suffix of this run so other test files' offers never interfere.
 */
import {
  Agent,
  createTestApp,
  makeOrganisation,
  makeRegion,
  makeSkillOffer,
  makeSkillRequest,
  makeUser,
  signedIn,
  TestApp,
  uid,
} from '@pratique/api/testing';
import {
  MATCH_LIMIT,
  MATCH_WEIGHTS,
  MatchReason,
  SkillMatch,
  SkillOffer,
  SkillRequest,
  SkillRoutes,
} from '@pratique/contracts';
import { scoreOf } from '@pratique/api/skills';

describe('skills donation: matching offers and requests', () => {
  let t: TestApp;
  let member: Agent;
  let regionA: { id: string };
  let regionB: { id: string };
  let authorId: string;
  let orgId: string;
  const k = uid();
  const [a, b, c, d, x, y] = ['a', 'b', 'c', 'd', 'x', 'y'].map((s) => `compétence-${s}-${k}`);
  const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);

  beforeAll(async () => {
    t = await createTestApp();
    regionA = await makeRegion(t.dataSource);
    regionB = await makeRegion(t.dataSource);
    orgId = (await makeOrganisation(t.dataSource, regionA.id)).id;
    const author = await makeUser(t.dataSource, { regionId: regionA.id });
    authorId = author.id;
    member = await signedIn(t, await makeUser(t.dataSource, { regionId: regionB.id }));
  });
  afterAll(() => t.close());

  it('suggests offers for a request: more shared skills first, then region, language, format; newest among equals', async () => {
    const request = await makeSkillRequest(t.dataSource, {
      organisationId: orgId,
      authorId,
      skills: [a, b, c, d],
      regionId: regionA.id,
      languages: ['fr', 'ar'],
      formats: ['remote', 'group'],
    });
    const offer = (
      skills: string[],
      o: {
        regionId?: string | null;
        languages?: string[];
        formats?: string[];
        status?: 'open' | 'closed';
        minutesAgo?: number;
      },
    ) =>
      makeSkillOffer(t.dataSource, {
        authorId,
        skills,
        regionId: o.regionId ?? null,
        languages: o.languages ?? ['en'],
        formats: o.formats ?? ['in_person'],
        status: o.status,
        createdAt: ago(o.minutesAgo ?? 10),
      });
    const threeShared = await offer([c, a, b], {});
    const twoAndRegion = await offer([a, b, x], {
      regionId: regionA.id,
      languages: ['ar', 'en'],
      formats: ['group', 'in_person'],
    });
    const twoOlder = await offer([d, c], {
      regionId: regionB.id,
      languages: ['fr'],
      formats: ['remote'],
      minutesAgo: 30,
    });
    const twoNewer = await offer([a, d], { languages: ['fr'], formats: ['remote'], minutesAgo: 5 });
    await offer([x, y], { regionId: regionA.id, languages: ['fr', 'ar'], formats: ['remote', 'group'] }); // nothing shared but the rest
    await offer([a, b, c, d], { status: 'closed' });

    const matches: SkillMatch<SkillOffer>[] = (
      await member.get(SkillRoutes.requestMatches(request.id)).expect(200)
    ).body;
    expect(matches.map((m) => m.item.id)).toEqual([
      threeShared.id,
      twoAndRegion.id,
      twoNewer.id,
      twoOlder.id,
    ]);
    expect(matches.map((m) => m.score)).toEqual([
      3 * MATCH_WEIGHTS.skill,
      2 * MATCH_WEIGHTS.skill + MATCH_WEIGHTS.region + MATCH_WEIGHTS.language + MATCH_WEIGHTS.format,
      2 * MATCH_WEIGHTS.skill + MATCH_WEIGHTS.language + MATCH_WEIGHTS.format,
      2 * MATCH_WEIGHTS.skill + MATCH_WEIGHTS.language + MATCH_WEIGHTS.format,
    ]);
    // Shared values in the request's order.
    expect(matches.map((m) => m.reasons)).toEqual<MatchReason[][]>([
      [{ kind: 'skills', skills: [a, b, c] }],
      [
        { kind: 'skills', skills: [a, b] },
        { kind: 'region', regionId: regionA.id },
        { kind: 'language', languages: ['ar'] },
        { kind: 'format', formats: ['group'] },
      ],
      [
        { kind: 'skills', skills: [a, d] },
        { kind: 'language', languages: ['fr'] },
        { kind: 'format', formats: ['remote'] },
      ],
      [
        { kind: 'skills', skills: [c, d] },
        { kind: 'language', languages: ['fr'] },
        { kind: 'format', formats: ['remote'] },
      ],
    ]);
    for (const m of matches) expect(m.score).toBe(scoreOf(m.reasons));
    expect(matches[0].item).toEqual(
      expect.objectContaining({
        skills: [c, a, b],
        status: 'open',
        flagged: false,
        can: { edit: false, propose: false },
      }),
    );
  });

  it('suggests open requests for an offer, the same way', async () => {
    // Skills of its own: the first test's request is open.
    const [a, b, x, y] = ['a', 'b', 'x', 'y'].map((s) => `besoin-${s}-${uid()}`);
    const offer = await makeSkillOffer(t.dataSource, {
      authorId,
      skills: [b, a],
      regionId: regionB.id,
      languages: ['fr'],
      formats: ['remote'],
    });
    const best = await makeSkillRequest(t.dataSource, {
      organisationId: orgId,
      authorId,
      skills: [a, b],
      regionId: regionB.id,
      languages: ['fr'],
      formats: ['remote'],
    });
    const one = await makeSkillRequest(t.dataSource, {
      organisationId: orgId,
      authorId: null,
      skills: [a, y],
      regionId: regionA.id,
      languages: ['ar'],
      formats: ['group'],
    });
    await makeSkillRequest(t.dataSource, {
      organisationId: orgId,
      authorId,
      skills: [a, b],
      status: 'closed',
    });
    await makeSkillRequest(t.dataSource, {
      organisationId: orgId,
      authorId,
      skills: [x],
      regionId: regionB.id,
      languages: ['fr'],
      formats: ['remote'],
    });

    const matches: SkillMatch<SkillRequest>[] = (
      await member.get(SkillRoutes.offerMatches(offer.id)).expect(200)
    ).body;
    expect(matches.map((m) => [m.item.id, m.score, m.reasons])).toEqual([
      [
        best.id,
        2 * MATCH_WEIGHTS.skill + MATCH_WEIGHTS.region + MATCH_WEIGHTS.language + MATCH_WEIGHTS.format,
        [
          { kind: 'skills', skills: [b, a] },
          { kind: 'region', regionId: regionB.id },
          { kind: 'language', languages: ['fr'] },
          { kind: 'format', formats: ['remote'] },
        ],
      ],
      [one.id, MATCH_WEIGHTS.skill, [{ kind: 'skills', skills: [a] }]],
    ]);
    expect(matches[1].item.author).toEqual({ id: null, displayName: '' });
    expect(matches[1].item.organisation.id).toBe(orgId);
  });

  it('leaves out offers of deleted accounts, and keeps to the limit', async () => {
    const only = `limite-${uid()}`;
    const request = await makeSkillRequest(t.dataSource, { organisationId: orgId, authorId, skills: [only] });
    const gone = await makeUser(t.dataSource, { regionId: regionA.id });
    const goneOffer = await makeSkillOffer(t.dataSource, {
      authorId: gone.id,
      skills: [only],
      createdAt: new Date(),
    });
    await t.dataSource.query(`UPDATE app_user SET deleted_at = now() WHERE id = $1`, [gone.id]);
    for (let i = 0; i < MATCH_LIMIT + 2; i++)
      await makeSkillOffer(t.dataSource, { authorId, skills: [only], createdAt: ago(i + 1) });
    const matches: SkillMatch<SkillOffer>[] = (
      await member.get(SkillRoutes.requestMatches(request.id)).expect(200)
    ).body;
    expect(matches).toHaveLength(MATCH_LIMIT);
    expect(matches.map((m) => m.item.id)).not.toContain(goneOffer.id);
    const created = matches.map((m) => Date.parse(m.item.createdAt));
    expect([...created].sort((p, q) => q - p)).toEqual(created);
  });

  it('answers 404 for unknown posts and 400 for ids that are not uuids', async () => {
    await member.get(SkillRoutes.requestMatches('7d9f0a52-5b1c-4d7e-9a53-3d2f1c0b9e11')).expect(404);
    await member.get(SkillRoutes.offerMatches('7d9f0a52-5b1c-4d7e-9a53-3d2f1c0b9e11')).expect(404);
    const bad = await member.get(SkillRoutes.offerMatches('nope')).expect(400);
    expect(bad.body.errors).toEqual([{ field: 'id', reason: 'must be a uuid' }]);
    await t.agent().get(SkillRoutes.offerMatches('7d9f0a52-5b1c-4d7e-9a53-3d2f1c0b9e11')).expect(401);
  });
});
