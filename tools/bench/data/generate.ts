/**
 * `npm run bench:data [-- --scale <f>] [-- --database <name>]`: the benchmark's dataset, loaded
 * set-wise on the server (INSERT … SELECT over generate_series, in chunks with a progress bar),
 * never row by row. At scale 1: 50,000 members in 40 organisations and 6 regions, 60 spaces
 * (one of 20,000 members), 400 modules of 10 lessons, 2,000,000 lesson-progress rows, 500
 * seminars of 1–3 requirements. Every count is scaled and kept above a small minimum.
 *
 * Progress is realistic and consistent: members follow modules of their spaces (a few each,
 * a long tail following many), complete lessons in order (sometimes one more in progress), and
 * each enrollment's percent, completion and certificate are what the product would compute.
 */
import { SingleBar } from 'cli-progress';
import { Client } from 'pg';
import { hashPassword } from '../../../libs/api/accounts/src/auth/password';
import { IN_AUDIENCE } from '@pratique/api/seminars/sql';
import { createDataSource } from '../../../migrations/data-source';
import { DatasetManifest, writeManifest } from './manifest';

export { readManifest } from './manifest';

const FULL = { regions: 6, organisations: 40, members: 50_000, spaces: 60, modules: 400, lessonProgress: 2_000_000, seminars: 500, bigSpace: 20_000 };
const MIN = { regions: 2, organisations: 2, members: 20, spaces: 2, modules: 4, lessonProgress: 60, seminars: 3, bigSpace: 10 };
const LESSONS_PER_MODULE = 10;
const ADMIN_PASSWORD = 'bench-password-2026';
const SAMPLES = 200;

type Log = (line: string) => void;

/** One phase of the load: a bar on a terminal, one line per phase otherwise. */
async function phase(log: Log, label: string, total: number, work: (tick: (n: number) => void) => Promise<void>): Promise<void> {
  const started = Date.now();
  const tty = process.stdout.isTTY && log === console.log;
  const bar = tty ? new SingleBar({ format: `  ${label.padEnd(28)} [{bar}] {percentage}% {value}/{total} {duration}s`, hideCursor: true }) : null;
  bar?.start(total, 0);
  let done = 0;
  await work((n) => {
    done += n;
    bar?.update(Math.min(done, total));
  });
  bar?.stop();
  if (!tty) log(`  ${label.padEnd(28)} ${done.toLocaleString('en')} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export async function generateDataset(adminUrl: string, database: string, scale: number, log: Log = console.log): Promise<DatasetManifest> {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`--database: "${database}" is not a plain PostgreSQL name (a-z, 0-9, _)`);
  if (!(scale > 0 && scale <= 10)) throw new Error(`--scale: ${scale} must be a number in (0, 10]`);
  const n = Object.fromEntries(Object.entries(FULL).map(([k, v]) => [k, Math.max(MIN[k as keyof typeof MIN], Math.round(v * scale))])) as typeof FULL;
  n.bigSpace = Math.min(n.bigSpace, n.members);

  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  try {
    log(`Dataset "${database}" at scale ${scale}: ${n.members.toLocaleString('en')} members, ${n.lessonProgress.toLocaleString('en')} progress rows`);
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}`);
    const ds = createDataSource(url.toString());
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    await ds.destroy();

    const db = new Client({ connectionString: url.toString() });
    await db.connect();
    try {
      const manifest = await load(db, n, scale, log);
      await writeManifest(admin, database, manifest);
      return manifest;
    } finally {
      await db.end();
    }
  } finally {
    await admin.end();
  }
}

async function load(db: Client, n: typeof FULL, scale: number, log: Log): Promise<DatasetManifest> {
  const started = Date.now();
  await db.query(`SELECT setseed(0.2026)`);
  const hash = await hashPassword(ADMIN_PASSWORD);

  await phase(log, 'regions and organisations', n.regions + n.organisations, async (tick) => {
    await db.query(
      `INSERT INTO region (code, name)
       SELECT 'r' || g, (ARRAY['Tunis','Sfax','Sousse','Kairouan','Gabès','Bizerte','Gafsa','Médenine','Nabeul','Jendouba'])[1 + (g - 1) % 10] || CASE WHEN g > 10 THEN ' ' || g ELSE '' END
         FROM generate_series(1, $1) g`,
      [n.regions],
    );
    tick(n.regions);
    await db.query(
      `INSERT INTO organisation (name, region_id, verified)
       SELECT (ARRAY['Association','Réseau','Collectif','Union','Fédération','Jeunesse','Femmes','Citoyenneté'])[1 + g % 8] || ' ' ||
              (ARRAY['Horizons','Solidarité','Avenir','Espoir','Dignité','Action','Lien','Éveil','Nour','Amal'])[1 + (g / 8) % 10] || ' ' || g,
              (SELECT id FROM region ORDER BY code OFFSET (g % $2::int) LIMIT 1), g % 3 <> 0
         FROM generate_series(1, $1) g`,
      [n.organisations, n.regions],
    );
    tick(n.organisations);
  });

  // Members: a name, a language (fr 60 %, ar 30 %, en 10 %), one organisation (skewed: some are large), 15 % a second one.
  await phase(log, 'members and memberships', n.members, async (tick) => {
    await db.query(`CREATE TEMP TABLE orgs AS SELECT row_number() OVER (ORDER BY name) - 1 AS i, id, region_id FROM organisation`);
    const chunk = 10_000;
    for (let from = 1; from <= n.members; from += chunk) {
      const to = Math.min(n.members, from + chunk - 1);
      await db.query(
        `WITH g AS (SELECT g, floor($3 * power(random(), 1.6))::int AS org, floor(random() * greatest($3 - 1, 1))::int AS other,
                           random() AS lang, random() AS second FROM generate_series($1::int, $2::int) g),
         u AS (
           INSERT INTO app_user (email, password_hash, display_name, preferred_language, region_id, created_at)
           SELECT 'member-' || g.g || '@bench.pratique.tn', 'bench-no-password',
                  (ARRAY['Leïla','Sami','Amira','Youssef','Nadia','Karim','Salma','Hichem','Ines','Mehdi','Rania','Walid','Claire','Omar','Sarra','Anis'])[1 + g.g % 16] || ' ' ||
                  (ARRAY['Trabelsi','Ben Salah','Gharbi','Jaziri','Mansouri','Haddad','Bouazizi','Chebbi','Karoui','Masmoudi','Ayari','Dridi'])[1 + (g.g / 16) % 12] || ' ' || g.g,
                  CASE WHEN g.lang < 0.6 THEN 'fr' WHEN g.lang < 0.9 THEN 'ar' ELSE 'en' END,
                  o.region_id, now() - (random() * interval '700 days')
             FROM g JOIN orgs o ON o.i = g.org
           RETURNING id, email)
         INSERT INTO membership (user_id, organisation_id)
         SELECT u.id, o.id FROM u JOIN g ON u.email = 'member-' || g.g || '@bench.pratique.tn' JOIN orgs o ON o.i = g.org
         UNION ALL
         SELECT u.id, o.id FROM u JOIN g ON u.email = 'member-' || g.g || '@bench.pratique.tn'
           JOIN orgs o ON o.i = (g.org + 1 + g.other) % $3::int
          WHERE g.second < 0.15 AND $3 > 1`,
        [from, to, n.organisations],
      );
      tick(to - from + 1);
    }
  });

  await phase(log, 'staff and admin', n.regions + 1, async (tick) => {
    const { rows: [adminUser] } = await db.query(
      `INSERT INTO app_user (email, password_hash, display_name, preferred_language, region_id)
       VALUES ('admin@bench.pratique.tn', $1, 'Administratrice banc d’essai', 'fr', (SELECT id FROM region ORDER BY code LIMIT 1)) RETURNING id`,
      [hash],
    );
    await db.query(`INSERT INTO role_grant (user_id, role) VALUES ($1, 'admin')`, [adminUser.id]);
    await db.query(
      `WITH s AS (
         INSERT INTO app_user (email, password_hash, display_name, preferred_language, region_id)
         SELECT 'staff-' || r.code || '@bench.pratique.tn', $1, 'Bureau régional ' || r.name, 'fr', r.id FROM region r RETURNING id, region_id)
       INSERT INTO role_grant (user_id, role, region_id) SELECT id, 'staff', region_id FROM s`,
      [hash],
    );
    tick(n.regions + 1);
  });

  // Spaces: space 1 is the large one; a third regional; mixed axes; most public.
  await phase(log, 'spaces and space members', n.spaces, async (tick) => {
    await db.query(
      `INSERT INTO space (slug, title, original_language, axis, scope, region_id, visibility, status)
       SELECT 'espace-' || g,
              jsonb_build_object('fr', (ARRAY['Gouvernance associative','Plaidoyer','Genre et inclusion','Gestion financière','Communication','Environnement','Jeunesse et citoyenneté','Droits humains'])[1 + g % 8] || CASE WHEN g = 1 THEN '' ELSE ' — ' || g END),
              (ARRAY['fr','fr','ar','en'])[1 + g % 4],
              (ARRAY['governance','advocacy','gender','finance','communication','environment','youth','rights'])[1 + g % 8],
              CASE WHEN g % 3 = 0 THEN 'regional' ELSE 'national' END,
              CASE WHEN g % 3 = 0 THEN (SELECT id FROM region ORDER BY code OFFSET (g % $2::int) LIMIT 1) END,
              CASE WHEN g % 5 = 0 THEN 'members' ELSE 'public' END,
              CASE WHEN g % 17 = 0 THEN 'archived' ELSE 'open' END
         FROM generate_series(1, $1) g`,
      [n.spaces, n.regions],
    );
    await db.query(`CREATE TEMP TABLE spaces AS SELECT row_number() OVER (ORDER BY created_at, slug) - 1 AS i, id FROM space`);
    await db.query(`UPDATE space SET status = 'open' WHERE slug = 'espace-1'`);
    await db.query(`CREATE TEMP TABLE members AS SELECT row_number() OVER (ORDER BY md5(id::text)) AS i, id FROM app_user WHERE email LIKE 'member-%'`);
    // The large space: the first bigSpace members in a random order.
    await db.query(`INSERT INTO space_member (space_id, user_id, role, joined_at) SELECT (SELECT id FROM space WHERE slug = 'espace-1'), id, 'member', now() - random() * interval '300 days' FROM members WHERE i <= $1`, [n.bigSpace]);
    // Every member in 1–4 other spaces (the smaller spaces more popular than the last ones).
    await db.query(
      `INSERT INTO space_member (space_id, user_id, role, joined_at)
       SELECT s.id, m.id, 'member', now() - random() * interval '300 days'
         FROM members m
         CROSS JOIN LATERAL (SELECT 1 + floor(power(random(), 1.3) * ($1 - 1))::int AS si
                               FROM generate_series(1, 1 + floor(power(random(), 2) * 4)::int) k WHERE m.id IS NOT NULL) pick
         JOIN spaces s ON s.i = pick.si
       ON CONFLICT DO NOTHING`,
      [n.spaces],
    );
    // Two animators per space among its members.
    await db.query(
      `UPDATE space_member sm SET role = 'animator'
         FROM (SELECT space_id, user_id, row_number() OVER (PARTITION BY space_id ORDER BY md5(user_id::text)) AS r FROM space_member) x
        WHERE x.space_id = sm.space_id AND x.user_id = sm.user_id AND x.r <= 2`,
    );
    tick(n.spaces);
  });

  await phase(log, 'modules and lessons', n.modules * LESSONS_PER_MODULE, async (tick) => {
    await db.query(
      `INSERT INTO module (space_id, title, summary, original_language, estimated_minutes, status, published_at)
       SELECT s.id,
              jsonb_build_object('fr', (ARRAY['Rédiger un rapport moral','Tenir une comptabilité simple','Monter un plaidoyer','Animer une assemblée générale','Mobiliser des bénévoles','Évaluer un projet','Communiquer sur les réseaux','Rechercher des financements','Protéger les données des membres','Conduire un diagnostic participatif'])[1 + g % 10] || ' ' || g),
              '{"fr":"Un module de la communauté de pratique."}', 'fr', 30 + g % 90, 'published', now() - random() * interval '400 days'
         FROM generate_series(1, $1) g JOIN spaces s ON s.i = (g - 1) % $2::int`,
      [n.modules, n.spaces],
    );
    await db.query(
      `INSERT INTO lesson (module_id, position, kind, title, required, content)
       SELECT m.id, p, CASE WHEN p % 4 = 0 THEN 'video' ELSE 'page' END, jsonb_build_object('fr', 'Leçon ' || p),
              true,
              CASE WHEN p % 4 = 0 THEN '{"embedUrl":"https://www.youtube-nocookie.com/embed/bench","fileId":null}'::jsonb
                   ELSE jsonb_build_object('markdown', jsonb_build_object('fr', '# Leçon ' || p || E'\\n\\nContenu de la leçon.')) END
         FROM module m CROSS JOIN generate_series(1, $1) p`,
      [LESSONS_PER_MODULE],
    );
    tick(n.modules * LESSONS_PER_MODULE);
  });

  // The plan: which member follows which module of their spaces, how many lessons completed, one
  // more in progress or not — then trimmed in a random order to exactly the target row count.
  await phase(log, 'progress plan', 1, async (tick) => {
    const { rows: [{ pairs }] } = await db.query(
      `SELECT count(*)::float AS pairs FROM space_member sm JOIN module m ON m.space_id = sm.space_id AND m.status = 'published'`,
    );
    const meanRows = 4.0; // a little under the mean, so the plan overshoots and is trimmed to the target
    const p = Math.min(1, n.lessonProgress / meanRows / Math.max(1, pairs));
    await db.query(
      `CREATE TEMP TABLE plan AS
       SELECT sm.user_id, m.id AS module_id, c.completed, c.completed < $2::int AND random() < 0.5 AS in_progress,
              random() AS ord, now() - random() * interval '180 days' AS started_at
         FROM space_member sm JOIN module m ON m.space_id = sm.space_id AND m.status = 'published'
         CROSS JOIN LATERAL (SELECT least($2::int, floor(($2::int + 1) * power(random(), 1.4))::int) AS completed WHERE sm.user_id IS NOT NULL) c
        WHERE random() < $1::float * (CASE WHEN sm.role = 'animator' THEN 2 ELSE 1 END)`,
      [p, LESSONS_PER_MODULE],
    );
    await db.query(`DELETE FROM plan WHERE completed = 0 AND NOT in_progress`);
    await db.query(
      `CREATE TEMP TABLE enrol AS
       SELECT *, completed + in_progress::int AS n_rows, sum(completed + in_progress::int) OVER (ORDER BY ord) AS upto
         FROM plan`,
    );
    // Trim to the target: whole enrollments while they fit, the one that crosses it cut short.
    await db.query(`DELETE FROM enrol WHERE upto - n_rows >= $1`, [n.lessonProgress]);
    await db.query(
      `UPDATE enrol SET in_progress = CASE WHEN (upto - n_rows) + completed >= $1 THEN false ELSE in_progress END,
                        completed = least(completed, $1 - (upto - n_rows))::int
        WHERE upto > $1`,
      [n.lessonProgress],
    );
    await db.query(`DELETE FROM enrol WHERE completed = 0 AND NOT in_progress`);
    await db.query(`ALTER TABLE enrol ADD COLUMN seq serial`);
    await db.query(`CREATE INDEX ON enrol (seq)`);
    await db.query(`ANALYZE enrol`);
    tick(1);
  });

  const { rows: [{ enrollments, progressRows }] } = await db.query(
    `SELECT count(*)::int AS enrollments, COALESCE(sum(completed + in_progress::int), 0)::int AS "progressRows" FROM enrol`,
  );
  await phase(log, 'lesson progress', progressRows, async (tick) => {
    const chunk = 25_000; // enrollments per statement (about 130,000 rows)
    for (let from = 1; from <= enrollments; from += chunk) {
      const { rowCount } = await db.query(
        `INSERT INTO lesson_progress (user_id, lesson_id, status, video_percent, completed_at, updated_at)
         SELECT e.user_id, l.id, CASE WHEN l.position <= e.completed THEN 'completed' ELSE 'in_progress' END,
                CASE WHEN l.kind = 'video' THEN CASE WHEN l.position <= e.completed THEN 100 ELSE 40 END END,
                CASE WHEN l.position <= e.completed THEN e.started_at + l.position * interval '1 day' END,
                e.started_at + l.position * interval '1 day'
           FROM enrol e JOIN lesson l ON l.module_id = e.module_id AND l.position <= e.completed + e.in_progress::int
          WHERE e.seq BETWEEN $1 AND $2`,
        [from, from + chunk - 1],
      );
      tick(rowCount ?? 0);
    }
  });

  // Enrollments as the product computes them (all lessons required): percent = floor(100 × completed / lessons).
  await phase(log, 'enrollments', enrollments, async (tick) => {
    const chunk = 50_000;
    for (let from = 1; from <= enrollments; from += chunk) {
      const { rowCount } = await db.query(
        `INSERT INTO enrollment (user_id, module_id, percent, started_at, last_activity_at, last_lesson_id, completed_at, certificate_code)
         SELECT e.user_id, e.module_id, (100 * e.completed / $3)::int, e.started_at,
                e.started_at + (e.completed + e.in_progress::int) * interval '1 day',
                (SELECT l.id FROM lesson l WHERE l.module_id = e.module_id AND l.position = e.completed + e.in_progress::int),
                CASE WHEN e.completed = $3 THEN e.started_at + $3 * interval '1 day' END,
                CASE WHEN e.completed = $3 THEN certificate_code() END
           FROM enrol e WHERE e.seq BETWEEN $1 AND $2`,
        [from, from + chunk - 1, LESSONS_PER_MODULE],
      );
      tick(rowCount ?? 0);
    }
  });

  // Seminars (all but the whole-audience one below): half for a region, a third for some organisations of a region, the rest for a space.
  await phase(log, 'seminars and requirements', n.seminars, async (tick) => {
    await db.query(
      `INSERT INTO seminar (region_id, space_id, kind, title, original_language, venue, starts_at, ends_at, capacity,
                            registration_opens_at, registration_closes_at, audience, audience_organisation_ids, status, rule_k)
       SELECT x.region_id, CASE WHEN x.aud = 'space' THEN x.space_id END, CASE WHEN g % 4 = 0 THEN 'workshop' ELSE 'seminar' END,
              jsonb_build_object('fr', (ARRAY['Séminaire régional','Atelier pratique','Rencontre des animateurs','Formation de formateurs','Journée d’échange'])[1 + g % 5] || ' ' || g),
              'fr', 'Maison des associations', x.starts, x.starts + interval '6 hours', 20 + (g * 7) % 41,
              x.starts - interval '40 days', x.starts - interval '1 day', x.aud,
              CASE WHEN x.aud = 'organisations' THEN ARRAY(SELECT o.id FROM organisation o WHERE o.region_id = x.region_id ORDER BY md5(o.id::text || g) LIMIT 1 + g % 3) ELSE '{}' END,
              CASE WHEN g % 10 = 0 THEN 'draft' WHEN g % 20 = 1 THEN 'closed' ELSE 'open' END, 0
         FROM generate_series(1, $1::int - 1) g
         CROSS JOIN LATERAL (
           SELECT (SELECT id FROM region ORDER BY code OFFSET (g % $2::int) LIMIT 1) AS region_id,
                  (SELECT id FROM spaces WHERE i = g % $3::int) AS space_id,
                  CASE WHEN g % 6 < 3 THEN 'region' WHEN g % 6 < 5 THEN 'organisations' ELSE 'space' END AS aud,
                  date_trunc('hour', now()) + (1 + g % 180) * interval '1 day' + interval '9 hours' AS starts) x`,
      [n.seminars, n.regions, n.spaces],
    );
    // 1–3 requirements each, among modules (of the seminar's space when it has one), k of n at random.
    await db.query(
      `INSERT INTO seminar_requirement (seminar_id, module_id, min_percent, position)
       SELECT s.id, r.module_id, (ARRAY[25, 50, 75, 100])[1 + floor(random() * 4)::int], r.position
         FROM (SELECT id, space_id, 1 + floor(random() * 3)::int AS k FROM seminar) s
         CROSS JOIN LATERAL (
           SELECT m.id AS module_id, row_number() OVER () - 1 AS position
             FROM (SELECT id FROM module WHERE s.space_id IS NULL OR space_id = s.space_id ORDER BY md5(id::text || s.id::text) LIMIT s.k) m) r`,
    );
    await db.query(
      `UPDATE seminar s SET rule_k = 1 + floor(random() * q.n)::int
         FROM (SELECT seminar_id, count(*) AS n FROM seminar_requirement GROUP BY seminar_id) q WHERE q.seminar_id = s.id`,
    );
    tick(n.seminars);
  });

  // The whole-audience seminar: every organisation, three requirements, two of them to meet.
  const { rows: [whole] } = await db.query(
    `INSERT INTO seminar (region_id, kind, title, original_language, venue, starts_at, ends_at, capacity, registration_opens_at, registration_closes_at,
                          audience, audience_organisation_ids, status, rule_k)
     VALUES ((SELECT id FROM region ORDER BY code LIMIT 1), 'seminar', '{"fr":"Université d’été de la communauté"}', 'fr', 'Hammamet',
             now() + interval '60 days', now() + interval '62 days', 400, now() - interval '5 days', now() + interval '50 days',
             'organisations', (SELECT array_agg(id) FROM organisation), 'open', 2)
     RETURNING id`,
  );
  await db.query(
    `INSERT INTO seminar_requirement (seminar_id, module_id, min_percent, position)
     SELECT $1, id, (ARRAY[50, 75, 100])[i + 1], i FROM (SELECT id, row_number() OVER (ORDER BY (SELECT count(*) FROM enrollment e WHERE e.module_id = m.id) DESC) - 1 AS i FROM module m) x WHERE i < 3`,
    [whole.id],
  );

  await phase(log, 'indexes statistics (ANALYZE)', 1, async (tick) => {
    await db.query(`VACUUM (ANALYZE) lesson_progress, enrollment, app_user, membership, space_member, seminar, seminar_requirement, lesson, module`);
    tick(1);
  });

  const manifest = await describe(db, n, scale, whole.id as string);
  const counts = manifest.counts;
  log(`Loaded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${Object.entries(counts).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')}`);
  return manifest;
}

async function describe(db: Client, n: typeof FULL, scale: number, wholeAudienceSeminarId: string): Promise<DatasetManifest> {
  const count = async (sql: string) => Number((await db.query(sql)).rows[0].n);
  const counts: Record<string, number> = {
    regions: await count(`SELECT count(*) AS n FROM region`),
    organisations: await count(`SELECT count(*) AS n FROM organisation`),
    members: await count(`SELECT count(*) AS n FROM app_user WHERE email LIKE 'member-%'`),
    spaces: await count(`SELECT count(*) AS n FROM space`),
    modules: await count(`SELECT count(*) AS n FROM module`),
    lessons: await count(`SELECT count(*) AS n FROM lesson`),
    lessonProgress: await count(`SELECT count(*) AS n FROM lesson_progress`),
    enrollments: await count(`SELECT count(*) AS n FROM enrollment`),
    seminars: await count(`SELECT count(*) AS n FROM seminar`),
    seminarRequirements: await count(`SELECT count(*) AS n FROM seminar_requirement`),
    bigSpaceMembers: await count(`SELECT count(*) AS n FROM space_member sm JOIN space s ON s.id = sm.space_id WHERE s.slug = 'espace-1'`),
  };
  const { rows: [big] } = await db.query(`SELECT id FROM space WHERE slug = 'espace-1'`);
  // Members with several enrollments, and up to 5 visible seminars whose audience they are in.
  const { rows: sampleMembers } = await db.query(
    `SELECT u.id AS "userId",
            ARRAY(SELECT s.id FROM seminar s WHERE s.status <> 'draft' AND ${IN_AUDIENCE('u', 's')} ORDER BY s.starts_at, s.id LIMIT 5) AS "seminarIds"
       FROM app_user u
      WHERE u.email LIKE 'member-%' AND (SELECT count(*) FROM enrollment e WHERE e.user_id = u.id) >= 2
      ORDER BY md5(u.id::text) LIMIT $1`,
    [SAMPLES],
  );
  // A page lesson of a module the member follows, in a space they belong to.
  const { rows: sampleLessons } = await db.query(
    `SELECT DISTINCT ON (e.user_id) e.user_id AS "userId", l.id AS "lessonId", e.module_id AS "moduleId"
       FROM enrollment e JOIN module m ON m.id = e.module_id
       JOIN space_member sm ON sm.space_id = m.space_id AND sm.user_id = e.user_id
       JOIN space sp ON sp.id = m.space_id AND sp.status = 'open'
       JOIN lesson l ON l.module_id = e.module_id AND l.kind = 'page'
      ORDER BY e.user_id, md5(l.id::text)
      LIMIT $1`,
    [SAMPLES],
  );
  return {
    version: 1,
    scale,
    generatedAt: new Date().toISOString(),
    counts,
    adminEmail: 'admin@bench.pratique.tn',
    adminPassword: ADMIN_PASSWORD,
    bigSpaceId: big.id,
    wholeAudienceSeminarId,
    sampleMembers: sampleMembers.filter((m: { seminarIds: string[] }) => m.seminarIds.length > 0),
    sampleLessons,
  };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

if (require.main === module) {
  const adminUrl = process.env['TEST_DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = arg('database') ?? process.env['BENCH_DATABASE'] ?? 'pratique_bench';
  const scale = Number(arg('scale') ?? 1);
  generateDataset(adminUrl, database, scale).then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(`\nbench:data failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
