import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox announces its new rows: an AFTER INSERT trigger, once per statement (a bulk write
 * sends one notice), calls `pg_notify('outbox', '')`. PostgreSQL delivers the notice when the
 * writing transaction commits (never for a rolled-back one), so the worker's relay, which LISTENs
 * on `outbox`, finds the rows committed and relays them at once instead of at its next poll.
 * The poll stays as the fallback for notices lost while the listening connection was down.
 */
export class OutboxNotify1700000012000 implements MigrationInterface {
  name = 'OutboxNotify1700000012000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox', '');
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS outbox_notify ON outbox`);
    await q.query(`DROP FUNCTION IF EXISTS notify_outbox()`);
  }
}
