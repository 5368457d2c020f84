/**
 * Seeding against the real PostgreSQL (DATABASE_URL: a fresh, migrated test database).
 * Rows are counted by the demo's natural keys, so other suites writing to the same database
 * do not disturb the comparison.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../migrations/data-source';
import { AnimatorHome, HomeRoutes, LessonKind, SeminarOutlook, StaffHome } from '@pratique/contracts';
import { createTestApp, signedIn, TestApp } from '@pratique/api/testing';
import { validateLessonContent } from '../../libs/api/learning/src/lessons/lesson-content';
import {
  ACCOUNTABILITY_MODULE,
  ATTENDANCE_TO_MARK_SEMINAR,
  DEMO_MODULES,
  DEMO_ORGANISATIONS,
  DEMO_PASSWORD,
  DEMO_REGIONS,
  DEMO_SEMINARS,
  DEMO_SPACES,
  DEMO_USERS,
  GENDER_BUDGET_AR_MODULE,
  GOVERNANCE_MODULE,
  FULL_WORKSHOP,
  PROJECT_CYCLE_MODULE,
  TWO_OF_THREE_SEMINAR,
  WITHIN_REACH_WORKSHOP,
} from './demo-content';
import { IN_AUDIENCE, MEETS_RULE, PERCENT } from '../../libs/api/seminars/src/eligibility/audience.sql';
import { DEMO_RESOURCES, DEMO_THREADS } from './demo-community';
import { seedDemoData, SeedProgress } from './demo-data';
import { moduleKey } from './demo-learning';
import { DEMO_SKILL_OFFERS, DEMO_SKILL_REQUESTS } from './demo-skills';

/** The demo modules, by their natural key (space, original language, title in that language). */
const DEMO_MODULE_KEYS = JSON.stringify(
  DEMO_MODULES.map((m) => ({ slug: m.space, lang: m.originalLanguage, title: moduleKey(m) })),
);
const DEMO_MODULE_IDS = `
  SELECT m.id FROM module m JOIN space s ON s.id = m.space_id
    JOIN jsonb_to_recordset('${DEMO_MODULE_KEYS.replace(/'/g, "''")}'::jsonb) AS k(slug text, lang text, title text)
      ON k.slug = s.slug AND m.original_language = k.lang AND m.title->>k.lang = k.title`;
/** The demo seminars, by their natural key (region code, title in French). */
const DEMO_SEMINAR_KEYS = JSON.stringify(DEMO_SEMINARS.map((s) => ({ region: s.region, title: s.title.fr })));
const DEMO_SEMINAR_IDS = `
  SELECT s.id FROM seminar s JOIN region g ON g.id = s.region_id
    JOIN jsonb_to_recordset('${DEMO_SEMINAR_KEYS.replace(/'/g, "''")}'::jsonb) AS k(region text, title text)
      ON k.region = g.code AND s.title->>'fr' = k.title`;
/**
 * The gate recomputed in SQL from the enrollments with the API's own fragments, per registration
 * of a demo seminar: in the audience, and at least k requirements met (none needed without any).
 */
const GATE_PER_REGISTRATION = `
  SELECT s.id AS seminar_id, s.title->>'fr' AS seminar, s.status AS seminar_status, lower(u.email) AS email,
         r.status, r.queue_seq, r.eligibility_snapshot AS snapshot, s.rule_k AS k,
         (${IN_AUDIENCE('u', 's')}) AS in_audience,
         (SELECT count(*)::int FROM seminar_requirement q WHERE q.seminar_id = s.id) AS n,
         (SELECT count(*)::int FROM seminar_requirement q
            LEFT JOIN enrollment e ON e.module_id = q.module_id AND e.user_id = u.id
           WHERE q.seminar_id = s.id AND ${PERCENT('e')} >= q.min_percent) AS met
    FROM registration r JOIN seminar s ON s.id = r.seminar_id JOIN app_user u ON u.id = r.user_id
   WHERE s.id IN (${DEMO_SEMINAR_IDS})`;
const SEAT_HOLDING_STATUSES = `('pending', 'confirmed', 'attended', 'no_show')`;
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
            FROM enrollment WHERE module_id IN (${DEMO_MODULE_IDS})) AS enrollment_state,
         (SELECT count(*) FROM seminar WHERE id IN (${DEMO_SEMINAR_IDS})) AS seminars,
         (SELECT count(*) FROM seminar_requirement WHERE seminar_id IN (${DEMO_SEMINAR_IDS})) AS seminar_requirements,
         (SELECT count(*) FROM registration WHERE seminar_id IN (${DEMO_SEMINAR_IDS})) AS registrations,
         (SELECT string_agg(concat_ws('/', id, status, capacity, seats_taken, rule_k, starts_at, updated_at), ',' ORDER BY id)
            FROM seminar WHERE id IN (${DEMO_SEMINAR_IDS})) AS seminar_state,
         (SELECT string_agg(concat_ws('/', id, status, queue_seq, created_at, updated_at, md5(eligibility_snapshot::text)), ',' ORDER BY id)
            FROM registration WHERE seminar_id IN (${DEMO_SEMINAR_IDS})) AS registration_state,
         (SELECT count(*) FROM outbox WHERE payload->>'seminarId' IN (SELECT id::text FROM (${DEMO_SEMINAR_IDS}) d)) AS seminar_outbox,
         (SELECT count(*) FROM outbox WHERE relayed_at IS NULL AND payload->>'seminarId' IN (SELECT id::text FROM (${DEMO_SEMINAR_IDS}) d)) AS seminar_outbox_unrelayed,
         (SELECT count(*) FROM notification WHERE payload->>'seminarId' IN (SELECT id::text FROM (${DEMO_SEMINAR_IDS}) d)) AS seminar_notifications,
         (SELECT string_agg(concat_ws('/', id, status, updated_at), ',' ORDER BY id) FROM skill_offer WHERE title = ANY($5)) AS skill_offer_state,
         (SELECT string_agg(concat_ws('/', id, status, updated_at), ',' ORDER BY id) FROM skill_request WHERE title = ANY($6)) AS skill_request_state,
         (SELECT string_agg(concat_ws('/', ss.id, ss.status, ss.updated_at, r.side, r.usefulness, r.pedagogy), ',' ORDER BY ss.id, r.side)
            FROM skill_session ss JOIN skill_offer o ON o.id = ss.offer_id LEFT JOIN skill_session_rating r ON r.session_id = ss.id
           WHERE o.title = ANY($5)) AS skill_session_state,
         (SELECT count(*) FROM outbox WHERE type LIKE 'skill-session.%' AND payload->>'offerId' IN
            (SELECT id::text FROM skill_offer WHERE title = ANY($5))) AS skill_outbox`,
      [
        DEMO_REGIONS.map((r) => r.code),
        DEMO_ORGANISATIONS.map((o) => o.name.toLowerCase()),
        emails,
        DEMO_SPACES.map((s) => s.slug),
        DEMO_SKILL_OFFERS.map((o) => o.title),
        DEMO_SKILL_REQUESTS.map((r) => r.title),
      ],
    );
    const out: Record<string, number | string> = {};
    for (const [k, v] of Object.entries(row))
      out[k] = k === 'hashes' ? (v as string).length : k.endsWith('_state') ? (v as string) : Number(v);
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
    // Skills donation: every demo offer and request, one done session rated by both sides, no event for seeded history.
    expect(String(afterFirst['skill_offer_state']).split(',')).toHaveLength(DEMO_SKILL_OFFERS.length);
    expect(String(afterFirst['skill_request_state']).split(',')).toHaveLength(DEMO_SKILL_REQUESTS.length);
    const sessionRows = String(afterFirst['skill_session_state'])
      .split(',')
      .map((row) => row.split('/'));
    expect(sessionRows.map(([, status, , side]) => [status, side])).toEqual([
      ['done', 'organisation'],
      ['done', 'volunteer'],
    ]);
    expect(afterFirst['skill_outbox']).toBe(0);
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
  it('gives seminars whose seats, waiting lists and registrations agree with the gate', async () => {
    const steps: SeedProgress[] = [];
    await seedDemoData(ds, (p) => steps.push(p));
    const before = await counts();
    const summary = await seedDemoData(ds);
    expect(await counts()).toEqual(before);
    expect(summary.seminars).toMatchObject({
      seminars: DEMO_SEMINARS.length,
      newSeminars: 0,
      newRegistrations: 0,
    });
    expect(before).toMatchObject({
      seminars: DEMO_SEMINARS.length,
      seminar_requirements: DEMO_SEMINARS.reduce((n, x) => n + x.rule.requirements.length, 0),
      registrations: DEMO_SEMINARS.reduce((n, x) => n + x.registrations.length, 0),
      // Seeded registrations are history: each has its member's notification, already relayed
      // (nothing for the worker to send), written once.
      seminar_outbox: DEMO_SEMINARS.reduce((n, x) => n + x.registrations.length, 0),
      seminar_outbox_unrelayed: 0,
      seminar_notifications: DEMO_SEMINARS.reduce((n, x) => n + x.registrations.length, 0),
    });
    expect(summary.seminars.registrations).toBe(before['registrations']);
    for (const x of DEMO_SEMINARS)
      expect(steps.filter((p) => p.label === `seminar ${x.title.fr}`)).toHaveLength(1);

    // Every case the demo is meant to show.
    const seminars: Array<{
      title: string;
      status: string;
      audience: string;
      capacity: number;
      seats_taken: number;
      seats: number;
      waitlisted: number;
      requires_confirmation: boolean;
      k: number;
      n: number;
      region: string;
      manager: string;
      langs: string[];
      starts_in: number;
      closes_in: number;
    }> = await ds.query(
      `SELECT s.title->>'fr' AS title, s.status, s.audience, s.capacity, s.seats_taken, s.requires_confirmation, s.rule_k AS k,
              g.code AS region, lower(u.email) AS manager,
              ARRAY(SELECT jsonb_object_keys(s.title) ORDER BY 1) AS langs,
              extract(epoch FROM s.starts_at - now()) / 86400 AS starts_in,
              extract(epoch FROM s.registration_closes_at - now()) / 86400 AS closes_in,
              (SELECT count(*)::int FROM seminar_requirement q WHERE q.seminar_id = s.id) AS n,
              (SELECT count(*)::int FROM registration r WHERE r.seminar_id = s.id AND r.status IN ${SEAT_HOLDING_STATUSES}) AS seats,
              (SELECT count(*)::int FROM registration r WHERE r.seminar_id = s.id AND r.status = 'waitlisted') AS waitlisted
         FROM seminar s JOIN region g ON g.id = s.region_id LEFT JOIN app_user u ON u.id = s.created_by
        WHERE s.id IN (${DEMO_SEMINAR_IDS})`,
    );
    for (const x of seminars) {
      expect({ title: x.title, seats: x.seats_taken }).toEqual({ title: x.title, seats: x.seats });
      expect(x.seats_taken).toBeLessThanOrEqual(x.capacity);
      expect(x.langs).toEqual(['ar', 'en', 'fr']);
      if (x.region === 'tunis') expect(x.manager).toBe('staff.tunis@pratique.tn');
    }
    const statuses = seminars.map((x) => x.status);
    for (const st of ['open', 'done', 'draft', 'cancelled']) expect(statuses).toContain(st);
    expect(new Set(seminars.map((x) => x.audience))).toEqual(new Set(['region', 'organisations', 'space']));
    expect(seminars.filter((x) => x.status === 'done').every((x) => x.starts_in < 0)).toBe(true);
    expect(
      seminars.some(
        (x) =>
          x.status === 'open' && x.starts_in > 0 && x.starts_in <= 7 && x.closes_in > 0 && x.closes_in <= 3,
      ),
    ).toBe(true);
    expect(seminars.some((x) => x.requires_confirmation && x.status === 'open')).toBe(true);
    expect(seminars.some((x) => x.n === 0)).toBe(true);
    expect(seminars.some((x) => x.k === 1 && x.n === 1)).toBe(true);
    const full = seminars.find((x) => x.title === FULL_WORKSHOP);
    expect(full).toMatchObject({ capacity: 3, seats_taken: 3, status: 'open' });
    expect(full?.waitlisted).toBeGreaterThanOrEqual(1);

    // The gate, recomputed in SQL from the enrollments (the API's audience and percent fragments).
    const regs: Array<{
      seminar: string;
      seminar_status: string;
      email: string;
      status: string;
      queue_seq: string;
      snapshot: {
        eligible: boolean;
        inAudience: boolean;
        k: number;
        n: number;
        met: number;
        stillNeeded: number;
      };
      k: number;
      n: number;
      met: number;
      in_audience: boolean;
    }> = await ds.query(`${GATE_PER_REGISTRATION} ORDER BY s.starts_at, r.queue_seq`);
    const eligible = (r: (typeof regs)[number]) => r.in_audience && (r.n === 0 || r.met >= r.k);
    const refused = regs.filter(
      (r) =>
        r.seminar_status === 'open' &&
        ['pending', 'confirmed', 'waitlisted'].includes(r.status) &&
        !eligible(r),
    );
    expect(refused).toEqual([]);
    // Snapshots are the gate's explanation for those members (percents only rise, so they still hold).
    for (const r of regs)
      expect({ email: r.email, seminar: r.seminar, snapshot: r.snapshot }).toEqual({
        email: r.email,
        seminar: r.seminar,
        snapshot: expect.objectContaining({
          eligible: true,
          inAudience: true,
          n: r.n,
          k: r.n === 0 ? 0 : r.k,
          met: r.met,
          stillNeeded: 0,
        }),
      });
    const seen = new Set(regs.map((r) => r.status));
    for (const st of ['pending', 'confirmed', 'waitlisted', 'cancelled', 'attended', 'no_show'])
      expect(seen).toContain(st);

    // The demo logins: membre@ confirmed to one, eligible to another, one requirement away on the 2-of-3.
    const mine = regs.filter((r) => r.email === 'membre@pratique.tn');
    expect(mine.map((r) => r.status)).toEqual(['confirmed']);
    const gate: Array<{
      title: string;
      registered: boolean;
      in_audience: boolean;
      k: number;
      n: number;
      met: number;
      min: number[];
    }> = await ds.query(
      `SELECT s.title->>'fr' AS title, s.rule_k AS k, (${IN_AUDIENCE('u', 's')}) AS in_audience,
                EXISTS (SELECT 1 FROM registration r WHERE r.seminar_id = s.id AND r.user_id = u.id) AS registered,
                (SELECT count(*)::int FROM seminar_requirement q WHERE q.seminar_id = s.id) AS n,
                (SELECT count(*)::int FROM seminar_requirement q LEFT JOIN enrollment e ON e.module_id = q.module_id AND e.user_id = u.id
                  WHERE q.seminar_id = s.id AND ${PERCENT('e')} >= q.min_percent) AS met,
                ARRAY(SELECT q.min_percent FROM seminar_requirement q WHERE q.seminar_id = s.id) AS min
           FROM seminar s, app_user u
          WHERE s.id IN (${DEMO_SEMINAR_IDS}) AND s.status = 'open' AND lower(u.email) = 'membre@pratique.tn'`,
    );
    expect(
      gate.filter((g) => !g.registered && g.in_audience && (g.n === 0 || g.met >= g.k)).length,
    ).toBeGreaterThanOrEqual(1);
    const twoOfThree = gate.find((g) => g.title === TWO_OF_THREE_SEMINAR);
    expect(twoOfThree).toMatchObject({
      in_audience: true,
      k: 2,
      n: 3,
      met: 1,
      min: [50, 50, 50],
      registered: false,
    });

    // amina@ is first on the waiting list of the full workshop (queue order = queue_seq).
    const waiting = regs
      .filter((r) => r.seminar === FULL_WORKSHOP && r.status === 'waitlisted')
      .map((r) => r.email);
    expect(waiting[0]).toBe('amina@pratique.tn');
  }, 60_000);

  it('gives each persona a home with something to show (the homes API, signed in as the demo accounts)', async () => {
    await seedDemoData(ds);
    const before = await counts();
    const again = await seedDemoData(ds);
    expect(await counts()).toEqual(before);
    expect(again.community).toEqual({
      resources: DEMO_RESOURCES.length,
      newResources: 0,
      threads: DEMO_THREADS.length,
      newThreads: 0,
    });
    const [community] = await ds.query(
      `SELECT (SELECT count(*)::int FROM resource r JOIN space s ON s.id = r.space_id
                WHERE (s.slug, r.title) IN (SELECT x.slug, x.title FROM jsonb_to_recordset($1::jsonb) AS x(slug text, title text))) AS resources,
              (SELECT count(*)::int FROM discussion_thread t JOIN space s ON s.id = t.space_id
                WHERE (s.slug, t.title) IN (SELECT x.slug, x.title FROM jsonb_to_recordset($2::jsonb) AS x(slug text, title text))) AS threads`,
      [
        JSON.stringify(DEMO_RESOURCES.map((r) => ({ slug: r.space, title: r.title }))),
        JSON.stringify(DEMO_THREADS.map((r) => ({ slug: r.space, title: r.title }))),
      ],
    );
    expect(community).toMatchObject({ resources: DEMO_RESOURCES.length, threads: DEMO_THREADS.length });

    const t: TestApp = await createTestApp();
    try {
      const as = (email: string) => signedIn(t, { email, password: DEMO_PASSWORD });

      // membre@: next week's workshop to register for now; the Tunis 2-of-3 budget workshop one lesson away.
      const outlook: SeminarOutlook = (
        await (await as('membre@pratique.tn')).get(HomeRoutes.seminarOutlook).expect(200)
      ).body;
      expect(outlook.registerNow.length).toBeGreaterThanOrEqual(1);
      expect(outlook.registerNow.every((s) => s.myEligible && s.myRegistration === null)).toBe(true);
      const reach = outlook.withinReach.find((w) => w.seminar.title.fr === WITHIN_REACH_WORKSHOP);
      expect(reach).toMatchObject({ met: 1, k: 2, n: 3, lessonsToGate: 1 });
      expect(reach?.steps).toEqual([
        expect.objectContaining({
          title: expect.objectContaining({ fr: ACCOUNTABILITY_MODULE }),
          lessons: 1,
          continueLessonId: expect.any(String),
        }),
      ]);

      // animatrice@: suggestions to moderate, a report and a question without reply in her spaces.
      const animator: AnimatorHome = (
        await (await as('animatrice@pratique.tn')).get(HomeRoutes.animator).expect(200)
      ).body;
      expect(animator.spaces.map((s) => s.slug).sort()).toEqual(['gestion-de-projet', 'gouvernance-locale']);
      const sum = (k: 'pendingResources' | 'openReports' | 'unansweredQuestions') =>
        animator.spaces.reduce((n, s) => n + s[k], 0);
      expect(sum('pendingResources')).toBeGreaterThanOrEqual(1);
      expect(sum('openReports')).toBeGreaterThanOrEqual(1);
      expect(sum('unansweredQuestions')).toBeGreaterThanOrEqual(1);
      expect(animator.unanswered.length).toBeGreaterThanOrEqual(1);
      expect(animator.modules.some((m) => m.learners > 0)).toBe(true);

      // staff.tunis@: upcoming seminars with registrations, one to take attendance for, a chart that rises.
      const staff: StaffHome = (await (await as('staff.tunis@pratique.tn')).get(HomeRoutes.staff).expect(200))
        .body;
      expect(staff.regions.map((r) => r.name)).toEqual(['Tunis']);
      expect(staff.seminars.some((s) => s.seatsTaken > 0)).toBe(true);
      expect(staff.seminars.some((s) => s.eligibleNotRegistered > 0)).toBe(true);
      expect(staff.attendanceToMark).toEqual([
        expect.objectContaining({
          title: expect.objectContaining({ fr: ATTENDANCE_TO_MARK_SEMINAR }),
          unmarked: 2,
        }),
      ]);
      const { series } = staff.eligibilityOverTime;
      // Completions were spread over the weeks: some line rises, none falls.
      expect(series.some((s) => (s.eligible.at(-1) ?? 0) > s.eligible[0])).toBe(true);
      for (const s of series)
        expect(s.eligible.every((n, i) => i === 0 || n >= s.eligible[i - 1])).toBe(true);
      // The last point of each line is the gate's own count today (IN_AUDIENCE, MEETS_RULE).
      const gate: Array<{ id: string; n: number }> = await ds.query(
        `SELECT s.id, (SELECT count(*)::int FROM app_user u WHERE ${IN_AUDIENCE('u', 's')} AND ${MEETS_RULE('u', 's')}) AS n
           FROM seminar s WHERE s.id = ANY($1::uuid[])`,
        [series.map((s) => s.seminarId)],
      );
      expect(series.map((s) => s.eligible.at(-1))).toEqual(
        series.map((s) => gate.find((g) => g.id === s.seminarId)?.n),
      );
    } finally {
      await t.close();
    }
  }, 60_000);
});
