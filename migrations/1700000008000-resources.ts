import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The toolbox of a space: contributed resources (a file, a link, or a template — a file offered
 * as a model to reuse), their moderation, reviews (1–5 with an optional text, one per member) and
 * reports. `rating_count` / `rating_avg` are recomputed from `resource_review` in the transaction
 * that writes a review, with the resource row locked first (see resources.repository.ts).
 */
export class Resources1700000008000 implements MigrationInterface {
  name = 'Resources1700000008000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE resource (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES space(id) ON DELETE CASCADE,
        author_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        kind varchar(10) NOT NULL CHECK (kind IN ('file','link','template')),
        title varchar(200) NOT NULL CHECK (length(btrim(title)) > 0),
        description text NOT NULL DEFAULT '',
        tags text[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 10),
        language varchar(2) NOT NULL CHECK (language IN ('fr','ar','en')),
        url varchar(2000) CHECK (url ~* '^https?://'),
        file_id uuid REFERENCES stored_file(id) ON DELETE RESTRICT,
        status varchar(10) NOT NULL CHECK (status IN ('pending','published','rejected','hidden')),
        rejection_reason text,
        moderated_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        moderated_at timestamptz,
        published_at timestamptz,
        use_count integer NOT NULL DEFAULT 0 CHECK (use_count >= 0),
        rating_count integer NOT NULL DEFAULT 0 CHECK (rating_count >= 0),
        rating_avg numeric(4,3) CHECK (rating_avg BETWEEN 1 AND 5),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'link') = (url IS NOT NULL)),
        CHECK ((kind = 'link') = (file_id IS NULL))
      )`);
    await q.query(`CREATE INDEX resource_space_status_idx ON resource(space_id, status, created_at DESC)`);
    await q.query(`CREATE INDEX resource_author_idx ON resource(author_id)`);
    await q.query(`CREATE INDEX resource_tags_idx ON resource USING gin(tags)`);
    await q.query(`
      CREATE TABLE resource_review (
        resource_id uuid NOT NULL REFERENCES resource(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
        body text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (resource_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE resource_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        resource_id uuid NOT NULL REFERENCES resource(id) ON DELETE CASCADE,
        reporter_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        reason text NOT NULL CHECK (length(btrim(reason)) > 0),
        status varchar(10) NOT NULL DEFAULT 'open' CHECK (status IN ('open','dismissed','actioned')),
        resolved_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        resolved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One open report per member and resource.
    await q.query(
      `CREATE UNIQUE INDEX resource_report_open_uq ON resource_report(resource_id, reporter_id) WHERE status = 'open'`,
    );
    await q.query(
      `CREATE INDEX resource_report_open_idx ON resource_report(resource_id) WHERE status = 'open'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS resource_report`);
    await q.query(`DROP TABLE IF EXISTS resource_review`);
    await q.query(`DROP TABLE IF EXISTS resource`);
  }
}
