import { addToSpace, Agent, createTestApp, makeModule, makeSpace, makeUser, sampleQuiz, signedIn, TestApp, makeRegion } from '@pratique/api/testing';
import { ApiRoutes, LessonKind, ModuleStatus } from '@pratique/contracts';

describe('learning: progress, percent, quizzes, certificates', () => {
  let t: TestApp;
  let space: { id: string };
  let region: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    region = await makeRegion(t.dataSource);
    space = await makeSpace(t.dataSource);
  });
  afterAll(() => t.close());

  async function member(): Promise<{ id: string; agent: Agent }> {
    const user = await makeUser(t.dataSource, { regionId: region.id, displayName: 'Leïla Trabelsi' });
    await addToSpace(t.dataSource, space.id, user.id);
    return { id: user.id, agent: await signedIn(t, user) };
  }
  const percentOf = async (agent: Agent, moduleId: string) => (await agent.get(ApiRoutes.module(moduleId)).expect(200)).body.myPercent;

  it('floors the percent over required lessons (2 of 3 is 66) and ignores optional ones', async () => {
    const mod = await makeModule(t.dataSource, space.id, { lessons: [{}, {}, {}, { required: false }] });
    const me = await member();
    const first = await me.agent.post(ApiRoutes.lessonComplete(mod.lessonIds[0])).expect(200);
    expect(first.body).toMatchObject({ status: 'completed', modulePercent: 33, moduleCompletedAt: null });
    await me.agent.post(ApiRoutes.lessonComplete(mod.lessonIds[3])).expect(200);
    expect(await percentOf(me.agent, mod.id)).toBe(33);
    const second = await me.agent.post(ApiRoutes.lessonComplete(mod.lessonIds[1])).expect(200);
    expect(second.body.modulePercent).toBe(66);
    // Each change of percent is an event (the worker derives "you became eligible" from it); none when it did not change.
    const events = await t.dataSource.query(
      `SELECT payload FROM outbox WHERE type = 'module.progressed' AND payload->>'userId' = $1 ORDER BY id`,
      [me.id],
    );
    expect(events.map((e: { payload: unknown }) => e.payload)).toEqual([
      { moduleId: mod.id, userId: me.id, fromPercent: 0, toPercent: 33 },
      { moduleId: mod.id, userId: me.id, fromPercent: 33, toPercent: 66 },
    ]);
  });

  it('counts every lesson when none is required', async () => {
    const mod = await makeModule(t.dataSource, space.id, { lessons: [{ required: false }, { required: false }] });
    const me = await member();
    expect((await me.agent.post(ApiRoutes.lessonComplete(mod.lessonIds[0])).expect(200)).body.modulePercent).toBe(50);
  });

  it('completes at 100 %, once: repeating the completion is idempotent (one event, one certificate)', async () => {
    const mod = await makeModule(t.dataSource, space.id, { lessons: [{}] });
    const me = await member();
    const results = await Promise.all([1, 2, 3].map(() => me.agent.post(ApiRoutes.lessonComplete(mod.lessonIds[0]))));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results.every((r) => r.body.modulePercent === 100 && r.body.moduleCompletedAt)).toBe(true);
    const events = await t.dataSource.query(`SELECT 1 FROM outbox WHERE type = 'module.completed' AND payload->>'moduleId' = $1`, [mod.id]);
    expect(events).toHaveLength(1);
    const [enrollment] = await t.dataSource.query(`SELECT certificate_code FROM enrollment WHERE module_id = $1 AND user_id = $2`, [mod.id, me.id]);
    expect(enrollment.certificate_code).toMatch(/^[A-Z0-9]{8,16}$/);
  });

  it('keeps a recorded completion when a lesson is added, while others see the new denominator', async () => {
    const mod = await makeModule(t.dataSource, space.id, { lessons: [{}, {}] });
    const done = await member();
    const half = await member();
    await done.agent.post(ApiRoutes.lessonComplete(mod.lessonIds[0])).expect(200);
    await done.agent.post(ApiRoutes.lessonComplete(mod.lessonIds[1])).expect(200);
    await half.agent.post(ApiRoutes.lessonComplete(mod.lessonIds[0])).expect(200);
    const admin = await makeUser(t.dataSource, { regionId: region.id, admin: true });
    const adminAgent = await signedIn(t, admin);
    await adminAgent
      .post(ApiRoutes.moduleLessons(mod.id))
      .send({ kind: 'page', title: { fr: 'Nouvelle leçon' }, content: { markdown: { fr: 'Ajoutée après coup' } } })
      .expect(201);
    expect(await percentOf(done.agent, mod.id)).toBe(100);
    expect(await percentOf(half.agent, mod.id)).toBe(33);
    const mine = await done.agent.get(ApiRoutes.myModules).expect(200);
    expect(mine.body.find((m: { moduleId: string }) => m.moduleId === mod.id)).toMatchObject({ percent: 100, completedAt: expect.any(String) });
  });

  it('completes members whose last missing lesson is removed', async () => {
    const mod = await makeModule(t.dataSource, space.id, { lessons: [{}, {}] });
    const me = await member();
    await me.agent.post(ApiRoutes.lessonComplete(mod.lessonIds[0])).expect(200);
    const admin = await signedIn(t, await makeUser(t.dataSource, { regionId: region.id, admin: true }));
    await admin.delete(ApiRoutes.lesson(mod.lessonIds[1])).expect(204);
    expect(await percentOf(me.agent, mod.id)).toBe(100);
    const events = await t.dataSource.query(`SELECT 1 FROM outbox WHERE type = 'module.completed' AND payload->>'userId' = $1`, [me.id]);
    expect(events).toHaveLength(1);
  });

  it('scores quizzes on the server, gives feedback, and enforces the attempt limit even under concurrency', async () => {
    const mod = await makeModule(t.dataSource, space.id, { lessons: [{ kind: LessonKind.Quiz, content: sampleQuiz({ attemptsAllowed: 2, passingScore: 100 }) }] });
    const me = await member();
    const lesson = ApiRoutes.lessonQuizAttempts(mod.lessonIds[0]);
    const wrong = await me.agent.post(lesson).send({ answers: { q1: ['b'], q2: ['a', 'b'] } }).expect(201);
    expect(wrong.body).toMatchObject({ score: 50, passed: false, attemptsUsed: 1, attemptsLeft: 1, modulePercent: 0 });
    expect(wrong.body.questions[0].feedback[0]).toEqual({ choiceId: 'b', correct: false, feedback: { fr: expect.stringMatching(/^Non/) } });
    await me.agent.post(lesson).send({ answers: { q1: ['a'], q2: ['a', 'b'], score: 100 } }).expect(400);
    await me.agent.post(lesson).send({ answers: { q1: 'a' } }).expect(400);
    await me.agent.post(lesson).send({ answers: { q1: ['a'] }, score: 100 }).expect(400);
    const burst = await Promise.all([1, 2, 3, 4].map(() => me.agent.post(lesson).send({ answers: { q1: ['a'], q2: ['a', 'b'] } })));
    expect(burst.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    const passed = burst.find((r) => r.status === 201)!;
    expect(passed.body).toMatchObject({ score: 100, passed: true, attemptsLeft: 0, modulePercent: 100 });
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM quiz_attempt WHERE user_id = $1`, [me.id]);
    expect(count).toBe(2);
    await me.agent.post(ApiRoutes.lessonComplete(mod.lessonIds[0])).expect(400);
  });

  it('refuses progress on drafts and archived modules, and for non-members', async () => {
    const draft = await makeModule(t.dataSource, space.id, { status: ModuleStatus.Draft, lessons: [{}] });
    const archived = await makeModule(t.dataSource, space.id, { status: ModuleStatus.Archived, lessons: [{}] });
    const published = await makeModule(t.dataSource, space.id, { lessons: [{}] });
    const me = await member();
    await me.agent.post(ApiRoutes.lessonComplete(draft.lessonIds[0])).expect(404);
    await me.agent.post(ApiRoutes.lessonComplete(archived.lessonIds[0])).expect(404);
    const outsider = await signedIn(t, await makeUser(t.dataSource, { regionId: region.id }));
    const res = await outsider.post(ApiRoutes.lessonComplete(published.lessonIds[0])).expect(403);
    expect(res.body.message).toMatch(/Join the space/);
    await t.agent().post(ApiRoutes.lessonComplete(published.lessonIds[0])).expect(401);
    await me.agent.post(ApiRoutes.lessonComplete('00000000-0000-4000-8000-000000000000')).expect(404);
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM lesson_progress WHERE lesson_id = ANY($1)`, [
      [draft.lessonIds[0], archived.lessonIds[0], published.lessonIds[0]],
    ]);
    expect(count).toBe(0);
  });

  it('keeps an archived module readable by those who started it', async () => {
    const mod = await makeModule(t.dataSource, space.id, { lessons: [{}, {}] });
    const me = await member();
    const other = await member();
    await me.agent.post(ApiRoutes.lessonComplete(mod.lessonIds[0])).expect(200);
    await t.dataSource.query(`UPDATE module SET status = 'archived' WHERE id = $1`, [mod.id]);
    await me.agent.get(ApiRoutes.lesson(mod.lessonIds[1])).expect(200);
    await other.agent.get(ApiRoutes.module(mod.id)).expect(404);
  });

  it('records video progress and completes from 90 % watched', async () => {
    const mod = await makeModule(t.dataSource, space.id, { lessons: [{ kind: LessonKind.Video }] });
    const me = await member();
    const url = ApiRoutes.lessonVideoProgress(mod.lessonIds[0]);
    expect((await me.agent.post(url).send({ watchedPercent: 40 }).expect(200)).body).toMatchObject({ status: 'in_progress', modulePercent: 0 });
    expect((await me.agent.post(url).send({ watchedPercent: 91 }).expect(200)).body).toMatchObject({ status: 'completed', modulePercent: 100 });
    await me.agent.post(url).send({ watchedPercent: 101 }).expect(400);
    await me.agent.post(url).send({ watchedPercent: 'lots' }).expect(400);
  });

  it('serves "my modules" with percent and where to continue, and the certificate once complete', async () => {
    const mod = await makeModule(t.dataSource, space.id, { title: 'Redevabilité', lessons: [{}, {}] });
    const me = await member();
    await me.agent.post(ApiRoutes.lessonComplete(mod.lessonIds[0])).expect(200);
    let mine = (await me.agent.get(ApiRoutes.myModules).expect(200)).body;
    expect(mine).toEqual([expect.objectContaining({ moduleId: mod.id, percent: 50, continueLessonId: mod.lessonIds[1], certificateCode: null })]);
    await me.agent.get(ApiRoutes.moduleCertificate(mod.id)).expect(404);
    await me.agent.post(ApiRoutes.lessonComplete(mod.lessonIds[1])).expect(200);
    mine = (await me.agent.get(ApiRoutes.myModules).expect(200)).body;
    expect(mine[0]).toMatchObject({ percent: 100, continueLessonId: null, certificateCode: expect.any(String) });
    const pdf = await me.agent.get(ApiRoutes.moduleCertificate(mod.id)).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const verify = await t.agent().get(ApiRoutes.certificateVerify(mine[0].certificateCode)).expect(200);
    expect(verify.body).toMatchObject({ valid: true, holderName: 'Leïla Trabelsi', moduleTitle: { fr: 'Redevabilité' } });
    expect((await t.agent().get(ApiRoutes.certificateVerify('NOPE1234')).expect(200)).body.valid).toBe(false);
    const stranger = await signedIn(t, await makeUser(t.dataSource, { regionId: region.id }));
    await stranger.get(ApiRoutes.moduleCertificate(mod.id)).expect(404);
  });
});
