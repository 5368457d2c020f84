/**
 * The directory in SQL. A member without a `member_profile` row has the default visibility
 * (everything shown). What a member hides is null in what others get, and never matches their
 * filters (filtering by a hidden skill must not reveal it); the member always sees all of it.
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MemberCard, MemberProfileDto, MemberSearchQuery, MyProfile, Page } from '@pratique/contracts';
import { DataSource } from 'typeorm';

/** Every member with their effective visibility; `$1` is the viewer. A deleted account is never listed. */
const MEMBERS = `
  SELECT u.id, u.display_name, u.region_id,
         COALESCE(p.listed, true) AND u.deleted_at IS NULL AS listed,
         COALESCE(p.show_region, true) OR u.id = $1 AS show_region,
         COALESCE(p.show_organisations, true) OR u.id = $1 AS show_organisations,
         COALESCE(p.show_skills, true) OR u.id = $1 AS show_skills,
         COALESCE(p.show_spaces, true) OR u.id = $1 AS show_spaces,
         COALESCE(p.skills, '{}') AS skills, COALESCE(p.interests, '{}') AS interests, COALESCE(p.bio, '') AS bio
    FROM app_user u LEFT JOIN member_profile p ON p.user_id = u.id`;

const CARD_COLUMNS = `
  m.id, m.display_name AS "displayName",
  CASE WHEN m.show_region THEN m.region_id END AS "regionId",
  CASE WHEN m.show_organisations THEN
    (SELECT COALESCE(json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY o.name), '[]'::json)
       FROM membership mb JOIN organisation o ON o.id = mb.organisation_id WHERE mb.user_id = m.id) END AS organisations,
  CASE WHEN m.show_skills THEN m.skills END AS skills,
  EXISTS (SELECT 1 FROM user_follow f WHERE f.follower_id = $1 AND f.followee_id = m.id) AS followed`;

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

@Injectable()
export class MembersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async search(
    viewerId: string,
    q: Required<Pick<MemberSearchQuery, 'page' | 'pageSize'>> & MemberSearchQuery,
  ): Promise<Page<MemberCard>> {
    const rows: (MemberCard & { total: number })[] = await this.db.query(
      `WITH m AS (${MEMBERS})
       SELECT ${CARD_COLUMNS}, count(*) OVER ()::int AS total
         FROM m
        WHERE (m.listed OR m.id = $1)
          AND ($2::text IS NULL OR m.display_name ILIKE $2
               OR (m.show_skills AND EXISTS (SELECT 1 FROM unnest(m.skills || m.interests) t WHERE t ILIKE $2)))
          AND ($3::text IS NULL OR (m.show_skills AND $3 = ANY(m.skills || m.interests)))
          AND ($4::uuid IS NULL OR (m.show_region AND m.region_id = $4))
          AND ($5::uuid IS NULL OR (m.show_organisations AND EXISTS (SELECT 1 FROM membership mb WHERE mb.user_id = m.id AND mb.organisation_id = $5)))
          AND (NOT $6::boolean OR EXISTS (SELECT 1 FROM user_follow f WHERE f.follower_id = $1 AND f.followee_id = m.id))
        ORDER BY lower(m.display_name), m.id
        LIMIT $7 OFFSET $8`,
      [
        viewerId,
        q.q ? likePattern(q.q.trim()) : null,
        q.skill ?? null,
        q.regionId ?? null,
        q.organisationId ?? null,
        q.followed === true,
        q.pageSize,
        (q.page - 1) * q.pageSize,
      ],
    );
    return {
      items: rows.map(({ total: _t, ...card }) => card),
      total: rows[0]?.total ?? 0,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** The member's page as the viewer may see it; null when there is no such listed member. */
  async profile(viewerId: string, memberId: string): Promise<MemberProfileDto | null> {
    const [row] = await this.db.query(
      `WITH m AS (${MEMBERS} WHERE u.id = $2)
       SELECT ${CARD_COLUMNS}, m.bio, m.id = $1 AS "isMe",
              CASE WHEN m.show_skills THEN m.interests END AS interests,
              CASE WHEN m.show_spaces THEN
                (SELECT COALESCE(json_agg(json_build_object('id', s.id, 'slug', s.slug, 'title', s.title, 'originalLanguage', s.original_language)
                                          ORDER BY s.title->>s.original_language), '[]'::json)
                   FROM space_member sm JOIN space s ON s.id = sm.space_id WHERE sm.user_id = m.id AND s.status = 'open') END AS spaces,
              (SELECT count(*)::int FROM user_follow f WHERE f.followee_id = m.id) AS followers
         FROM m WHERE m.listed OR m.id = $1`,
      [viewerId, memberId],
    );
    return row ?? null;
  }

  async myProfile(userId: string): Promise<MyProfile> {
    const [row] = await this.db.query(
      `SELECT COALESCE(p.bio, '') AS bio, COALESCE(p.skills, '{}') AS skills, COALESCE(p.interests, '{}') AS interests,
              COALESCE(p.listed, true) AS listed, COALESCE(p.show_organisations, true) AS "showOrganisations",
              COALESCE(p.show_region, true) AS "showRegion", COALESCE(p.show_skills, true) AS "showSkills",
              COALESCE(p.show_spaces, true) AS "showSpaces"
         FROM app_user u LEFT JOIN member_profile p ON p.user_id = u.id WHERE u.id = $1`,
      [userId],
    );
    return row;
  }

  async saveProfile(userId: string, p: MyProfile): Promise<void> {
    await this.db.query(
      `INSERT INTO member_profile (user_id, bio, skills, interests, listed, show_organisations, show_region, show_skills, show_spaces)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (user_id) DO UPDATE SET bio = EXCLUDED.bio, skills = EXCLUDED.skills, interests = EXCLUDED.interests,
         listed = EXCLUDED.listed, show_organisations = EXCLUDED.show_organisations, show_region = EXCLUDED.show_region,
         show_skills = EXCLUDED.show_skills, show_spaces = EXCLUDED.show_spaces, updated_at = now()`,
      [
        userId,
        p.bio,
        p.skills,
        p.interests,
        p.listed,
        p.showOrganisations,
        p.showRegion,
        p.showSkills,
        p.showSpaces,
      ],
    );
  }

  /** Follows a listed member; false when there is no such member to follow. Idempotent. */
  async follow(followerId: string, followeeId: string): Promise<boolean> {
    const rows = await this.db.query(
      `WITH target AS (
         SELECT u.id FROM app_user u LEFT JOIN member_profile p ON p.user_id = u.id
          WHERE u.id = $2 AND COALESCE(p.listed, true) AND u.deleted_at IS NULL),
       ins AS (INSERT INTO user_follow (follower_id, followee_id) SELECT $1, id FROM target ON CONFLICT DO NOTHING)
       SELECT 1 FROM target`,
      [followerId, followeeId],
    );
    return rows.length > 0;
  }

  /** Stops following; false when no such member exists (an unlisted or deleted one can still be unfollowed). */
  async unfollow(followerId: string, followeeId: string): Promise<boolean> {
    const [row] = await this.db.query(
      `WITH del AS (DELETE FROM user_follow WHERE follower_id = $1 AND followee_id = $2 RETURNING 1)
       SELECT EXISTS (SELECT 1 FROM app_user WHERE id = $2) OR EXISTS (SELECT 1 FROM del) AS known`,
      [followerId, followeeId],
    );
    return row.known;
  }
}
