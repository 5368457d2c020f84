import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LearnerState, ModuleRef, SpaceRef } from '@pratique/api/accounts';
import { preparedQuery } from '@pratique/api/platform';
import {
  LessonContent,
  LessonKind,
  LessonOutline,
  ModuleLearner,
  ModuleStatus,
  ModuleSummary,
  MyModule,
  SpaceRole,
} from '@pratique/contracts';
import { DataSource, EntityManager } from 'typeorm';

/**
 * A member's effective percent: once a module is completed it stays 100 even if lessons are added
 * later (DESIGN.md: adding a lesson does not take back a completion).
 */
export const EFFECTIVE_PERCENT = `CASE WHEN e.completed_at IS NOT NULL THEN 100 ELSE e.percent END`;

/** The first lesson, by position, the member has not completed ("continue where I left off"). */
const CONTINUE_LESSON = (moduleRef: string, userRef: string) => `
  (SELECT l.id FROM lesson l
    WHERE l.module_id = ${moduleRef}
      AND NOT EXISTS (SELECT 1 FROM lesson_progress p WHERE p.lesson_id = l.id AND p.user_id = ${userRef} AND p.status = 'completed')
    ORDER BY l.position LIMIT 1)`;

export interface ModuleContext {
  module: ModuleRef & { id: string; title: Record<string, string>; originalLanguage: string };
  me: LearnerState;
}

/** A lesson as progress needs it (`content` is null unless asked for). */
export interface LessonRef {
  id: string;
  moduleId: string;
  kind: LessonKind;
  content: LessonContent | null;
  /** Whether the caller has completed it. */
  completed: boolean;
}

/** What `context` reads, over `module m JOIN space s`, for the caller `$1`. */
const CONTEXT_COLUMNS = `
  m.id, m.space_id, m.status, m.title, m.original_language,
  s.scope, s.region_id, s.visibility, s.status AS space_status,
  (SELECT sm.role FROM space_member sm WHERE sm.space_id = m.space_id AND sm.user_id = $1) AS space_role,
  EXISTS (SELECT 1 FROM enrollment e WHERE e.module_id = m.id AND e.user_id = $1) AS enrolled`;

interface ContextRow {
  id: string;
  space_id: string;
  status: ModuleRef['status'];
  title: Record<string, string>;
  original_language: string;
  scope: SpaceRef['scope'];
  region_id: string | null;
  visibility: SpaceRef['visibility'];
  space_status: SpaceRef['status'];
  space_role: SpaceRole | null;
  enrolled: boolean;
}

function toContext(r: ContextRow): ModuleContext {
  return {
    module: {
      id: r.id,
      spaceId: r.space_id,
      status: r.status,
      title: r.title,
      originalLanguage: r.original_language,
      space: { scope: r.scope, regionId: r.region_id, visibility: r.visibility, status: r.space_status },
    },
    me: { spaceRole: r.space_role ?? null, enrolled: r.enrolled },
  };
}

const SUMMARY_COLUMNS = `
  m.id, m.space_id AS "spaceId", m.title, m.summary, m.original_language AS "originalLanguage",
  m.cover_file_id AS "coverFileId", m.estimated_minutes AS "estimatedMinutes", m.status,
  m.published_at AS "publishedAt",
  (SELECT count(*)::int FROM lesson l WHERE l.module_id = m.id) AS "lessonCount",
  (SELECT count(*)::int FROM lesson l WHERE l.module_id = m.id AND l.required) AS "requiredLessonCount",
  (SELECT ${EFFECTIVE_PERCENT} FROM enrollment e WHERE e.module_id = m.id AND e.user_id = $1)::int AS "myPercent",
  (SELECT e.completed_at FROM enrollment e WHERE e.module_id = m.id AND e.user_id = $1) AS "myCompletedAt",
  COALESCE((SELECT e.completion_shared_at IS NOT NULL FROM enrollment e WHERE e.module_id = m.id AND e.user_id = $1), false) AS "myCompletionShared"`;

@Injectable()
export class ModulesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The module, its space (for the rules) and the caller's relation to both, in one query. */
  async context(
    userId: string | null,
    moduleId: string,
    tx: EntityManager = this.db.manager,
  ): Promise<ModuleContext | null> {
    const rows: ContextRow[] = await tx.query(
      `SELECT ${CONTEXT_COLUMNS} FROM module m JOIN space s ON s.id = m.space_id WHERE m.id = $2`,
      [userId, moduleId],
    );
    return rows[0] ? toContext(rows[0]) : null;
  }

  /**
   * A lesson (its content only when asked, whether the caller completed it) with the context of
   * its module, in one query; null when there is no such lesson.
   */
  async lessonContext(
    userId: string | null,
    lessonId: string,
    withContent: boolean,
  ): Promise<{ lesson: LessonRef; ctx: ModuleContext } | null> {
    const rows = await preparedQuery<
      ContextRow & { lesson_id: string; kind: LessonKind; content: LessonContent | null; completed: boolean }
    >(
      this.db,
      `SELECT ${CONTEXT_COLUMNS}, l.id AS lesson_id, l.kind, CASE WHEN $3::boolean THEN l.content END AS content,
              EXISTS (SELECT 1 FROM lesson_progress p WHERE p.user_id = $1 AND p.lesson_id = l.id AND p.status = 'completed') AS completed
         FROM lesson l JOIN module m ON m.id = l.module_id JOIN space s ON s.id = m.space_id
        WHERE l.id = $2`,
      [userId, lessonId, withContent],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      lesson: { id: r.lesson_id, moduleId: r.id, kind: r.kind, content: r.content, completed: r.completed },
      ctx: toContext(r),
    };
  }

  async spaceRef(spaceId: string): Promise<(SpaceRef & { id: string }) | null> {
    const rows = await this.db.query(
      `SELECT id, scope, region_id AS "regionId", visibility, status FROM space WHERE id = $1`,
      [spaceId],
    );
    return rows[0] ?? null;
  }

  async spaceRole(spaceId: string, userId: string | null): Promise<SpaceRole | null> {
    if (!userId) return null;
    const rows = await this.db.query(`SELECT role FROM space_member WHERE space_id = $1 AND user_id = $2`, [
      spaceId,
      userId,
    ]);
    return rows[0]?.role ?? null;
  }

  /** Modules of a space with lesson counts and the caller's percent; `statuses` limits what is listed. */
  listBySpace(
    userId: string | null,
    spaceId: string,
    statuses: ModuleStatus[],
    includeArchivedStarted: boolean,
  ): Promise<ModuleSummary[]> {
    return this.db.query(
      `SELECT ${SUMMARY_COLUMNS}
         FROM module m
        WHERE m.space_id = $2
          AND (m.status = ANY($3::text[])
               OR ($4 AND m.status = 'archived' AND EXISTS (SELECT 1 FROM enrollment e WHERE e.module_id = m.id AND e.user_id = $1)))
        ORDER BY m.status = 'archived', m.published_at DESC NULLS FIRST, m.created_at DESC`,
      [userId, spaceId, statuses, includeArchivedStarted],
    );
  }

  async summary(userId: string | null, moduleId: string): Promise<ModuleSummary> {
    const rows = await this.db.query(`SELECT ${SUMMARY_COLUMNS} FROM module m WHERE m.id = $2`, [
      userId,
      moduleId,
    ]);
    return rows[0];
  }

  outline(userId: string | null, moduleId: string): Promise<LessonOutline[]> {
    return this.db.query(
      `SELECT l.id, l.position, l.kind, l.title, l.required,
              COALESCE((SELECT p.status FROM lesson_progress p WHERE p.lesson_id = l.id AND p.user_id = $1), 'not_started') AS "myStatus"
         FROM lesson l WHERE l.module_id = $2 ORDER BY l.position`,
      [userId, moduleId],
    );
  }

  async continueLesson(userId: string, moduleId: string): Promise<string | null> {
    const rows = await this.db.query(`SELECT ${CONTINUE_LESSON('$2', '$1')} AS id`, [userId, moduleId]);
    return rows[0]?.id ?? null;
  }

  /** "My modules": every module the member started, with percent and where to continue, in one query. */
  myModules(userId: string): Promise<MyModule[]> {
    // Prepared: on every member's home.
    // The member's completed lessons are read once (one range of the progress key) and the first
    // lesson of each module not among them is where to continue — not one progress lookup per
    // lesson of every module (a quarter of the buffers).
    return preparedQuery<MyModule>(
      this.db,
      `WITH done AS (SELECT p.lesson_id FROM lesson_progress p WHERE p.user_id = $1 AND p.status = 'completed')
       SELECT m.id AS "moduleId", m.space_id AS "spaceId", m.title, m.original_language AS "originalLanguage",
              (${EFFECTIVE_PERCENT})::int AS percent, e.completed_at AS "completedAt",
              e.last_activity_at AS "lastActivityAt", e.certificate_code AS "certificateCode",
              (SELECT l.id FROM lesson l WHERE l.module_id = m.id AND l.id NOT IN (SELECT lesson_id FROM done)
                ORDER BY l.position LIMIT 1) AS "continueLessonId"
         FROM enrollment e JOIN module m ON m.id = e.module_id
        WHERE e.user_id = $1 AND m.status <> 'draft'
        ORDER BY e.completed_at IS NOT NULL, e.last_activity_at DESC`,
      [userId],
    );
  }

  /** Learners of a module with their best quiz scores, for animators and staff. */
  learners(moduleId: string): Promise<ModuleLearner[]> {
    return this.db.query(
      `SELECT e.user_id AS "userId", u.display_name AS "displayName", e.started_at AS "startedAt",
              (${EFFECTIVE_PERCENT})::int AS percent, e.completed_at AS "completedAt", e.last_activity_at AS "lastActivityAt",
              COALESCE((SELECT json_agg(json_build_object('lessonId', q.lesson_id, 'bestScore', q.best) ORDER BY q.lesson_id)
                          FROM (SELECT a.lesson_id, max(a.score)::float AS best FROM quiz_attempt a
                                  JOIN lesson l ON l.id = a.lesson_id
                                 WHERE a.user_id = e.user_id AND l.module_id = e.module_id GROUP BY a.lesson_id) q), '[]') AS "quizScores"
         FROM enrollment e JOIN app_user u ON u.id = e.user_id
        WHERE e.module_id = $1
        ORDER BY e.last_activity_at DESC, u.display_name`,
      [moduleId],
    );
  }

  async lessonCount(moduleId: string, tx: EntityManager = this.db.manager): Promise<number> {
    const [{ count }] = await tx.query(`SELECT count(*)::int AS count FROM lesson WHERE module_id = $1`, [
      moduleId,
    ]);
    return count;
  }
}
