/**
 * Reading the feed. A member sees an item when it happened in a space they belong to or follow
 * (`reason` space), was done by someone they follow in a space they may see (`person`), or is a
 * seminar opened in their region (`region`). Items whose subject was hidden or unpublished since
 * are left out. Newest first, by id (the cursor).
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ActivityItem, ActivityKind } from '@pratique/contracts';
import { DataSource } from 'typeorm';

const ITEM_COLUMNS = `
  a.id::text AS id, a.kind, a.region_id AS "regionId", a.subject_id AS "subjectId", a.title,
  a.original_language AS "originalLanguage", a.created_at AS "createdAt",
  CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'displayName', u.display_name) END AS actor,
  CASE WHEN s.id IS NULL THEN NULL ELSE json_build_object('id', s.id, 'slug', s.slug, 'title', s.title, 'originalLanguage', s.original_language) END AS space`;

/** Still to be seen: the subject was not hidden or unpublished since. */
const STILL_VISIBLE = `
  CASE a.kind
    WHEN '${ActivityKind.ThreadStarted}' THEN EXISTS (SELECT 1 FROM discussion_thread t WHERE t.id = a.subject_id AND NOT t.hidden)
    WHEN '${ActivityKind.AnswerAccepted}' THEN EXISTS (SELECT 1 FROM discussion_thread t WHERE t.id = a.subject_id AND NOT t.hidden)
    WHEN '${ActivityKind.ResourcePublished}' THEN EXISTS (SELECT 1 FROM resource r WHERE r.id = a.subject_id AND r.status = 'published')
    WHEN '${ActivityKind.SeminarOpened}' THEN EXISTS (SELECT 1 FROM seminar x WHERE x.id = a.subject_id AND x.status <> 'draft')
    ELSE true
  END`;

@Injectable()
export class FeedRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async forMember(userId: string, before: string | null, limit: number): Promise<ActivityItem[]> {
    return this.db.query(
      `WITH me AS (SELECT id, region_id FROM app_user WHERE id = $1),
            my_spaces AS (SELECT space_id FROM space_member WHERE user_id = $1
                           UNION SELECT space_id FROM discussion_follow WHERE user_id = $1 AND space_id IS NOT NULL),
            people AS (SELECT followee_id FROM user_follow WHERE follower_id = $1)
       SELECT ${ITEM_COLUMNS},
              CASE WHEN a.space_id IN (SELECT space_id FROM my_spaces) THEN 'space'
                   WHEN a.actor_id IN (SELECT followee_id FROM people) THEN 'person'
                   ELSE 'region' END AS reason
         FROM activity a
         LEFT JOIN app_user u ON u.id = a.actor_id
         LEFT JOIN space s ON s.id = a.space_id
        WHERE ($2::bigint IS NULL OR a.id < $2)
          AND (a.space_id IN (SELECT space_id FROM my_spaces)
               OR (a.actor_id IN (SELECT followee_id FROM people) AND a.actor_id <> $1
                   AND (s.id IS NULL OR s.visibility = 'public' OR s.id IN (SELECT space_id FROM space_member WHERE user_id = $1)))
               OR (a.kind = '${ActivityKind.SeminarOpened}' AND a.region_id = (SELECT region_id FROM me)))
          AND ${STILL_VISIBLE}
        ORDER BY a.id DESC
        LIMIT $3`,
      [userId, before, limit],
    );
  }

  /** Everything of a region: its seminars, its spaces' activity and its members' activity. */
  async forRegion(regionId: string, before: string | null, limit: number): Promise<ActivityItem[]> {
    return this.db.query(
      `SELECT ${ITEM_COLUMNS}, 'region' AS reason
         FROM activity a
         LEFT JOIN app_user u ON u.id = a.actor_id
         LEFT JOIN space s ON s.id = a.space_id
        WHERE ($2::bigint IS NULL OR a.id < $2)
          AND (a.region_id = $1 OR s.region_id = $1 OR u.region_id = $1)
          AND ${STILL_VISIBLE}
        ORDER BY a.id DESC
        LIMIT $3`,
      [regionId, before, limit],
    );
  }

  regionExists(regionId: string): Promise<boolean> {
    return this.db.query(`SELECT 1 FROM region WHERE id = $1`, [regionId]).then((r) => r.length > 0);
  }
}
