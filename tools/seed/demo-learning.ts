/**
 * The e-learning part of the demo seed, run by `seedDemoData` inside its transaction: the
 * modules of DEMO_MODULES with their lessons, the SCORM 1.2 package of the project-cycle module,
 * and where the members are (DEMO_PROGRESS → lesson_progress, enrollment, quiz_attempt,
 * scorm_attempt). No outbox rows: seeded completions are history, not events to relay.
 *
 * Idempotent without overwriting what animators change afterwards:
 *  - a module is keyed on (space, original language, title in that language) and created with
 *    its lessons only when missing;
 *  - a member's lesson rows are inserted ON CONFLICT DO NOTHING, quiz attempts only when the
 *    member has none for the quiz, SCORM attempts ON CONFLICT (user, lesson) DO NOTHING;
 *  - enrollments are recomputed from lesson_progress in one statement with the API's rule
 *    (ProgressRepository): a second run finds the same percent and writes nothing.
 */
import type { QuizContent } from '@pratique/contracts';
import { randomInt } from 'crypto';
import type { EntityManager } from 'typeorm';
import { scoreQuiz } from '../../libs/api/learning/src/progress/quiz-scoring';
import { interpretScormCommit } from '../../libs/api/learning/src/scorm/cmi';
import { unpackScormZip } from '../../libs/api/learning/src/scorm/scorm-package';
import { DEMO_MODULES, DEMO_PROGRESS, DemoLesson, DemoModule, DemoProgress } from './demo-content';
import { buildDemoScormPackage } from '../../libs/api/testing/src/scorm-demo/build-demo-package';

/** Progress steps reported by `seedDemoLearning`: one per module, one for the members' progress. */
export const LEARNING_STEPS = DEMO_MODULES.length + 1;

export interface LearningSummary {
  modules: number;
  newModules: number;
  newLessons: number;
  enrollments: number;
  certificates: number;
}

/** Certificate codes: 8 characters without look-alikes (no 0/O, 1/I/L), as in ProgressRepository. */
const CERTIFICATE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export function demoCertificateCode(): string {
  return Array.from({ length: 8 }, () => CERTIFICATE_ALPHABET[randomInt(CERTIFICATE_ALPHABET.length)]).join(
    '',
  );
}

/** The key of a module or lesson: its title in the module's original language. */
export function moduleKey(m: DemoModule): string {
  return m.title[m.originalLanguage];
}

interface SeededLesson {
  id: string;
  kind: DemoLesson['kind'];
  content: unknown;
}
interface SeededModule {
  id: string;
  /** Demo position (1-based) → the lesson, when it still exists. */
  lessons: Map<number, SeededLesson>;
}

export async function seedDemoLearning(
  db: EntityManager,
  spaceIds: Map<string, string>,
  userIds: Map<string, string>,
  step: (label: string) => void,
): Promise<LearningSummary> {
  const modules = new Map<string, SeededModule>();
  let newModules = 0;
  let newLessons = 0;
  for (const m of DEMO_MODULES) {
    const spaceId = need(spaceIds.get(m.space), `space ${m.space}`);
    const authorId = need(userIds.get(m.author), `user ${m.author}`);
    const key = moduleKey(m);
    const [found]: Array<{ id: string }> = await db.query(
      `SELECT id FROM module WHERE space_id = $1 AND original_language = $2::text AND title->>($2::text) = $3
        ORDER BY created_at LIMIT 1`,
      [spaceId, m.originalLanguage, key],
    );
    let moduleId = found?.id;
    if (!moduleId) {
      moduleId = await insertModule(db, m, spaceId, authorId);
      newModules++;
      for (const [i, lesson] of m.lessons.entries()) {
        await db.query(
          `INSERT INTO lesson (module_id, position, kind, title, required, content, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, now() - make_interval(days => $7), now() - make_interval(days => $7))`,
          [
            moduleId,
            i + 1,
            lesson.kind,
            JSON.stringify(lesson.title),
            lesson.required ?? true,
            JSON.stringify(await lessonContent(db, lesson, authorId)),
            m.daysAgo,
          ],
        );
        newLessons++;
      }
    }
    // Lessons by their title: an animator may have reordered or removed some since.
    const rows: Array<{ id: string; kind: DemoLesson['kind']; content: unknown; key: string }> =
      await db.query(`SELECT id, kind, content, title->>($2::text) AS key FROM lesson WHERE module_id = $1`, [
        moduleId,
        m.originalLanguage,
      ]);
    const lessons = new Map<number, SeededLesson>();
    m.lessons.forEach((l, i) => {
      const row = rows.find((r) => r.key === l.title[m.originalLanguage] && r.kind === l.kind);
      if (row) lessons.set(i + 1, row);
    });
    modules.set(key, { id: moduleId, lessons });
    step(`module ${key}`);
  }

  const { enrollments, certificates } = await seedProgress(db, modules, userIds);
  step('learners’ progress');
  return { modules: DEMO_MODULES.length, newModules, newLessons, enrollments, certificates };
}

async function insertModule(
  db: EntityManager,
  m: DemoModule,
  spaceId: string,
  authorId: string,
): Promise<string> {
  const [row] = await db.query(
    `INSERT INTO module (space_id, title, summary, original_language, estimated_minutes, status, published_at,
                         created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6::text, CASE WHEN $6::text = 'draft' THEN NULL ELSE now() - make_interval(days => $7) END,
             $8, now() - make_interval(days => $7), now() - make_interval(days => $7))
     RETURNING id`,
    [
      spaceId,
      JSON.stringify(m.title),
      JSON.stringify(m.summary),
      m.originalLanguage,
      m.estimatedMinutes,
      m.status,
      m.daysAgo,
      authorId,
    ],
  );
  return row.id;
}

/** The lesson's `content` as the API stores it for its kind (libs/contracts learning.ts). */
async function lessonContent(db: EntityManager, lesson: DemoLesson, ownerId: string): Promise<unknown> {
  switch (lesson.kind) {
    case 'page':
      return { markdown: lesson.markdown };
    case 'video':
      return { embedUrl: lesson.embedUrl, fileId: null };
    case 'quiz':
      return lesson.quiz;
    case 'scorm':
      return demoScormPackage(db, ownerId);
  }
}

/**
 * Builds and unpacks the demo SCORM package, stored like an upload (ScormPackagesService) and
 * owned by the animator. A package of the same owner, title and launch file is reused.
 */
async function demoScormPackage(db: EntityManager, ownerId: string) {
  const unpacked = await unpackScormZip(await buildDemoScormPackage());
  const title = unpacked.title?.slice(0, 255) ?? null;
  const [existing]: Array<{ id: string }> = await db.query(
    `SELECT id FROM scorm_package WHERE owner_id = $1 AND title IS NOT DISTINCT FROM $2 AND launch_path = $3 AND version = $4
      ORDER BY created_at LIMIT 1`,
    [ownerId, title, unpacked.launchPath, unpacked.version],
  );
  let packageId = existing?.id;
  if (!packageId) {
    const [pkg] = await db.query(
      `INSERT INTO scorm_package (owner_id, version, title, launch_path) VALUES ($1, $2, $3, $4) RETURNING id`,
      [ownerId, unpacked.version, title, unpacked.launchPath],
    );
    packageId = pkg.id as string;
    for (let i = 0; i < unpacked.assets.length; i += 100) {
      const batch = unpacked.assets.slice(i, i + 100);
      await db.query(
        `INSERT INTO scorm_asset (package_id, path, content_type, data)
         SELECT $1, a.path, a.content_type, decode(a.data, 'base64')
           FROM jsonb_to_recordset($2::jsonb) AS a(path text, content_type text, data text)
         ON CONFLICT DO NOTHING`,
        [
          packageId,
          JSON.stringify(
            batch.map((a) => ({
              path: a.path,
              content_type: a.contentType,
              data: a.data.toString('base64'),
            })),
          ),
        ],
      );
    }
  }
  return {
    packageId,
    version: unpacked.version,
    launchPath: unpacked.launchPath,
    ...(title ? { title } : {}),
  };
}

interface ProgressRow {
  user_id: string;
  lesson_id: string;
  status: 'in_progress' | 'completed';
  score: number | null;
  video_percent: number | null;
  days_ago: number;
}
interface EnrollmentPair {
  user_id: string;
  module_id: string;
  started_days_ago: number;
  last_days_ago: number;
  last_lesson_id: string | null;
  code: string;
}
interface QuizAttemptRow {
  user_id: string;
  lesson_id: string;
  answers: Record<string, string[]>;
  score: number;
  passed: boolean;
  days_ago: number;
  minutes_earlier: number;
}
interface ScormAttemptRow {
  user_id: string;
  lesson_id: string;
  cmi: Record<string, unknown>;
  completion_status: string | null;
  success_status: string | null;
  score: number | null;
  days_ago: number;
}

/** SCORM score reported by the demo package for the members who finished it. */
const SCORM_DEMO_SCORE = 85;

async function seedProgress(
  db: EntityManager,
  modules: Map<string, SeededModule>,
  userIds: Map<string, string>,
): Promise<{ enrollments: number; certificates: number }> {
  const progress: ProgressRow[] = [];
  const pairs: EnrollmentPair[] = [];
  const quizAttempts: QuizAttemptRow[] = [];
  const scormAttempts: ScormAttemptRow[] = [];

  for (const p of DEMO_PROGRESS) {
    const userId = need(userIds.get(p.email), `user ${p.email}`);
    const mod = need(modules.get(p.module), `module ${p.module}`);
    const timeline = activityDays(p);
    let last: { lessonId: string; daysAgo: number } | null = null;
    const events: Array<[number, 'completed' | 'in_progress']> = [
      ...p.completed.map((pos): [number, 'completed'] => [pos, 'completed']),
      ...(p.inProgress ? [[p.inProgress, 'in_progress'] as [number, 'in_progress']] : []),
    ];
    for (const [j, [position, status]] of events.entries()) {
      const lesson = mod.lessons.get(position);
      if (!lesson) continue; // removed by an animator since
      const daysAgo = timeline[j];
      const done = status === 'completed';
      let score: number | null = null;
      if (lesson.kind === 'quiz' && done) score = addQuizAttempts(quizAttempts, userId, lesson, p, daysAgo);
      if (lesson.kind === 'scorm') {
        score = done ? SCORM_DEMO_SCORE : null;
        scormAttempts.push(scormAttempt(userId, lesson.id, done, daysAgo));
      }
      progress.push({
        user_id: userId,
        lesson_id: lesson.id,
        status,
        score,
        video_percent: lesson.kind === 'video' ? (done ? 100 : 40) : null,
        days_ago: daysAgo,
      });
      last = { lessonId: lesson.id, daysAgo };
    }
    pairs.push({
      user_id: userId,
      module_id: mod.id,
      started_days_ago: p.startedDaysAgo,
      last_days_ago: last?.daysAgo ?? p.startedDaysAgo,
      last_lesson_id: last?.lessonId ?? null,
      code: demoCertificateCode(),
    });
  }

  await db.query(
    `INSERT INTO lesson_progress (user_id, lesson_id, status, score, video_percent, completed_at, updated_at)
     SELECT x.user_id, x.lesson_id, x.status, x.score, x.video_percent,
            CASE WHEN x.status = 'completed' THEN now() - make_interval(days => x.days_ago) END,
            now() - make_interval(days => x.days_ago)
       FROM jsonb_to_recordset($1::jsonb)
         AS x(user_id uuid, lesson_id uuid, status text, score numeric, video_percent smallint, days_ago int)
     ON CONFLICT (user_id, lesson_id) DO NOTHING`,
    [JSON.stringify(progress)],
  );

  // Attempts are history without a natural key: only for members who have none for the lesson.
  await db.query(
    `INSERT INTO quiz_attempt (user_id, lesson_id, answers, score, passed, created_at)
     SELECT x.user_id, x.lesson_id, x.answers, x.score, x.passed,
            now() - make_interval(days => x.days_ago, mins => x.minutes_earlier)
       FROM jsonb_to_recordset($1::jsonb)
         AS x(user_id uuid, lesson_id uuid, answers jsonb, score numeric, passed boolean, days_ago int, minutes_earlier int)
      WHERE NOT EXISTS (SELECT 1 FROM quiz_attempt q WHERE q.user_id = x.user_id AND q.lesson_id = x.lesson_id)`,
    [JSON.stringify(quizAttempts)],
  );
  await db.query(
    `INSERT INTO scorm_attempt (user_id, lesson_id, cmi, completion_status, success_status, score, created_at, updated_at)
     SELECT x.user_id, x.lesson_id, x.cmi, x.completion_status, x.success_status, x.score,
            now() - make_interval(days => x.days_ago), now() - make_interval(days => x.days_ago)
       FROM jsonb_to_recordset($1::jsonb)
         AS x(user_id uuid, lesson_id uuid, cmi jsonb, completion_status text, success_status text, score numeric, days_ago int)
     ON CONFLICT (user_id, lesson_id) DO NOTHING`,
    [JSON.stringify(scormAttempts)],
  );

  // Each enrollment from lesson_progress, with ProgressRepository's rule: the counted lessons are
  // the required ones (all of them when none is required); percent = floor(100 × completed
  // counted / counted); at 100 the enrollment gets completed_at (the last counted completion)
  // and a certificate code. An existing completion and its code are kept.
  await db.query(
    `WITH pairs AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS x(user_id uuid, module_id uuid, started_days_ago int, last_days_ago int, last_lesson_id uuid, code text)),
     counted AS (
       SELECT l.module_id, l.id FROM lesson l
        WHERE l.module_id IN (SELECT module_id FROM pairs)
          AND (l.required OR NOT EXISTS (SELECT 1 FROM lesson r WHERE r.module_id = l.module_id AND r.required))),
     pct AS (
       SELECT p.user_id, p.module_id, p.started_days_ago, p.last_days_ago, p.last_lesson_id, p.code,
              CASE WHEN count(c.id) = 0 THEN 0 ELSE (100 * count(lp.lesson_id) / count(c.id))::int END AS percent,
              max(lp.completed_at) AS last_completed_at
         FROM pairs p
         LEFT JOIN counted c ON c.module_id = p.module_id
         LEFT JOIN lesson_progress lp ON lp.lesson_id = c.id AND lp.user_id = p.user_id AND lp.status = 'completed'
        GROUP BY p.user_id, p.module_id, p.started_days_ago, p.last_days_ago, p.last_lesson_id, p.code)
     INSERT INTO enrollment AS e (user_id, module_id, percent, started_at, last_activity_at, last_lesson_id, completed_at, certificate_code)
     SELECT user_id, module_id, percent,
            now() - make_interval(days => started_days_ago), now() - make_interval(days => last_days_ago), last_lesson_id,
            CASE WHEN percent = 100 THEN last_completed_at END,
            CASE WHEN percent = 100 THEN code END
       FROM pct
     ON CONFLICT (user_id, module_id) DO UPDATE
        SET percent = EXCLUDED.percent,
            completed_at = COALESCE(e.completed_at, EXCLUDED.completed_at),
            certificate_code = COALESCE(e.certificate_code, EXCLUDED.certificate_code)
      WHERE e.percent IS DISTINCT FROM EXCLUDED.percent
         OR (e.completed_at IS NULL AND EXCLUDED.completed_at IS NOT NULL)`,
    [JSON.stringify(pairs)],
  );

  const [counts] = await db.query(
    `SELECT count(*)::int AS enrollments, count(e.completed_at)::int AS certificates
       FROM enrollment e
       JOIN jsonb_to_recordset($1::jsonb) AS x(user_id uuid, module_id uuid) ON x.user_id = e.user_id AND x.module_id = e.module_id`,
    [JSON.stringify(pairs.map(({ user_id, module_id }) => ({ user_id, module_id })))],
  );
  return counts;
}

/**
 * Days ago of each event of a member's progress (completed lessons, then the one in progress),
 * spread evenly between the start and today.
 */
function activityDays(p: DemoProgress): number[] {
  const n = p.completed.length + (p.inProgress ? 1 : 0);
  return Array.from({ length: n }, (_, j) =>
    Math.max(0, p.startedDaysAgo - Math.ceil(((j + 1) * p.startedDaysAgo) / (n + 1))),
  );
}

/**
 * A passed attempt with every right answer, preceded by a failed one when the member failed
 * first; scored by the API's own `scoreQuiz`. Returns the best score.
 */
function addQuizAttempts(
  out: QuizAttemptRow[],
  userId: string,
  lesson: SeededLesson,
  p: DemoProgress,
  daysAgo: number,
): number {
  const quiz = lesson.content as QuizContent;
  const right = Object.fromEntries(
    quiz.questions.map((q) => [q.id, q.choices.filter((c) => c.correct).map((c) => c.id)]),
  );
  const attempts: Array<Record<string, string[]>> = [];
  if (p.failedQuizFirst) {
    // Half the questions (rounded up) answered with a wrong choice.
    const wrongCount = Math.ceil(quiz.questions.length / 2);
    attempts.push(
      Object.fromEntries(
        quiz.questions.map((q, i) => {
          const wrong = q.choices.find((c) => !c.correct);
          return [q.id, i < wrongCount && wrong ? [wrong.id] : right[q.id]];
        }),
      ),
    );
  }
  attempts.push(right);
  let best = 0;
  attempts.forEach((answers, i) => {
    const { score, passed } = scoreQuiz(quiz, answers);
    const last = i === attempts.length - 1;
    if (passed !== last)
      throw new Error(`Demo quiz attempt of ${p.email} in ${p.module} should ${last ? '' : 'not '}pass`);
    best = Math.max(best, score);
    out.push({
      user_id: userId,
      lesson_id: lesson.id,
      answers,
      score,
      passed,
      days_ago: daysAgo,
      minutes_earlier: (attempts.length - 1 - i) * 25,
    });
  });
  return best;
}

/** What the package would have committed: SCORM 1.2 `passed` with a score, or `incomplete` mid-way. */
function scormAttempt(userId: string, lessonId: string, done: boolean, daysAgo: number): ScormAttemptRow {
  const state = interpretScormCommit('1.2', {
    core: done
      ? {
          lesson_status: 'passed',
          score: { raw: String(SCORM_DEMO_SCORE), min: '0', max: '100' },
          session_time: '00:18:30',
        }
      : { lesson_status: 'incomplete', lesson_location: '2', session_time: '00:06:10' },
  });
  return {
    user_id: userId,
    lesson_id: lessonId,
    cmi: state.sanitizedCmi,
    completion_status: state.completionStatus,
    success_status: state.successStatus,
    score: state.scorePercent,
    days_ago: daysAgo,
  };
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Demo data refers to an unknown ${what}`);
  return value;
}
