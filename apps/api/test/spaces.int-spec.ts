import { addToSpace, createTestApp, makeSpace, makeUser, makeWorld, signedIn, TestApp, uid, World } from '@pratique/api/testing';
import { ApiRoutes, SpaceDetail, SpaceRole, SpaceScope, SpaceSummary, SpaceVisibility } from '@pratique/contracts';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('spaces', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await createTestApp();
    w = await makeWorld(t);
  });
  afterAll(() => t.close());

  const regionalBody = (over: Record<string, unknown> = {}) => ({
    slug: `egalite-${uid()}`,
    title: { fr: 'Égalité femmes-hommes', ar: 'المساواة بين الجنسين', en: 'Gender equality' },
    description: { fr: 'Partager des pratiques', ar: 'تبادل الممارسات' },
    originalLanguage: 'fr',
    axis: 'gender_equality',
    scope: 'regional',
    regionId: w.regionA.id,
    visibility: 'public',
    ...over,
  });

  describe('creating and editing', () => {
    it('lets staff create a regional space of their region, not of another, nor a national one', async () => {
      const res = await w.as.staffA.post(ApiRoutes.spaces).send(regionalBody()).expect(201);
      const space: SpaceDetail = res.body;
      expect(space).toMatchObject({ scope: 'regional', regionId: w.regionA.id, status: 'open', memberCount: 0 });
      expect(space.title.ar).toBe('المساواة بين الجنسين');
      expect(space.can).toMatchObject({ edit: true, manageAnimators: true });
      await w.as.staffB.post(ApiRoutes.spaces).send(regionalBody()).expect(403);
      await w.as.staffA.post(ApiRoutes.spaces).send(regionalBody({ scope: 'national', regionId: undefined })).expect(403);
    });

    it('lets admins create national spaces; members and anonymous cannot create', async () => {
      const national = regionalBody({ scope: 'national', regionId: undefined });
      await w.as.admin.post(ApiRoutes.spaces).send(national).expect(201);
      await w.as.memberA.post(ApiRoutes.spaces).send(regionalBody()).expect(403);
      await w.as.anonymous.post(ApiRoutes.spaces).send(regionalBody()).expect(401);
    });

    it('refuses bad input with 400 naming the field, and a duplicate slug with 409', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ slug: 'Pas Un Slug' }, 'slug'],
        [{ slug: 'x'.repeat(61) }, 'slug'],
        [{ title: 'Égalité' }, 'title'],
        [{ title: { fr: 'x'.repeat(121) } }, 'title.fr'],
        [{ title: { de: 'Gleichheit' } }, 'title.de'],
        [{ title: { en: 'Only English' } }, 'title.fr'],
        [{ originalLanguage: 'es' }, 'originalLanguage'],
        [{ axis: 'sports' }, 'axis'],
        [{ scope: 'galactic' }, 'scope'],
        [{ regionId: undefined }, 'regionId'],
        [{ regionId: UNKNOWN }, 'regionId'],
        [{ scope: 'national', regionId: w.regionA.id }, 'regionId'],
        [{ visibility: 'secret' }, 'visibility'],
        [{ status: 'archived' }, 'status'],
      ];
      for (const [over, field] of cases) {
        const res = await w.as.admin.post(ApiRoutes.spaces).send(regionalBody(over));
        expect({ over, status: res.status, fields: res.body.errors?.map((e: { field: string }) => e.field) }).toEqual({
          over,
          status: 400,
          fields: expect.arrayContaining([field]),
        });
      }
      const body = regionalBody();
      await w.as.admin.post(ApiRoutes.spaces).send(body).expect(201);
      const dup = await w.as.admin.post(ApiRoutes.spaces).send(body).expect(409);
      expect(dup.body.errors).toEqual([{ field: 'slug', reason: 'is already used by another space' }]);
    });

    it('lets staff of the region and admins edit, merging languages; others get 403', async () => {
      const space = await makeSpace(t.dataSource, { scope: SpaceScope.Regional, regionId: w.regionA.id });
      const res = await w.as.staffA
        .patch(ApiRoutes.space(space.id))
        .send({ title: { ar: 'الحوكمة' }, visibility: 'members', status: 'archived' })
        .expect(200);
      expect(res.body.title).toMatchObject({ fr: expect.any(String), ar: 'الحوكمة' });
      expect(res.body).toMatchObject({ visibility: 'members', status: 'archived' });
      await w.as.admin.patch(ApiRoutes.space(space.id)).send({ status: 'open' }).expect(200);
      await w.as.staffB.patch(ApiRoutes.space(space.id)).send({ status: 'open' }).expect(403);
      await w.as.memberA.patch(ApiRoutes.space(space.id)).send({ status: 'open' }).expect(403);
      await w.as.admin.patch(ApiRoutes.space(space.id)).send({ title: { fr: '' } }).expect(400);
      await w.as.admin.patch(ApiRoutes.space(space.id)).send({ slug: 'new-slug' }).expect(400);
      await w.as.admin.patch(ApiRoutes.space(UNKNOWN)).send({ status: 'open' }).expect(404);
    });
  });

  describe('listing and reading', () => {
    it('shows public spaces to anonymous visitors and members-only spaces only when signed in', async () => {
      const open = await makeSpace(t.dataSource, { title: `Jeunesse ${uid()}` });
      const hidden = await makeSpace(t.dataSource, { visibility: SpaceVisibility.Members });
      const anon = await w.as.anonymous.get(`${ApiRoutes.spaces}?pageSize=100`).expect(200);
      const anonIds = anon.body.items.map((s: SpaceSummary) => s.id);
      expect(anonIds).toContain(open.id);
      expect(anonIds).not.toContain(hidden.id);
      await w.as.anonymous.get(ApiRoutes.space(hidden.slug)).expect(404);
      await w.as.memberB.get(ApiRoutes.space(hidden.slug)).expect(200);
      await w.as.anonymous.get(ApiRoutes.space(open.slug)).expect(200);
      await w.as.anonymous.get(ApiRoutes.space('no-such-space')).expect(404);
    });

    it('searches titles in any language and filters by axis, region and joined', async () => {
      const word = `mot${uid()}`;
      const env = await makeSpace(t.dataSource, { axis: 'environment', title: `Climat ${word}`, scope: SpaceScope.Regional, regionId: w.regionB.id });
      await makeSpace(t.dataSource, { axis: 'governance', title: `Gouvernance ${word}` });
      const byWord = await w.as.memberA.get(`${ApiRoutes.spaces}?q=${word}`).expect(200);
      expect(byWord.body.total).toBe(2);
      const byAxis = await w.as.memberA.get(`${ApiRoutes.spaces}?q=${word}&axis=environment`).expect(200);
      expect(byAxis.body.items.map((s: SpaceSummary) => s.id)).toEqual([env.id]);
      const byRegion = await w.as.memberA.get(`${ApiRoutes.spaces}?q=${word}&regionId=${w.regionB.id}`).expect(200);
      expect(byRegion.body.items.map((s: SpaceSummary) => s.id)).toEqual([env.id]);
      await addToSpace(t.dataSource, env.id, w.users.memberA.id);
      const joined = await w.as.memberA.get(`${ApiRoutes.spaces}?joined=true&pageSize=100`).expect(200);
      expect(joined.body.items.map((s: SpaceSummary) => s.id)).toContain(env.id);
      expect(joined.body.items.every((s: SpaceSummary) => s.myRole !== null)).toBe(true);
      const percent = await w.as.memberA.get(`${ApiRoutes.spaces}?q=%25`).expect(200);
      expect(percent.body.total).toBe(0);
      for (const bad of ['axis=sports', 'regionId=x', 'joined=maybe', 'page=0', 'pageSize=101', 'q=' + 'x'.repeat(101), 'unknown=1'])
        await w.as.memberA.get(`${ApiRoutes.spaces}?${bad}`).expect(400);
    });
  });

  describe('joining and leaving', () => {
    it('joins a national space (idempotently), appears in my spaces, then leaves', async () => {
      const space = await makeSpace(t.dataSource);
      const user = await makeUser(t.dataSource, { regionId: w.regionB.id });
      const agent = await signedIn(t, user);
      const joined = await agent.post(ApiRoutes.spaceMembership(space.id)).expect(201);
      expect(joined.body).toMatchObject({ myRole: 'member', memberCount: 1, can: { join: false, leave: true, seeMembers: true } });
      await agent.post(ApiRoutes.spaceMembership(space.id)).expect(201);
      const mine = await agent.get(`${ApiRoutes.spaces}?joined=true`).expect(200);
      expect(mine.body.items.map((s: SpaceSummary) => s.id)).toEqual([space.id]);
      await agent.delete(ApiRoutes.spaceMembership(space.id)).expect(204);
      await agent.delete(ApiRoutes.spaceMembership(space.id)).expect(404);
      expect((await agent.get(`${ApiRoutes.spaces}?joined=true`).expect(200)).body.total).toBe(0);
    });

    it('keeps regional spaces for members of the region, and archived spaces closed', async () => {
      const regional = await makeSpace(t.dataSource, { scope: SpaceScope.Regional, regionId: w.regionA.id });
      await w.as.memberB.post(ApiRoutes.spaceMembership(regional.id)).expect(403);
      await w.as.memberA.post(ApiRoutes.spaceMembership(regional.id)).expect(201);
      const archived = await makeSpace(t.dataSource, { status: 'archived' });
      const res = await w.as.memberA.post(ApiRoutes.spaceMembership(archived.id)).expect(403);
      expect(res.body.message).toMatch(/archived/);
      await w.as.anonymous.post(ApiRoutes.spaceMembership(regional.id)).expect(401);
      await w.as.memberA.post(ApiRoutes.spaceMembership(UNKNOWN)).expect(404);
      await w.as.memberA.post(ApiRoutes.spaceMembership('nope')).expect(400);
    });

    it('survives many concurrent joins of one member without duplicates or errors', async () => {
      const space = await makeSpace(t.dataSource);
      const user = await makeUser(t.dataSource, { regionId: w.regionA.id });
      const agent = await signedIn(t, user);
      const statuses = await Promise.all(Array.from({ length: 8 }, () => agent.post(ApiRoutes.spaceMembership(space.id)).then((r) => r.status)));
      expect(statuses).toEqual(Array(8).fill(201));
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM space_member WHERE space_id = $1`, [space.id]);
      expect(count).toBe(1);
    });
  });

  describe('members and animators', () => {
    it('shows members to members, staff of the region and admins only', async () => {
      const space = await makeSpace(t.dataSource, { scope: SpaceScope.Regional, regionId: w.regionA.id });
      await addToSpace(t.dataSource, space.id, w.users.memberA.id);
      const res = await w.as.memberA.get(ApiRoutes.spaceMembers(space.id)).expect(200);
      expect(res.body).toEqual([expect.objectContaining({ userId: w.users.memberA.id, role: 'member' })]);
      expect(res.body[0]).not.toHaveProperty('email');
      await w.as.staffA.get(ApiRoutes.spaceMembers(space.id)).expect(200);
      await w.as.admin.get(ApiRoutes.spaceMembers(space.id)).expect(200);
      await w.as.staffB.get(ApiRoutes.spaceMembers(space.id)).expect(403);
      await w.as.memberB.get(ApiRoutes.spaceMembers(space.id)).expect(403);
      await w.as.anonymous.get(ApiRoutes.spaceMembers(space.id)).expect(401);
    });

    it('lets staff of the region and admins name and remove animators', async () => {
      const space = await makeSpace(t.dataSource, { scope: SpaceScope.Regional, regionId: w.regionA.id });
      await addToSpace(t.dataSource, space.id, w.users.memberA.id);
      const named = await w.as.staffA.put(ApiRoutes.spaceAnimator(space.id, w.users.memberA.id)).expect(200);
      expect(named.body.animators.map((a: { userId: string }) => a.userId)).toEqual([w.users.memberA.id]);
      // naming someone outside the space adds them as animator
      await w.as.admin.put(ApiRoutes.spaceAnimator(space.id, w.users.memberB.id)).expect(200);
      expect(await roleOf(space.id, w.users.memberB.id)).toBe(SpaceRole.Animator);
      await w.as.staffB.put(ApiRoutes.spaceAnimator(space.id, w.users.memberB.id)).expect(403);
      await w.as.memberA.put(ApiRoutes.spaceAnimator(space.id, w.users.memberB.id)).expect(403);
      // Naming an animator again changes nothing and tells them nothing more.
      await w.as.staffA.put(ApiRoutes.spaceAnimator(space.id, w.users.memberA.id)).expect(200);
      const granted = await t.dataSource.query(
        `SELECT payload->>'userId' AS "userId", payload->>'grantedBy' AS "grantedBy" FROM outbox
          WHERE type = 'role.granted' AND payload->>'spaceId' = $1 ORDER BY id`,
        [space.id],
      );
      expect(granted).toEqual([
        { userId: w.users.memberA.id, grantedBy: w.users.staffA.id },
        { userId: w.users.memberB.id, grantedBy: w.users.admin.id },
      ]);
      await w.as.staffA.delete(ApiRoutes.spaceAnimator(space.id, w.users.memberA.id)).expect(204);
      expect(await roleOf(space.id, w.users.memberA.id)).toBe(SpaceRole.Member);
      await w.as.staffA.delete(ApiRoutes.spaceAnimator(space.id, w.users.memberA.id)).expect(404);
      await w.as.staffA.put(ApiRoutes.spaceAnimator(space.id, UNKNOWN)).expect(404);
    });

    it('lets only admins set animators of a national space', async () => {
      const space = await makeSpace(t.dataSource);
      await w.as.staffA.put(ApiRoutes.spaceAnimator(space.id, w.users.memberA.id)).expect(403);
      await w.as.admin.put(ApiRoutes.spaceAnimator(space.id, w.users.memberA.id)).expect(200);
      const detail = await w.as.memberA.get(ApiRoutes.space(space.slug)).expect(200);
      expect(detail.body).toMatchObject({ myRole: 'animator', can: { edit: false, manageAnimators: false } });
    });
  });

  async function roleOf(spaceId: string, userId: string): Promise<string | undefined> {
    const [row] = await t.dataSource.query(`SELECT role FROM space_member WHERE space_id = $1 AND user_id = $2`, [spaceId, userId]);
    return row?.role;
  }
});
