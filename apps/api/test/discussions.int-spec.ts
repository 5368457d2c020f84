/**
 * Discussions and questions in thematic spaces, against the real API and PostgreSQL: who reads,
 * posts and moderates, accepted answers, votes, hide/lock/pin, edit history, French and Arabic
 * search, follows, bad input (4xx naming the field, nothing written) and stored XSS.
 */
import {
  addToSpace,
  Agent,
  createTestApp,
  makeSpace,
  makeUser,
  makeWorld,
  MadeUser,
  signedIn,
  TestApp,
  World,
} from '@pratique/api/testing';
import {
  ApiRoutes,
  ReplyDto,
  SpaceRole,
  SpaceVisibility,
  ThreadDetail,
  ThreadPage,
} from '@pratique/contracts';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const TABLES = [
  'discussion_thread',
  'discussion_reply',
  'discussion_vote',
  'discussion_revision',
  'discussion_follow',
];

describe('discussions', () => {
  let t: TestApp;
  let w: World;
  let pub: { id: string; slug: string };
  let priv: { id: string; slug: string };
  const users = {} as Record<'alice' | 'bob' | 'carol' | 'anim' | 'privAnim' | 'outsider', MadeUser>;
  const as = {} as Record<
    'alice' | 'bob' | 'carol' | 'anim' | 'privAnim' | 'outsider' | 'admin' | 'anonymous',
    Agent
  >;

  beforeAll(async () => {
    t = await createTestApp();
    w = await makeWorld(t);
    const db = t.dataSource;
    pub = await makeSpace(db, { visibility: SpaceVisibility.Public });
    priv = await makeSpace(db, { visibility: SpaceVisibility.Members });
    for (const name of ['alice', 'bob', 'carol', 'anim', 'privAnim', 'outsider'] as const)
      users[name] = await makeUser(db, { regionId: w.regionA.id, displayName: name });
    for (const name of ['alice', 'bob', 'carol'] as const) {
      await addToSpace(db, pub.id, users[name].id);
      await addToSpace(db, priv.id, users[name].id);
    }
    await addToSpace(db, pub.id, users.anim.id, SpaceRole.Animator);
    await addToSpace(db, priv.id, users.privAnim.id, SpaceRole.Animator);
    for (const name of Object.keys(users) as (keyof typeof users)[])
      as[name] = await signedIn(t, users[name]);
    as.admin = w.as.admin;
    as.anonymous = w.as.anonymous;
  });
  afterAll(() => t.close());

  const ask = async (
    who: Agent,
    space: { slug: string },
    over: Record<string, unknown> = {},
  ): Promise<ThreadDetail> =>
    (
      await who
        .post(ApiRoutes.spaceThreads(space.slug))
        .send({
          kind: 'question',
          title: 'Comment monter un budget participatif ?',
          body: 'Des **exemples** ?',
          ...over,
        })
        .expect(201)
    ).body;
  const reply = async (who: Agent, threadId: string, body = 'Voici mon expérience.'): Promise<ReplyDto> =>
    (await who.post(ApiRoutes.threadReplies(threadId)).send({ body }).expect(201)).body;
  const list = async (
    who: Agent,
    space: { slug: string },
    query: Record<string, string> = {},
  ): Promise<ThreadPage> => (await who.get(ApiRoutes.spaceThreads(space.slug)).query(query).expect(200)).body;
  const replies = async (who: Agent, threadId: string): Promise<ReplyDto[]> =>
    (await who.get(ApiRoutes.threadReplies(threadId)).expect(200)).body.items;
  const counts = async (): Promise<Record<string, number>> => {
    const out: Record<string, number> = {};
    for (const table of TABLES)
      out[table] = (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
    return out;
  };

  describe('reading and posting follow the space', () => {
    it('renders markdown on the API, returns source and sanitised HTML, and the author follows their thread', async () => {
      const thread = await ask(as.alice, pub, { body: '# Titre\n\nUn *petit* **texte**.' });
      expect(thread).toMatchObject({
        kind: 'question',
        title: 'Comment monter un budget participatif ?',
        body: '# Titre\n\nUn *petit* **texte**.',
        bodyHtml: '<h1>Titre</h1>\n<p>Un <em>petit</em> <strong>texte</strong>.</p>',
        author: { id: users.alice.id, displayName: 'alice' },
        answered: false,
        pinned: false,
        locked: false,
        hidden: false,
        following: true,
        space: { id: pub.id, slug: pub.slug },
        can: { edit: true, reply: true, accept: true, moderate: false, follow: true },
      });
      // also reachable by the space's id
      const byId = await list(as.bob, { slug: pub.id });
      expect(byId.items.map((i) => i.id)).toContain(thread.id);
    });

    it("hides a members-only space's threads from non-members (404), anonymous included; members, its animators and admins read", async () => {
      const thread = await ask(as.alice, priv);
      const r = await reply(as.bob, thread.id);
      for (const who of [as.outsider, as.anonymous, as.anim]) {
        await who.get(ApiRoutes.spaceThreads(priv.slug)).expect(404);
        await who.get(ApiRoutes.thread(thread.id)).expect(404);
        await who.get(ApiRoutes.threadReplies(thread.id)).expect(404);
        await who.get(ApiRoutes.threadRevisions(thread.id)).expect(404);
        await who.get(ApiRoutes.replyRevisions(r.id)).expect(404);
      }
      for (const who of [as.outsider, as.anim]) {
        await who
          .post(ApiRoutes.spaceThreads(priv.slug))
          .send({ kind: 'discussion', title: 'x', body: 'y' })
          .expect(404);
        await who.post(ApiRoutes.threadReplies(thread.id)).send({ body: 'y' }).expect(404);
        await who.post(ApiRoutes.replyVote(r.id)).expect(404);
        await who.post(ApiRoutes.threadFollow(thread.id)).expect(404);
        await who.post(ApiRoutes.spaceFollow(priv.slug)).expect(404);
        await who.patch(ApiRoutes.threadModeration(thread.id)).send({ pinned: true }).expect(404);
      }
      for (const who of [as.bob, as.privAnim, as.admin]) {
        expect((await list(who, priv)).items.map((i) => i.id)).toContain(thread.id);
        await who.get(ApiRoutes.thread(thread.id)).expect(200);
      }
    });

    it('lets everyone read a public space, only members (and animators, admins) post; anonymous writes get 401', async () => {
      const thread = await ask(as.alice, pub);
      const page = await list(as.anonymous, pub);
      expect(page.items.map((i) => i.id)).toContain(thread.id);
      expect(page.can).toEqual({ post: false, moderate: false, follow: false });
      expect((await list(as.outsider, pub)).can).toEqual({ post: false, moderate: false, follow: true });
      expect((await list(as.bob, pub)).can).toEqual({ post: true, moderate: false, follow: true });
      expect((await list(as.anim, pub)).can).toEqual({ post: true, moderate: true, follow: true });
      await as.anonymous.get(ApiRoutes.thread(thread.id)).expect(200);
      await as.anonymous
        .post(ApiRoutes.spaceThreads(pub.slug))
        .send({ kind: 'discussion', title: 'x', body: 'y' })
        .expect(401);
      await as.anonymous.post(ApiRoutes.threadReplies(thread.id)).send({ body: 'y' }).expect(401);
      await as.outsider
        .post(ApiRoutes.spaceThreads(pub.slug))
        .send({ kind: 'discussion', title: 'x', body: 'y' })
        .expect(403);
      await as.outsider.post(ApiRoutes.threadReplies(thread.id)).send({ body: 'y' }).expect(403);
      await ask(as.anim, pub);
      await ask(as.admin, pub);
      await reply(as.admin, thread.id);
      await as.anonymous.get(ApiRoutes.spaceThreads('no-such-space')).expect(404);
      await as.alice.get(ApiRoutes.thread(UNKNOWN)).expect(404);
      await as.alice.post(ApiRoutes.threadReplies(UNKNOWN)).send({ body: 'x' }).expect(404);
      await as.alice.post(ApiRoutes.replyVote(UNKNOWN)).expect(404);
    });
  });

  describe('editing keeps every version', () => {
    it('lets authors edit their own thread and reply, nobody else (not even animators or admins), with the history', async () => {
      const thread = await ask(as.alice, pub, { title: 'Version 1', body: 'Corps 1' });
      await as.alice.patch(ApiRoutes.thread(thread.id)).send({ title: 'Version 2' }).expect(200);
      const edited: ThreadDetail = (
        await as.alice.patch(ApiRoutes.thread(thread.id)).send({ body: 'Corps *3*' }).expect(200)
      ).body;
      expect(edited).toMatchObject({
        title: 'Version 2',
        body: 'Corps *3*',
        bodyHtml: '<p>Corps <em>3</em></p>',
      });
      expect(edited.editedAt).not.toBeNull();
      for (const who of [as.bob, as.anim, as.admin, as.outsider])
        await who.patch(ApiRoutes.thread(thread.id)).send({ title: 'Piraté' }).expect(403);
      const history = (await as.bob.get(ApiRoutes.threadRevisions(thread.id)).expect(200)).body;
      expect(history.map((h: { title: string; body: string }) => [h.title, h.body])).toEqual([
        ['Version 2', 'Corps 1'],
        ['Version 1', 'Corps 1'],
      ]);
      expect(history[0]).toMatchObject({
        bodyHtml: '<p>Corps 1</p>',
        writtenAt: expect.any(String),
        replacedAt: expect.any(String),
      });
      // an edit that changes nothing adds no revision
      await as.alice.patch(ApiRoutes.thread(thread.id)).send({ title: 'Version 2' }).expect(200);
      expect((await as.alice.get(ApiRoutes.threadRevisions(thread.id))).body).toHaveLength(2);

      const r = await reply(as.bob, thread.id, 'Réponse 1');
      const r2: ReplyDto = (
        await as.bob.patch(ApiRoutes.reply(r.id)).send({ body: 'Réponse **2**' }).expect(200)
      ).body;
      expect(r2).toMatchObject({
        body: 'Réponse **2**',
        bodyHtml: '<p>Réponse <strong>2</strong></p>',
        can: { edit: true, vote: false },
      });
      for (const who of [as.alice, as.anim, as.admin])
        await who.patch(ApiRoutes.reply(r.id)).send({ body: 'Piraté' }).expect(403);
      const replyHistory = (await as.alice.get(ApiRoutes.replyRevisions(r.id)).expect(200)).body;
      expect(replyHistory).toEqual([expect.objectContaining({ title: null, body: 'Réponse 1' })]);
      expect((await replies(as.alice, thread.id))[0]).toMatchObject({
        body: 'Réponse **2**',
        can: { edit: false, vote: true },
      });
    });
  });

  describe('accepted answers', () => {
    it("lets the question's author or an animator accept one answer, change it and withdraw it", async () => {
      const q = await ask(as.alice, pub);
      const rb = await reply(as.bob, q.id, 'Réponse de Bob');
      const rc = await reply(as.carol, q.id, 'Réponse de Carol');
      await as.bob.put(ApiRoutes.threadAcceptedReply(q.id)).send({ replyId: rb.id }).expect(403);
      await as.outsider.put(ApiRoutes.threadAcceptedReply(q.id)).send({ replyId: rb.id }).expect(403);
      const accepted: ThreadDetail = (
        await as.alice.put(ApiRoutes.threadAcceptedReply(q.id)).send({ replyId: rb.id }).expect(200)
      ).body;
      expect(accepted).toMatchObject({ answered: true, acceptedReplyId: rb.id });
      expect((await replies(as.carol, q.id)).map((r) => [r.id, r.accepted])).toEqual([
        [rb.id, true],
        [rc.id, false],
      ]);
      // change: only one accepted answer at a time
      await as.alice.put(ApiRoutes.threadAcceptedReply(q.id)).send({ replyId: rc.id }).expect(200);
      expect((await replies(as.carol, q.id)).map((r) => [r.id, r.accepted])).toEqual([
        [rc.id, true],
        [rb.id, false],
      ]);
      // an animator may change it too
      await as.anim.put(ApiRoutes.threadAcceptedReply(q.id)).send({ replyId: rb.id }).expect(200);
      expect((await as.bob.get(ApiRoutes.thread(q.id))).body.acceptedReplyId).toBe(rb.id);
      // a reply of another thread is refused
      const other = await ask(as.alice, pub);
      const foreign = await reply(as.bob, other.id);
      const bad = await as.alice
        .put(ApiRoutes.threadAcceptedReply(q.id))
        .send({ replyId: foreign.id })
        .expect(400);
      expect(bad.body.errors).toEqual([{ field: 'replyId', reason: 'is not a reply of this question' }]);
      expect((await as.bob.get(ApiRoutes.thread(q.id))).body.acceptedReplyId).toBe(rb.id);
      // unanswered filter
      expect((await list(as.bob, pub, { unanswered: 'true' })).items.map((i) => i.id)).not.toContain(q.id);
      await as.alice.put(ApiRoutes.threadAcceptedReply(q.id)).send({ replyId: null }).expect(200);
      // The feed: the question started (by Alice), and each reply the first time it was accepted
      // (Bob's twice, told once; Carol's once), by the reply's author.
      const feed = await t.dataSource.query(
        `SELECT kind, actor_id AS actor, dedupe_key AS key FROM activity WHERE subject_id = $1 ORDER BY id`,
        [q.id],
      );
      expect(feed).toEqual([
        { kind: 'thread.started', actor: users.alice.id, key: `thread.started:${q.id}` },
        { kind: 'answer.accepted', actor: users.bob.id, key: `answer.accepted:${rb.id}` },
        { kind: 'answer.accepted', actor: users.carol.id, key: `answer.accepted:${rc.id}` },
      ]);
      // Notification events: the question, its two replies, and each reply's author told once of its acceptance.
      const events = await t.dataSource.query(
        `SELECT type, payload->>'userId' AS "userId", payload->>'authorId' AS "authorId" FROM outbox
          WHERE payload->>'threadId' = $1 ORDER BY id`,
        [q.id],
      );
      expect(events).toEqual([
        { type: 'thread.created', userId: null, authorId: users.alice.id },
        { type: 'reply.created', userId: null, authorId: users.bob.id },
        { type: 'reply.created', userId: null, authorId: users.carol.id },
        { type: 'answer.accepted', userId: users.bob.id, authorId: null },
        { type: 'answer.accepted', userId: users.carol.id, authorId: null },
      ]);
      expect((await as.bob.get(ApiRoutes.thread(q.id))).body).toMatchObject({
        answered: false,
        acceptedReplyId: null,
      });
      expect((await list(as.bob, pub, { unanswered: 'true' })).items.map((i) => i.id)).toContain(q.id);
    });

    it('refuses an accepted answer on a discussion (409 naming kind)', async () => {
      const d = await ask(as.alice, pub, { kind: 'discussion' });
      const r = await reply(as.bob, d.id);
      const res = await as.alice.put(ApiRoutes.threadAcceptedReply(d.id)).send({ replyId: r.id }).expect(409);
      expect(res.body.errors[0].field).toBe('kind');
      expect(d.can.accept).toBe(false);
    });
  });

  describe('votes', () => {
    it('counts +1 per member, toggles, forbids self-votes, and sorts accepted first, then votes, then date', async () => {
      const q = await ask(as.alice, pub);
      const r1 = await reply(as.bob, q.id, 'première');
      const r2 = await reply(as.carol, q.id, 'deuxième');
      const r3 = await reply(as.anim, q.id, 'troisième');
      expect((await replies(as.alice, q.id)).map((r) => r.id)).toEqual([r1.id, r2.id, r3.id]);

      expect((await as.alice.post(ApiRoutes.replyVote(r3.id)).expect(200)).body).toEqual({
        voted: true,
        voteCount: 1,
      });
      expect((await as.bob.post(ApiRoutes.replyVote(r3.id)).expect(200)).body).toEqual({
        voted: true,
        voteCount: 2,
      });
      expect((await as.alice.post(ApiRoutes.replyVote(r2.id)).expect(200)).body).toEqual({
        voted: true,
        voteCount: 1,
      });
      // toggle off and on again
      expect((await as.bob.post(ApiRoutes.replyVote(r3.id)).expect(200)).body).toEqual({
        voted: false,
        voteCount: 1,
      });
      expect((await as.bob.post(ApiRoutes.replyVote(r3.id)).expect(200)).body).toEqual({
        voted: true,
        voteCount: 2,
      });
      // no self-vote, no vote from outside the space
      await as.anim.post(ApiRoutes.replyVote(r3.id)).expect(403);
      await as.outsider.post(ApiRoutes.replyVote(r3.id)).expect(403);
      await as.anonymous.post(ApiRoutes.replyVote(r3.id)).expect(401);

      const seenByAlice = await replies(as.alice, q.id);
      expect(seenByAlice.map((r) => [r.body, r.voteCount, r.votedByMe])).toEqual([
        ['troisième', 2, true],
        ['deuxième', 1, true],
        ['première', 0, false],
      ]);
      expect((await replies(as.carol, q.id)).map((r) => r.votedByMe)).toEqual([false, false, false]);
      // the accepted answer comes first whatever its votes
      await as.alice.put(ApiRoutes.threadAcceptedReply(q.id)).send({ replyId: r1.id }).expect(200);
      expect((await replies(as.carol, q.id)).map((r) => r.body)).toEqual([
        'première',
        'troisième',
        'deuxième',
      ]);
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM discussion_vote WHERE reply_id = ANY($1)`,
        [[r1.id, r2.id, r3.id]],
      );
      expect(n).toBe(3);
    });
  });

  describe('moderation: pin, lock, hide', () => {
    it("is for the space's animators and admins only", async () => {
      const thread = await ask(as.alice, pub);
      const r = await reply(as.bob, thread.id);
      for (const who of [as.alice, as.bob, as.privAnim, as.outsider]) {
        await who.patch(ApiRoutes.threadModeration(thread.id)).send({ pinned: true }).expect(403);
        await who.patch(ApiRoutes.replyModeration(r.id)).send({ hidden: true }).expect(403);
      }
      await as.anonymous.patch(ApiRoutes.threadModeration(thread.id)).send({ pinned: true }).expect(401);
      expect((await as.alice.get(ApiRoutes.thread(thread.id))).body).toMatchObject({
        pinned: false,
        hidden: false,
      });
      expect(
        (await as.anim.patch(ApiRoutes.threadModeration(thread.id)).send({ pinned: true }).expect(200)).body
          .pinned,
      ).toBe(true);
      expect(
        (await as.admin.patch(ApiRoutes.threadModeration(thread.id)).send({ pinned: false }).expect(200)).body
          .pinned,
      ).toBe(false);
    });

    it('pins a thread first in the list', async () => {
      const space = await makeSpace(t.dataSource);
      await addToSpace(t.dataSource, space.id, users.alice.id);
      await addToSpace(t.dataSource, space.id, users.anim.id, SpaceRole.Animator);
      const anim = await signedIn(t, users.anim);
      const old = await ask(as.alice, space, { title: 'Ancien' });
      await ask(as.alice, space, { title: 'Récent' });
      expect((await list(as.alice, space)).items.map((i) => i.title)).toEqual(['Récent', 'Ancien']);
      await anim.patch(ApiRoutes.threadModeration(old.id)).send({ pinned: true }).expect(200);
      const page = await list(as.alice, space);
      expect(page.items.map((i) => [i.title, i.pinned])).toEqual([
        ['Ancien', true],
        ['Récent', false],
      ]);
    });

    it('locks a thread: no new replies from members; animators may still answer', async () => {
      const thread = await ask(as.alice, pub);
      await as.anim.patch(ApiRoutes.threadModeration(thread.id)).send({ locked: true }).expect(200);
      const seen: ThreadDetail = (await as.bob.get(ApiRoutes.thread(thread.id))).body;
      expect(seen).toMatchObject({ locked: true, can: { reply: false } });
      await as.bob.post(ApiRoutes.threadReplies(thread.id)).send({ body: 'trop tard' }).expect(403);
      await as.alice.post(ApiRoutes.threadReplies(thread.id)).send({ body: 'trop tard' }).expect(403);
      await reply(as.anim, thread.id, 'mot de clôture');
      expect(await replies(as.bob, thread.id)).toHaveLength(1);
      await as.anim.patch(ApiRoutes.threadModeration(thread.id)).send({ locked: false }).expect(200);
      await reply(as.bob, thread.id);
    });

    it('hides a thread from members except its author; animators still see it, marked hidden', async () => {
      const thread = await ask(as.alice, pub, { title: 'À masquer' });
      await as.anim.patch(ApiRoutes.threadModeration(thread.id)).send({ hidden: true }).expect(200);
      for (const who of [as.bob, as.outsider, as.anonymous]) {
        expect((await list(who, pub)).items.map((i) => i.id)).not.toContain(thread.id);
        await who.get(ApiRoutes.thread(thread.id)).expect(404);
        await who.get(ApiRoutes.threadReplies(thread.id)).expect(404);
      }
      await as.bob.post(ApiRoutes.threadReplies(thread.id)).send({ body: 'x' }).expect(404);
      for (const who of [as.alice, as.anim, as.admin]) {
        expect((await list(who, pub)).items.find((i) => i.id === thread.id)).toMatchObject({ hidden: true });
        expect((await who.get(ApiRoutes.thread(thread.id)).expect(200)).body.hidden).toBe(true);
      }
    });

    it('hides a reply from members except its author; animators see it marked hidden; counts follow', async () => {
      const thread = await ask(as.alice, pub);
      const r1 = await reply(as.bob, thread.id, 'visible');
      const r2 = await reply(as.carol, thread.id, 'à masquer');
      await as.anim.patch(ApiRoutes.replyModeration(r2.id)).send({ hidden: true }).expect(200);
      expect((await replies(as.alice, thread.id)).map((r) => r.id)).toEqual([r1.id]);
      expect((await as.alice.get(ApiRoutes.thread(thread.id))).body.replyCount).toBe(1);
      await as.alice.post(ApiRoutes.replyVote(r2.id)).expect(404);
      await as.alice.get(ApiRoutes.replyRevisions(r2.id)).expect(404);
      expect((await replies(as.carol, thread.id)).find((r) => r.id === r2.id)).toMatchObject({
        hidden: true,
      });
      expect((await replies(as.anim, thread.id)).map((r) => [r.id, r.hidden])).toEqual([
        [r1.id, false],
        [r2.id, true],
      ]);
      expect((await as.anim.get(ApiRoutes.thread(thread.id))).body.replyCount).toBe(2);
      // a hidden reply cannot be accepted
      const res = await as.alice
        .put(ApiRoutes.threadAcceptedReply(thread.id))
        .send({ replyId: r2.id })
        .expect(400);
      expect(res.body.errors[0].field).toBe('replyId');
      await as.anim.patch(ApiRoutes.replyModeration(r2.id)).send({ hidden: false }).expect(200);
      expect(await replies(as.alice, thread.id)).toHaveLength(2);
    });
  });

  describe('search', () => {
    let space: { id: string; slug: string };
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      space = await makeSpace(t.dataSource);
      await addToSpace(t.dataSource, space.id, users.alice.id);
      ids['fr'] = (
        await ask(as.alice, space, {
          kind: 'discussion',
          title: 'Financement des associations féminines',
          body: 'Quelles subventions pour l’égalité entre les femmes et les hommes ?',
        })
      ).id;
      ids['ar'] = (
        await ask(as.alice, space, {
          title: 'المشاركة في الانتخابات البلدية',
          body: 'كيف تشارك الجمعيات النسائية في الانتخابات البلدية القادمة؟',
        })
      ).id;
      ids['other'] = (
        await ask(as.alice, space, { title: 'Gestion de projet', body: 'Des outils de planification ?' })
      ).id;
    });

    const found = async (q: string, query: Record<string, string> = {}) =>
      (await list(as.alice, space, { q, ...query })).items.map((i) => i.id);

    it('finds French words through accents, plurals and conjugations, in title and body', async () => {
      expect(await found('association')).toEqual([ids['fr']]);
      expect(await found('Féminine')).toEqual([ids['fr']]);
      expect(await found('subvention')).toEqual([ids['fr']]);
      expect(await found('égalités')).toEqual([ids['fr']]);
      expect(await found('financer des projets')).toEqual([]);
      expect(await found('financer')).toEqual([ids['fr']]);
      expect(await found('planifications')).toEqual([ids['other']]);
    });

    it('finds Arabic words with and without the article, singular and plural', async () => {
      expect(await found('الانتخابات')).toEqual([ids['ar']]);
      expect(await found('بلدية')).toEqual([ids['ar']]);
      expect(await found('الجمعية')).toEqual([ids['ar']]);
      expect(await found('النسائية')).toEqual([ids['ar']]);
      expect(await found('الرياضة')).toEqual([]);
    });

    it('combines search with the kind filter and pages the result', async () => {
      expect(await found('association', { kind: 'question' })).toEqual([]);
      expect(await found('association', { kind: 'discussion' })).toEqual([ids['fr']]);
      const page: ThreadPage = await list(as.alice, space, { pageSize: '2', page: '2' });
      expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(page.items).toHaveLength(1);
      expect((await list(as.alice, space, { kind: 'question' })).items.map((i) => i.id).sort()).toEqual(
        [ids['ar'], ids['other']].sort(),
      );
    });
  });

  describe('follows', () => {
    it('toggles following a thread and a space and says "am I following"', async () => {
      const thread = await ask(as.alice, pub);
      expect((await as.alice.post(ApiRoutes.threadFollow(thread.id)).expect(200)).body).toEqual({
        following: false,
      });
      expect((await as.alice.get(ApiRoutes.thread(thread.id))).body.following).toBe(false);
      expect((await as.alice.post(ApiRoutes.threadFollow(thread.id)).expect(200)).body).toEqual({
        following: true,
      });
      expect((await as.bob.get(ApiRoutes.thread(thread.id))).body.following).toBe(false);
      expect((await as.bob.post(ApiRoutes.threadFollow(thread.id)).expect(200)).body).toEqual({
        following: true,
      });
      // an outsider may follow a public space's thread; anonymous may not
      expect((await as.outsider.post(ApiRoutes.threadFollow(thread.id)).expect(200)).body).toEqual({
        following: true,
      });
      await as.anonymous.post(ApiRoutes.threadFollow(thread.id)).expect(401);
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM discussion_follow WHERE thread_id = $1`,
        [thread.id],
      );
      expect(n).toBe(3);

      expect((await as.carol.get(ApiRoutes.spaceFollow(pub.slug)).expect(200)).body).toEqual({
        following: false,
      });
      expect((await as.carol.post(ApiRoutes.spaceFollow(pub.slug)).expect(200)).body).toEqual({
        following: true,
      });
      expect((await list(as.carol, pub)).followingSpace).toBe(true);
      expect((await list(as.bob, pub)).followingSpace).toBe(false);
      expect((await as.carol.post(ApiRoutes.spaceFollow(pub.id)).expect(200)).body).toEqual({
        following: false,
      });
      expect((await list(as.carol, pub)).followingSpace).toBe(false);
      await as.anonymous.post(ApiRoutes.spaceFollow(pub.slug)).expect(401);
    });
  });

  describe('bad input', () => {
    it('answers 4xx naming the field on every route, and writes nothing', async () => {
      const thread = await ask(as.alice, pub);
      const r = await reply(as.bob, thread.id);
      const before = await counts();
      const long = (n: number) => 'x'.repeat(n + 1);
      const cases: [
        string,
        () => Promise<{ status: number; body: { errors?: { field: string }[] } }>,
        string,
      ][] = [
        [
          'create kind',
          () => as.alice.post(ApiRoutes.spaceThreads(pub.slug)).send({ kind: 'poll', title: 't', body: 'b' }),
          'kind',
        ],
        [
          'create no title',
          () => as.alice.post(ApiRoutes.spaceThreads(pub.slug)).send({ kind: 'question', body: 'b' }),
          'title',
        ],
        [
          'create blank title',
          () =>
            as.alice
              .post(ApiRoutes.spaceThreads(pub.slug))
              .send({ kind: 'question', title: '   ', body: 'b' }),
          'title',
        ],
        [
          'create long title',
          () =>
            as.alice
              .post(ApiRoutes.spaceThreads(pub.slug))
              .send({ kind: 'question', title: long(200), body: 'b' }),
          'title',
        ],
        [
          'create title not text',
          () =>
            as.alice.post(ApiRoutes.spaceThreads(pub.slug)).send({ kind: 'question', title: 42, body: 'b' }),
          'title',
        ],
        [
          'create no body',
          () => as.alice.post(ApiRoutes.spaceThreads(pub.slug)).send({ kind: 'question', title: 't' }),
          'body',
        ],
        [
          'create long body',
          () =>
            as.alice
              .post(ApiRoutes.spaceThreads(pub.slug))
              .send({ kind: 'question', title: 't', body: long(20_000) }),
          'body',
        ],
        [
          'create unknown field',
          () =>
            as.alice
              .post(ApiRoutes.spaceThreads(pub.slug))
              .send({ kind: 'question', title: 't', body: 'b', pinned: true }),
          'pinned',
        ],
        ['list kind', () => as.alice.get(ApiRoutes.spaceThreads(pub.slug)).query({ kind: 'poll' }), 'kind'],
        ['list page', () => as.alice.get(ApiRoutes.spaceThreads(pub.slug)).query({ page: '0' }), 'page'],
        [
          'list pageSize',
          () => as.alice.get(ApiRoutes.spaceThreads(pub.slug)).query({ pageSize: '1000' }),
          'pageSize',
        ],
        ['list q', () => as.alice.get(ApiRoutes.spaceThreads(pub.slug)).query({ q: long(200) }), 'q'],
        [
          'list unanswered',
          () => as.alice.get(ApiRoutes.spaceThreads(pub.slug)).query({ unanswered: 'maybe' }),
          'unanswered',
        ],
        ['get thread id', () => as.alice.get(ApiRoutes.thread('not-a-uuid')), 'id'],
        ['edit thread id', () => as.alice.patch(ApiRoutes.thread('not-a-uuid')).send({ title: 't' }), 'id'],
        ['edit thread empty', () => as.alice.patch(ApiRoutes.thread(thread.id)).send({}), 'body'],
        [
          'edit thread blank title',
          () => as.alice.patch(ApiRoutes.thread(thread.id)).send({ title: '' }),
          'title',
        ],
        [
          'edit thread long body',
          () => as.alice.patch(ApiRoutes.thread(thread.id)).send({ body: long(20_000) }),
          'body',
        ],
        ['thread revisions id', () => as.alice.get(ApiRoutes.threadRevisions('nope')), 'id'],
        [
          'accept bad id',
          () => as.alice.put(ApiRoutes.threadAcceptedReply(thread.id)).send({ replyId: 'nope' }),
          'replyId',
        ],
        ['accept missing', () => as.alice.put(ApiRoutes.threadAcceptedReply(thread.id)).send({}), 'replyId'],
        [
          'accept unknown reply',
          () => as.alice.put(ApiRoutes.threadAcceptedReply(thread.id)).send({ replyId: UNKNOWN }),
          'replyId',
        ],
        [
          'accept thread id',
          () => as.alice.put(ApiRoutes.threadAcceptedReply('nope')).send({ replyId: r.id }),
          'id',
        ],
        ['moderate empty', () => as.anim.patch(ApiRoutes.threadModeration(thread.id)).send({}), 'pinned'],
        [
          'moderate not boolean',
          () => as.anim.patch(ApiRoutes.threadModeration(thread.id)).send({ locked: 'yes' }),
          'locked',
        ],
        [
          'moderate unknown field',
          () => as.anim.patch(ApiRoutes.threadModeration(thread.id)).send({ deleted: true }),
          'deleted',
        ],
        [
          'moderate thread id',
          () => as.anim.patch(ApiRoutes.threadModeration('nope')).send({ pinned: true }),
          'id',
        ],
        ['follow thread id', () => as.alice.post(ApiRoutes.threadFollow('nope')), 'id'],
        ['replies id', () => as.alice.get(ApiRoutes.threadReplies('nope')), 'id'],
        [
          'replies page',
          () => as.alice.get(ApiRoutes.threadReplies(thread.id)).query({ page: 'two' }),
          'page',
        ],
        ['reply no body', () => as.bob.post(ApiRoutes.threadReplies(thread.id)).send({}), 'body'],
        [
          'reply body not text',
          () => as.bob.post(ApiRoutes.threadReplies(thread.id)).send({ body: ['a'] }),
          'body',
        ],
        [
          'reply blank body',
          () => as.bob.post(ApiRoutes.threadReplies(thread.id)).send({ body: ' \n ' }),
          'body',
        ],
        ['reply thread id', () => as.bob.post(ApiRoutes.threadReplies('nope')).send({ body: 'b' }), 'id'],
        ['edit reply blank', () => as.bob.patch(ApiRoutes.reply(r.id)).send({ body: '' }), 'body'],
        ['edit reply id', () => as.bob.patch(ApiRoutes.reply('nope')).send({ body: 'b' }), 'id'],
        ['reply revisions id', () => as.bob.get(ApiRoutes.replyRevisions('nope')), 'id'],
        ['vote id', () => as.alice.post(ApiRoutes.replyVote('nope')), 'id'],
        ['moderate reply missing', () => as.anim.patch(ApiRoutes.replyModeration(r.id)).send({}), 'hidden'],
        [
          'moderate reply not boolean',
          () => as.anim.patch(ApiRoutes.replyModeration(r.id)).send({ hidden: 1 }),
          'hidden',
        ],
        [
          'moderate reply id',
          () => as.anim.patch(ApiRoutes.replyModeration('nope')).send({ hidden: true }),
          'id',
        ],
      ];
      for (const [name, send, field] of cases) {
        const res = await send();
        expect({ name, status: res.status, fields: res.body.errors?.map((e) => e.field) }).toEqual({
          name,
          status: 400,
          fields: expect.arrayContaining([field]),
        });
      }
      // unknown objects: 404, never 500
      for (const send of [
        () =>
          as.alice
            .post(ApiRoutes.spaceThreads('unknown-space'))
            .send({ kind: 'question', title: 't', body: 'b' }),
        () =>
          as.alice
            .post(ApiRoutes.spaceThreads('Not A Slug!'))
            .send({ kind: 'question', title: 't', body: 'b' }),
        () => as.alice.post(ApiRoutes.spaceFollow(UNKNOWN)),
        () => as.alice.patch(ApiRoutes.thread(UNKNOWN)).send({ title: 't' }),
        () => as.alice.patch(ApiRoutes.reply(UNKNOWN)).send({ body: 'b' }),
        () => as.anim.patch(ApiRoutes.replyModeration(UNKNOWN)).send({ hidden: true }),
        () => as.alice.post(ApiRoutes.threadFollow(UNKNOWN)),
      ])
        expect((await send()).status).toBe(404);
      expect(await counts()).toEqual(before);
      const unchanged: ThreadDetail = (await as.alice.get(ApiRoutes.thread(thread.id))).body;
      expect(unchanged).toMatchObject({
        title: thread.title,
        body: thread.body,
        pinned: false,
        locked: false,
        hidden: false,
        acceptedReplyId: null,
      });
    });
  });

  describe('stored XSS', () => {
    const PAYLOADS = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[x](javascript:alert(1))',
      '<svg onload=alert(1)>',
      '"><iframe src=javascript:alert(1)>',
    ];
    const expectSafe = (html: string) => {
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<iframe/i);
      expect(html).not.toMatch(/<svg/i);
      expect(html).not.toMatch(/\son\w+\s*=/i);
      expect(html).not.toMatch(/javascript:/i);
    };

    it('stores title and body as written and returns HTML with no script, handler or javascript: URL', async () => {
      for (const payload of PAYLOADS) {
        const thread = await ask(as.alice, pub, {
          title: `Titre ${payload}`,
          body: `Avant ${payload} après\n\n- ${payload}`,
        });
        const r = await reply(as.bob, thread.id, `Réponse ${payload}`);
        const read: ThreadDetail = (await as.bob.get(ApiRoutes.thread(thread.id))).body;
        expect(read.title).toBe(`Titre ${payload}`);
        expect(read.body).toBe(`Avant ${payload} après\n\n- ${payload}`);
        expectSafe(read.bodyHtml);
        const [rr] = await replies(as.alice, thread.id);
        expect(rr.body).toBe(r.body);
        expect(rr.body).toBe(`Réponse ${payload}`);
        expectSafe(rr.bodyHtml);
        const edited: ThreadDetail = (
          await as.alice
            .patch(ApiRoutes.thread(thread.id))
            .send({ body: `Modifié ${payload}` })
            .expect(200)
        ).body;
        expectSafe(edited.bodyHtml);
        const [rev] = (await as.alice.get(ApiRoutes.threadRevisions(thread.id))).body;
        expectSafe(rev.bodyHtml);
      }
    });
  });
});
