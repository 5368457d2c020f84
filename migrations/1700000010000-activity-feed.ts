import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The activity feed ("veille"): one row per thing worth seeing, written in the transaction of the
 * change (a module published, a seminar opened, a thread started, an answer accepted, a resource
 * published, a completion a member chose to share), once per `dedupe_key`. Who sees a row is
 * decided when reading (spaces and people followed, region).
 */
export class ActivityFeed1700000010000 implements MigrationInterface {
  name = 'ActivityFeed1700000010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE activity (
        id bigserial PRIMARY KEY,
        kind varchar(40) NOT NULL,
        actor_id uuid REFERENCES app_user(id) ON DELETE CASCADE,
        space_id uuid REFERENCES space(id) ON DELETE CASCADE,
        region_id uuid REFERENCES region(id) ON DELETE CASCADE,
        subject_id uuid NOT NULL,
        title jsonb NOT NULL DEFAULT '{}',
        original_language varchar(2) NOT NULL DEFAULT 'fr',
        dedupe_key varchar(200) NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX activity_space_idx ON activity(space_id, id DESC)`);
    await q.query(`CREATE INDEX activity_region_idx ON activity(region_id, id DESC)`);
    await q.query(`CREATE INDEX activity_actor_idx ON activity(actor_id, id DESC)`);
    await q.query(`ALTER TABLE enrollment ADD COLUMN completion_shared_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE enrollment DROP COLUMN IF EXISTS completion_shared_at`);
    await q.query(`DROP TABLE IF EXISTS activity`);
  }
}
