import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { preparedQuery, writeOutbox } from '@pratique/api/platform';
import { DomainEvent, DomainEventType, ProgressStatus } from '@pratique/contracts';
import { DataSource, EntityManager } from 'typeorm';

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

/*
 * Writing a member's enrollment in a module (`$1` member, `$2` module, `$3` lesson, `$4` space)
 * from lesson_progress: percent = floor(completed counted lessons / counted lessons × 100); the
 * first time it reaches 100 the enrollment gets `completed_at` (kept for good), a certificate code
 * and a `module.completed` event; each change of the effective percent is a `module.progressed`
 * event (the worker derives "you became eligible" from it).
 *
 * Locks are taken in the order every progress write uses — the lesson (key share, as its foreign
 * keys would), then the enrollment row, then the progress row — so progress writes cannot deadlock
 * with one another, nor with lesson authoring (which locks lessons, then enrollments).
 *
 * The percent is counted from the statement's snapshot. Any concurrent write of the same member's
 * progress in the module (any lesson, any kind) or change of the module's lessons (refreshModule)
 * rewrites the enrollment row in its transaction. If that happened after this statement's
 * snapshot, the row's version (`xmin`) is no longer the one the statement saw (`seen`), its
 * upsert's WHERE refuses the row, and nothing at all is written — the progress and the events hang
 * on the upsert's row: the statement returns no row and the caller runs it again behind the lock
 * (`lockEnrollment`). So two parallel completions of a module's last lessons end at 100 % with one
 * `module.completed`, never at a stale percent.
 */

/** The facts every write counts from; with `lessonDone`, lesson `$3` counts as completed. */
const COUNT = (lessonDone: boolean) => `
       target AS (SELECT l.id FROM lesson l WHERE l.id = $3::uuid AND l.module_id = $2::uuid FOR KEY SHARE),
       counted AS (${COUNTED_LESSONS('$2::uuid')}),
       seen AS (
         SELECT e.xmin AS version, e.completed_at, ${PERCENT_OF('e')} AS percent
           FROM enrollment e WHERE e.user_id = $1::uuid AND e.module_id = $2::uuid),
       pct AS (
         SELECT CASE WHEN count(*) = 0 THEN 0
                     ELSE (100 * count(*) FILTER (WHERE ${lessonDone ? 'c.id = $3::uuid OR ' : ''}p.lesson_id IS NOT NULL) / count(*))::int END AS percent
           FROM counted c
           LEFT JOIN lesson_progress p ON p.lesson_id = c.id AND p.user_id = $1::uuid AND p.status = 'completed')`;

/** The enrollment upsert, refused when the row is no longer the version `seen`. */
const SAVE = `
       saved AS (
         INSERT INTO enrollment AS e (user_id, module_id, percent, last_lesson_id, completed_at, certificate_code)
         SELECT $1::uuid, $2::uuid, pct.percent, target.id, CASE WHEN pct.percent = 100 THEN now() END,
                CASE WHEN pct.percent = 100 THEN certificate_code() END
           FROM target, pct
         ON CONFLICT (user_id, module_id) DO UPDATE
            SET percent = EXCLUDED.percent,
                last_activity_at = now(),
                last_lesson_id = EXCLUDED.last_lesson_id,
                completed_at = COALESCE(e.completed_at, EXCLUDED.completed_at),
                certificate_code = COALESCE(e.certificate_code, EXCLUDED.certificate_code)
          WHERE e.xmin = (SELECT version FROM seen)
         RETURNING e.completed_at, e.certificate_code, ${PERCENT_OF('e')} AS percent)`;

/** Lesson `$3` recorded completed, once the enrollment is saved (a completion is never taken back). */
const RECORD_DONE = `
       progress AS (
         INSERT INTO lesson_progress AS p (user_id, lesson_id, status, completed_at)
         SELECT $1::uuid, $3::uuid, '${ProgressStatus.Completed}', now() FROM saved
         ON CONFLICT (user_id, lesson_id) DO UPDATE
            SET status = '${ProgressStatus.Completed}', completed_at = COALESCE(p.completed_at, now()), updated_at = now())`;

/** The events of the saved enrollment, in order (n): its percent changed, it completed. */
const EVENTS = `
         SELECT ev.n, ev.type, ev.payload
           FROM saved
           LEFT JOIN seen ON true
           CROSS JOIN LATERAL (VALUES
             (1, '${DomainEventType.ModuleProgressed}',
              jsonb_build_object('moduleId', $2::uuid, 'userId', $1::uuid, 'fromPercent', COALESCE(seen.percent, 0), 'toPercent', saved.percent),
              saved.percent <> COALESCE(seen.percent, 0)),
             (2, '${DomainEventType.ModuleCompleted}',
              jsonb_build_object('moduleId', $2::uuid, 'spaceId', $4::uuid, 'userId', $1::uuid, 'certificateCode', saved.certificate_code),
              saved.completed_at IS NOT NULL AND seen.completed_at IS NULL)
           ) AS ev(n, type, payload, due)
          WHERE ev.due`;

/** "Mark as done": the completion, the enrollment and its events (into the outbox) in one statement. */
const MARK_DONE = `
  WITH ${COUNT(true)},${SAVE},${RECORD_DONE},
       events AS (INSERT INTO outbox (type, payload) SELECT x.type, x.payload FROM (${EVENTS}) x ORDER BY x.n)
  SELECT percent, completed_at AS "completedAt" FROM saved`;

/**
 * "Mark as done" again, on a lesson the member has completed (`$1`–`$3` only): the same writes when
 * they have nothing to announce — the effective percent unchanged, no completion — and none
 * otherwise (no row: the caller takes MARK_DONE's locked path). No outbox statement is run, so a
 * re-sent completion wakes nothing that listens to the outbox.
 */
const MARK_DONE_AGAIN = `
  WITH ${COUNT(true)},
       saved AS (
         UPDATE enrollment e SET percent = pct.percent, last_activity_at = now(), last_lesson_id = target.id
           FROM target, pct, seen
          WHERE e.user_id = $1::uuid AND e.module_id = $2::uuid AND e.xmin = seen.version
            AND (e.completed_at IS NOT NULL OR (pct.percent < 100 AND pct.percent = seen.percent))
         RETURNING e.completed_at, ${PERCENT_OF('e')} AS percent),${RECORD_DONE}
  SELECT percent, completed_at AS "completedAt" FROM saved`;

/**
 * The enrollment refreshed after other progress writes of the caller's transaction (which took
 * `lockEnrollment` first); its events are returned for `writeOutbox`, so a refresh with nothing to
 * announce runs no outbox statement.
 */
const REFRESH = `
  WITH ${COUNT(false)},${SAVE}
  SELECT percent, completed_at AS "completedAt",
         (SELECT COALESCE(jsonb_agg(jsonb_build_object('type', x.type, 'payload', x.payload) ORDER BY x.n), '[]') FROM (${EVENTS}) x) AS events
    FROM saved`;

/**
 * Takes the lesson's key-share lock and the member's enrollment row lock (creating the row at 0 %
 * if needed, which the write then completes), in the order above. The row is locked without being
 * rewritten (ON CONFLICT … WHERE false still locks). No row: the lesson is gone.
 */
const LOCK_ENROLLMENT = `
  WITH target AS (SELECT l.id FROM lesson l WHERE l.id = $3::uuid AND l.module_id = $2::uuid FOR KEY SHARE),
       locked AS (
         INSERT INTO enrollment AS e (user_id, module_id) SELECT $1::uuid, $2::uuid FROM target
         ON CONFLICT (user_id, module_id) DO UPDATE SET percent = e.percent WHERE false)
  SELECT id FROM target`;

export interface EnrollmentState {
  percent: number;
  completedAt: Date | null;
}

@Injectable()
export class ProgressRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * "Mark as done": records the completion, refreshes the enrollment and writes its events. When
   * the member is already enrolled that is one statement, atomic on its own (no transaction round
   * trips): MARK_DONE, or MARK_DONE_AGAIN when they had completed the lesson already. If another
   * write of this enrollment came between its snapshot and its upsert, or a re-sent completion
   * turns out to have something to announce, it wrote nothing, and MARK_DONE runs in a transaction
   * behind the enrollment lock. A first enrollment takes that path directly (the lock then also
   * covers a concurrent change of the module's lessons, which has no enrollment row to reveal it).
   * Null: the lesson no longer exists.
   */
  async markDone(
    userId: string,
    moduleId: string,
    lessonId: string,
    spaceId: string,
    me: { enrolled: boolean; completed: boolean },
  ): Promise<EnrollmentState | null> {
    const params = [userId, moduleId, lessonId, spaceId];
    if (me.enrolled) {
      const [row] = me.completed
        ? await preparedQuery<EnrollmentState>(this.db, MARK_DONE_AGAIN, params.slice(0, 3))
        : await preparedQuery<EnrollmentState>(this.db, MARK_DONE, params);
      if (row) return row;
    }
    return this.db.transaction(async (tx) => {
      if (!(await this.lockEnrollment(tx, userId, moduleId, lessonId))) return null;
      const [row] = await preparedQuery<EnrollmentState>(tx, MARK_DONE, params);
      if (!row) throw new Error(`enrollment of ${userId} in ${moduleId} changed while locked`);
      return row;
    });
  }

  /**
   * Locks the member's enrollment in the lesson's module (see LOCK_ENROLLMENT) for the rest of the
   * transaction: every transaction that writes progress takes it first, so the refresh that ends it
   * counts from the latest committed progress. False when the lesson no longer exists.
   */
  async lockEnrollment(
    tx: EntityManager,
    userId: string,
    moduleId: string,
    lessonId: string,
  ): Promise<boolean> {
    const rows = await preparedQuery(tx, LOCK_ENROLLMENT, [userId, moduleId, lessonId]);
    return rows.length > 0;
  }

  /** Locks (creating if needed) the member's progress row for a lesson, so attempts are counted one at a time. */
  async lockLesson(
    tx: EntityManager,
    userId: string,
    lessonId: string,
  ): Promise<{ status: ProgressStatus; score: number | null; videoPercent: number | null }> {
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

  /** Marks the lesson completed (keeping the first completion time and the best score). */
  async complete(
    tx: EntityManager,
    userId: string,
    lessonId: string,
    score: number | null = null,
  ): Promise<void> {
    await tx.query(
      `UPDATE lesson_progress
          SET status = 'completed', completed_at = COALESCE(completed_at, now()), updated_at = now(),
              score = CASE WHEN $3::numeric IS NULL THEN score ELSE GREATEST(COALESCE(score, 0), $3::numeric) END
        WHERE user_id = $1 AND lesson_id = $2`,
      [userId, lessonId, score],
    );
  }

  async touch(
    tx: EntityManager,
    userId: string,
    lessonId: string,
    fields: { score?: number | null; videoPercent?: number },
  ): Promise<void> {
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
   * Recomputes the member's enrollment in the module from lesson_progress (REFRESH) and writes its
   * events, in the caller's transaction, which took `lockEnrollment` first.
   */
  async refreshEnrollment(
    tx: EntityManager,
    userId: string,
    moduleId: string,
    spaceId: string,
    lessonId: string,
  ): Promise<EnrollmentState> {
    const [row] = await preparedQuery<EnrollmentState & { events: DomainEvent[] }>(tx, REFRESH, [
      userId,
      moduleId,
      lessonId,
      spaceId,
    ]);
    if (!row)
      throw new Error(
        `enrollment of ${userId} in ${moduleId} refreshed without its lock, or its lesson is gone`,
      );
    await writeOutbox(tx, ...row.events);
    return { percent: row.percent, completedAt: row.completedAt };
  }

  /**
   * After lessons are added, removed or change `required`, recomputes every enrollment of the
   * module in one statement. Completions already recorded are kept; members who now reach 100 %
   * complete the module (with their event).
   */
  async refreshModule(tx: EntityManager, moduleId: string, spaceId: string): Promise<void> {
    const changed: {
      user_id: string;
      certificate_code: string;
      completed: boolean;
      fromPercent: number;
      toPercent: number;
    }[] = await tx.query(
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
