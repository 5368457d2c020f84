/**
 * Seeding against the real PostgreSQL (DATABASE_URL: a fresh, migrated test database).
 * Rows are counted by the demo's natural keys, so other suites writing to the same database
 * do not disturb the comparison.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../migrations/data-source';
import { LessonKind } from '@pratique/contracts';
import { validateLessonContent } from '../../libs/api/learning/src/lessons/lesson-content';
import {
  ACCOUNTABILITY_MODULE,
  DEMO_MODULES,
  DEMO_ORGANISATIONS,
  DEMO_PASSWORD,
  DEMO_REGIONS,
  DEMO_SPACES,
  DEMO_USERS,
  GENDER_BUDGET_AR_MODULE,
  GOVERNANCE_MODULE,
  PROJECT_CYCLE_MODULE,
} from './demo-content';
import { seedDemoData, SeedProgress } from './demo-data';
import { moduleKey } from './demo-learning';

/** The demo modules, by their natural key (space, original language, title in that language). */
const DEMO_MODULE_KEYS = JSON.stringify(
  DEMO_MODULES.map((m) => ({ slug: m.space, lang: m.originalLanguage, title: moduleKey(m) })),
);
const DEMO_MODULE_IDS = `
  SELECT m.id FROM module m JOIN space s ON s.id = m.space_id
    JOIN jsonb_to_recordset('${DEMO_MODULE_KEYS.replace(/'/g, "''")}'::jsonb) AS k(slug text, lang text, title text)
      ON k.slug = s.slug AND m.original_language = k.lang AND m.title->>k.lang = k.title`;
const CERTIFICATE_CODE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/;

describe('seedDemoData (PostgreSQL)', () => {
  let ds: DataSource;

  beforeAll(async () => {
    const url = process.env['DATABASE_URL'];
    if (!url) throw new Error('DATABASE_URL must point at a migrated test database');
    ds = createDataSource(url);
    await ds.initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  async function counts(): Promise<Record<string, number | string>> {
    const emails = DEMO_USERS.map((u) => u.email.toLowerCase());
    const [row] = await ds.query(
      `SELECT
         (SELECT count(*) FROM region WHERE code = ANY($1)) AS regions,
         (SELECT count(*) FROM organisation WHERE lower(name) = ANY($2)) AS organisations,
         (SELECT count(*) FROM app_user WHERE lower(email) = ANY($3)) AS users,
         (SELECT count(*) FROM membership m JOIN app_user u ON u.id = m.user_id WHERE lower(u.email) = ANY($3)) AS memberships,
         (SELECT count(*) FROM role_grant g JOIN app_user u ON u.id = g.user_id WHERE lower(u.email) = ANY($3)) AS role_grants,
         (SELECT count(*) FROM space WHERE slug = ANY($4)) AS spaces,
         (SELECT count(*) FROM space_member sm JOIN space s ON s.id = sm.space_id WHERE s.slug = ANY($4)) AS space_members,
         (SELECT string_agg(password_hash, ',' ORDER BY email) FROM app_user WHERE lower(email) = ANY($3)) AS hashes,
         (SELECT count(*) FROM module WHERE id IN (${DEMO_MODULE_IDS})) AS modules,
         (SELECT count(*) FROM lesson WHERE module_id IN (${DEMO_MODULE_IDS})) AS lessons,
         (SELECT count(DISTINCT content->>'packageId') FROM lesson WHERE kind = 'scorm' AND module_id IN (${DEMO_MODULE_IDS})) AS scorm_packages,
         (SELECT count(*) FROM scorm_asset WHERE package_id::text IN
            (SELECT content->>'packageId' FROM lesson WHERE kind = 'scorm' AND module_id IN (${DEMO_MODULE_IDS}))) AS scorm_assets,
         (SELECT count(*) FROM lesson_progress p JOIN lesson l ON l.id = p.lesson_id WHERE l.module_id IN (${DEMO_MODULE_IDS})) AS lesson_progress,
         (SELECT count(*) FROM enrollment WHERE module_id IN (${DEMO_MODULE_IDS})) AS enrollments,
         (SELECT count(*) FROM quiz_attempt q JOIN lesson l ON l.id = q.lesson_id WHERE l.module_id IN (${DEMO_MODULE_IDS})) AS quiz_attempts,
         (SELECT count(*) FROM scorm_attempt a JOIN lesson l ON l.id = a.lesson_id WHERE l.module_id IN (${DEMO_MODULE_IDS})) AS scorm_attempts,
         (SELECT count(*) FROM outbox WHERE payload->>'moduleId' IN (SELECT id::text FROM (${DEMO_MODULE_IDS}) d)) AS outbox,
         (SELECT string_agg(concat_ws('/', user_id, module_id, percent, certificate_code, completed_at, started_at), ',' ORDER BY user_id, module_id)
            FROM enrollment WHERE module_id IN (${DEMO_MODULE_IDS})) AS enrollment_state`,
      [
        DEMO_REGIONS.map((r) => r.code),
        DEMO_ORGANISATIONS.map((o) => o.name.toLowerCase()),
        emails,
        DEMO_SPACES.map((s) => s.slug),
      ],
    );
    const out: Record<string, number | string> = {};
    for (const [k, v] of Object.entries(row))
      out[k] = k === 'hashes' ? (v as string).length : k === 'enrollment_state' ? (v as string) : Number(v);
    return out;
  }

  it('gives the same rows when run twice, with every role and a verifiable admin password', async () => {
    const steps: SeedProgress[] = [];
    const first = await seedDemoData(ds, (p) => steps.push(p));
    const afterFirst = await counts();
    const second = await seedDemoData(ds);
    const afterSecond = await counts();

    expect(afterSecond).toEqual(afterFirst);
    expect(second.newUsers).toBe(0);
    expect(first.newUsers + second.newUsers).toBeLessThanOrEqual(DEMO_USERS.length);
    expect(afterFirst).toMatchObject({
      regions: DEMO_REGIONS.length,
      organisations: DEMO_ORGANISATIONS.length,
      users: DEMO_USERS.length,
      spaces: DEMO_SPACES.length,
    });
    expect(afterFirst['role_grants']).toBe(3); // admin, staff Tunis, staff Sfax
    expect(steps.at(-1)).toMatchObject({ done: steps.at(-1)?.total });

    const [admin] = await ds.query(
      `SELECT u.password_hash, g.role FROM app_user u JOIN role_grant g ON g.user_id = u.id WHERE lower(u.email) = 'admin@pratique.tn'`,
    );
    expect(admin.role).toBe('admin');
    expect(admin.password_hash).toMatch(/^\$argon2id\$/);
    await expect(argon2.verify(admin.password_hash, DEMO_PASSWORD)).resolves.toBe(true);

    const staff = await ds.query(
      `SELECT u.email, r.code FROM role_grant g JOIN app_user u ON u.id = g.user_id JOIN region r ON r.id = g.region_id
       WHERE g.role = 'staff' AND lower(u.email) LIKE 'staff.%@pratique.tn' ORDER BY u.email`,
    );
    expect(staff).toEqual([
      { email: 'staff.sfax@pratique.tn', code: 'sfax' },
      { email: 'staff.tunis@pratique.tn', code: 'tunis' },
    ]);

    const animated = await ds.query(
      `SELECT s.slug FROM space_member sm JOIN space s ON s.id = sm.space_id JOIN app_user u ON u.id = sm.user_id
       WHERE lower(u.email) = 'animatrice@pratique.tn' AND sm.role = 'animator' ORDER BY s.slug`,
    );
    expect(animated.map((r: { slug: string }) => r.slug)).toEqual([
      'gestion-de-projet',
      'gouvernance-locale',
    ]);

    const [space] = await ds.query(
      `SELECT title, scope, visibility FROM space WHERE slug = 'droits-humains'`,
    );
    expect(Object.keys(space.title).sort()).toEqual(['ar', 'en', 'fr']);
    expect(space.visibility).toBe('members');
  }, 60_000);

  it('gives modules, lessons and learners at consistent percents, with a playable SCORM package', async () => {
    await seedDemoData(ds);
    const before = await counts();
    const summary = await seedDemoData(ds);
    expect(await counts()).toEqual(before);
    expect(summary.learning).toMatchObject({ newModules: 0, newLessons: 0 });
    expect(before).toMatchObject({
      modules: DEMO_MODULES.length,
      lessons: DEMO_MODULES.reduce((n, m) => n + m.lessons.length, 0),
      scorm_packages: 1,
      outbox: 0,
    });
    expect(before['scorm_assets']).toBeGreaterThan(0);
    expect(before['quiz_attempts']).toBeGreaterThan(0);

    const modules: Array<{ status: string; lang: string; title: Record<string, string>; lessons: number }> =
      await ds.query(
        `SELECT m.status, m.original_language AS lang, m.title, (SELECT count(*)::int FROM lesson l WHERE l.module_id = m.id) AS lessons
         FROM module m WHERE m.id IN (${DEMO_MODULE_IDS})`,
      );
    expect(modules.filter((m) => m.status === 'published' && m.lessons < 1)).toEqual([]);
    expect(modules.filter((m) => m.status === 'draft')).toHaveLength(1);
    expect(modules.filter((m) => m.status === 'archived')).toHaveLength(1);
    const arabic = modules.filter((m) => m.lang === 'ar');
    expect(arabic.length).toBeGreaterThanOrEqual(2);
    for (const m of arabic) expect(Object.keys(m.title).sort()).toEqual(['ar', 'en', 'fr']);

    // Pages with substance (150–400 words), and every seeded lesson content the API itself accepts.
    for (const m of DEMO_MODULES)
      for (const l of m.lessons)
        if (l.kind === 'page') {
          const words = (l.markdown[m.originalLanguage] ?? '')
            .split(/\s+/)
            .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
          expect({ page: l.title[m.originalLanguage], words: Math.min(Math.max(words, 150), 400) }).toEqual({
            page: l.title[m.originalLanguage],
            words,
          });
        }
    const lessons: Array<{ kind: LessonKind; content: unknown }> = await ds.query(
      `SELECT kind, content FROM lesson WHERE module_id IN (${DEMO_MODULE_IDS})`,
    );
    for (const l of lessons) await expect(validateLessonContent(l.kind, l.content)).resolves.toBeDefined();

    const mine: Array<{ title: string; percent: number; code: string | null; completed: boolean }> =
      await ds.query(
        `SELECT m.title->>'fr' AS title, e.percent, e.certificate_code AS code, e.completed_at IS NOT NULL AS completed
         FROM enrollment e JOIN module m ON m.id = e.module_id JOIN app_user u ON u.id = e.user_id
        WHERE lower(u.email) = 'membre@pratique.tn' ORDER BY e.percent DESC`,
      );
    expect(mine).toEqual([
      {
        title: GOVERNANCE_MODULE,
        percent: 100,
        code: expect.stringMatching(CERTIFICATE_CODE),
        completed: true,
      },
      { title: ACCOUNTABILITY_MODULE, percent: 66, code: null, completed: false },
      { title: PROJECT_CYCLE_MODULE, percent: 0, code: null, completed: false },
    ]);
    const [amina] = await ds.query(
      `SELECT e.percent FROM enrollment e JOIN module m ON m.id = e.module_id JOIN app_user u ON u.id = e.user_id
        WHERE lower(u.email) = 'amina@pratique.tn' AND m.original_language = 'ar' AND m.title->>'ar' = $1`,
      [GENDER_BUDGET_AR_MODULE],
    );
    expect(amina.percent).toBe(50);

    // The API's rule (ProgressRepository), recomputed for every enrollment of the demo modules:
    // counted = required lessons, or all when none is required; percent = floor(100 × done / counted);
    // at 100, completed_at and an 8-character certificate code.
    const inconsistent = await ds.query(
      `WITH counted AS (
         SELECT l.module_id, l.id FROM lesson l
          WHERE l.required OR NOT EXISTS (SELECT 1 FROM lesson r WHERE r.module_id = l.module_id AND r.required)),
       recomputed AS (
         SELECT e.user_id, e.module_id, e.percent, e.completed_at, e.certificate_code,
                CASE WHEN count(c.id) = 0 THEN 0 ELSE (100 * count(p.lesson_id) / count(c.id))::int END AS expected
           FROM enrollment e
           LEFT JOIN counted c ON c.module_id = e.module_id
           LEFT JOIN lesson_progress p ON p.lesson_id = c.id AND p.user_id = e.user_id AND p.status = 'completed'
          WHERE e.module_id IN (${DEMO_MODULE_IDS})
          GROUP BY e.user_id, e.module_id, e.percent, e.completed_at, e.certificate_code)
       SELECT * FROM recomputed
        WHERE percent <> expected
           OR (percent = 100) <> (completed_at IS NOT NULL)
           OR (percent = 100) <> (certificate_code ~ '^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$')`,
    );
    expect(inconsistent).toEqual([]);
    const [{ certificates }] = await ds.query(
      `SELECT count(*)::int AS certificates FROM enrollment WHERE completed_at IS NOT NULL AND module_id IN (${DEMO_MODULE_IDS})`,
    );
    expect(certificates).toBe(summary.learning.certificates);

    // A completed quiz has a passing attempt; a failed attempt never completed one on its own.
    const quizzesWithoutPass = await ds.query(
      `SELECT p.user_id, p.lesson_id FROM lesson_progress p JOIN lesson l ON l.id = p.lesson_id
        WHERE l.kind = 'quiz' AND p.status = 'completed' AND l.module_id IN (${DEMO_MODULE_IDS})
          AND NOT EXISTS (SELECT 1 FROM quiz_attempt q WHERE q.user_id = p.user_id AND q.lesson_id = p.lesson_id
                            AND q.passed AND q.score >= (l.content->>'passingScore')::numeric AND q.score = p.score)`,
    );
    expect(quizzesWithoutPass).toEqual([]);

    const scorm = await ds.query(
      `SELECT l.content->>'version' AS version, pkg.launch_path = l.content->>'launchPath' AS same_launch,
              lower(u.email) AS owner,
              EXISTS (SELECT 1 FROM scorm_asset a WHERE a.package_id = pkg.id
                        AND a.path = split_part(l.content->>'launchPath', '?', 1)) AS launch_file
         FROM lesson l
         JOIN scorm_package pkg ON pkg.id::text = l.content->>'packageId'
         JOIN app_user u ON u.id = pkg.owner_id
        WHERE l.kind = 'scorm' AND l.module_id IN (${DEMO_MODULE_IDS})`,
    );
    expect(scorm).toEqual([
      { version: '1.2', same_launch: true, owner: 'animatrice@pratique.tn', launch_file: true },
    ]);
  }, 60_000);
});
