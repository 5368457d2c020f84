/**
 * Sessions in PostgreSQL (connect-pg-simple), so any copy of the API serves any request — with
 * the sliding expiry written at most once per `touchEveryMs` per session by each API process.
 *
 * express-session "touches" an unmodified session after every request: one UPDATE per request
 * just to push `expire` forward by a few seconds of a 14-day lifetime. Remembering, per process,
 * when each session was last touched (a bounded LRU map) keeps the sliding expiry within
 * `touchEveryMs` of exact and takes that write off almost every request.
 *
 * Reading the session is the other query every signed-in request paid for: with a `cache`, a
 * session read once is answered from memory until PostgreSQL says it changed or ended (sign-out,
 * suspension, deletion — in any API process) or its cookie expires.
 */
import { Logger } from '@nestjs/common';
import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
import { LRUCache } from 'lru-cache';
import type { Pool } from 'pg';
import { InvalidatedCache } from '../cache/invalidated-cache';

const logger = new Logger('SessionStore');

export const SESSION_TOUCH_EVERY_MS = 10 * 60 * 1000;

export interface SessionStoreOptions {
  pool: Pool;
  touchEveryMs?: number;
  /** Sessions remembered per process (least recently used forgotten first: they are simply touched again). */
  remember?: number;
  /** Sessions already read, kept until invalidated (none when absent). */
  cache?: InvalidatedCache<string>;
}

export function createSessionStore({
  pool,
  touchEveryMs = SESSION_TOUCH_EVERY_MS,
  remember = 100_000,
  cache,
}: SessionStoreOptions): session.Store {
  const PgStore = connectPgSimple(session);
  const touched = new LRUCache<string, true>({ max: remember, ttl: touchEveryMs, ttlAutopurge: false });

  class ThrottledTouchStore extends PgStore {
    override get(sid: string, fn: (err: unknown, session?: session.SessionData | null) => void): void {
      const cached = cache?.get(sid);
      if (cached !== undefined) return fn(null, JSON.parse(cached));
      const token = cache?.begin() ?? 0;
      super.get(sid, (err: unknown, sess?: session.SessionData | null) => {
        if (!err && sess) {
          if (cache) cache.set(sid, JSON.stringify(sess), token, msUntilExpiry(sess));
          // Written (signed in, or changed) less than `touchEveryMs` ago: its stored expiry is
          // already as close to exact as a touch would make it, so the next touch is skipped.
          const sinceWritten = msSinceWritten(sess);
          if (sinceWritten !== undefined && sinceWritten < touchEveryMs)
            touched.set(sid, true, { ttl: touchEveryMs - sinceWritten });
        }
        fn(err, sess);
      });
    }

    override touch(sid: string, sess: session.SessionData, fn?: (err?: unknown) => void): void {
      if (touched.has(sid)) return fn?.();
      super.touch(sid, sess, (err?: unknown) => {
        if (!err) touched.set(sid, true);
        fn?.(err);
      });
    }

    override set(sid: string, sess: session.SessionData, fn?: (err?: unknown) => void): void {
      touched.delete(sid);
      cache?.forget(sid);
      super.set(sid, sess, fn);
    }

    override destroy(sid: string, fn?: (err?: unknown) => void): void {
      touched.delete(sid);
      cache?.forget(sid);
      super.destroy(sid, fn);
    }
  }

  return new ThrottledTouchStore({
    pool,
    tableName: 'session',
    createTableIfMissing: false,
    pruneSessionInterval: 15 * 60,
    // A failed prune (the database briefly away, or the pool closed while shutting down) is retried
    // at the next interval: a warning in the log, not console.error.
    errorLog: (...args: unknown[]) => logger.warn(args.map(String).join(' ')),
  });
}

/** How long ago the session was last written with its cookie (its `expires` then was now + max age). */
function msSinceWritten(sess: session.SessionData): number | undefined {
  const { expires, originalMaxAge } = sess.cookie ?? {};
  if (!expires || !originalMaxAge) return undefined;
  return Math.max(0, Date.now() - (new Date(expires).getTime() - originalMaxAge));
}

/** How long the session's cookie still lives (a cached session must not outlive it). */
function msUntilExpiry(sess: session.SessionData): number | undefined {
  const expires = sess.cookie?.expires;
  return expires ? new Date(expires).getTime() - Date.now() : undefined;
}
