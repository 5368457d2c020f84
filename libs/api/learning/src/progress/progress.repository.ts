import { Injectable } from '@nestjs/common';
import { writeOutbox } from '@pratique/api/platform';
import { DomainEventType, ProgressStatus } from '@pratique/contracts';
import { EntityManager } from 'typeorm';

/**
 * The lessons that count for a module's percent: its required lessons, or every lesson when
 * none is required (DESIGN.md "Module completion").
 */
const COUNTED_LESSONS = (moduleRef: string) => `
  SELECT l.id FROM lesson l
   WHERE l.module_id = ${moduleRef}
     AND (l.required OR NOT EXISTS (SELECT 1 FROM lesson r WHERE r.module_id = ${moduleRef} AND r.required))`;

/** An enrollment's effective percent (a completion stays 100). */
const PERCENT_OF = (e: string) => `CASE WHEN ${e}.completed_at IS NOT NULL THEN 100 ELSE ${e}.percent END`;

export interface EnrollmentState {
  percent: number;
  completedAt: Date | null;
}

@Injectable()
export class ProgressRepository {
  /** Locks (creating if needed) the member's progress row for a lesson, so attempts are counted one at a time. */
  async lockLesson(tx: EntityManager, userId: string, lessonId: string): Promise<{ status: ProgressStatus; score: number | null; videoPercent: number | null }> {
    await tx.query(
      `INSERT INTO lesson_progress (user_id, lesson_id, status) VALUES ($1, $2, 'in_progress') ON CONFLICT DO NOTHING`,
      [userId, lessonId],
    );
    const [row] = await tx.query(
      `SELECT status, score::float AS score, video_percent AS "videoPercent" FROM lesson_progress WHERE user_id = $1 AND lesson_id = $2 FOR UPDATE`,
      [userId, lessonId],
    );
    return row;
  }

  /** Records the lesson completed in one upsert (which also takes the row lock), keeping the first completion time. */
  async completeNow(tx: EntityManager, userId: string, lessonId: string): Promise<void> {
    await tx.query(
      `INSERT INTO lesson_progress AS p (user_id, lesson_id, status, completed_at) VALUES ($1, $2, 'completed', now())
       ON CONFLICT (user_id, lesson_id) DO UPDATE
          SET status = 'completed', completed_at = COALESCE(p.completed_at, now()), updated_at = now()`,
      [userId, lessonId],
    );
  }

  /** Marks the lesson completed (keeping the first completion time and the best score). */
  async complete(tx: EntityManager, userId: string, lessonId: string, score: number | null = null): Promise<void> {
    await tx.query(
      `UPDATE lesson_progress
          SET status = 'completed', completed_at = COALESCE(completed_at, now()), updated_at = now(),
              score = CASE WHEN $3::numeric IS NULL THEN score ELSE GREATEST(COALESCE(score, 0), $3::numeric) END
        WHERE user_id = $1 AND lesson_id = $2`,
      [userId, lessonId, score],
    );
  }

  async touch(tx: EntityManager, userId: string, lessonId: string, fields: { score?: number | null; videoPercent?: number }): Promise<void> {
    await tx.query(
      `UPDATE lesson_progress
          SET updated_at = now(),
              score = CASE WHEN $3::numeric IS NULL THEN score ELSE GREATEST(COALESCE(score, 0), $3::numeric) END,
              video_percent = CASE WHEN $4::smallint IS NULL THEN video_percent ELSE GREATEST(COALESCE(video_percent, 0), $4::smallint) END
        WHERE user_id = $1 AND lesson_id = $2`,
      [userId, lessonId, fields.score ?? null, fields.videoPercent ?? null],
    );
  }

  /**
   * Recomputes the member's enrollment in the module from lesson_progress, in the caller's
   * transaction: percent = floor(completed counted lessons / counted lessons × 100). The first
   * time it reaches 100 the enrollment gets `completed_at`, a certificate code, and a
   * `module.completed` event in the outbox.
   */
  async refreshEnrollment(tx: EntityManager, userId: string, moduleId: string, spaceId: string, lessonId: string | null): Promise<EnrollmentState> {
    const [row] = await tx.query(
      `WITH counted AS (${COUNTED_LESSONS('$2')}),
            pct AS (
              SELECT CASE WHEN count(c.id) = 0 THEN 0
                          ELSE (100 * count(p.lesson_id) / count(c.id))::int END AS percent
                FROM counted c
                LEFT JOIN lesson_progress p ON p.lesson_id = c.id AND p.user_id = $1 AND p.status = 'completed')
       INSERT INTO enrollment AS e (user_id, module_id, percent, last_lesson_id, completed_at, certificate_code)
       SELECT $1, $2, pct.percent, $3, CASE WHEN pct.percent = 100 THEN now() END,
              CASE WHEN pct.percent = 100 THEN certificate_code() END
         FROM pct
       ON CONFLICT (user_id, module_id) DO UPDATE
          SET percent = EXCLUDED.percent,
              last_activity_at = now(),
              last_lesson_id = COALESCE(EXCLUDED.last_lesson_id, e.last_lesson_id),
              completed_at = COALESCE(e.completed_at, EXCLUDED.completed_at),
              certificate_code = COALESCE(e.certificate_code, EXCLUDED.certificate_code)
       -- a sub-select in RETURNING sees the row as it was before this statement
       RETURNING percent, completed_at AS "completedAt", certificate_code AS "code",
                 (SELECT completed_at FROM enrollment WHERE user_id = $1 AND module_id = $2) AS "previousCompletedAt",
                 (SELECT ${PERCENT_OF('enrollment')} FROM enrollment WHERE user_id = $1 AND module_id = $2) AS "previousPercent"`,
      [userId, moduleId, lessonId],
    );
    const fromPercent: number = row.previousPercent ?? 0;
    const toPercent: number = row.completedAt ? 100 : row.percent;
    if (toPercent !== fromPercent)
      await writeOutbox(tx, { type: DomainEventType.ModuleProgressed, payload: { moduleId, userId, fromPercent, toPercent } });
    if (row.completedAt && !row.previousCompletedAt) {
      await writeOutbox(tx, {
        type: DomainEventType.ModuleCompleted,
        payload: { moduleId, spaceId, userId, certificateCode: row.code },
      });
    }
    return { percent: row.completedAt ? 100 : row.percent, completedAt: row.completedAt };
  }

  /**
   * After lessons are added, removed or change `required`, recomputes every enrollment of the
   * module in one statement. Completions already recorded are kept; members who now reach 100 %
   * complete the module (with their event).
   */
  async refreshModule(tx: EntityManager, moduleId: string, spaceId: string): Promise<void> {
    const changed: { user_id: string; certificate_code: string; completed: boolean; fromPercent: number; toPercent: number }[] = await tx.query(
      `WITH counted AS (${COUNTED_LESSONS('$1')}),
            total AS (SELECT count(*) AS n FROM counted),
            done AS (
              SELECT e.user_id, count(p.lesson_id) AS k
                FROM enrollment e
                LEFT JOIN lesson_progress p ON p.user_id = e.user_id AND p.status = 'completed' AND p.lesson_id IN (SELECT id FROM counted)
               WHERE e.module_id = $1
               GROUP BY e.user_id),
            updated AS (
              UPDATE enrollment e
                 SET percent = CASE WHEN total.n = 0 THEN 0 ELSE (100 * done.k / total.n)::int END,
                     completed_at = CASE WHEN e.completed_at IS NULL AND total.n > 0 AND done.k = total.n THEN now() ELSE e.completed_at END,
                     certificate_code = CASE WHEN e.completed_at IS NULL AND total.n > 0 AND done.k = total.n
                                             THEN certificate_code() ELSE e.certificate_code END
                FROM done, total
               WHERE e.module_id = $1 AND e.user_id = done.user_id
              RETURNING e.user_id, e.certificate_code, e.completed_at, e.percent,
                        (SELECT completed_at FROM enrollment o WHERE o.user_id = e.user_id AND o.module_id = e.module_id) AS before,
                        (SELECT ${PERCENT_OF('o')} FROM enrollment o WHERE o.user_id = e.user_id AND o.module_id = e.module_id) AS before_percent)
       SELECT user_id, certificate_code, completed_at IS NOT NULL AND before IS NULL AS completed,
              before_percent AS "fromPercent", CASE WHEN completed_at IS NOT NULL THEN 100 ELSE percent END AS "toPercent"
         FROM updated`,
      [moduleId],
    );
    await writeOutbox(
      tx,
      ...changed
        .filter((c) => c.fromPercent !== c.toPercent)
        .map((c) => ({
          type: DomainEventType.ModuleProgressed as const,
          payload: { moduleId, userId: c.user_id, fromPercent: c.fromPercent, toPercent: c.toPercent },
        })),
    );
    const completed = changed.filter((c) => c.completed);
    await writeOutbox(
      tx,
      ...completed.map((c) => ({
        type: DomainEventType.ModuleCompleted as const,
        payload: { moduleId, spaceId, userId: c.user_id, certificateCode: c.certificate_code },
      })),
    );
  }
}
