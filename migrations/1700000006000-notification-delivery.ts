import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delivery details of notifications:
 * - `notification.channel`: how the member chose to hear about it when it was created (in-app,
 *   instant e-mail or the daily digest), so a later change of preference does not re-route it;
 * - `outbox.dedupe_key`: events the worker derives (a reminder, "you became eligible") are
 *   written once per key, so a retried or duplicated job adds no second event.
 */
export class NotificationDelivery1700000006000 implements MigrationInterface {
  name = 'NotificationDelivery1700000006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE notification
        ADD COLUMN channel varchar(10) NOT NULL DEFAULT 'in_app' CHECK (channel IN ('in_app','email','digest'))`);
    await q.query(`CREATE INDEX notification_digest_idx ON notification(user_id, id) WHERE channel = 'digest'`);
    await q.query(`ALTER TABLE outbox ADD COLUMN dedupe_key varchar(200)`);
    await q.query(`CREATE UNIQUE INDEX outbox_dedupe_key_uq ON outbox(dedupe_key) WHERE dedupe_key IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS outbox_dedupe_key_uq`);
    await q.query(`ALTER TABLE outbox DROP COLUMN IF EXISTS dedupe_key`);
    await q.query(`DROP INDEX IF EXISTS notification_digest_idx`);
    await q.query(`ALTER TABLE notification DROP COLUMN IF EXISTS channel`);
  }
}
