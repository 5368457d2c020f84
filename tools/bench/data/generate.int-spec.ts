/**
 * `npm run bench:data` at a tiny scale: every kind of row, and the product's invariants hold —
 * each enrollment's percent is what the product computes from lesson_progress, progress runs in
 * lesson order, rules are satisfiable, the whole-audience seminar reaches every member, and the
 * manifest's counts and samples match the database.
 */
import { Client } from 'pg';
import { generateDataset, readManifest } from './generate';
import { IN_AUDIENCE } from '@pratique/api/seminars/sql';

jest.setTimeout(120_000);

const ADMIN_URL = process.env['TEST_DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('bench:data', () => {
  const name = `pratique_bench_data_${Date.now().toString(36)}`;
  let db: Client;
  let manifest: Awaited<ReturnType<typeof generateDataset>>;
  const one = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params)).rows[0].n);

  beforeAll(async () => {
    manifest = await generateDataset(ADMIN_URL, name, 0.004, () => undefined);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    db = new Client({ connectionString: url.toString() });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    const admin = new Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('stores its manifest with the database, with counts that match', async () => {
    expect(await readManifest(ADMIN_URL, name)).toEqual(manifest);
    expect(manifest.counts).toMatchObject({ members: 200, regions: 2, organisations: 2, modules: 4, lessons: 40, seminars: 3 });
    expect(manifest.counts['lessonProgress']).toBe(await one(`SELECT count(*) AS n FROM lesson_progress`));
    expect(manifest.counts['lessonProgress']).toBeGreaterThan(500);
    expect(manifest.counts['bigSpaceMembers']).toBe(80);
  });

  it('keeps every enrollment exactly as the product computes it from lesson progress', async () => {
    expect(await one(`SELECT count(*) AS n FROM enrollment`)).toBeGreaterThan(50);
    const wrong = await one(
      `SELECT count(*) AS n FROM enrollment e
        CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE p.status = 'completed') AS done, count(*) AS rows,
                                   max(l.position) AS last, max(l.position) FILTER (WHERE p.status = 'completed') AS last_done
                              FROM lesson_progress p JOIN lesson l ON l.id = p.lesson_id
                             WHERE p.user_id = e.user_id AND l.module_id = e.module_id) x
        WHERE e.percent <> (100 * x.done / (SELECT count(*) FROM lesson WHERE module_id = e.module_id))::int
           OR (e.completed_at IS NOT NULL) <> (e.percent = 100)
           OR (e.certificate_code IS NOT NULL) <> (e.percent = 100)
           OR x.rows = 0
           OR COALESCE(x.last_done, 0) <> x.done              -- completed lessons are the first ones, in order
           OR x.last > x.done + 1                             -- then at most one in progress
           OR e.last_lesson_id <> (SELECT id FROM lesson WHERE module_id = e.module_id AND position = x.last)`,
    );
    expect(wrong).toBe(0);
    // Members record progress only in spaces they belong to.
    expect(await one(`SELECT count(*) AS n FROM enrollment e JOIN module m ON m.id = e.module_id WHERE NOT EXISTS (SELECT 1 FROM space_member sm WHERE sm.space_id = m.space_id AND sm.user_id = e.user_id)`)).toBe(0);
  });

  it('gives every seminar 1–3 requirements with k of them to meet, and one seminar to the whole membership', async () => {
    expect(await one(`SELECT count(*) AS n FROM seminar s WHERE (SELECT count(*) FROM seminar_requirement q WHERE q.seminar_id = s.id) NOT BETWEEN 1 AND 3 OR s.rule_k NOT BETWEEN 1 AND (SELECT count(*) FROM seminar_requirement q WHERE q.seminar_id = s.id)`)).toBe(0);
    const audience = await one(`SELECT count(*) AS n FROM app_user u, seminar s WHERE s.id = $1 AND ${IN_AUDIENCE('u', 's')}`, [manifest.wholeAudienceSeminarId]);
    expect(audience).toBe(manifest.counts['members']);
  });

  it('samples members in the audience of their seminars and lessons they may complete', async () => {
    expect(manifest.sampleMembers.length).toBeGreaterThan(10);
    for (const m of manifest.sampleMembers.slice(0, 20))
      for (const seminarId of m.seminarIds) expect(await one(`SELECT count(*) AS n FROM app_user u, seminar s WHERE u.id = $1 AND s.id = $2 AND ${IN_AUDIENCE('u', 's')}`, [m.userId, seminarId])).toBe(1);
    expect(manifest.sampleLessons.length).toBeGreaterThan(10);
    const ok = await one(
      `SELECT count(*) AS n FROM jsonb_to_recordset($1::jsonb) AS x("userId" uuid, "lessonId" uuid)
         JOIN lesson l ON l.id = x."lessonId" AND l.kind = 'page' JOIN module m ON m.id = l.module_id
         JOIN space_member sm ON sm.space_id = m.space_id AND sm.user_id = x."userId"`,
      [JSON.stringify(manifest.sampleLessons)],
    );
    expect(ok).toBe(manifest.sampleLessons.length);
  });
});
