/**
 * `GET /api/me/animator-home` (issue 10): for the spaces the caller animates, the waiting work
 * (pending resources, open reports, questions without any reply), the modules with their
 * learners by percent, and the questions waiting longest. Fresh spaces per file, so counts are exact.
 */
import {
  addToSpace,
  Agent,
  createTestApp,
  makeModule,
  makeRegion,
  makeSpace,
  makeUser,
  MadeUser,
  setPercent,
  signedIn,
  TestApp,
} from '@pratique/api/testing';
import {
  AnimatorHome,
  ApiRoutes,
  HOME_LIST_LIMIT,
  HomeRoutes,
  ModuleStatus,
  SpaceRole,
} from '@pratique/contracts';
import { DataSource } from 'typeorm';

describe('animator home', () => {
  let t: TestApp;
  let db: DataSource;
  let region: { id: string };
  /** S1 and S2 are animated by `animator`; S3 by `otherAnimator`. */
  let s1: { id: string; slug: string };
  let s2: { id: string; slug: string };
  let s3: { id: string; slug: string };
  let animatorUser: MadeUser;
  let animator: Agent;
  let otherAnimator: Agent;
  let members: { user: MadeUser; agent: Agent }[];

  beforeAll(async () => {
    t = await createTestApp();
    db = t.dataSource;
    region = await makeRegion(db);
    s1 = await makeSpace(db, { title: 'Premier espace' });
    s2 = await makeSpace(db, { title: 'Deuxième espace' });
    s3 = await makeSpace(db, { title: 'Troisième espace' });
    animatorUser = await makeUser(db, { regionId: region.id, displayName: 'Animatrice' });
    const other = await makeUser(db, { regionId: region.id });
    await addToSpace(db, s1.id, animatorUser.id, SpaceRole.Animator);
    await addToSpace(db, s2.id, animatorUser.id, SpaceRole.Animator);
    await addToSpace(db, s3.id, other.id, SpaceRole.Animator);
    members = [];
    for (let i = 0; i < 4; i++) {
      const user = await makeUser(db, { regionId: region.id, displayName: `Membre ${i}` });
      members.push({ user, agent: await signedIn(t, user) });
    }
    for (const m of members.slice(0, 3)) await addToSpace(db, s1.id, m.user.id);
    await addToSpace(db, s2.id, members[3].user.id);
    await addToSpace(db, s3.id, members[3].user.id);
    animator = await signedIn(t, animatorUser);
    otherAnimator = await signedIn(t, other);
  });
  afterAll(() => t.close());

  const home = async (agent: Agent) =>
    (await agent.get(HomeRoutes.animator).expect(200)).body as AnimatorHome;
  const link = (title: string) => ({
    kind: 'link',
    title,
    description: 'Un guide',
    tags: [],
    language: 'fr',
    url: 'https://example.org/guide',
  });
  const contribute = async (who: Agent, space: { slug: string }, title: string) =>
    (await who.post(ApiRoutes.spaceResources(space.slug)).send(link(title)).expect(201)).body as {
      id: string;
      status: string;
    };
  const ask = async (who: Agent, space: { slug: string }, title: string, kind = 'question') =>
    (
      await who
        .post(ApiRoutes.spaceThreads(space.slug))
        .send({ kind, title, body: 'Une question précise ?' })
        .expect(201)
    ).body as { id: string };

  it('counts per animated space its members, pending resources, open reports and questions without any reply', async () => {
    const [m0, m1, m2, m3] = members;
    // S1: two suggestions waiting, one published resource reported twice (one report dismissed), one rejected suggestion.
    expect((await contribute(m0.agent, s1, 'Suggestion 1')).status).toBe('pending');
    await contribute(m1.agent, s1, 'Suggestion 2');
    const rejected = await contribute(m2.agent, s1, 'Refusée');
    await animator.post(ApiRoutes.resourceReject(rejected.id)).send({ reason: 'Hors sujet' }).expect(200);
    const published = await contribute(animator, s1, 'Publiée');
    expect(published.status).toBe('published');
    await m0.agent.post(ApiRoutes.resourceReports(published.id)).send({ reason: 'Lien mort' }).expect(201);
    const dismissed = (
      await m1.agent.post(ApiRoutes.resourceReports(published.id)).send({ reason: 'Doublon' }).expect(201)
    ).body;
    await animator.post(ApiRoutes.resourceReportDismiss(dismissed.id)).expect(204);
    // S1 threads: an unanswered question, an answered one, a discussion without reply, a hidden question.
    await ask(m0.agent, s1, 'Sans réponse');
    const answered = await ask(m1.agent, s1, 'Avec réponse');
    await m2.agent.post(ApiRoutes.threadReplies(answered.id)).send({ body: 'Voici.' }).expect(201);
    await ask(m2.agent, s1, 'Une discussion', 'discussion');
    const hidden = await ask(m2.agent, s1, 'Masquée');
    await animator.patch(ApiRoutes.threadModeration(hidden.id)).send({ hidden: true }).expect(200);
    // S2: one suggestion, one question. S3 (not hers): a suggestion and a question.
    await contribute(m3.agent, s2, 'Suggestion S2');
    await ask(m3.agent, s2, 'Question S2');
    await contribute(m3.agent, s3, 'Suggestion S3');
    await ask(m3.agent, s3, 'Question S3');

    const { spaces } = await home(animator);
    // Most waiting work first: S1 has 2 + 1 + 1, S2 has 1 + 0 + 1.
    expect(spaces).toEqual([
      {
        id: s1.id,
        slug: s1.slug,
        title: { fr: 'Premier espace', en: `Space ${s1.slug}` },
        originalLanguage: 'fr',
        members: 4,
        pendingResources: 2,
        openReports: 1,
        unansweredQuestions: 1,
      },
      {
        id: s2.id,
        slug: s2.slug,
        title: { fr: 'Deuxième espace', en: `Space ${s2.slug}` },
        originalLanguage: 'fr',
        members: 2,
        pendingResources: 1,
        openReports: 0,
        unansweredQuestions: 1,
      },
    ]);
    expect((await home(otherAnimator)).spaces).toEqual([
      expect.objectContaining({
        id: s3.id,
        members: 2,
        pendingResources: 1,
        openReports: 0,
        unansweredQuestions: 1,
      }),
    ]);

    // Oldest first; a reply of any kind answers it.
    const { unanswered } = await home(animator);
    expect(unanswered.map((q) => [q.title, q.spaceSlug, q.authorName])).toEqual([
      ['Sans réponse', s1.slug, 'Membre 0'],
      ['Question S2', s2.slug, 'Membre 3'],
    ]);
    expect(unanswered[0]).toMatchObject({
      spaceTitle: { fr: 'Premier espace' },
      spaceOriginalLanguage: 'fr',
      createdAt: expect.any(String),
    });
    await animator
      .post(ApiRoutes.threadReplies(unanswered[0].threadId))
      .send({ body: 'Je regarde.' })
      .expect(201);
    const after = await home(animator);
    expect(after.unanswered.map((q) => q.title)).toEqual(['Question S2']);
    expect(after.spaces.find((s) => s.id === s1.id)).toMatchObject({ unansweredQuestions: 0 });
  });

  it('sums up the learners of the published and draft modules by percent, most learners first', async () => {
    const learners = await Promise.all(
      Array.from({ length: 6 }, () => makeUser(db, { regionId: region.id })),
    );
    const ids = learners.map((u) => u.id);
    const busy = await makeModule(db, s2.id, { title: 'Très suivi', lessons: [{}, {}] });
    const draft = await makeModule(db, s2.id, { title: 'Brouillon', status: ModuleStatus.Draft });
    const empty = await makeModule(db, s2.id, { title: 'Sans apprenant' });
    const archived = await makeModule(db, s2.id, { title: 'Archivé', status: ModuleStatus.Archived });
    const elsewhere = await makeModule(db, s3.id, { title: 'Ailleurs' });
    await setPercent(db, busy.id, [ids[0]], 0);
    await setPercent(db, busy.id, [ids[1]], 49);
    await setPercent(db, busy.id, [ids[2]], 50);
    await setPercent(db, busy.id, [ids[3]], 99);
    await setPercent(db, busy.id, [ids[4]], 100);
    // Completed, then a lesson was added: the completion stays (100 %).
    await setPercent(db, busy.id, [ids[5]], 50);
    await db.query(`UPDATE enrollment SET completed_at = now() WHERE user_id = $1 AND module_id = $2`, [
      ids[5],
      busy.id,
    ]);
    await setPercent(db, draft.id, [ids[0]], 30);
    await setPercent(db, archived.id, ids, 100);
    await setPercent(db, elsewhere.id, ids, 100);

    const { modules } = await home(animator);
    const mine = modules.filter((m) =>
      [busy.id, draft.id, empty.id, archived.id, elsewhere.id].includes(m.moduleId),
    );
    expect(mine).toEqual([
      // (0 + 49 + 50 + 99 + 100 + 100) / 6 = 66.3 → 66
      {
        moduleId: busy.id,
        spaceSlug: s2.slug,
        title: { fr: 'Très suivi' },
        originalLanguage: 'fr',
        status: 'published',
        learners: 6,
        below50: 2,
        from50: 2,
        completed: 2,
        averagePercent: 66,
      },
      {
        moduleId: draft.id,
        spaceSlug: s2.slug,
        title: { fr: 'Brouillon' },
        originalLanguage: 'fr',
        status: 'draft',
        learners: 1,
        below50: 1,
        from50: 0,
        completed: 0,
        averagePercent: 30,
      },
      {
        moduleId: empty.id,
        spaceSlug: s2.slug,
        title: { fr: 'Sans apprenant' },
        originalLanguage: 'fr',
        status: 'published',
        learners: 0,
        below50: 0,
        from50: 0,
        completed: 0,
        averagePercent: 0,
      },
    ]);
    expect(modules.length).toBeLessThanOrEqual(HOME_LIST_LIMIT * 2);
  });

  it('answers 403 with the usual error body to whoever animates no space, and 401 when signed out', async () => {
    const admin = await signedIn(t, await makeUser(db, { regionId: region.id, admin: true }));
    const staff = await signedIn(t, await makeUser(db, { regionId: region.id, staffOf: [region.id] }));
    for (const who of [members[0].agent, admin, staff]) {
      const res = await who.get(HomeRoutes.animator).expect(403);
      expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden', message: expect.any(String) });
    }
    await t.agent().get(HomeRoutes.animator).expect(401);

    // Made an animator: the home opens at once (the actor cache forgets the old roles).
    await db.query(`UPDATE space_member SET role = 'animator' WHERE space_id = $1 AND user_id = $2`, [
      s1.id,
      members[0].user.id,
    ]);
    expect((await home(members[0].agent)).spaces.map((s) => s.id)).toEqual([s1.id]);
  });
});
