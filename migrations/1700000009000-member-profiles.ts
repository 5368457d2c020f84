import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The member directory: what a member tells about themselves (bio, skills, interests) and what of
 * it others may see (no row = the defaults: listed, everything shown to signed-in members), and
 * who follows whom.
 */
export class MemberProfiles1700000009000 implements MigrationInterface {
  name = 'MemberProfiles1700000009000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE member_profile (
        user_id uuid PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
        bio varchar(1000) NOT NULL DEFAULT '',
        skills varchar(40)[] NOT NULL DEFAULT '{}',
        interests varchar(40)[] NOT NULL DEFAULT '{}',
        listed boolean NOT NULL DEFAULT true,
        show_organisations boolean NOT NULL DEFAULT true,
        show_region boolean NOT NULL DEFAULT true,
        show_skills boolean NOT NULL DEFAULT true,
        show_spaces boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX member_profile_skills_idx ON member_profile USING gin (skills)`);
    await q.query(`CREATE INDEX member_profile_interests_idx ON member_profile USING gin (interests)`);
    await q.query(`
      CREATE TABLE user_follow (
        follower_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        followee_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (follower_id, followee_id),
        CHECK (follower_id <> followee_id)
      )`);
    await q.query(`CREATE INDEX user_follow_followee_idx ON user_follow(followee_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS user_follow`);
    await q.query(`DROP TABLE IF EXISTS member_profile`);
  }
}
