/**
 * "Mark as done" under concurrency and at the edges of the percent rule. The write is one
 * statement when the member is already enrolled (ProgressRepository.markDone): these tests pin
 * what that statement must keep — the percent counted from the latest committed progress, one
 * `module.completed` per member and module, `module.progressed` events that chain, no deadlock
 * with the other progress writes — and the answers of the access check.
 */
import {
  addToSpace,
  Agent,
  createTestApp,
  makeModule,
  makeRegion,
  makeSpace,
  makeUser,
  signedIn,
  TestApp,
} from '@pratique/api/testing';
import { ApiRoutes, LessonKind, ModuleStatus } from '@pratique/contracts';

jest.setTimeout(60_000);

describe('learning: marking lessons done, concurrently', () => {
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
    const user = await makeUser(t.dataSource, { regionId: region.id });
    await addToSpace(t.dataSource, space.id, user.id);
    return { id: user.id, agent: await signedIn(t, user) };
  }
  const complete = (agent: Agent, lessonId: string) => agent.post(ApiRoutes.lessonComplete(lessonId));
  const events = async (type: string, userId: string, moduleId: string): Promise<Record<string, unknown>[]> =>
    (
      await t.dataSource.query(
        `SELECT payload FROM outbox WHERE type = $1 AND payload->>'userId' = $2 AND payload->>'moduleId' = $3 ORDER BY id`,
        [type, userId, moduleId],
      )
    ).map((r: { payload: Record<string, unknown> }) => r.payload);
  const enrollment = async (userId: string, moduleId: string) =>
    (
      await t.dataSource.query(
        `SELECT percent, completed_at, certificate_code FROM enrollment WHERE user_id = $1 AND module_id = $2`,
        [userId, moduleId],
      )
    )[0];

  it('parallel marks of the last two lessons: 100 %, one module.completed, progressed events that chain', async () => {
    const mod = await makeModule(t.dataSource, space.id, { lessons: [{}, {}, {}] });
    const members = await Promise.all(Array.from({ length: 8 }, () => member()));
    // Enrolled first (33 %), so the parallel marks take the one-statement path.
    for (const m of members)
      expect((await complete(m.agent, mod.lessonIds[0]).expect(200)).body.modulePercent).toBe(33);
    const answers = await Promise.all(
      members.map((m) =>
        Promise.all([complete(m.agent, mod.lessonIds[1]), complete(m.agent, mod.lessonIds[2])]),
      ),
    );
    for (const [i, m] of members.entries()) {
      expect(answers[i].map((r) => r.status)).toEqual([200, 200]);
      // One of the two was counted first: 66 then 100, never 66 twice.
      expect(answers[i].map((r) => r.body.modulePercent as number).sort((a, b) => a - b)).toEqual([66, 100]);
      expect(await enrollment(m.id, mod.id)).toMatchObject({
        percent: 100,
        completed_at: expect.any(Date),
        certificate_code: expect.any(String),
      });
      const completed = await events('module.completed', m.id, mod.id);
      expect(completed).toEqual([
        {
          moduleId: mod.id,
          spaceId: space.id,
          userId: m.id,
          certificateCode: (await enrollment(m.id, mod.id)).certificate_code,
        },
      ]);
      const progressed = await events('module.progressed', m.id, mod.id);
      expect(progressed.map((e) => [e['fromPercent'], e['toPercent']])).toEqual([
        [0, 33],
        [33, 66],
        [66, 100],
      ]);
    }
  });

  // Another request of the same member, caught in the middle of its transaction (lesson 0 done,
  // the enrollment rewritten and locked), while this member marks a lesson: first time (the
  // upsert path) or again (the re-sent path). The mark waits for the row, then must count lesson 0.
  it.each([
    { path: 'a new completion', before: 2, progressed: [[50, 100]] },
    {
      path: 'a re-sent completion',
      before: 1,
      progressed: [
        [0, 50],
        [50, 100],
      ],
    },
  ])(
    '$path that waited for another write of the same enrollment counts that write',
    async ({ before, progressed }) => {
      const mod = await makeModule(t.dataSource, space.id, { lessons: [{}, {}, { required: false }] });
      const me = await member();
      await complete(me.agent, mod.lessonIds[before]).expect(200); // enrolled
      const other = t.dataSource.createQueryRunner();
      await other.connect();
      let released = false;
      try {
        await other.startTransaction();
        const [{ pid }] = await other.query(`SELECT pg_backend_pid() AS pid`);
        await other.query(
          `INSERT INTO lesson_progress (user_id, lesson_id, status, completed_at) VALUES ($1, $2, 'completed', now())`,
          [me.id, mod.lessonIds[0]],
        );
        await other.query(
          `UPDATE enrollment SET percent = 50, last_activity_at = now() WHERE user_id = $1 AND module_id = $2`,
          [me.id, mod.id],
        );
        const pending = complete(me.agent, mod.lessonIds[1]).then((r) => r);
        expect(await waitForLockWait(pid)).toBe(true); // the mark reached the enrollment row and waits for it
        await other.commitTransaction();
        released = true;
        const res = await pending;
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          lessonId: mod.lessonIds[1],
          status: 'completed',
          modulePercent: 100,
          moduleCompletedAt: expect.any(String),
        });
      } finally {
        if (!released) await other.rollbackTransaction();
        await other.release();
      }
      expect(await enrollment(me.id, mod.id)).toMatchObject({ percent: 100, completed_at: expect.any(Date) });
      expect(await events('module.completed', me.id, mod.id)).toHaveLength(1);
      expect(
        (await events('module.progressed', me.id, mod.id)).map((e) => [e['fromPercent'], e['toPercent']]),
      ).toEqual(progressed);
    },
  );

  /** True once another connection waits for a lock `holder` holds (within 5 s). */
  async function waitForLockWait(holder: number): Promise<boolean> {
    for (let i = 0; i < 250; i++) {
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY (pg_blocking_pids(pid))`,
        [holder],
      );
      if (n > 0) return true;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return false;
  }

  it('marking a video done while its progress is reported at the same time never deadlocks', async () => {
    const mod = await makeModule(t.dataSource, space.id, { lessons: [{ kind: LessonKind.Video }, {}] });
    const members = await Promise.all(Array.from({ length: 8 }, () => member()));
    for (const m of members) await complete(m.agent, mod.lessonIds[1]).expect(200);
    const video = mod.lessonIds[0];
    const answers = await Promise.all(
      members.map((m) =>
        Promise.all([
          complete(m.agent, video),
          m.agent.post(ApiRoutes.lessonVideoProgress(video)).send({ watchedPercent: 95 }),
        ]),
      ),
    );
    for (const [i, m] of members.entries()) {
      expect(answers[i].map((r) => r.status)).toEqual([200, 200]);
      expect(answers[i].map((r) => r.body.modulePercent)).toEqual([100, 100]);
      expect(await events('module.completed', m.id, mod.id)).toHaveLength(1);
      expect(
        (await events('module.progressed', m.id, mod.id)).map((e) => [e['fromPercent'], e['toPercent']]),
      ).toEqual([
        [0, 50],
        [50, 100],
      ]);
    }
  });

  it('re-marking a lesson of a module completed before a lesson was added keeps 100 % and the completion, with no event', async () => {
    const mod = await makeModule(t.dataSource, space.id, { lessons: [{}] });
    const me = await member();
    const first = (await complete(me.agent, mod.lessonIds[0]).expect(200)).body;
    expect(first).toMatchObject({ modulePercent: 100, moduleCompletedAt: expect.any(String) });
    const admin = await signedIn(t, await makeUser(t.dataSource, { regionId: region.id, admin: true }));
    await admin
      .post(ApiRoutes.moduleLessons(mod.id))
      .send({ kind: 'page', title: { fr: 'Ajoutée' }, content: { markdown: { fr: 'Après coup' } } })
      .expect(201);
    const before = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox WHERE payload->>'userId' = $1`,
      [me.id],
    );
    const again = (await complete(me.agent, mod.lessonIds[0]).expect(200)).body;
    expect(again).toEqual({
      lessonId: mod.lessonIds[0],
      status: 'completed',
      modulePercent: 100,
      moduleCompletedAt: first.moduleCompletedAt,
    });
    expect(
      await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE payload->>'userId' = $1`, [
        me.id,
      ]),
    ).toEqual(before);
    const [progress] = await t.dataSource.query(
      `SELECT status, completed_at FROM lesson_progress WHERE user_id = $1 AND lesson_id = $2`,
      [me.id, mod.lessonIds[0]],
    );
    expect(progress.status).toBe('completed');
    expect(progress.completed_at.toISOString()).toBe(first.moduleCompletedAt);
  });

  it('a re-sent completion records the activity, and still announces a percent that changes', async () => {
    const mod = await makeModule(t.dataSource, space.id, { lessons: [{}, {}] });
    const me = await member();
    await complete(me.agent, mod.lessonIds[1]).expect(200);
    await complete(me.agent, mod.lessonIds[0]).expect(200);
    await t.dataSource.query(
      `UPDATE enrollment SET last_activity_at = now() - interval '1 day' WHERE user_id = $1 AND module_id = $2`,
      [me.id, mod.id],
    );
    await t.dataSource.query(
      `UPDATE lesson_progress SET updated_at = now() - interval '1 day' WHERE user_id = $1`,
      [me.id],
    );
    // Nothing to announce: the lesson's and the enrollment's activity move, nothing else.
    const again = (await complete(me.agent, mod.lessonIds[1]).expect(200)).body;
    expect(again).toMatchObject({ modulePercent: 100, moduleCompletedAt: expect.any(String) });
    const [e] = await t.dataSource.query(
      `SELECT last_lesson_id, last_activity_at > now() - interval '1 minute' AS fresh FROM enrollment WHERE user_id = $1 AND module_id = $2`,
      [me.id, mod.id],
    );
    expect(e).toEqual({ last_lesson_id: mod.lessonIds[1], fresh: true });
    const [p] = await t.dataSource.query(
      `SELECT updated_at > now() - interval '1 minute' AS fresh FROM lesson_progress WHERE user_id = $1 AND lesson_id = $2`,
      [me.id, mod.lessonIds[1]],
    );
    expect(p.fresh).toBe(true);
    expect(await events('module.progressed', me.id, mod.id)).toHaveLength(2);

    // An enrollment left behind its progress (as an older release could leave it): the re-sent
    // completion brings it back, and says so.
    const other = await makeModule(t.dataSource, space.id, { lessons: [{}, {}] });
    await complete(me.agent, other.lessonIds[0]).expect(200);
    await t.dataSource.query(`UPDATE enrollment SET percent = 0 WHERE user_id = $1 AND module_id = $2`, [
      me.id,
      other.id,
    ]);
    expect((await complete(me.agent, other.lessonIds[0]).expect(200)).body.modulePercent).toBe(50);
    expect(
      (await events('module.progressed', me.id, other.id)).map((e) => [e['fromPercent'], e['toPercent']]),
    ).toEqual([
      [0, 50],
      [0, 50],
    ]);
  });

  it('floors the percent when every lesson is optional (2 of 3 is 66)', async () => {
    const mod = await makeModule(t.dataSource, space.id, {
      lessons: [{ required: false }, { required: false }, { required: false }],
    });
    const me = await member();
    expect((await complete(me.agent, mod.lessonIds[0]).expect(200)).body.modulePercent).toBe(33);
    expect((await complete(me.agent, mod.lessonIds[1]).expect(200)).body.modulePercent).toBe(66);
    expect(await enrollment(me.id, mod.id)).toMatchObject({ percent: 66, completed_at: null });
  });

  it('answers the access check as the module pages do', async () => {
    const archived = await makeModule(t.dataSource, space.id, { lessons: [{}, {}] });
    const draft = await makeModule(t.dataSource, space.id, { status: ModuleStatus.Draft, lessons: [{}] });
    const quiz = await makeModule(t.dataSource, space.id, { lessons: [{ kind: LessonKind.Quiz }] });
    const me = await member();
    await complete(me.agent, archived.lessonIds[0]).expect(200);
    await t.dataSource.query(`UPDATE module SET status = $2 WHERE id = $1`, [
      archived.id,
      ModuleStatus.Archived,
    ]);
    // Started it: the archived module is visible, progress is refused.
    expect((await complete(me.agent, archived.lessonIds[1]).expect(403)).body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'Progress is recorded only on published modules',
    });
    // Never started it: not even visible.
    const other = await member();
    expect((await complete(other.agent, archived.lessonIds[1]).expect(404)).body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'id is not a known module',
      errors: [{ field: 'id', reason: 'is not a known module' }],
    });
    expect((await complete(me.agent, draft.lessonIds[0]).expect(404)).body.message).toBe(
      'id is not a known module',
    );
    expect((await complete(me.agent, '00000000-0000-4000-8000-000000000000').expect(404)).body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'id is not a known lesson',
      errors: [{ field: 'id', reason: 'is not a known lesson' }],
    });
    const outsider = await signedIn(t, await makeUser(t.dataSource, { regionId: region.id }));
    const published = await makeModule(t.dataSource, space.id, { lessons: [{}] });
    expect((await complete(outsider, published.lessonIds[0]).expect(403)).body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'Join the space to record your progress',
    });
    expect((await complete(me.agent, quiz.lessonIds[0]).expect(400)).body.errors).toEqual([
      { field: 'kind', reason: 'a quiz is completed by passing it' },
    ]);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM lesson_progress WHERE lesson_id = ANY($1)`,
      [[archived.lessonIds[1], draft.lessonIds[0], published.lessonIds[0], quiz.lessonIds[0]]],
    );
    expect(n).toBe(0);
  });
});
