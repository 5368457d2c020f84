/**
 * The API's in-memory caches (sessions, actors) are told by PostgreSQL what to forget: triggers
 * (migration 1700000012200) NOTIFY `pratique_cache` at commit, and each API process LISTENs on a
 * connection of its own. While that connection is down a notice could be missed, so the caches
 * are bypassed (`live` is false) and emptied again when it comes back.
 */
import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { Client } from 'pg';
import { AppConfig } from '../config/app-config.service';

export const CACHE_CHANNEL = 'pratique_cache';

/** What a notice names: one key of one kind of cache, or every key of it (`*`). */
export interface Invalidation {
  kind: string;
  key: string | '*';
}

export type InvalidationListener = (invalidation: Invalidation) => void;

/** Parses `kind:key` (the key may itself contain colons, as session ids can). */
export function parseInvalidation(payload: string): Invalidation | null {
  const at = payload.indexOf(':');
  if (at <= 0 || at === payload.length - 1) return null;
  return { kind: payload.slice(0, at), key: payload.slice(at + 1) };
}

const BARRIER = 'barrier:';
const RECONNECT_MS = [100, 500, 1000, 2000, 5000];

@Injectable()
export class CacheInvalidation implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('CacheInvalidation');
  private readonly listeners: InvalidationListener[] = [];
  private client: Client | null = null;
  private attempt = 0;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private wasLive = false;
  private readonly barriers = new Map<string, () => void>();
  /** One statement at a time on the listening connection (pg queues them, but warns). */
  private sending: Promise<unknown> = Promise.resolve();
  /** True while notices are being received: only then may a cache answer from memory. */
  live = false;

  constructor(private readonly config: AppConfig) {}

  onModuleInit(): void {
    void this.connect();
  }

  /** `fn` is called for each notice, and with `*` for every kind when notices may have been missed. */
  subscribe(fn: InvalidationListener): void {
    this.listeners.push(fn);
  }

  /** The same as a notice, for this process only (a write it made that must show on its next request). */
  publishLocally(invalidation: Invalidation): void {
    for (const fn of this.listeners) fn(invalidation);
  }

  /**
   * Resolves once every notice of a transaction that committed before this call has been
   * received. PostgreSQL delivers notices in commit order, so a notice of our own is a barrier.
   * Production does not need it (another process's write shows a few milliseconds later); tests
   * that write with SQL and then send a request do, or they would race the notice.
   */
  async caughtUp(timeoutMs = 2000): Promise<void> {
    const client = this.client;
    if (!client || !this.live) return; // the caches are bypassed: nothing to wait for
    const id = randomUUID();
    let timer: NodeJS.Timeout | undefined;
    const received = new Promise<void>((resolve) => {
      this.barriers.set(id, resolve);
      timer = setTimeout(resolve, timeoutMs);
    });
    try {
      const sent = this.sending.then(() =>
        client.query(`SELECT pg_notify($1, $2)`, [CACHE_CHANNEL, BARRIER + id]),
      );
      this.sending = sent.catch(() => undefined);
      await sent;
      await received;
    } catch {
      // The connection dropped: `dropped` has already bypassed and emptied the caches.
    } finally {
      clearTimeout(timer);
      this.barriers.delete(id);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.setLive(false);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.config.get('DATABASE_URL'),
      application_name: 'pratique-cache-listener',
    });
    client.on('error', () => this.dropped(client));
    client.on('end', () => this.dropped(client));
    client.on('notification', (n) => {
      if (n.channel === CACHE_CHANNEL && n.payload?.startsWith(BARRIER)) {
        this.barriers.get(n.payload.slice(BARRIER.length))?.();
        return;
      }
      const invalidation = n.channel === CACHE_CHANNEL && n.payload ? parseInvalidation(n.payload) : null;
      if (invalidation) this.publishLocally(invalidation);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CACHE_CHANNEL}`);
    } catch (err) {
      await client.end().catch(() => undefined);
      this.retry(`cannot listen for cache invalidations (${(err as Error).message})`);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.attempt = 0;
    // Whatever changed while nobody listened is unknown: start from empty caches.
    this.flushAll();
    this.setLive(true);
  }

  private dropped(client: Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.setLive(false);
    this.flushAll();
    client.end().catch(() => undefined);
    this.retry('the cache-invalidation connection to PostgreSQL dropped');
  }

  private retry(reason: string): void {
    if (this.stopped) return;
    const delay = RECONNECT_MS[Math.min(this.attempt++, RECONNECT_MS.length - 1)];
    if (this.attempt === 1)
      this.logger.warn(
        `${reason}: in-memory session and actor caches are bypassed until it is back (retrying)`,
      );
    this.timer = setTimeout(() => void this.connect(), delay);
    this.timer.unref();
  }

  private setLive(live: boolean): void {
    this.live = live;
    if (live && !this.wasLive && this.attempt === 0) this.logger.log('listening for cache invalidations');
    this.wasLive = live;
  }

  private flushAll(): void {
    this.publishLocally({ kind: '*', key: '*' });
  }
}
