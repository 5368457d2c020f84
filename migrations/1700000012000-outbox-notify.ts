import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox announces its new rows: an AFTER INSERT trigger, once per statement (a bulk write
 * sends one notice), calls `pg_notify('outbox', '')`. PostgreSQL delivers the notice when the
 * writing transaction commits (never for a rolled-back one), so the worker's relay, which LISTENs
 * on `outbox`, finds the rows committed and relays them at once instead of at its next poll.
 * The poll stays as the fallback for notices lost while the listening connection was down.
 *
 * A statement that inserted nothing (an INSERT … SELECT that found no one, ON CONFLICT DO
 * NOTHING) sends no notice: a notice serialises commits on PostgreSQL's notification queue, and
 * the hot writes (progress, registration) often insert no event.
 */
export class OutboxNotify1700000012000 implements MigrationInterface {
  name = 'OutboxNotify1700000012000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM inserted) THEN
          PERFORM pg_notify('outbox', '');
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER outbox_notify AFTER INSERT ON outbox REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS outbox_notify ON outbox`);
    await q.query(`DROP FUNCTION IF EXISTS notify_outbox()`);
  }
}
