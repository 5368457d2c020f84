/**
 * The member directory: search and filters over profiles, what each member hides (never shown,
 * never matched by a filter), following people, one's own profile, and bad input.
 */
import {
  addToSpace,
  createTestApp,
  makeOrganisation,
  makeSpace,
  makeUser,
  signedIn,
  TestApp,
  uid,
} from '@pratique/api/testing';
import { ApiRoutes, MemberCard, SpaceVisibility } from '@pratique/contracts';

describe('member directory', () => {
  let t: TestApp;
  let regionId: string;
  let otherRegionId: string;
  let orgId: string;
  const tag = uid(); // keeps this file's members apart from other files' in searches

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.dataSource;
    regionId = (
      await db.query(`INSERT INTO region (code, name) VALUES ($1, 'Kairouan') RETURNING id`, [`k-${tag}`])
    )[0].id;
    otherRegionId = (
      await db.query(`INSERT INTO region (code, name) VALUES ($1, 'Gabès') RETURNING id`, [`g-${tag}`])
    )[0].id;
    orgId = (await makeOrganisation(db, regionId, `Association Amal ${tag}`)).id;
  });
  afterAll(() => t.close());

  const member = async (name: string, region = regionId, organisationId?: string) => {
    const user = await makeUser(t.dataSource, {
      regionId: region,
      displayName: `${name} ${tag}`,
      organisationId,
    });
    return { ...user, agent: await signedIn(t, user) };
  };
  const names = (items: MemberCard[]) => items.map((m) => m.displayName.replace(` ${tag}`, ''));

  it('lets members describe themselves, normalising tags, and search by name, skill, region and organisation', async () => {
    const leila = await member('Leïla Gharbi', regionId, orgId);
    const omar = await member('Omar Jlassi', otherRegionId);
    const viewer = await member('Sana Viewer');

    const saved = await leila.agent
      .put(ApiRoutes.myProfile)
      .send({
        bio: '  Chargée de plaidoyer.  ',
        skills: ['Plaidoyer', ' plaidoyer ', 'Budget   participatif'],
        interests: ['Gouvernance locale'],
      })
      .expect(200);
    expect(saved.body).toMatchObject({
      bio: 'Chargée de plaidoyer.',
      skills: ['plaidoyer', 'budget participatif'],
      interests: ['gouvernance locale'],
      listed: true,
    });
    await omar.agent
      .put(ApiRoutes.myProfile)
      .send({ skills: ['Comptabilité', 'المناصرة'] })
      .expect(200);

    const byName = await viewer.agent
      .get(ApiRoutes.members)
      .query({ q: `gharbi ${tag}` })
      .expect(200);
    expect(names(byName.body.items)).toEqual(['Leïla Gharbi']);
    expect(byName.body.items[0]).toMatchObject({
      regionId,
      organisations: [{ id: orgId }],
      skills: ['plaidoyer', 'budget participatif'],
      followed: false,
    });

    const bySkill = await viewer.agent
      .get(ApiRoutes.members)
      .query({ skill: ' PLAIDOYER ', q: tag })
      .expect(200);
    expect(names(bySkill.body.items)).toEqual(['Leïla Gharbi']);
    const byArabicSkill = await viewer.agent.get(ApiRoutes.members).query({ skill: 'المناصرة' }).expect(200);
    expect(names(byArabicSkill.body.items)).toEqual(['Omar Jlassi']);
    const byRegion = await viewer.agent.get(ApiRoutes.members).query({ regionId: otherRegionId }).expect(200);
    expect(names(byRegion.body.items)).toEqual(['Omar Jlassi']);
    const byOrg = await viewer.agent.get(ApiRoutes.members).query({ organisationId: orgId }).expect(200);
    expect(names(byOrg.body.items)).toEqual(['Leïla Gharbi']);
    // A LIKE wildcard typed in the box is a plain character.
    expect((await viewer.agent.get(ApiRoutes.members).query({ q: '%' }).expect(200)).body.items).toEqual([]);
  });

  it('hides what a member hides from others, including from filters, but never from themselves', async () => {
    const discreet = await member('Hela Discrète', regionId, orgId);
    const viewer = await member('Karim Viewer');
    await discreet.agent
      .put(ApiRoutes.myProfile)
      .send({
        skills: ['fiscalité'],
        showSkills: false,
        showRegion: false,
        showOrganisations: false,
        showSpaces: false,
      })
      .expect(200);
    const space = await makeSpace(t.dataSource, { visibility: SpaceVisibility.Members });
    await addToSpace(t.dataSource, space.id, discreet.id);

    const seen = (await viewer.agent.get(ApiRoutes.member(discreet.id)).expect(200)).body;
    expect(seen).toMatchObject({
      regionId: null,
      organisations: null,
      skills: null,
      interests: null,
      spaces: null,
      isMe: false,
    });
    for (const query of [{ skill: 'fiscalité' }, { regionId }, { organisationId: orgId }]) {
      const found = await viewer.agent
        .get(ApiRoutes.members)
        .query({ ...query, q: 'Hela' })
        .expect(200);
      expect(found.body.items).toEqual([]);
    }
    const mine = (await discreet.agent.get(ApiRoutes.member(discreet.id)).expect(200)).body;
    expect(mine).toMatchObject({
      regionId,
      skills: ['fiscalité'],
      isMe: true,
      spaces: [{ id: space.id, slug: space.slug }],
    });

    // Unlisted: out of the directory and its pages for others; still there for the member.
    await discreet.agent.put(ApiRoutes.myProfile).send({ listed: false }).expect(200);
    expect(
      (await viewer.agent.get(ApiRoutes.members).query({ q: `Hela Discrète ${tag}` })).body.items,
    ).toEqual([]);
    await viewer.agent.get(ApiRoutes.member(discreet.id)).expect(404);
    await viewer.agent.put(ApiRoutes.memberFollow(discreet.id)).expect(404);
    expect(
      (await discreet.agent.get(ApiRoutes.members).query({ q: `Hela Discrète ${tag}` })).body.items,
    ).toHaveLength(1);
    // Fields left out keep their value.
    expect((await discreet.agent.get(ApiRoutes.myProfile).expect(200)).body).toMatchObject({
      listed: false,
      skills: ['fiscalité'],
      showSkills: false,
    });
  });

  it('follows and unfollows people, idempotently, and lists whom I follow', async () => {
    const a = await member('Amine Suiveur');
    const b = await member('Besma Suivie');
    await a.agent.put(ApiRoutes.memberFollow(b.id)).expect(204);
    await a.agent.put(ApiRoutes.memberFollow(b.id)).expect(204);
    expect((await a.agent.get(ApiRoutes.member(b.id)).expect(200)).body).toMatchObject({
      followed: true,
      followers: 1,
    });
    expect(names((await a.agent.get(ApiRoutes.members).query({ followed: true })).body.items)).toEqual([
      'Besma Suivie',
    ]);
    await a.agent.put(ApiRoutes.memberFollow(a.id)).expect(400);
    await a.agent.delete(ApiRoutes.memberFollow(b.id)).expect(204);
    await a.agent.delete(ApiRoutes.memberFollow(b.id)).expect(204);
    expect((await a.agent.get(ApiRoutes.member(b.id)).expect(200)).body).toMatchObject({
      followed: false,
      followers: 0,
    });
  });

  it('is for signed-in members only, and answers bad input with 4xx naming the field, writing nothing', async () => {
    const anonymous = t.agent();
    await anonymous.get(ApiRoutes.members).expect(401);
    await anonymous.get(ApiRoutes.myProfile).expect(401);
    const me = await member('Nadia Validation');
    await me.agent.get(ApiRoutes.member('not-a-uuid')).expect(400);
    await me.agent.get(ApiRoutes.member('00000000-0000-4000-8000-000000000000')).expect(404);
    const cases: [Record<string, unknown>, string][] = [
      [{ bio: 'x'.repeat(1001) }, 'bio'],
      [{ skills: 'plaidoyer' }, 'skills'],
      [{ skills: Array.from({ length: 21 }, (_, i) => `s${i}`) }, 'skills'],
      [{ skills: ['x'.repeat(41)] }, 'skills'],
      [{ interests: [42] }, 'interests'],
      [{ listed: 'yes' }, 'listed'],
    ];
    for (const [body, field] of cases) {
      const res = await me.agent.put(ApiRoutes.myProfile).send(body).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const bad = await me.agent.get(ApiRoutes.members).query({ regionId: 'x', page: 0 }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['regionId', 'page']),
    );
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM member_profile WHERE user_id = $1`,
      [me.id],
    );
    expect(n).toBe(0);
  });
});
