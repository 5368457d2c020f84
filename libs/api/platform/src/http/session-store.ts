/**
 * Sessions in PostgreSQL (connect-pg-simple), so any copy of the API serves any request — with
 * the sliding expiry written at most once per `touchEveryMs` per session by each API process.
 *
 * express-session "touches" an unmodified session after every request: one UPDATE per request
 * just to push `expire` forward by a few seconds of a 14-day lifetime. Remembering, per process,
 * when each session was last touched (a bounded LRU map) keeps the sliding expiry within
 * `touchEveryMs` of exact and takes that write off almost every request.
 */
import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
import { LRUCache } from 'lru-cache';
import type { Pool } from 'pg';

export const SESSION_TOUCH_EVERY_MS = 10 * 60 * 1000;

export interface SessionStoreOptions {
  pool: Pool;
  touchEveryMs?: number;
  /** Sessions remembered per process (least recently used forgotten first: they are simply touched again). */
  remember?: number;
}

export function createSessionStore({ pool, touchEveryMs = SESSION_TOUCH_EVERY_MS, remember = 100_000 }: SessionStoreOptions): session.Store {
  const PgStore = connectPgSimple(session);
  const touched = new LRUCache<string, true>({ max: remember, ttl: touchEveryMs, ttlAutopurge: false });

  class ThrottledTouchStore extends PgStore {
    override touch(sid: string, sess: session.SessionData, fn?: (err?: unknown) => void): void {
      if (touched.has(sid)) return fn?.();
      super.touch(sid, sess, (err?: unknown) => {
        if (!err) touched.set(sid, true);
        fn?.(err);
      });
    }

    override set(sid: string, sess: session.SessionData, fn?: (err?: unknown) => void): void {
      touched.delete(sid);
      super.set(sid, sess, fn);
    }

    override destroy(sid: string, fn?: (err?: unknown) => void): void {
      touched.delete(sid);
      super.destroy(sid, fn);
    }
  }

  return new ThrottledTouchStore({ pool, tableName: 'session', createTableIfMissing: false, pruneSessionInterval: 15 * 60 });
}
