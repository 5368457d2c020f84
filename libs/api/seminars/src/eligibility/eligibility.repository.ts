import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { preparedQuery } from '@pratique/api/platform';
import { Language, LocalizedText } from '@pratique/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { IN_AUDIENCE, PERCENT } from './audience.sql';

export interface EligibilityRow {
  k: number;
  /** What visibility needs (SeminarPolicy.view): drafts are seen by those who manage them only. */
  regionId: string;
  status: string;
  inAudience: boolean;
  requirements: {
    moduleId: string;
    minPercent: number;
    title: LocalizedText;
    originalLanguage: Language;
    currentPercent: number;
    nextLessons: { lessonId: string; title: LocalizedText }[];
  }[];
}

@Injectable()
export class EligibilityRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Everything the explanation needs for one member and one seminar, in one round trip: the
   * rule's k, whether the member is in the audience, and per requirement the module, the
   * member's percent and the next (up to 3) counted lessons they have not completed. A prepared
   * statement: the gate is the hottest read, and planning it cost more than running it.
   */
  async load(
    userId: string,
    seminarId: string,
    tx: EntityManager | DataSource = this.db,
  ): Promise<EligibilityRow | null> {
    const rows = await preparedQuery<EligibilityRow>(
      tx,
      `SELECT s.rule_k AS k, s.region_id AS "regionId", s.status,
              COALESCE((SELECT ${IN_AUDIENCE('u', 's')} FROM app_user u WHERE u.id = $1), false) AS "inAudience",
              COALESCE((
                SELECT json_agg(json_build_object(
                         'moduleId', r.module_id, 'minPercent', r.min_percent, 'title', m.title,
                         'originalLanguage', m.original_language,
                         'currentPercent', (SELECT ${PERCENT('e')} FROM enrollment e WHERE e.user_id = $1 AND e.module_id = r.module_id),
                         'nextLessons', COALESCE((
                           SELECT json_agg(json_build_object('lessonId', l.id, 'title', l.title) ORDER BY l.position)
                             FROM (SELECT l.id, l.title, l.position FROM lesson l
                                    WHERE l.module_id = r.module_id
                                      AND (l.required OR NOT EXISTS (SELECT 1 FROM lesson q WHERE q.module_id = r.module_id AND q.required))
                                      AND NOT EXISTS (SELECT 1 FROM lesson_progress p
                                                       WHERE p.lesson_id = l.id AND p.user_id = $1 AND p.status = 'completed')
                                    ORDER BY l.position LIMIT 3) l), '[]'::json))
                       ORDER BY r.position, r.module_id)
                  FROM seminar_requirement r JOIN module m ON m.id = r.module_id
                 WHERE r.seminar_id = s.id), '[]'::json) AS requirements
         FROM seminar s WHERE s.id = $2`,
      [userId, seminarId],
    );
    const row = rows[0];
    if (!row) return null;
    for (const r of row.requirements) r.currentPercent = r.currentPercent ?? 0;
    return row;
  }
}
