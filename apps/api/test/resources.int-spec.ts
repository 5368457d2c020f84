/**
 * The toolbox of a space (issue 6): contributions, moderation, reports, ratings and reviews,
 * use counts, file checks, permissions per role, bad input and stored XSS.
 */
import {
  addToSpace,
  Agent,
  createTestApp,
  makeRegion,
  makeSpace,
  makeUser,
  signedIn,
  TestApp,
} from '@pratique/api/testing';
import { ApiRoutes, ResourceDetail, ResourceSummary, SpaceRole, SpaceVisibility } from '@pratique/contracts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const XSS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '<svg onload=alert(1)>',
];

function expectSafeHtml(html: string): void {
  expect(html).not.toMatch(/<script|<svg|\bon[a-z]+\s*=|javascript:/i);
}

describe('resources: the toolbox of a space', () => {
  let t: TestApp;
  let space: { id: string; slug: string };
  let closed: { id: string; slug: string };
  let animator: Agent;
  let author: Agent;
  let authorId: string;
  let reader: Agent;
  let readerId: string;
  let outsider: Agent;
  let admin: Agent;
  let anonymous: Agent;
  let otherAnimator: Agent;

  const count = async (table: string) =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  const snapshot = async () => ({
    resources: await count('resource'),
    reviews: await count('resource_review'),
    reports: await count('resource_report'),
    files: await count('stored_file'),
    state: (
      await t.dataSource.query(`SELECT md5(string_agg(r::text, ',' ORDER BY r.id)) AS h FROM resource r`)
    )[0].h,
  });
  const link = (over: Record<string, unknown> = {}) => ({
    kind: 'link',
    title: `Guide ${Math.random()}`,
    description: 'Un **bon** guide',
    tags: ['Gouvernance'],
    language: 'fr',
    url: 'https://example.org/guide',
    ...over,
  });
  const contribute = async (
    who: Agent,
    over: Record<string, unknown> = {},
    where = space.slug,
  ): Promise<ResourceDetail> =>
    (await who.post(ApiRoutes.spaceResources(where)).send(link(over)).expect(201)).body;
  const published = async (over: Record<string, unknown> = {}) => contribute(animator, over);
  const ids = (page: { items: ResourceSummary[] }) => page.items.map((r) => r.id);

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.dataSource;
    const region = await makeRegion(db);
    space = await makeSpace(db);
    closed = await makeSpace(db, { visibility: SpaceVisibility.Members });
    const a = await makeUser(db, { regionId: region.id });
    await addToSpace(db, space.id, a.id, SpaceRole.Animator);
    await addToSpace(db, closed.id, a.id, SpaceRole.Animator);
    const au = await makeUser(db, { regionId: region.id, displayName: 'Amina Autrice' });
    authorId = au.id;
    await addToSpace(db, space.id, au.id);
    await addToSpace(db, closed.id, au.id);
    const r = await makeUser(db, { regionId: region.id, displayName: 'Rachid Lecteur' });
    readerId = r.id;
    await addToSpace(db, space.id, r.id);
    const oa = await makeUser(db, { regionId: region.id });
    const other = await makeSpace(db);
    await addToSpace(db, other.id, oa.id, SpaceRole.Animator);
    animator = await signedIn(t, a);
    author = await signedIn(t, au);
    reader = await signedIn(t, r);
    outsider = await signedIn(t, await makeUser(db, { regionId: region.id }));
    admin = await signedIn(t, await makeUser(db, { regionId: region.id, admin: true }));
    otherAnimator = await signedIn(t, oa);
    anonymous = t.agent();
  });
  afterAll(() => t.close());

  describe('moderation flow', () => {
    it('a member contribution starts pending: seen by its author and moderators only; approval publishes it', async () => {
      const r = await contribute(author, { title: 'Boîte à outils plaidoyer' });
      expect(r).toMatchObject({
        status: 'pending',
        kind: 'link',
        tags: ['gouvernance'],
        author: { id: authorId, displayName: 'Amina Autrice' },
        publishedAt: null,
      });
      expect(r.descriptionHtml).toBe('<p>Un <strong>bon</strong> guide</p>');
      expect(r.excerpt).toBe('Un bon guide'); // plain text for cards
      expect(r.can).toMatchObject({ edit: true, moderate: false, review: false });

      expect(ids((await author.get(ApiRoutes.spaceResources(space.slug)).expect(200)).body)).toContain(r.id);
      expect(ids((await reader.get(ApiRoutes.spaceResources(space.slug)).expect(200)).body)).not.toContain(
        r.id,
      );
      expect(ids((await anonymous.get(ApiRoutes.spaceResources(space.slug)).expect(200)).body)).not.toContain(
        r.id,
      );
      await reader.get(ApiRoutes.resource(r.id)).expect(404);
      await anonymous.get(ApiRoutes.resource(r.id)).expect(404);
      await reader.get(ApiRoutes.resourceOpen(r.id)).expect(404);

      const queue = (await animator.get(ApiRoutes.spaceResourceModeration(space.slug)).expect(200)).body;
      expect(queue.pending.map((p: ResourceSummary) => p.id)).toContain(r.id);
      await admin.get(ApiRoutes.spaceResourceModeration(space.id)).expect(200);
      await author.get(ApiRoutes.spaceResourceModeration(space.slug)).expect(403);
      await otherAnimator.get(ApiRoutes.spaceResourceModeration(space.slug)).expect(403);
      await anonymous.get(ApiRoutes.spaceResourceModeration(space.slug)).expect(401);
      await author.post(ApiRoutes.resourceApprove(r.id)).expect(403);
      await otherAnimator.post(ApiRoutes.resourceApprove(r.id)).expect(404); // cannot even see it

      const ok = (await animator.post(ApiRoutes.resourceApprove(r.id)).expect(200)).body;
      expect(ok).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
      await animator.post(ApiRoutes.resourceApprove(r.id)).expect(409);
      expect(ids((await anonymous.get(ApiRoutes.spaceResources(space.slug)).expect(200)).body)).toContain(
        r.id,
      );
      expect((await reader.get(ApiRoutes.resource(r.id)).expect(200)).body.can).toMatchObject({
        review: true,
        report: true,
        edit: false,
      });
      // Published: the author no longer edits it.
      await author.patch(ApiRoutes.resource(r.id)).send({ title: 'Autre' }).expect(403);
      // Its feed item (once, though approved twice), by its author, in its space.
      const items = await t.dataSource.query(
        `SELECT kind, actor_id, space_id, title FROM activity WHERE subject_id = $1`,
        [r.id],
      );
      expect(items).toEqual([
        {
          kind: 'resource.published',
          actor_id: authorId,
          space_id: space.id,
          title: { fr: 'Boîte à outils plaidoyer' },
        },
      ]);
      // The author is told (once: the second approval was refused).
      const told = await t.dataSource.query(
        `SELECT type, payload->>'userId' AS "userId" FROM outbox WHERE payload->>'resourceId' = $1`,
        [r.id],
      );
      expect(told).toEqual([{ type: 'resource.approved', userId: authorId }]);
    });

    it('rejection gives a reason the author (only) sees; editing resubmits it as pending', async () => {
      const r = await contribute(author);
      await animator.post(ApiRoutes.resourceReject(r.id)).send({}).expect(400);
      const rej = (
        await animator
          .post(ApiRoutes.resourceReject(r.id))
          .send({ reason: 'Lien cassé, merci de le corriger' })
          .expect(200)
      ).body;
      expect(rej).toMatchObject({ status: 'rejected', rejectionReason: 'Lien cassé, merci de le corriger' });
      const told = await t.dataSource.query(`SELECT type FROM outbox WHERE payload->>'resourceId' = $1`, [
        r.id,
      ]);
      expect(told).toEqual([{ type: 'resource.rejected' }]);
      const mine = (await author.get(`${ApiRoutes.spaceResources(space.slug)}/mine`).expect(200))
        .body as ResourceSummary[];
      expect(mine.find((m) => m.id === r.id)).toMatchObject({
        status: 'rejected',
        rejectionReason: 'Lien cassé, merci de le corriger',
      });
      await reader.get(ApiRoutes.resource(r.id)).expect(404);
      await reader.patch(ApiRoutes.resource(r.id)).send({ title: 'x' }).expect(404);
      await animator.patch(ApiRoutes.resource(r.id)).send({ title: 'x' }).expect(403);

      const again = (
        await author
          .patch(ApiRoutes.resource(r.id))
          .send({
            url: 'https://example.org/guide-corrige',
            tags: [' Plaidoyer ', 'plaidoyer', 'Budget  Participatif'],
          })
          .expect(200)
      ).body;
      expect(again).toMatchObject({
        status: 'pending',
        rejectionReason: null,
        url: 'https://example.org/guide-corrige',
        tags: ['plaidoyer', 'budget participatif'],
      });
      const queue = (await animator.get(ApiRoutes.spaceResourceModeration(space.slug)).expect(200)).body;
      expect(queue.pending.map((p: ResourceSummary) => p.id)).toContain(r.id);
    });

    it("an animator's (or admin's) own contribution is published directly", async () => {
      expect((await published()).status).toBe('published');
      expect((await contribute(admin)).status).toBe('published');
    });

    it('reports reach the queue; the animator dismisses one or unpublishes (hides) the resource', async () => {
      const r = await published({ title: 'Signalable' });
      await anonymous.post(ApiRoutes.resourceReports(r.id)).send({ reason: 'spam' }).expect(401);
      const rep = (
        await reader
          .post(ApiRoutes.resourceReports(r.id))
          .send({ reason: 'Contenu publicitaire' })
          .expect(201)
      ).body;
      await reader.post(ApiRoutes.resourceReports(r.id)).send({ reason: 'encore' }).expect(409);
      const rep2 = (
        await outsider.post(ApiRoutes.resourceReports(r.id)).send({ reason: 'Hors sujet' }).expect(201)
      ).body; // public space: any signed-in viewer
      let queue = (await animator.get(ApiRoutes.spaceResourceModeration(space.slug)).expect(200)).body;
      expect(queue.reports.filter((x: { resource: { id: string } }) => x.resource.id === r.id)).toHaveLength(
        2,
      );
      expect((await animator.get(ApiRoutes.resource(r.id)).expect(200)).body.openReports).toBe(2);
      expect((await reader.get(ApiRoutes.resource(r.id)).expect(200)).body.openReports).toBe(0);

      await reader.post(ApiRoutes.resourceReportDismiss(rep.id)).expect(403);
      await animator.post(ApiRoutes.resourceReportDismiss(rep.id)).expect(204);
      await animator.post(ApiRoutes.resourceReportDismiss(rep.id)).expect(409);
      queue = (await animator.get(ApiRoutes.spaceResourceModeration(space.slug)).expect(200)).body;
      expect(queue.reports.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining([rep2.id]));
      expect(queue.reports.map((x: { id: string }) => x.id)).not.toContain(rep.id);

      await reader.post(ApiRoutes.resourceUnpublish(r.id)).send({}).expect(403);
      expect(
        (await animator.post(ApiRoutes.resourceUnpublish(r.id)).send({ reason: 'Hors sujet' }).expect(200))
          .body.status,
      ).toBe('hidden');
      await reader.get(ApiRoutes.resource(r.id)).expect(404);
      expect(ids((await reader.get(ApiRoutes.spaceResources(space.slug)).expect(200)).body)).not.toContain(
        r.id,
      );
      queue = (await animator.get(ApiRoutes.spaceResourceModeration(space.slug)).expect(200)).body;
      expect(queue.reports.map((x: { id: string }) => x.id)).not.toContain(rep2.id);
      await animator.post(ApiRoutes.resourceUnpublish(r.id)).send({}).expect(409);
    });
  });

  describe('permissions per role', () => {
    it("a members-only space's toolbox is invisible (404) to non-members; contributing needs membership", async () => {
      const r = await contribute(animator, {}, closed.slug);
      await outsider.get(ApiRoutes.spaceResources(closed.slug)).expect(404);
      await anonymous.get(ApiRoutes.spaceResources(closed.slug)).expect(404);
      await outsider.get(ApiRoutes.resource(r.id)).expect(404);
      await outsider.get(ApiRoutes.resourceOpen(r.id)).expect(404);
      await outsider.get(ApiRoutes.resourceReviews(r.id)).expect(404);
      await outsider.put(ApiRoutes.resourceMyReview(r.id)).send({ rating: 5 }).expect(404);
      await outsider.post(ApiRoutes.resourceReports(r.id)).send({ reason: 'x' }).expect(404);
      await outsider.post(ApiRoutes.spaceResources(closed.slug)).send(link()).expect(404);
      expect(ids((await author.get(ApiRoutes.spaceResources(closed.slug)).expect(200)).body)).toContain(r.id);
      expect(ids((await admin.get(ApiRoutes.spaceResources(closed.id)).expect(200)).body)).toContain(r.id);

      // A public space: everyone reads, only members contribute.
      await outsider.post(ApiRoutes.spaceResources(space.slug)).send(link()).expect(403);
      await anonymous.post(ApiRoutes.spaceResources(space.slug)).send(link()).expect(401);
      await outsider
        .post(ApiRoutes.spaceResourceFiles(space.slug))
        .attach('file', PDF, { filename: 'a.pdf', contentType: 'application/pdf' })
        .expect(403);
      await anonymous.get(ApiRoutes.spaceResources('espace-inconnu')).expect(404);
    });
  });

  describe('ratings and reviews', () => {
    it('1–5 with a review, one per member (PUT replaces), average and count kept; not on one’s own resource', async () => {
      const r = await contribute(author);
      await reader.put(ApiRoutes.resourceMyReview(r.id)).send({ rating: 4 }).expect(404); // pending: the reader does not see it
      await animator.put(ApiRoutes.resourceMyReview(r.id)).send({ rating: 4 }).expect(409); // the moderator sees it, but it is not published
      await animator.post(ApiRoutes.resourceApprove(r.id)).expect(200);
      await author.put(ApiRoutes.resourceMyReview(r.id)).send({ rating: 5 }).expect(400);

      let res = (
        await reader
          .put(ApiRoutes.resourceMyReview(r.id))
          .send({ rating: 4, body: 'Très *utile*' })
          .expect(200)
      ).body;
      expect(res).toMatchObject({
        ratingAverage: 4,
        ratingCount: 1,
        review: {
          rating: 4,
          body: 'Très *utile*',
          bodyHtml: '<p>Très <em>utile</em></p>',
          user: { id: readerId },
        },
      });
      res = (await animator.put(ApiRoutes.resourceMyReview(r.id)).send({ rating: 1 }).expect(200)).body;
      expect(res).toMatchObject({ ratingAverage: 2.5, ratingCount: 2 });
      res = (
        await reader
          .put(ApiRoutes.resourceMyReview(r.id))
          .send({ rating: 2, body: 'Finalement moyen' })
          .expect(200)
      ).body;
      expect(res).toMatchObject({
        ratingAverage: 1.5,
        ratingCount: 2,
        review: { rating: 2, body: 'Finalement moyen' },
      });
      const page = (await anonymous.get(ApiRoutes.resourceReviews(r.id)).expect(200)).body;
      expect(page).toMatchObject({ total: 2, page: 1 });
      expect((await reader.get(ApiRoutes.resource(r.id)).expect(200)).body.myReview).toMatchObject({
        rating: 2,
      });
      expect(
        await t.dataSource.query(`SELECT count(*)::int AS n FROM resource_review WHERE resource_id = $1`, [
          r.id,
        ]),
      ).toEqual([{ n: 2 }]);
    });

    it('stays exact under concurrent reviews (parallel PUTs from 12 members)', async () => {
      const r = await published();
      const ratings = [5, 4, 3, 5, 1, 2, 4, 5, 3, 3, 4, 2];
      const agents: Agent[] = [];
      for (const _ of ratings) {
        const u = await makeUser(t.dataSource, {
          regionId: (await t.dataSource.query(`SELECT region_id FROM app_user WHERE id = $1`, [readerId]))[0]
            .region_id,
        });
        await addToSpace(t.dataSource, space.id, u.id);
        agents.push(await signedIn(t, u));
      }
      await Promise.all(
        agents.map((a, i) =>
          a.put(ApiRoutes.resourceMyReview(r.id)).send({ rating: ratings[i] }).expect(200),
        ),
      );
      // Each member changes their mind at the same time.
      await Promise.all(
        agents.map((a, i) =>
          a
            .put(ApiRoutes.resourceMyReview(r.id))
            .send({ rating: 6 - ratings[i] })
            .expect(200),
        ),
      );
      const d = (await reader.get(ApiRoutes.resource(r.id)).expect(200)).body;
      const expected = ratings.reduce((s, x) => s + (6 - x), 0) / ratings.length;
      expect(d.ratingCount).toBe(12);
      expect(d.ratingAverage).toBeCloseTo(expected, 3);
    });
  });

  describe('listing: sorts, filters, pages; use counts', () => {
    it('sorts by rating (average then count), newest and most used; filters by tag, kind and language; pages', async () => {
      const s = await makeSpace(t.dataSource);
      const db = t.dataSource;
      await db.query(
        `INSERT INTO space_member (space_id, user_id, role) SELECT $1, sm.user_id, sm.role FROM space_member sm WHERE sm.space_id = $2`,
        [s.id, space.id],
      );
      const mk = (over: Record<string, unknown>) => contribute(animator, over, s.slug);
      const r1 = await mk({ title: 'A', tags: ['budget'], language: 'fr' });
      const r2 = await mk({ title: 'B', tags: ['Budget', 'genre'], language: 'ar' });
      const r3 = await mk({ title: 'C', tags: ['genre'], language: 'en' });
      const r4 = await mk({ title: 'D', tags: [], language: 'fr' });
      // r1: 5 (1 vote), r2: 5,5 (2 votes), r3: 3 — rating order r2, r1, r3, then unrated r4.
      await reader.put(ApiRoutes.resourceMyReview(r1.id)).send({ rating: 5 }).expect(200);
      await reader.put(ApiRoutes.resourceMyReview(r2.id)).send({ rating: 5 }).expect(200);
      await author.put(ApiRoutes.resourceMyReview(r2.id)).send({ rating: 5 }).expect(200);
      await reader.put(ApiRoutes.resourceMyReview(r3.id)).send({ rating: 3 }).expect(200);
      // Uses: r3 ×3, r4 ×1 (following the link through the API).
      for (let i = 0; i < 3; i++) {
        const res = await anonymous.get(ApiRoutes.resourceOpen(r3.id)).expect(302);
        expect(res.headers['location']).toBe('https://example.org/guide');
      }
      await reader.get(ApiRoutes.resourceOpen(r4.id)).expect(302);

      const list = async (q: string) =>
        ids((await reader.get(`${ApiRoutes.spaceResources(s.slug)}?${q}`).expect(200)).body);
      expect(await list('sort=rating')).toEqual([r2.id, r1.id, r3.id, r4.id]);
      expect(await list('')).toEqual([r2.id, r1.id, r3.id, r4.id]);
      expect(await list('sort=newest')).toEqual([r4.id, r3.id, r2.id, r1.id]);
      expect(await list('sort=used')).toEqual([r3.id, r4.id, r2.id, r1.id]);
      expect(await list('tag=BUDGET')).toEqual([r2.id, r1.id]);
      expect(await list('tag=genre&language=en')).toEqual([r3.id]);
      expect(await list('kind=file')).toEqual([]);
      const page2 = (
        await reader.get(`${ApiRoutes.spaceResources(s.slug)}?sort=newest&page=2&pageSize=3`).expect(200)
      ).body;
      expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect(ids(page2)).toEqual([r1.id]);
      expect((await reader.get(ApiRoutes.resource(r3.id)).expect(200)).body).toMatchObject({
        useCount: 3,
        ratingAverage: 3,
        ratingCount: 1,
      });
    });
  });

  describe('files', () => {
    it('uploads a checked file, creates a file and a template resource, downloads and counts', async () => {
      const up = (
        await author
          .post(ApiRoutes.spaceResourceFiles(space.slug))
          .attach('file', PDF, { filename: 'modèle-budget.pdf', contentType: 'application/pdf' })
          .expect(201)
      ).body;
      expect(up).toMatchObject({
        contentType: 'application/pdf',
        filename: 'modèle-budget.pdf',
        size: PDF.length,
      });
      // Someone else cannot attach my upload.
      await reader
        .post(ApiRoutes.spaceResources(space.slug))
        .send({ kind: 'file', title: 'Vol', language: 'fr', fileId: up.id })
        .expect(400);
      const r = (
        await author
          .post(ApiRoutes.spaceResources(space.slug))
          .send({ kind: 'template', title: 'Modèle de budget', language: 'fr', fileId: up.id })
          .expect(201)
      ).body;
      expect(r).toMatchObject({
        kind: 'template',
        url: null,
        file: { id: up.id, contentType: 'application/pdf' },
      });
      // A file is used once.
      await author
        .post(ApiRoutes.spaceResources(space.slug))
        .send({ kind: 'file', title: 'Encore', language: 'fr', fileId: up.id })
        .expect(400);
      await animator.post(ApiRoutes.resourceApprove(r.id)).expect(200);
      const dl = await reader.get(ApiRoutes.resourceFile(r.id)).expect(200);
      expect(dl.headers['content-type']).toBe('application/pdf');
      expect(dl.headers['content-disposition']).toMatch(/^attachment/);
      expect(dl.headers['x-content-type-options']).toBe('nosniff');
      await reader.get(ApiRoutes.resourceFile(r.id)).expect(200);
      await reader.get(ApiRoutes.resourceOpen(r.id)).expect(404); // a file, not a link
      expect((await reader.get(ApiRoutes.resource(r.id)).expect(200)).body.useCount).toBe(2);
      expect(
        ids((await reader.get(`${ApiRoutes.spaceResources(space.slug)}?kind=template`).expect(200)).body),
      ).toEqual([r.id]);
    });

    it.each([
      [
        'a wrong type (an executable)',
        Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00', 'latin1'),
        'setup.exe',
        'application/octet-stream',
        /^is (a|an) .* file; allowed: PDF/,
      ],
      [
        'a spoofed extension (HTML named .pdf)',
        Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'),
        'guide.pdf',
        'application/pdf',
        /^is a text\/html file/,
      ],
      [
        'an SVG image',
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'),
        'logo.svg',
        'image/svg+xml',
        /svg/,
      ],
      ['an empty file', Buffer.alloc(0), 'vide.pdf', 'application/pdf', /empty/],
    ])(
      'refuses %s with 400 on `file`, storing nothing',
      async (_label, data, filename, contentType, reason) => {
        const before = await snapshot();
        const res = await author
          .post(ApiRoutes.spaceResourceFiles(space.slug))
          .attach('file', data, { filename, contentType })
          .expect(400);
        expect(res.body.errors[0]).toEqual({ field: 'file', reason: expect.stringMatching(reason) });
        expect(await snapshot()).toEqual(before);
      },
    );

    it('refuses a file over 20 MB (413) and a missing file (400), storing nothing', async () => {
      const before = await snapshot();
      const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]);
      await author
        .post(ApiRoutes.spaceResourceFiles(space.slug))
        .attach('file', big, { filename: 'gros.pdf', contentType: 'application/pdf' })
        .expect(413);
      const none = await author.post(ApiRoutes.spaceResourceFiles(space.slug)).expect(400);
      expect(none.body.errors[0].field).toBe('file');
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('bad input on every route → 4xx naming the field, nothing written', () => {
    let r: ResourceDetail;
    let pending: ResourceDetail;
    beforeAll(async () => {
      r = await published();
      pending = await contribute(author);
    });

    const cases: [
      string,
      () => Promise<{ status: number; body: { errors?: { field: string }[] } }>,
      number,
      string,
    ][] = [
      [
        'create: javascript: URL',
        () => author.post(ApiRoutes.spaceResources(space.slug)).send(link({ url: 'javascript:alert(1)' })),
        400,
        'url',
      ],
      [
        'create: data: URL',
        () =>
          author
            .post(ApiRoutes.spaceResources(space.slug))
            .send(link({ url: 'data:text/html,<script>alert(1)</script>' })),
        400,
        'url',
      ],
      [
        'create: ftp URL',
        () => author.post(ApiRoutes.spaceResources(space.slug)).send(link({ url: 'ftp://example.org/x' })),
        400,
        'url',
      ],
      [
        'create: link without url',
        () => author.post(ApiRoutes.spaceResources(space.slug)).send(link({ url: undefined })),
        400,
        'url',
      ],
      [
        'create: unknown kind',
        () => author.post(ApiRoutes.spaceResources(space.slug)).send(link({ kind: 'video' })),
        400,
        'kind',
      ],
      [
        'create: empty title',
        () => author.post(ApiRoutes.spaceResources(space.slug)).send(link({ title: '   ' })),
        400,
        'title',
      ],
      [
        'create: title too long',
        () => author.post(ApiRoutes.spaceResources(space.slug)).send(link({ title: 'x'.repeat(201) })),
        400,
        'title',
      ],
      [
        'create: title not text',
        () => author.post(ApiRoutes.spaceResources(space.slug)).send(link({ title: 42 })),
        400,
        'title',
      ],
      [
        'create: too many tags',
        () =>
          author
            .post(ApiRoutes.spaceResources(space.slug))
            .send(link({ tags: Array.from({ length: 11 }, (_, i) => `t${i}`) })),
        400,
        'tags',
      ],
      [
        'create: tag too long',
        () => author.post(ApiRoutes.spaceResources(space.slug)).send(link({ tags: ['x'.repeat(41)] })),
        400,
        'tags',
      ],
      [
        'create: tags not a list',
        () => author.post(ApiRoutes.spaceResources(space.slug)).send(link({ tags: 'a,b' })),
        400,
        'tags',
      ],
      [
        'create: bad language',
        () => author.post(ApiRoutes.spaceResources(space.slug)).send(link({ language: 'de' })),
        400,
        'language',
      ],
      [
        'create: unknown field',
        () => author.post(ApiRoutes.spaceResources(space.slug)).send(link({ status: 'published' })),
        400,
        'status',
      ],
      [
        'create: file kind without fileId',
        () =>
          author
            .post(ApiRoutes.spaceResources(space.slug))
            .send({ kind: 'file', title: 'x', language: 'fr' }),
        400,
        'fileId',
      ],
      [
        'create: file kind with unknown fileId',
        () =>
          author.post(ApiRoutes.spaceResources(space.slug)).send({
            kind: 'file',
            title: 'x',
            language: 'fr',
            fileId: '00000000-0000-4000-8000-000000000000',
          }),
        400,
        'fileId',
      ],
      [
        'create: fileId not a uuid',
        () =>
          author
            .post(ApiRoutes.spaceResources(space.slug))
            .send({ kind: 'file', title: 'x', language: 'fr', fileId: 'abc' }),
        400,
        'fileId',
      ],
      [
        'create: link with a fileId',
        () =>
          author
            .post(ApiRoutes.spaceResources(space.slug))
            .send(link({ fileId: '00000000-0000-4000-8000-000000000000' })),
        400,
        'fileId',
      ],
      [
        'create: bad space param',
        () => author.post(ApiRoutes.spaceResources('%20x%27')).send(link()),
        400,
        'space',
      ],
      ['list: bad sort', () => reader.get(`${ApiRoutes.spaceResources(space.slug)}?sort=best`), 400, 'sort'],
      ['list: bad kind', () => reader.get(`${ApiRoutes.spaceResources(space.slug)}?kind=x`), 400, 'kind'],
      [
        'list: bad language',
        () => reader.get(`${ApiRoutes.spaceResources(space.slug)}?language=xx`),
        400,
        'language',
      ],
      ['list: page 0', () => reader.get(`${ApiRoutes.spaceResources(space.slug)}?page=0`), 400, 'page'],
      [
        'list: pageSize 1000',
        () => reader.get(`${ApiRoutes.spaceResources(space.slug)}?pageSize=1000`),
        400,
        'pageSize',
      ],
      [
        'list: page not a number',
        () => reader.get(`${ApiRoutes.spaceResources(space.slug)}?page=abc`),
        400,
        'page',
      ],
      ['detail: id not a uuid', () => reader.get(ApiRoutes.resource('abc')), 400, ''],
      [
        'detail: unknown id',
        () => reader.get(ApiRoutes.resource('00000000-0000-4000-8000-000000000000')),
        404,
        'id',
      ],
      [
        'edit: javascript: URL',
        () => author.patch(ApiRoutes.resource(pending.id)).send({ url: 'javascript:alert(1)' }),
        400,
        'url',
      ],
      [
        'edit: empty title',
        () => author.patch(ApiRoutes.resource(pending.id)).send({ title: '' }),
        400,
        'title',
      ],
      [
        'edit: kind is not editable',
        () => author.patch(ApiRoutes.resource(pending.id)).send({ kind: 'file' }),
        400,
        'kind',
      ],
      [
        'review: rating 0',
        () => reader.put(ApiRoutes.resourceMyReview(r.id)).send({ rating: 0 }),
        400,
        'rating',
      ],
      [
        'review: rating 6',
        () => reader.put(ApiRoutes.resourceMyReview(r.id)).send({ rating: 6 }),
        400,
        'rating',
      ],
      [
        'review: rating 3.5',
        () => reader.put(ApiRoutes.resourceMyReview(r.id)).send({ rating: 3.5 }),
        400,
        'rating',
      ],
      [
        'review: rating as text',
        () => reader.put(ApiRoutes.resourceMyReview(r.id)).send({ rating: '4' }),
        400,
        'rating',
      ],
      [
        'review: no rating',
        () => reader.put(ApiRoutes.resourceMyReview(r.id)).send({ body: 'x' }),
        400,
        'rating',
      ],
      [
        'review: body too long',
        () => reader.put(ApiRoutes.resourceMyReview(r.id)).send({ rating: 4, body: 'x'.repeat(5001) }),
        400,
        'body',
      ],
      [
        'review: body not text',
        () => reader.put(ApiRoutes.resourceMyReview(r.id)).send({ rating: 4, body: ['x'] }),
        400,
        'body',
      ],
      ['reviews: bad page', () => reader.get(`${ApiRoutes.resourceReviews(r.id)}?page=-1`), 400, 'page'],
      ['report: no reason', () => reader.post(ApiRoutes.resourceReports(r.id)).send({}), 400, 'reason'],
      [
        'report: blank reason',
        () => reader.post(ApiRoutes.resourceReports(r.id)).send({ reason: '  ' }),
        400,
        'reason',
      ],
      [
        'report: reason too long',
        () => reader.post(ApiRoutes.resourceReports(r.id)).send({ reason: 'x'.repeat(1001) }),
        400,
        'reason',
      ],
      [
        'reject: no reason',
        () => animator.post(ApiRoutes.resourceReject(pending.id)).send({}),
        400,
        'reason',
      ],
      [
        'reject: reason not text',
        () => animator.post(ApiRoutes.resourceReject(pending.id)).send({ reason: { a: 1 } }),
        400,
        'reason',
      ],
      [
        'unpublish: reason not text',
        () => animator.post(ApiRoutes.resourceUnpublish(r.id)).send({ reason: 5 }),
        400,
        'reason',
      ],
      ['approve: id not a uuid', () => animator.post(ApiRoutes.resourceApprove('nope')), 400, ''],
      [
        'dismiss: unknown report',
        () => animator.post(ApiRoutes.resourceReportDismiss('00000000-0000-4000-8000-000000000000')),
        404,
        'id',
      ],
      ['dismiss: id not a uuid', () => animator.post(ApiRoutes.resourceReportDismiss('x')), 400, ''],
      [
        'upload: bad space param',
        () => author.post(ApiRoutes.spaceResourceFiles('a%27b')).attach('file', PDF, 'a.pdf'),
        400,
        'space',
      ],
    ];

    it.each(cases)('%s', async (_label, send, status, field) => {
      const before = await snapshot();
      const res = await send();
      expect(res.status).toBe(status);
      if (field) expect(res.body.errors?.map((e) => e.field)).toContain(field);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('stored XSS', () => {
    it('keeps payloads as written in title, description, tags, review and report reason; returned HTML is inert', async () => {
      for (const payload of XSS) {
        const r = await contribute(author, {
          title: payload,
          description: `Intro\n\n${payload}\n\n${XSS.join('\n\n')}`,
          tags: [payload],
        });
        expect(r.title).toBe(payload);
        expect(r.description).toContain(payload);
        expect(r.tags).toEqual([payload.toLocaleLowerCase()]);
        expectSafeHtml(r.descriptionHtml);
        await animator.post(ApiRoutes.resourceApprove(r.id)).expect(200);
        const rev = (
          await reader.put(ApiRoutes.resourceMyReview(r.id)).send({ rating: 3, body: payload }).expect(200)
        ).body;
        expect(rev.review.body).toBe(payload);
        expectSafeHtml(rev.review.bodyHtml);
        await reader.post(ApiRoutes.resourceReports(r.id)).send({ reason: payload }).expect(201);
        const queue = (await animator.get(ApiRoutes.spaceResourceModeration(space.slug)).expect(200)).body;
        expect(queue.reports.find((x: { resource: { id: string } }) => x.resource.id === r.id).reason).toBe(
          payload,
        );
        const d = (await reader.get(ApiRoutes.resource(r.id)).expect(200)).body;
        expectSafeHtml(d.descriptionHtml);
        expectSafeHtml(d.myReview.bodyHtml);
        const reviews = (await reader.get(ApiRoutes.resourceReviews(r.id)).expect(200)).body;
        for (const x of reviews.items) expectSafeHtml(x.bodyHtml);
      }
    });
  });
});
