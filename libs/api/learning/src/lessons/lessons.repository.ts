import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LessonEntity } from './lesson.entity';

@Injectable()
export class LessonsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  find(id: string, tx: EntityManager = this.db.manager): Promise<LessonEntity | null> {
    return tx.getRepository(LessonEntity).findOneBy({ id });
  }

  /** Ids of the module's lessons in order (locks the module's lessons when given a transaction). */
  async orderedIds(moduleId: string, tx: EntityManager = this.db.manager): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(`SELECT id FROM lesson WHERE module_id = $1 ORDER BY position FOR UPDATE`, [moduleId]);
    return rows.map((r) => r.id);
  }

  async nextPosition(moduleId: string, tx: EntityManager): Promise<number> {
    // Serialises concurrent additions to one module.
    await tx.query(`SELECT id FROM module WHERE id = $1 FOR UPDATE`, [moduleId]);
    const [{ next }] = await tx.query(`SELECT COALESCE(max(position), 0) + 1 AS next FROM lesson WHERE module_id = $1`, [moduleId]);
    return next;
  }

  /** Rewrites positions 1..n in the given order (the unique constraint is checked at commit). */
  async reorder(moduleId: string, ids: string[], tx: EntityManager): Promise<void> {
    await tx.query(`SET CONSTRAINTS lesson_position_uq DEFERRED`);
    await tx.query(
      `UPDATE lesson l SET position = o.ord, updated_at = now()
         FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, ord)
        WHERE l.id = o.id AND l.module_id = $1`,
      [moduleId, ids],
    );
  }

  async neighbours(lesson: LessonEntity): Promise<{ previous: string | null; next: string | null }> {
    const [row] = await this.db.query(
      `SELECT (SELECT id FROM lesson WHERE module_id = $1 AND position < $2 ORDER BY position DESC LIMIT 1) AS previous,
              (SELECT id FROM lesson WHERE module_id = $1 AND position > $2 ORDER BY position LIMIT 1) AS next`,
      [lesson.moduleId, lesson.position],
    );
    return row;
  }

  async fileInfo(fileId: string): Promise<{ id: string; filename: string; size: number; contentType: string } | null> {
    const rows = await this.db.query(
      `SELECT id, filename, size, content_type AS "contentType" FROM stored_file WHERE id = $1`,
      [fileId],
    );
    return rows[0] ?? null;
  }

  async fileExists(fileId: string, tx: EntityManager): Promise<string | null> {
    const rows = await tx.query(`SELECT content_type FROM stored_file WHERE id = $1`, [fileId]);
    return rows[0]?.content_type ?? null;
  }

  async scormPackage(packageId: string, tx: EntityManager = this.db.manager): Promise<{ version: '1.2' | '2004'; launchPath: string; title: string | null } | null> {
    const rows = await tx.query(`SELECT version, launch_path AS "launchPath", title FROM scorm_package WHERE id = $1`, [packageId]);
    return rows[0] ?? null;
  }

  async progress(userId: string, lessonId: string): Promise<{ status: string; score: number | null; videoPercent: number | null } | null> {
    const rows = await this.db.query(
      `SELECT status, score::float AS score, video_percent AS "videoPercent" FROM lesson_progress WHERE user_id = $1 AND lesson_id = $2`,
      [userId, lessonId],
    );
    return rows[0] ?? null;
  }

  async quizStats(userId: string, lessonId: string): Promise<{ used: number; best: number | null }> {
    const [row] = await this.db.query(
      `SELECT count(*)::int AS used, max(score)::float AS best FROM quiz_attempt WHERE user_id = $1 AND lesson_id = $2`,
      [userId, lessonId],
    );
    return row;
  }

  /** The member's SCORM attempt for the lesson, created on first open. */
  async scormAttempt(userId: string, lessonId: string): Promise<{ id: string; cmi: Record<string, unknown> }> {
    const [row] = await this.db.query(
      `INSERT INTO scorm_attempt (user_id, lesson_id) VALUES ($1, $2)
       ON CONFLICT (user_id, lesson_id) DO UPDATE SET updated_at = scorm_attempt.updated_at
       RETURNING id, cmi`,
      [userId, lessonId],
    );
    return row;
  }
}
