import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cache invalidation from the database itself. Every API process keeps the sessions and actors
 * (user, organisations, roles, animated spaces) of recent requests in memory, and LISTENs on
 * `pratique_cache`. These statement-level triggers announce, at commit, whose session or actor
 * changed — whatever wrote it (a service, the seed, an admin's psql) — so no write path can forget
 * to invalidate. Payloads: `session:<sid>`, `actor:<user id>`, or `session:*` / `actor:*` when a
 * statement touched more than 100 of them (a bulk load, the session pruner): forget them all.
 */
const CHANNEL = 'pratique_cache';

/** table → the column naming the user whose actor it changes (`sid` for sessions). */
const WATCHED: {
  table: string;
  kind: 'session' | 'actor';
  column: string;
  events: ('INSERT' | 'UPDATE' | 'DELETE')[];
}[] = [
  // A new session is never cached yet: only its end matters here (its changes: below).
  { table: '"session"', kind: 'session', column: 'sid', events: ['DELETE'] },
  { table: 'app_user', kind: 'actor', column: 'id', events: ['UPDATE', 'DELETE'] },
  { table: 'membership', kind: 'actor', column: 'user_id', events: ['INSERT', 'UPDATE', 'DELETE'] },
  { table: 'role_grant', kind: 'actor', column: 'user_id', events: ['INSERT', 'UPDATE', 'DELETE'] },
  { table: 'space_member', kind: 'actor', column: 'user_id', events: ['INSERT', 'UPDATE', 'DELETE'] },
];

const triggerName = (table: string, event: string) =>
  `cache_${table.replace(/"/g, '')}_${event.toLowerCase()}`;

export class CacheInvalidation1700000012200 implements MigrationInterface {
  name = 'CacheInvalidation1700000012200';

  async up(q: QueryRunner): Promise<void> {
    // TG_ARGV: the kind of cache and the key column. `changed` is the statement's transition table.
    await q.query(`
      CREATE FUNCTION notify_cache_invalidation() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        keys text[];
      BEGIN
        EXECUTE format('SELECT array_agg(DISTINCT %I::text) FROM changed', TG_ARGV[1]) INTO keys;
        IF keys IS NULL THEN
          RETURN NULL;
        ELSIF cardinality(keys) > 100 THEN
          PERFORM pg_notify('${CHANNEL}', TG_ARGV[0] || ':*');
        ELSE
          PERFORM pg_notify('${CHANNEL}', TG_ARGV[0] || ':' || k) FROM unnest(keys) AS k;
        END IF;
        RETURN NULL;
      END $$`);
    for (const w of WATCHED)
      for (const event of w.events) {
        const transition = event === 'DELETE' ? 'OLD TABLE AS changed' : 'NEW TABLE AS changed';
        await q.query(
          `CREATE TRIGGER ${triggerName(w.table, event)} AFTER ${event} ON ${w.table} REFERENCING ${transition}
             FOR EACH STATEMENT EXECUTE FUNCTION notify_cache_invalidation('${w.kind}', '${w.column}')`,
        );
      }
    // A session's data changed (not its sliding expiry alone, which the store writes now and then).
    await q.query(`
      CREATE FUNCTION notify_session_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        keys text[];
      BEGIN
        SELECT array_agg(n.sid) INTO keys FROM changed n JOIN changed_before o ON o.sid = n.sid WHERE n.sess::text IS DISTINCT FROM o.sess::text;
        IF keys IS NULL THEN
          RETURN NULL;
        ELSIF cardinality(keys) > 100 THEN
          PERFORM pg_notify('${CHANNEL}', 'session:*');
        ELSE
          PERFORM pg_notify('${CHANNEL}', 'session:' || k) FROM unnest(keys) AS k;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER cache_session_update AFTER UPDATE ON "session" REFERENCING OLD TABLE AS changed_before NEW TABLE AS changed
         FOR EACH STATEMENT EXECUTE FUNCTION notify_session_changed()`,
    );
    // An organisation renamed or moved to another region changes the actor of each of its members.
    await q.query(`
      CREATE FUNCTION notify_all_actors() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${CHANNEL}', 'actor:*');
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER cache_organisation_update AFTER UPDATE OF name, region_id ON organisation FOR EACH STATEMENT EXECUTE FUNCTION notify_all_actors()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS cache_organisation_update ON organisation`);
    await q.query(`DROP TRIGGER IF EXISTS cache_session_update ON "session"`);
    for (const w of WATCHED)
      for (const event of w.events)
        await q.query(`DROP TRIGGER IF EXISTS ${triggerName(w.table, event)} ON ${w.table}`);
    await q.query(`DROP FUNCTION IF EXISTS notify_all_actors()`);
    await q.query(`DROP FUNCTION IF EXISTS notify_session_changed()`);
    await q.query(`DROP FUNCTION IF EXISTS notify_cache_invalidation()`);
  }
}
