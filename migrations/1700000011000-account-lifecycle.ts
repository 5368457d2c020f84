import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account lifecycle and accountability: an account can be suspended (by an admin) or deleted (by
 * its owner: personal fields anonymised, aggregate rows kept), sessions can be found by user so
 * both end them server-side, and the audit log records who granted roles, moderated, exported or
 * suspended what.
 */
export class AccountLifecycle1700000011000 implements MigrationInterface {
  name = 'AccountLifecycle1700000011000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN suspended_at timestamptz, ADD COLUMN suspension_reason varchar(500), ADD COLUMN deleted_at timestamptz`);
    // connect-pg-simple keeps passport's user id inside the JSON: index it to end a user's sessions.
    await q.query(`CREATE INDEX session_user_idx ON "session" ((sess -> 'passport' ->> 'user'))`);
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        actor_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        action varchar(60) NOT NULL,
        target_type varchar(40) NOT NULL,
        target_id uuid,
        detail jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_log_created_idx ON audit_log(created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log(actor_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS audit_log`);
    await q.query(`DROP INDEX IF EXISTS session_user_idx`);
    await q.query(`ALTER TABLE app_user DROP COLUMN IF EXISTS suspended_at, DROP COLUMN IF EXISTS suspension_reason, DROP COLUMN IF EXISTS deleted_at`);
  }
}
