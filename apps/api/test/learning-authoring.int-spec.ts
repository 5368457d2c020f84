import { addToSpace, createTestApp, makeModule, makeSpace, makeUser, makeWorld, sampleQuiz, signedIn, TestApp, World, Agent } from '@pratique/api/testing';
import { ApiRoutes, LessonKind, ModuleDetail, ModuleStatus, SpaceRole, SpaceScope } from '@pratique/contracts';

describe('learning: authoring modules and lessons', () => {
  let t: TestApp;
  let w: World;
  let space: { id: string; slug: string };
  let animator: Agent;
  let learner: Agent;
  let learnerId: string;

  beforeAll(async () => {
    t = await createTestApp();
    w = await makeWorld(t);
    space = await makeSpace(t.dataSource, { scope: SpaceScope.Regional, regionId: w.regionA.id });
    const a = await makeUser(t.dataSource, { regionId: w.regionA.id });
    await addToSpace(t.dataSource, space.id, a.id, SpaceRole.Animator);
    animator = await signedIn(t, a);
    const m = await makeUser(t.dataSource, { regionId: w.regionA.id });
    await addToSpace(t.dataSource, space.id, m.id);
    learner = await signedIn(t, m);
    learnerId = m.id;
  });
  afterAll(() => t.close());

  const moduleBody = { title: { fr: 'Gouvernance associative', ar: 'الحوكمة الجمعياتية' }, summary: { fr: 'Les bases' }, originalLanguage: 'fr', estimatedMinutes: 45 };
  const pageLesson = { kind: 'page', title: { fr: 'Introduction' }, content: { markdown: { fr: '# Bienvenue\n\n**gras** <img src=x onerror=alert(1)>\n\n<script>alert(1)</script>' } } };

  it.each([
    ['anonymous', 401],
    ['memberA', 403],
    ['staffA', 403],
    ['staffB', 403],
  ] as const)('refuses module creation to %s (%i)', async (who, status) => {
    await w.as[who].post(ApiRoutes.spaceModules(space.id)).send(moduleBody).expect(status);
  });

  it('lets the animator of the space and an admin create modules as drafts hidden from members', async () => {
    const res = await animator.post(ApiRoutes.spaceModules(space.id)).send(moduleBody).expect(201);
    const mod: ModuleDetail = res.body;
    expect(mod).toMatchObject({ status: 'draft', lessonCount: 0, estimatedMinutes: 45, can: { edit: true } });
    await w.as.admin.post(ApiRoutes.spaceModules(space.id)).send(moduleBody).expect(201);
    await learner.get(ApiRoutes.module(mod.id)).expect(404);
    const list = await learner.get(ApiRoutes.spaceModules(space.id)).expect(200);
    expect(list.body.map((m: { id: string }) => m.id)).not.toContain(mod.id);
    const authorList = await animator.get(ApiRoutes.spaceModules(space.id)).expect(200);
    expect(authorList.body.map((m: { id: string }) => m.id)).toContain(mod.id);
  });

  it('refuses to publish a module without lessons, then publishes it once, writing one outbox event', async () => {
    const mod: ModuleDetail = (await animator.post(ApiRoutes.spaceModules(space.id)).send(moduleBody).expect(201)).body;
    const empty = await animator.patch(ApiRoutes.module(mod.id)).send({ status: 'published' }).expect(400);
    expect(empty.body.errors[0].field).toBe('status');
    await animator.post(ApiRoutes.moduleLessons(mod.id)).send(pageLesson).expect(201);
    await animator.patch(ApiRoutes.module(mod.id)).send({ status: 'published' }).expect(200);
    await animator.patch(ApiRoutes.module(mod.id)).send({ status: 'published', title: { ar: 'عنوان' } }).expect(200);
    const events = await t.dataSource.query(`SELECT payload FROM outbox WHERE type = 'module.published' AND payload->>'moduleId' = $1`, [mod.id]);
    expect(events).toHaveLength(1);
    const seen = await learner.get(ApiRoutes.module(mod.id)).expect(200);
    expect(seen.body).toMatchObject({ status: 'published', can: { edit: false, learn: true } });
    await w.as.memberB.patch(ApiRoutes.module(mod.id)).send({ status: 'archived' }).expect(403);
    await learner.patch(ApiRoutes.module(mod.id)).send({ status: 'archived' }).expect(403);
  });

  it('renders page markdown sanitised and never sends quiz answers to learners', async () => {
    const mod = await makeModule(t.dataSource, space.id, { lessons: [{ kind: LessonKind.Page, content: pageLesson.content }, { kind: LessonKind.Quiz }] });
    const page = await learner.get(ApiRoutes.lesson(mod.lessonIds[0])).expect(200);
    expect(page.body.html.fr).toContain('<strong>gras</strong>');
    expect(page.body.html.fr).not.toMatch(/<script|onerror/i);
    expect(page.body).not.toHaveProperty('content');
    const quiz = await learner.get(ApiRoutes.lesson(mod.lessonIds[1])).expect(200);
    expect(JSON.stringify(quiz.body)).not.toMatch(/"correct"|feedback/);
    expect(quiz.body.quiz.questions[0].choices[0]).toEqual({ id: 'a', text: expect.any(Object) });
    const asAuthor = await animator.get(ApiRoutes.lesson(mod.lessonIds[1])).expect(200);
    expect(asAuthor.body.content.questions[0].choices[0].correct).toBe(true);
  });

  it('re-orders lessons and rejects an order that is not a permutation', async () => {
    const mod = await makeModule(t.dataSource, space.id, { lessons: [{}, {}, {}] });
    const [a, b, c] = mod.lessonIds;
    const res = await animator.put(ApiRoutes.moduleLessonOrder(mod.id)).send({ lessonIds: [c, a, b] }).expect(200);
    expect(res.body.lessons.map((l: { id: string }) => l.id)).toEqual([c, a, b]);
    for (const bad of [[a, b], [a, a, b], [a, b, c, c], ['x']])
      await animator.put(ApiRoutes.moduleLessonOrder(mod.id)).send({ lessonIds: bad }).expect(400);
    await learner.put(ApiRoutes.moduleLessonOrder(mod.id)).send({ lessonIds: [a, b, c] }).expect(403);
    const after = await animator.get(ApiRoutes.module(mod.id)).expect(200);
    expect(after.body.lessons.map((l: { id: string }) => l.id)).toEqual([c, a, b]);
  });

  it.each([
    ['a quiz payload on a page lesson', { kind: 'page', content: sampleQuiz() }, 'content.'],
    ['a page without markdown', { kind: 'page', content: {} }, 'content.markdown'],
    ['a video URL off the allow-list', { kind: 'video', content: { embedUrl: 'https://evil.example/embed/1' } }, 'content.embedUrl'],
    ['a javascript: video URL', { kind: 'video', content: { embedUrl: 'javascript:alert(1)' } }, 'content.embedUrl'],
    ['a file lesson with an unknown file', { kind: 'file', content: { fileId: '00000000-0000-4000-8000-000000000000' } }, 'content.fileId'],
    ['a quiz without a correct choice', { kind: 'quiz', content: sampleQuiz({ questions: [{ id: 'q', text: { fr: 'Q' }, multiple: false, choices: [{ id: 'a', text: { fr: 'A' }, correct: false }, { id: 'b', text: { fr: 'B' }, correct: false }] }] }) }, 'content.questions.0.choices'],
    ['a quiz passing score of 0', { kind: 'quiz', content: sampleQuiz({ passingScore: 0 }) }, 'content.passingScore'],
    ['a SCORM lesson with an unknown package', { kind: 'scorm', content: { packageId: '00000000-0000-4000-8000-000000000000' } }, 'content.packageId'],
    ['an unknown kind', { kind: 'game', content: {} }, 'kind'],
    ['a title missing the original language', { kind: 'page', title: { en: 'Intro' }, content: { markdown: { fr: 'x' } } }, 'title.fr'],
  ])('rejects %s with 400 naming the field, writing nothing', async (_label, body, field) => {
    const mod = await makeModule(t.dataSource, space.id, { status: ModuleStatus.Draft, lessons: [] });
    const res = await animator.post(ApiRoutes.moduleLessons(mod.id)).send({ title: { fr: 'Leçon' }, ...body }).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).join(' ')).toContain(field);
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM lesson WHERE module_id = $1`, [mod.id]);
    expect(count).toBe(0);
  });

  it('shows learners (with CSV) to the animator and staff of the region, not to members', async () => {
    const mod = await makeModule(t.dataSource, space.id, { lessons: [{}, {}] });
    await learner.post(ApiRoutes.lessonComplete(mod.lessonIds[0])).expect(200);
    const res = await animator.get(ApiRoutes.moduleLearners(mod.id)).expect(200);
    expect(res.body).toEqual([expect.objectContaining({ userId: learnerId, percent: 50, completedAt: null })]);
    await w.as.staffA.get(ApiRoutes.moduleLearners(mod.id)).expect(200);
    await w.as.staffB.get(ApiRoutes.moduleLearners(mod.id)).expect(403);
    await learner.get(ApiRoutes.moduleLearners(mod.id)).expect(403);
    const csv = await animator.get(ApiRoutes.moduleLearnersCsv(mod.id)).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.split('\n')[0]).toContain('name,started_at,percent');
    expect(csv.text).toContain(',50,');
  });
});
