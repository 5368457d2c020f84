import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications: what each member was told (one row per outbox event and recipient, so a
 * re-delivered event adds nothing), their per-type channel preference (no row = the type's
 * default, `DEFAULT_NOTIFICATION_CHANNEL` in the contracts) and the e-mails sent (one per event,
 * recipient and kind, so a retried e-mail job never sends twice).
 */
export class Notifications1700000004000 implements MigrationInterface {
  name = 'Notifications1700000004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        outbox_id bigint NOT NULL, -- no foreign key: relayed outbox rows may be pruned
        type varchar(80) NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        CONSTRAINT notification_outbox_user_uq UNIQUE (outbox_id, user_id)
      )`);
    await q.query(`CREATE INDEX notification_user_idx ON notification(user_id, id DESC)`);
    await q.query(`CREATE INDEX notification_unread_idx ON notification(user_id) WHERE read_at IS NULL`);

    await q.query(`
      CREATE TABLE notification_preference (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        type varchar(80) NOT NULL,
        channel varchar(10) NOT NULL CHECK (channel IN ('in_app','email','digest','off')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, type)
      )`);

    await q.query(`
      CREATE TABLE email_delivery (
        outbox_id bigint NOT NULL, -- no foreign key: relayed outbox rows may be pruned
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        kind varchar(10) NOT NULL CHECK (kind IN ('instant','digest')),
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT email_delivery_uq UNIQUE (outbox_id, user_id, kind)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['email_delivery', 'notification_preference', 'notification']) await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
