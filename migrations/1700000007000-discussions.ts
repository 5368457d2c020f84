import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Discussions and questions inside thematic spaces (issue 6).
 *
 * - `discussion_thread`: a discussion or a question of a space; markdown source and its sanitised
 *   HTML (rendered by the API); pinned / locked / hidden by animators; on questions, the accepted
 *   reply. `search` is a generated tsvector over title (weight A) and body (weight B) in French and
 *   Arabic (stemmed), plus `simple` (exact words, whatever the language).
 * - `discussion_reply`: replies (markdown too), hidden by animators.
 * - `discussion_vote`: one +1 per member and reply.
 * - `discussion_revision`: every edit keeps the previous version of a thread or a reply.
 * - `discussion_follow`: who follows a thread or a space (notifications are wired later).
 */
export class Discussions1700000007000 implements MigrationInterface {
  name = 'Discussions1700000007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE discussion_thread (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES space(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        kind varchar(12) NOT NULL CHECK (kind IN ('discussion','question')),
        title varchar(200) NOT NULL CHECK (length(btrim(title)) > 0),
        body text NOT NULL,
        body_html text NOT NULL,
        pinned boolean NOT NULL DEFAULT false,
        locked boolean NOT NULL DEFAULT false,
        hidden boolean NOT NULL DEFAULT false,
        accepted_reply_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz,
        last_activity_at timestamptz NOT NULL DEFAULT now(),
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('french'::regconfig, title), 'A') ||
          setweight(to_tsvector('arabic'::regconfig, title), 'A') ||
          setweight(to_tsvector('simple'::regconfig, title), 'A') ||
          setweight(to_tsvector('french'::regconfig, body), 'B') ||
          setweight(to_tsvector('arabic'::regconfig, body), 'B') ||
          setweight(to_tsvector('simple'::regconfig, body), 'B')
        ) STORED
      )`);
    await q.query(
      `CREATE INDEX discussion_thread_space_idx ON discussion_thread(space_id, pinned DESC, last_activity_at DESC)`,
    );
    await q.query(`CREATE INDEX discussion_thread_search_idx ON discussion_thread USING gin(search)`);

    await q.query(`
      CREATE TABLE discussion_reply (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        thread_id uuid NOT NULL REFERENCES discussion_thread(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        body text NOT NULL,
        body_html text NOT NULL,
        hidden boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz
      )`);
    await q.query(`CREATE INDEX discussion_reply_thread_idx ON discussion_reply(thread_id, created_at)`);
    await q.query(`
      ALTER TABLE discussion_thread ADD CONSTRAINT discussion_thread_accepted_fk
        FOREIGN KEY (accepted_reply_id) REFERENCES discussion_reply(id) ON DELETE SET NULL`);

    await q.query(`
      CREATE TABLE discussion_vote (
        reply_id uuid NOT NULL REFERENCES discussion_reply(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (reply_id, user_id)
      )`);

    await q.query(`
      CREATE TABLE discussion_revision (
        id bigserial PRIMARY KEY,
        thread_id uuid REFERENCES discussion_thread(id) ON DELETE CASCADE,
        reply_id uuid REFERENCES discussion_reply(id) ON DELETE CASCADE,
        title varchar(200),
        body text NOT NULL,
        body_html text NOT NULL,
        written_at timestamptz NOT NULL, -- when this (previous) version had been written
        replaced_at timestamptz NOT NULL DEFAULT now(),
        replaced_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        CHECK (num_nonnulls(thread_id, reply_id) = 1)
      )`);
    await q.query(
      `CREATE INDEX discussion_revision_thread_idx ON discussion_revision(thread_id, id) WHERE thread_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX discussion_revision_reply_idx ON discussion_revision(reply_id, id) WHERE reply_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE discussion_follow (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        space_id uuid REFERENCES space(id) ON DELETE CASCADE,
        thread_id uuid REFERENCES discussion_thread(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (num_nonnulls(space_id, thread_id) = 1)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX discussion_follow_space_uq ON discussion_follow(space_id, user_id) WHERE space_id IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX discussion_follow_thread_uq ON discussion_follow(thread_id, user_id) WHERE thread_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX discussion_follow_user_idx ON discussion_follow(user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['discussion_follow', 'discussion_revision', 'discussion_vote'])
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    await q.query(
      `ALTER TABLE IF EXISTS discussion_thread DROP CONSTRAINT IF EXISTS discussion_thread_accepted_fk`,
    );
    for (const t of ['discussion_reply', 'discussion_thread']) await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
