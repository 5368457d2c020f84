/**
 * Published modules of 10 lessons (pages and embedded videos), and members' progress in them:
 *
 *  - a member follows a power-law number of the modules of the spaces they are in (many 0–2,
 *    some 10 and more; popular modules are chosen more often), since the product records
 *    progress only for members of the module's space;
 *  - inside a module they go in lesson order: the first lessons completed, perhaps a video in
 *    progress after them (a page is completed in one step, so only videos stay in progress);
 *  - the total is cut at the plan's lesson_progress count (a random subset of enrollments);
 *  - each enrollment is computed from the lesson_progress rows just written, exactly as
 *    ProgressRepository.refreshEnrollment does: percent = floor(100 × completed counted lessons /
 *    counted lessons) (counted: the required lessons, or all when none is), completed_at and a
 *    certificate code when it reaches 100, last_lesson_id the lesson of the last write.
 */
import { randomUUID } from 'crypto';
import { LESSON_TOPICS, MODULE_TOPICS, AXIS_TITLES } from './names';
import { insertRecords, ModuleRow, World } from './world';

/** Rows of lesson_progress per statement. */
const PROGRESS_CHUNK = 150_000;

/**
 * Modules a member wants: floor(C × (U^(-1/α) − 1)), a Pareto tail, capped by the modules of their
 * spaces. At full scale: ~44 % of members follow 0–2 modules, ~23 % 10 or more; with the share
 * of finished enrollments below, ~2.3 M rows before the cut at 2 M.
 */
const PARETO_ALPHA = 1.3;
const PARETO_C = 7;
/** Share of enrollments that went through every lesson. */
const FINISHED_SHARE = 0.45;

const CERTIFICATE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export async function loadModules(w: World): Promise<void> {
  const { plan, rng, db } = w;
  // The big space gets ~6 % of the modules (at least 3, for the whole-audience seminar's
  // requirements); every other space one each while they last, the rest by random weights.
  const bigCount = Math.min(
    plan.modules - (plan.spaces > 1 ? 1 : 0),
    Math.max(3, Math.round(plan.modules * 0.06)),
  );
  const spaceOf: number[] = Array(bigCount).fill(0);
  const others = w.spaces.slice(1).map((s) => s.idx);
  const weights = others.map(() => 0.2 + rng.next() * 1.3);
  for (let i = 0; spaceOf.length < plan.modules; i++)
    spaceOf.push(i < others.length ? others[i] : (others[rng.weighted(weights)] ?? 0));

  const { rows: animatorRows } = await db.query<{ space_id: string; ids: string[] }>(
    `SELECT space_id, array_agg(user_id) AS ids FROM space_member WHERE role = 'animator' GROUP BY space_id`,
  );
  const animators = new Map(animatorRows.map((r) => [r.space_id, r.ids]));
  const rankInSpace = new Map<number, number>();
  w.modules = spaceOf.map((spaceIdx): ModuleRow => {
    const rank = rankInSpace.get(spaceIdx) ?? 0;
    rankInSpace.set(spaceIdx, rank + 1);
    return { id: randomUUID(), spaceIdx, weight: 1 / Math.pow(rank + 1, 0.9) };
  });

  const day = 86_400_000;
  const axes = Object.values(AXIS_TITLES);
  const moduleRows = w.modules.map((m, i) => {
    const space = w.spaces[m.spaceIdx];
    const topic = MODULE_TOPICS[i % MODULE_TOPICS.length];
    const axis = axes[(m.spaceIdx + i) % axes.length];
    const publishedAt = new Date(
      space.createdAt.getTime() + rng.next() * (Date.now() - 20 * day - space.createdAt.getTime()),
    );
    return {
      id: m.id,
      space_id: space.id,
      title: {
        fr: `${topic.fr} : ${axis.fr.toLowerCase()} (${i + 1})`,
        ar: `${topic.ar}: ${axis.ar} (${i + 1})`,
        en: `${topic.en}: ${axis.en.toLowerCase()} (${i + 1})`,
      },
      summary: {
        fr: `Dix leçons pour maîtriser : ${topic.fr.toLowerCase()}.`,
        ar: `عشرة دروس حول ${topic.ar}.`,
        en: `Ten lessons on ${topic.en.toLowerCase()}.`,
      },
      original_language: rng.chance(0.7) ? 'fr' : rng.chance(0.8) ? 'ar' : 'en',
      estimated_minutes: rng.int(3, 24) * 10,
      status: 'published',
      published_at: publishedAt.toISOString(),
      created_by: rng.pick(animators.get(space.id) ?? [w.adminId]),
      created_at: new Date(publishedAt.getTime() - rng.int(1, 20) * day).toISOString(),
      updated_at: publishedAt.toISOString(),
    };
  });

  // Lessons: a quarter are embedded videos, the rest pages; in 12 % of the modules the last
  // lesson is optional (so it does not count for the percent).
  const lessonRows: object[] = [];
  const benchLessons: object[] = [];
  const benchModules: object[] = [];
  w.modules.forEach((m, i) => {
    const optionalLast = rng.chance(0.12);
    const kinds: string[] = [];
    for (let position = 1; position <= plan.lessonsPerModule; position++) {
      const id = randomUUID();
      const kind = rng.chance(0.25) ? 'video' : 'page';
      const required = !(optionalLast && position === plan.lessonsPerModule);
      const t = LESSON_TOPICS[(position - 1) % LESSON_TOPICS.length];
      kinds.push(kind);
      lessonRows.push({
        id,
        module_id: m.id,
        position,
        kind,
        title: { fr: t.fr, ar: t.ar, en: t.en },
        required,
        content:
          kind === 'video'
            ? {
                embedUrl: `https://www.youtube-nocookie.com/embed/bench${String(i).padStart(3, '0')}${position}`,
              }
            : {
                markdown: {
                  fr: `## ${t.fr}\n\nCette leçon présente ${t.fr.toLowerCase()} du module, avec des exemples tirés de l’expérience des associations tunisiennes.\n\n- Lire le texte\n- Noter trois idées\n- En discuter dans l’espace`,
                  ar: `## ${t.ar}\n\nيقدم هذا الدرس ${t.ar} مع أمثلة من تجارب الجمعيات التونسية.`,
                  en: `## ${t.en}\n\nThis lesson covers ${t.en.toLowerCase()}, with examples from Tunisian associations.`,
                },
              },
        created_at: moduleRows[i].created_at,
        updated_at: moduleRows[i].created_at,
      });
      benchLessons.push({ id, module_id: m.id, position, kind, counted: required });
    }
    benchModules.push({
      id: m.id,
      space_id: w.spaces[m.spaceIdx].id,
      weight: m.weight,
      counted: optionalLast ? plan.lessonsPerModule - 1 : plan.lessonsPerModule,
      lessons: plan.lessonsPerModule,
      kinds,
      last_optional: optionalLast,
    });
  });

  await w.progress.phase('modules, lessons', moduleRows.length + lessonRows.length, async (tick) => {
    await insertRecords(
      db,
      'module',
      [
        ['id', 'uuid'],
        ['space_id', 'uuid'],
        ['title', 'jsonb'],
        ['summary', 'jsonb'],
        ['original_language', 'varchar'],
        ['estimated_minutes', 'int'],
        ['status', 'varchar'],
        ['published_at', 'timestamptz'],
        ['created_by', 'uuid'],
        ['created_at', 'timestamptz'],
        ['updated_at', 'timestamptz'],
      ],
      moduleRows,
      tick,
    );
    await insertRecords(
      db,
      'lesson',
      [
        ['id', 'uuid'],
        ['module_id', 'uuid'],
        ['position', 'int'],
        ['kind', 'varchar'],
        ['title', 'jsonb'],
        ['required', 'boolean'],
        ['content', 'jsonb'],
        ['created_at', 'timestamptz'],
        ['updated_at', 'timestamptz'],
      ],
      lessonRows,
      tick,
    );
    await db.query(
      `CREATE TEMP TABLE bench_module (id uuid PRIMARY KEY, space_id uuid NOT NULL, weight float8 NOT NULL, counted int NOT NULL, lessons int NOT NULL, kinds text[] NOT NULL, last_optional boolean NOT NULL)`,
    );
    await insertRecords(
      db,
      'bench_module',
      [
        ['id', 'uuid'],
        ['space_id', 'uuid'],
        ['weight', 'float8'],
        ['counted', 'int'],
        ['lessons', 'int'],
        ['kinds', 'text[]'],
        ['last_optional', 'boolean'],
      ],
      benchModules,
    );
    await db.query(
      `CREATE TEMP TABLE bench_lesson (id uuid PRIMARY KEY, module_id uuid NOT NULL, position int NOT NULL, kind text NOT NULL, counted boolean NOT NULL, UNIQUE (module_id, position))`,
    );
    await insertRecords(
      db,
      'bench_lesson',
      [
        ['id', 'uuid'],
        ['module_id', 'uuid'],
        ['position', 'int'],
        ['kind', 'text'],
        ['counted', 'boolean'],
      ],
      benchLessons,
    );
    await db.query(`ANALYZE bench_module; ANALYZE bench_lesson`);
  });
}

export async function loadProgress(w: World): Promise<void> {
  const { plan, db } = w;
  let planned = 0;
  await w.progress.phase('enrollment plan', 0, async (tick) => {
    // Per enrollment: `done` lessons completed in order, then perhaps one video in progress.
    await db.query(
      `CREATE TEMP TABLE bench_enrol AS
       WITH act AS MATERIALIZED (
              SELECT id AS user_id, created_at, floor($1 * (power(1 - random(), -1.0 / $2) - 1))::int AS k FROM bench_member),
            cand AS MATERIALIZED (
              SELECT sm.user_id, mo.id AS module_id,
                     row_number() OVER (PARTITION BY sm.user_id ORDER BY -ln(1 - random()) / mo.weight) AS rk
                FROM space_member sm JOIN bench_module mo ON mo.space_id = sm.space_id),
            chosen AS MATERIALIZED (
              SELECT c.user_id, c.module_id, a.created_at, mo.lessons, mo.kinds, mo.last_optional,
                     random() AS r_fin, random() AS r_done, random() AS r_ip, random() AS r_start, random() AS r_span, random() AS r_order
                FROM cand c JOIN act a USING (user_id) JOIN bench_module mo ON mo.id = c.module_id
               WHERE c.rk <= a.k),
            done AS (
              SELECT ch.*,
                     CASE WHEN r_fin < $3 THEN CASE WHEN last_optional AND r_done < 0.5 THEN lessons - 1 ELSE lessons END
                          ELSE floor(lessons * power(r_done, 1.3))::int END AS done
                FROM chosen ch),
            fixed AS (
              -- a member with a row has either completed a lesson or has a video in progress
              SELECT d.*,
                     CASE WHEN d.done = 0 AND d.kinds[1] <> 'video' THEN 1 ELSE d.done END AS done2,
                     (d.done < d.lessons AND d.kinds[d.done + 1] = 'video' AND (d.r_ip < 0.6 OR d.done = 0)) AS ip
                FROM done d),
            sized AS (
              SELECT f.*, f.done2 + f.ip::int AS n_rows FROM fixed f),
            cut AS (
              SELECT s.*, sum(s.n_rows) OVER (ORDER BY s.r_order ROWS UNBOUNDED PRECEDING) AS upto FROM sized s)
       SELECT row_number() OVER (ORDER BY user_id, module_id)::int AS eid, user_id, module_id,
              -- the last enrollment kept is shortened to land on the exact count
              CASE WHEN upto <= $4 THEN done2 ELSE ($4 - (upto - n_rows))::int END AS done,
              (upto <= $4 AND ip) AS ip,
              LEAST(n_rows, $4 - (upto - n_rows))::int AS n_rows,
              created_at + r_start * (now() - created_at) AS started_at,
              -- most go through a module in days, some over months
              power(r_span, 3) AS r_span
         FROM cut
        WHERE upto - n_rows < $4`,
      [PARETO_C, PARETO_ALPHA, FINISHED_SHARE, plan.lessonProgress],
    );
    await db.query(`ALTER TABLE bench_enrol ADD PRIMARY KEY (eid)`);
    const [{ n, rows }] = (
      await db.query(`SELECT count(*)::int AS n, COALESCE(sum(n_rows), 0)::bigint AS rows FROM bench_enrol`)
    ).rows;
    planned = Number(rows);
    await db.query(`ANALYZE bench_enrol`);
    tick(n);
  });

  await db.query(`
    CREATE FUNCTION pg_temp.bench_code(n bigint) RETURNS varchar LANGUAGE sql IMMUTABLE AS $$
      -- a bijection of n onto 8 characters of the certificate alphabet: unique, random-looking
      SELECT string_agg(substr('${CERTIFICATE_ALPHABET}', 1 + ((((n * 479001599 + 91573) % 852891037441) / power(31, i)::bigint) % 31)::int, 1), '' ORDER BY i)
        FROM generate_series(0, 7) i
    $$`);
  await db.query(`CREATE TEMP SEQUENCE bench_cert`);

  // Chunks of ~150k lesson_progress rows, in user order (the primary key's order).
  const { rows: bounds } = await db.query<{ lo: number; hi: number }>(
    `SELECT min(eid) AS lo, max(eid) AS hi FROM (
       SELECT eid, floor(sum(n_rows) OVER (ORDER BY eid) / $1) AS chunk FROM bench_enrol) c
      GROUP BY chunk ORDER BY chunk`,
    [PROGRESS_CHUNK],
  );
  await w.progress.phase('lesson progress, enrollments', planned, async (tick) => {
    for (const { lo, hi } of bounds) {
      await db.query(
        `WITH e AS (
           SELECT *, (now() - started_at) * r_span AS span FROM bench_enrol WHERE eid BETWEEN $1 AND $2),
         r AS (
           SELECT e.user_id, l.id AS lesson_id, l.kind, l.position <= e.done AS completed,
                  e.started_at + e.span * ((l.position - 1)::float8 / GREATEST(e.n_rows - 1, 1)) AS at
             FROM e JOIN bench_lesson l ON l.module_id = e.module_id AND l.position <= e.n_rows),
         ins AS (
           INSERT INTO lesson_progress (user_id, lesson_id, status, video_percent, completed_at, updated_at)
           SELECT user_id, lesson_id, CASE WHEN completed THEN 'completed' ELSE 'in_progress' END,
                  CASE WHEN kind = 'video' THEN CASE WHEN completed THEN 90 + floor(random() * 11) ELSE 5 + floor(random() * 80) END END,
                  CASE WHEN completed THEN at END, at
             FROM r ORDER BY user_id, lesson_id
           RETURNING user_id, lesson_id, status, completed_at, updated_at),
         agg AS (
           SELECT i.user_id, l.module_id,
                  (100 * count(*) FILTER (WHERE i.status = 'completed' AND l.counted) / min(mo.counted))::int AS percent,
                  min(i.updated_at) AS started_at, max(i.updated_at) AS last_activity_at,
                  (array_agg(i.lesson_id ORDER BY i.updated_at DESC, l.position DESC))[1] AS last_lesson_id,
                  max(i.completed_at) FILTER (WHERE l.counted) AS done_at
             FROM ins i JOIN bench_lesson l ON l.id = i.lesson_id JOIN bench_module mo ON mo.id = l.module_id
            GROUP BY i.user_id, l.module_id)
         INSERT INTO enrollment (user_id, module_id, percent, started_at, last_activity_at, last_lesson_id, completed_at, certificate_code)
         SELECT user_id, module_id, percent, started_at, last_activity_at, last_lesson_id,
                CASE WHEN percent = 100 THEN done_at END,
                CASE WHEN percent = 100 THEN pg_temp.bench_code(nextval('bench_cert')) END
           FROM agg ORDER BY user_id, module_id`,
        [lo, hi],
      );
      const [{ n }] = (
        await db.query(
          `SELECT COALESCE(sum(n_rows), 0)::int AS n FROM bench_enrol WHERE eid BETWEEN $1 AND $2`,
          [lo, hi],
        )
      ).rows;
      tick(n);
    }
  });
}
