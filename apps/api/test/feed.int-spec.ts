/**
 * The activity feed: items written with the changes (module published, seminar opened, completion
 * shared), who sees them (spaces I belong to, people I follow, my region; a members-only space's
 * items only to its members), newest first with a cursor, the region feed for staff, bad input.
 */
import {
  addToSpace,
  createTestApp,
  makeModule,
  makeRegion,
  makeSeminar,
  makeSpace,
  makeUser,
  signedIn,
  TestApp,
} from '@pratique/api/testing';
import {
  ActivityItem,
  ActivityKind,
  ApiRoutes,
  ModuleStatus,
  SpaceRole,
  SpaceVisibility,
} from '@pratique/contracts';

describe('activity feed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const person = async (regionId: string, extra: Parameters<typeof makeUser>[1] = { regionId }) => {
    const user = await makeUser(t.dataSource, { ...extra, regionId });
    return { ...user, agent: await signedIn(t, user) };
  };
  const feedOf = async (
    agent: Awaited<ReturnType<typeof person>>['agent'],
    query: Record<string, string | number> = {},
  ) =>
    (await agent.get(ApiRoutes.feed).query(query).expect(200)).body as {
      items: ActivityItem[];
      nextBefore: string | null;
    };

  it('shows a space member the module published there, the seminar opened in their region and the completion a followed person shared', async () => {
    const region = await makeRegion(t.dataSource);
    const otherRegion = await makeRegion(t.dataSource);
    const space = await makeSpace(t.dataSource, { visibility: SpaceVisibility.Members });
    const animator = await person(region.id);
    const member = await person(region.id);
    const outsider = await person(otherRegion.id);
    const learner = await person(otherRegion.id);
    const staff = await person(region.id, { regionId: region.id, staffOf: [region.id] });
    await addToSpace(t.dataSource, space.id, animator.id, SpaceRole.Animator);
    await addToSpace(t.dataSource, space.id, member.id);

    // A module published through the API, twice (the second publish writes nothing more).
    const mod = await makeModule(t.dataSource, space.id, {
      status: ModuleStatus.Draft,
      title: 'Plaidoyer local',
    });
    await animator.agent.patch(ApiRoutes.module(mod.id)).send({ status: ModuleStatus.Published }).expect(200);
    // A seminar opened by the regional office.
    const seminar = await makeSeminar(t.dataSource, { regionId: region.id, status: 'draft' });
    await staff.agent.patch(ApiRoutes.seminar(seminar.id)).send({ status: 'open' }).expect(200);
    // A completion, shared by a person the member follows (not a member of the space).
    const publicSpace = await makeSpace(t.dataSource);
    const shared = await makeModule(t.dataSource, publicSpace.id, { title: 'Gestion financière' });
    await t.dataSource.query(
      `INSERT INTO enrollment (user_id, module_id, percent, completed_at, certificate_code) VALUES ($1, $2, 100, now(), 'CERT-FEED-1')`,
      [learner.id, shared.id],
    );
    await member.agent.put(ApiRoutes.memberFollow(learner.id)).expect(204);
    await learner.agent.put(ApiRoutes.completionShare(shared.id)).expect(204);
    await learner.agent.put(ApiRoutes.completionShare(shared.id)).expect(204);

    const feed = await feedOf(member.agent);
    expect(feed.items.map((i) => [i.kind, i.subjectId, i.reason])).toEqual([
      [ActivityKind.CompletionShared, shared.id, 'person'],
      [ActivityKind.SeminarOpened, seminar.id, 'region'],
      [ActivityKind.ModulePublished, mod.id, 'space'],
    ]);
    expect(feed.items[0]).toMatchObject({ actor: { id: learner.id }, title: { fr: 'Gestion financière' } });
    expect(feed.items[2]).toMatchObject({
      actor: { id: animator.id },
      space: { id: space.id, slug: space.slug },
      title: { fr: 'Plaidoyer local' },
    });
    expect(feed.nextBefore).toBeNull();

    // Someone of another region, in no space, following nobody: nothing of it.
    expect(
      (await feedOf(outsider.agent)).items.filter((i) =>
        [mod.id, seminar.id, shared.id].includes(i.subjectId),
      ),
    ).toEqual([]);
    // Following the animator does not show a members-only space's module to a non-member.
    await outsider.agent.put(ApiRoutes.memberFollow(animator.id)).expect(204);
    expect((await feedOf(outsider.agent)).items.map((i) => i.subjectId)).not.toContain(mod.id);

    // Unsharing removes the item.
    await learner.agent.delete(ApiRoutes.completionShare(shared.id)).expect(204);
    expect((await feedOf(member.agent)).items.map((i) => i.subjectId)).not.toContain(shared.id);

    // The region feed: staff of the region and admins only.
    const regionFeed = await staff.agent.get(ApiRoutes.regionFeed(region.id)).expect(200);
    expect(regionFeed.body.items.map((i: ActivityItem) => i.subjectId)).toEqual(
      expect.arrayContaining([seminar.id, mod.id]),
    );
    await member.agent.get(ApiRoutes.regionFeed(region.id)).expect(403);
    await staff.agent.get(ApiRoutes.regionFeed(otherRegion.id)).expect(403);
  });

  it('pages newest first with a cursor, without gaps or repeats', async () => {
    const region = await makeRegion(t.dataSource);
    const space = await makeSpace(t.dataSource);
    const animator = await person(region.id);
    const member = await person(region.id);
    await addToSpace(t.dataSource, space.id, animator.id, SpaceRole.Animator);
    await addToSpace(t.dataSource, space.id, member.id);
    const published: string[] = [];
    for (let i = 0; i < 7; i++) {
      const mod = await makeModule(t.dataSource, space.id, {
        status: ModuleStatus.Draft,
        title: `Module ${i}`,
      });
      await animator.agent
        .patch(ApiRoutes.module(mod.id))
        .send({ status: ModuleStatus.Published })
        .expect(200);
      published.push(mod.id);
    }
    const seen: string[] = [];
    let before: string | null = null;
    do {
      const pageOf: { items: ActivityItem[]; nextBefore: string | null } = await feedOf(member.agent, {
        limit: 3,
        ...(before ? { before } : {}),
      });
      seen.push(...pageOf.items.map((i) => i.subjectId));
      before = pageOf.nextBefore;
    } while (before);
    expect(seen).toEqual([...published].reverse());
  });

  it('answers bad input with 4xx naming the field', async () => {
    const region = await makeRegion(t.dataSource);
    const me = await person(region.id);
    await t.agent().get(ApiRoutes.feed).expect(401);
    for (const [query, field] of [
      [{ before: 'abc' }, 'before'],
      [{ limit: 0 }, 'limit'],
      [{ limit: 51 }, 'limit'],
      [{ before: '-1' }, 'before'],
    ] as const) {
      const res = await me.agent.get(ApiRoutes.feed).query(query).expect(400);
      expect(res.body.errors[0].field).toBe(field);
    }
    await me.agent.get(ApiRoutes.regionFeed('nope')).expect(400);
    await me.agent.put(ApiRoutes.completionShare('nope')).expect(400);
    const space = await makeSpace(t.dataSource);
    const notDone = await makeModule(t.dataSource, space.id);
    await me.agent.put(ApiRoutes.completionShare(notDone.id)).expect(404);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM activity WHERE actor_id = $1`, [
      me.id,
    ]);
    expect(n).toBe(0);
  });
});
