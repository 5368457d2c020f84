import { addToSpace, Agent, buildDemoScormPackage, createTestApp, makeModule, makeRegion, makeSpace, makeUser, signedIn, TestApp } from '@pratique/api/testing';
import { ApiRoutes, LessonView, ModuleStatus, SpaceRole, SpaceVisibility } from '@pratique/contracts';
import JSZip from 'jszip';

const MANIFEST_12 = `<?xml version="1.0"?>
<manifest identifier="m" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="o"><organization identifier="o"><title>Test</title><item identifier="i" identifierref="r"><title>T</title></item></organization></organizations>
  <resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="index.html"><file href="index.html"/></resource></resources>
</manifest>`;

async function zip(files: Record<string, string>): Promise<Buffer> {
  const z = new JSZip();
  for (const [name, body] of Object.entries(files)) z.file(name, body, { createFolders: false });
  return z.generateAsync({ type: 'nodebuffer' });
}

describe('learning: uploads and SCORM packages', () => {
  let t: TestApp;
  let space: { id: string };
  let animator: Agent;
  let learner: Agent;
  let member: Agent;

  beforeAll(async () => {
    t = await createTestApp();
    const region = await makeRegion(t.dataSource);
    space = await makeSpace(t.dataSource, { visibility: SpaceVisibility.Members });
    const a = await makeUser(t.dataSource, { regionId: region.id });
    await addToSpace(t.dataSource, space.id, a.id, SpaceRole.Animator);
    animator = await signedIn(t, a);
    const l = await makeUser(t.dataSource, { regionId: region.id });
    await addToSpace(t.dataSource, space.id, l.id);
    learner = await signedIn(t, l);
    member = await signedIn(t, await makeUser(t.dataSource, { regionId: region.id }));
  });
  afterAll(() => t.close());

  const packageCount = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM scorm_package`))[0].n;

  it('plays the demo SCORM 1.2 package end to end: upload, lesson, assets, commit → completed', async () => {
    const upload = await animator.post(ApiRoutes.scormPackages).attach('file', await buildDemoScormPackage(), 'demo.zip').expect(201);
    expect(upload.body).toMatchObject({ packageId: expect.any(String), version: '1.2', launchPath: expect.stringMatching(/\.html$/) });
    const mod = await makeModule(t.dataSource, space.id, { status: ModuleStatus.Draft, lessons: [] });
    const lesson = await animator
      .post(ApiRoutes.moduleLessons(mod.id))
      .send({ kind: 'scorm', title: { fr: 'Module interactif' }, content: { packageId: upload.body.packageId } })
      .expect(201);
    await animator.patch(ApiRoutes.module(mod.id)).send({ status: 'published' }).expect(200);

    const view: LessonView = (await learner.get(ApiRoutes.lesson(lesson.body.id)).expect(200)).body;
    expect(view.scorm).toMatchObject({ version: '1.2', attemptId: expect.any(String) });
    const page = await learner.get(view.scorm!.launchUrl).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    await t.agent().get(view.scorm!.launchUrl).expect(404); // members-only space: hidden from visitors
    await learner.get(`${view.scorm!.launchUrl}.missing`).expect(404);
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'self'");

    const commit = ApiRoutes.scormCommit(view.scorm!.attemptId);
    const partial = await learner.post(commit).send({ cmi: { core: { lesson_status: 'incomplete', lesson_location: 'p2' }, suspend_data: 'x' } }).expect(200);
    expect(partial.body).toMatchObject({ status: 'in_progress', modulePercent: 0 });
    const done = await learner.post(commit).send({ cmi: { core: { lesson_status: 'passed', score: { raw: '80', min: '0', max: '100' } } } }).expect(200);
    expect(done.body).toMatchObject({ status: 'completed', modulePercent: 100 });
    const again = await learner.post(commit).send({ cmi: { core: { lesson_status: 'passed' } } }).expect(200);
    expect(again.body.modulePercent).toBe(100);
    // Another member cannot commit into this attempt, and a learner cannot mark a SCORM lesson done by hand.
    await member.post(commit).send({ cmi: { core: { lesson_status: 'passed' } } }).expect(404);
    await learner.post(ApiRoutes.lessonComplete(lesson.body.id)).expect(400);
    await learner.post(commit).send({ cmi: 'passed' }).expect(400);
  });

  it.each([
    ['not a zip', () => Promise.resolve(Buffer.from('just text, not a zip archive')), /zip/i],
    ['a zip without imsmanifest.xml', () => zip({ 'index.html': '<p>hi</p>' }), /imsmanifest/],
    ['a zip with a path traversal entry', () => zip({ 'imsmanifest.xml': MANIFEST_12, 'index.html': 'x', '../evil.html': 'x' }), /unsafe|path/i],
    ['a manifest naming a missing launch file', () => zip({ 'imsmanifest.xml': MANIFEST_12 }), /launch|index\.html/],
    ['malformed XML', () => zip({ 'imsmanifest.xml': '<manifest><organizations', 'index.html': 'x' }), /imsmanifest/],
  ])('rejects %s with 400 on `file`, storing nothing', async (_label, make, reason) => {
    const before = await packageCount();
    const res = await animator.post(ApiRoutes.scormPackages).attach('file', await make(), 'package.zip').expect(400);
    expect(res.body.errors[0]).toEqual({ field: 'file', reason: expect.stringMatching(reason) });
    expect(await packageCount()).toBe(before);
  });

  it('accepts a well-formed handmade SCORM 1.2 zip, and refuses uploads from members (403) and anonymous (401)', async () => {
    const good = await zip({ 'imsmanifest.xml': MANIFEST_12, 'index.html': '<p>ok</p>' });
    await animator.post(ApiRoutes.scormPackages).attach('file', good, 'ok.zip').expect(201);
    await learner.post(ApiRoutes.scormPackages).attach('file', good, 'ok.zip').expect(403);
    await t.agent().post(ApiRoutes.scormPackages).attach('file', good, 'ok.zip').expect(401);
    await animator.post(ApiRoutes.scormPackages).expect(400);
  });

  it('checks file uploads by content, size and purpose', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const ok = await animator.post(`${ApiRoutes.files}?purpose=lesson`).attach('file', pdf, { filename: 'guide-الحوكمة.pdf', contentType: 'application/pdf' }).expect(201);
    expect(ok.body).toMatchObject({ contentType: 'application/pdf', size: pdf.length, filename: 'guide-الحوكمة.pdf' });
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const disguised = await animator.post(ApiRoutes.files).attach('file', html, { filename: 'guide.pdf', contentType: 'application/pdf' }).expect(400);
    expect(disguised.body.errors[0].field).toBe('file');
    await animator.post(`${ApiRoutes.files}?purpose=cover`).attach('file', pdf, { filename: 'x.pdf', contentType: 'application/pdf' }).expect(400);
    await animator.post(`${ApiRoutes.files}?purpose=avatar`).attach('file', pdf, 'x.pdf').expect(400);
    await animator.post(ApiRoutes.files).attach('file', Buffer.alloc(0), { filename: 'empty.pdf', contentType: 'application/pdf' }).expect(400);
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(21 * 1024 * 1024)]);
    await animator.post(ApiRoutes.files).attach('file', big, { filename: 'big.pdf', contentType: 'application/pdf' }).expect(413);
    await learner.post(ApiRoutes.files).attach('file', pdf, { filename: 'x.pdf', contentType: 'application/pdf' }).expect(403);

    // A file is downloadable by its uploader, and by learners once a visible lesson uses it.
    await animator.get(ApiRoutes.file(ok.body.id)).expect(200);
    await learner.get(ApiRoutes.file(ok.body.id)).expect(404);
    const mod = await makeModule(t.dataSource, space.id, { lessons: [] });
    await animator.post(ApiRoutes.moduleLessons(mod.id)).send({ kind: 'file', title: { fr: 'Guide' }, content: { fileId: ok.body.id } }).expect(201);
    const dl = await learner.get(ApiRoutes.file(ok.body.id)).expect(200);
    expect(dl.headers['content-disposition']).toMatch(/attachment/);
    await member.get(ApiRoutes.file(ok.body.id)).expect(200); // signed in: sees published modules of members-only spaces
    await t.agent().get(ApiRoutes.file(ok.body.id)).expect(404);
  });
});
