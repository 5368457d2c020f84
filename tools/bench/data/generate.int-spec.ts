/**
 * `npm run bench:data` at a tiny scale (a few seconds), in a database of its own: every kind of
 * row is there, the manifest stored on the database matches it, and the product's invariants
 * hold — each enrollment is what ProgressRepository computes from lesson_progress, progress runs
 * in lesson order inside spaces the member belongs to, every rule is satisfiable, and the
 * whole-audience seminar reaches every member by the product's own audience SQL.
 */
import { IN_AUDIENCE, MEETS_RULE } from '@pratique/api/seminars/sql';
import { randomBytes } from 'crypto';
import { Client } from 'pg';
import { verifyPassword } from '../../../libs/api/accounts/src/auth/password';
import { databaseUrl, generateDataset, readManifest } from './generate';
import { DatasetManifest } from './manifest';

jest.setTimeout(60_000);

const ADMIN_URL = process.env['TEST_DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// Under this run's database name, so the global teardown drops it even if afterAll cannot.
const NAME = `${process.env['TEST_DATABASE_NAME'] ?? 'pratique_test'}_benchdata_${randomBytes(2).toString('hex')}`;

/** The lessons that count for a module's percent, as the product defines them (progress.repository.ts). */
const COUNTED = (m: string) => `
  SELECT l.id FROM lesson l WHERE l.module_id = ${m}
     AND (l.required OR NOT EXISTS (SELECT 1 FROM lesson r WHERE r.module_id = ${m} AND r.required))`;

describe('bench:data (scale 0.002)', () => {
  let db: Client;
  let manifest: DatasetManifest;
  const lines: string[] = [];
  const n = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params)).rows[0].n);

  beforeAll(async () => {
    manifest = await generateDataset(ADMIN_URL, NAME, 0.002, (line) => lines.push(line));
    db = new Client({ connectionString: databaseUrl(ADMIN_URL, NAME) });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    const admin = new Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
    await admin.end();
  });

  it('reports one line per phase and stores the manifest on the database', async () => {
    expect(lines.length).toBeGreaterThanOrEqual(8);
    expect(lines.find((l) => l.startsWith('lesson progress'))).toMatch(/\d+ rows +\d+\.\d s/);
    expect(await readManifest(ADMIN_URL, NAME)).toEqual(manifest);
    expect(await readManifest(ADMIN_URL, `${NAME}_none`)).toBeNull();
    expect(await readManifest(ADMIN_URL, 'postgres')).toBeNull();
  });

  it('has every kind of row, at least the minimums, and counts that match the tables', async () => {
    for (const [table, count] of Object.entries(manifest.counts))
      if (table !== 'members')
        expect([table, await n(`SELECT count(*) AS n FROM ${table}`)]).toEqual([table, count]);
    const c = manifest.counts;
    expect(c['members']).toBe(
      await n(`SELECT count(*) AS n FROM app_user WHERE email LIKE 'member-%@bench.pratique.tn'`),
    );
    expect(c['members']).toBe(100);
    expect(c['app_user']).toBe(c['members'] + c['region'] + 1);
    expect(c['region']).toBeGreaterThanOrEqual(2);
    expect(c['organisation']).toBeGreaterThanOrEqual(2);
    expect(c['space']).toBeGreaterThanOrEqual(2);
    expect(c['module']).toBeGreaterThanOrEqual(4);
    expect(c['lesson']).toBe(c['module'] * 10);
    expect(c['seminar']).toBeGreaterThanOrEqual(3);
    for (const t of [
      'membership',
      'role_grant',
      'space_member',
      'lesson_progress',
      'enrollment',
      'seminar_requirement',
    ])
      expect(c[t]).toBeGreaterThan(0);
    expect(await n(`SELECT count(*) AS n FROM space_member WHERE space_id = $1`, [manifest.bigSpaceId])).toBe(
      manifest.bigSpaceMembers,
    );
    expect(manifest.bigSpaceMembers).toBeGreaterThanOrEqual(10);
    expect(await n(`SELECT count(*) AS n FROM space_member WHERE role = 'animator'`)).toBeGreaterThanOrEqual(
      c['space'],
    );
  });

  it('places every member in one or two organisations, in the region of the first', async () => {
    expect(
      await n(
        `SELECT count(*) AS n FROM app_user u WHERE u.email LIKE 'member-%' AND (SELECT count(*) FROM membership m WHERE m.user_id = u.id) NOT BETWEEN 1 AND 2`,
      ),
    ).toBe(0);
    expect(
      await n(`SELECT count(*) AS n FROM app_user u WHERE u.email LIKE 'member-%'
                 AND NOT EXISTS (SELECT 1 FROM membership m JOIN organisation o ON o.id = m.organisation_id WHERE m.user_id = u.id AND o.region_id = u.region_id)`),
    ).toBe(0);
  });

  it('keeps every enrollment exactly as the product computes it from lesson_progress', async () => {
    const wrong = await n(
      `SELECT count(*) AS n FROM enrollment e
        CROSS JOIN LATERAL (
              SELECT (SELECT (100 * count(p.lesson_id) / count(c.id))::int FROM (${COUNTED('e.module_id')}) c
                        LEFT JOIN lesson_progress p ON p.lesson_id = c.id AND p.user_id = e.user_id AND p.status = 'completed') AS percent,
                     count(*) AS rows, count(*) FILTER (WHERE p.status = 'completed') AS done,
                     max(l.position) FILTER (WHERE p.status = 'completed') AS last_done, max(l.position) AS last,
                     min(p.updated_at) AS first_at, max(p.updated_at) AS last_at
                FROM lesson_progress p JOIN lesson l ON l.id = p.lesson_id
               WHERE p.user_id = e.user_id AND l.module_id = e.module_id) x
        WHERE e.percent <> x.percent
           OR (e.completed_at IS NOT NULL) <> (e.percent = 100)
           OR (e.certificate_code IS NOT NULL) <> (e.percent = 100)
           OR x.rows = 0
           OR COALESCE(x.last_done, 0) <> x.done                -- the completed lessons are the first ones
           OR x.last > x.done + 1                               -- then at most one in progress
           OR e.last_lesson_id <> (SELECT id FROM lesson WHERE module_id = e.module_id AND position = x.last)
           OR e.started_at <> x.first_at OR e.last_activity_at <> x.last_at OR e.last_activity_at > now()`,
    );
    expect(wrong).toBe(0);
    // No progress without its enrollment; in progress only on videos (pages complete in one step).
    expect(
      await n(`SELECT count(*) AS n FROM lesson_progress p JOIN lesson l ON l.id = p.lesson_id
                WHERE NOT EXISTS (SELECT 1 FROM enrollment e WHERE e.user_id = p.user_id AND e.module_id = l.module_id)
                   OR (p.status = 'in_progress' AND (l.kind <> 'video' OR p.video_percent >= 90))
                   OR (p.status = 'completed') <> (p.completed_at IS NOT NULL)`),
    ).toBe(0);
    // Members record progress only in published modules of spaces they belong to.
    expect(
      await n(`SELECT count(*) AS n FROM enrollment e JOIN module m ON m.id = e.module_id
                WHERE m.status <> 'published' OR NOT EXISTS (SELECT 1 FROM space_member sm WHERE sm.space_id = m.space_id AND sm.user_id = e.user_id)`),
    ).toBe(0);
  });

  it('gives every seminar 1–3 requirements with k of them to meet, open and in the next six months', async () => {
    expect(
      await n(`SELECT count(*) AS n FROM seminar s
                CROSS JOIN LATERAL (SELECT count(*) AS req, bool_and(q.min_percent IN (25, 50, 75, 100)) AS pct,
                                           array_agg(q.position::int ORDER BY q.position) AS pos FROM seminar_requirement q WHERE q.seminar_id = s.id) r
                WHERE r.req NOT BETWEEN 1 AND 3 OR s.rule_k NOT BETWEEN 1 AND r.req OR NOT r.pct
                   OR r.pos <> ARRAY(SELECT generate_series(0, r.req::int - 1))
                   OR s.status <> 'open' OR s.capacity NOT BETWEEN 20 AND 60 OR s.seats_taken <> 0
                   OR s.starts_at NOT BETWEEN now() AND now() + interval '190 days' OR s.registration_closes_at > s.starts_at
                   OR s.registration_opens_at > now()`),
    ).toBe(0);
    expect(await n(`SELECT count(DISTINCT audience) AS n FROM seminar`)).toBeGreaterThanOrEqual(2);
  });

  it('opens the whole-audience seminar to every member, with 3 requirements and k = 2', async () => {
    const s = manifest.wholeAudienceSeminarId;
    expect(
      await n(
        `SELECT count(*) AS n FROM app_user u, seminar s WHERE s.id = $1 AND ${IN_AUDIENCE('u', 's')}`,
        [s],
      ),
    ).toBe(manifest.counts['members']);
    expect(manifest.wholeAudienceMembers).toBe(manifest.counts['members']);
    expect(await n(`SELECT count(*) AS n FROM seminar_requirement WHERE seminar_id = $1`, [s])).toBe(3);
    expect(await n(`SELECT rule_k AS n FROM seminar WHERE id = $1`, [s])).toBe(2);
    expect(
      await n(
        `SELECT count(*) AS n FROM app_user u, seminar s WHERE s.id = $1 AND ${IN_AUDIENCE('u', 's')} AND ${MEETS_RULE('u', 's')}`,
        [s],
      ),
    ).toBe(manifest.wholeAudienceEligible);
  });

  it('samples members in the audience of their seminars, and lessons they may complete', async () => {
    expect(manifest.sampleMembers.length).toBeGreaterThanOrEqual(10);
    expect(manifest.sampleMemberIds).toEqual(manifest.sampleMembers.map((m) => m.userId));
    const pairs = manifest.sampleMembers.flatMap((m) =>
      m.seminarIds.map((seminarId) => ({ user_id: m.userId, seminar_id: seminarId })),
    );
    expect(manifest.sampleMembers.every((m) => m.seminarIds.length > 0)).toBe(true);
    expect(
      await n(
        `SELECT count(*) AS n FROM jsonb_to_recordset($1::jsonb) AS x(user_id uuid, seminar_id uuid)
           JOIN app_user u ON u.id = x.user_id JOIN seminar s ON s.id = x.seminar_id
          WHERE s.status = 'open' AND ${IN_AUDIENCE('u', 's')} AND EXISTS (SELECT 1 FROM enrollment e WHERE e.user_id = u.id)`,
        [JSON.stringify(pairs)],
      ),
    ).toBe(pairs.length);
    expect(manifest.sampleLessons.length).toBeGreaterThanOrEqual(10);
    expect(
      await n(
        `SELECT count(*) AS n FROM jsonb_to_recordset($1::jsonb) AS x("userId" uuid, "lessonId" uuid, "moduleId" uuid, "spaceId" uuid, kind text)
           JOIN lesson l ON l.id = x."lessonId" AND l.module_id = x."moduleId" AND l.kind = x.kind AND l.kind IN ('page', 'video')
           JOIN module m ON m.id = l.module_id AND m.space_id = x."spaceId" AND m.status = 'published'
           JOIN space_member sm ON sm.space_id = m.space_id AND sm.user_id = x."userId"
          WHERE NOT EXISTS (SELECT 1 FROM lesson_progress p WHERE p.user_id = x."userId" AND p.lesson_id = l.id AND p.status = 'completed')`,
        [JSON.stringify(manifest.sampleLessons)],
      ),
    ).toBe(manifest.sampleLessons.length);
  });

  it('gives the admin and each region’s staff their role and the real password', async () => {
    const { rows } = await db.query(
      `SELECT u.email, g.role, g.region_id, u.password_hash FROM role_grant g JOIN app_user u ON u.id = g.user_id ORDER BY g.role, u.email`,
    );
    expect(rows.filter((r) => r.role === 'admin').map((r) => r.email)).toEqual([manifest.adminEmail]);
    expect(
      rows
        .filter((r) => r.role === 'staff')
        .map((r) => r.region_id)
        .sort(),
    ).toEqual([...manifest.regionIds].sort());
    expect(manifest.staff.map((s) => s.email).sort()).toEqual(
      rows
        .filter((r) => r.role === 'staff')
        .map((r) => r.email)
        .sort(),
    );
    for (const r of rows) expect(await verifyPassword(r.password_hash, manifest.adminPassword)).toBe(true);
    const [member] = (
      await db.query(`SELECT password_hash FROM app_user WHERE email = 'member-1@bench.pratique.tn'`)
    ).rows;
    expect(await verifyPassword(member.password_hash, manifest.memberPassword)).toBe(true);
  });
});
