/**
 * An in-process cache whose entries PostgreSQL invalidates (see cache-invalidation.ts). It answers
 * only while the invalidation connection is live, and a value loaded from the database is kept
 * only if no notice for its key arrived while it was being loaded — so a stale read racing a
 * write is never cached. A TTL bounds what a lost notice could cost.
 */
import { LRUCache } from 'lru-cache';
import { CacheInvalidation } from './cache-invalidation';

export interface InvalidatedCacheOptions {
  /** Entries kept (least recently used forgotten first). */
  max: number;
  ttlMs: number;
}

/** How many invalidations a load may span before it is not cached at all (their keys may be forgotten). */
const RECENT = 10_000;

export class InvalidatedCache<V extends NonNullable<unknown>> {
  private readonly entries: LRUCache<string, V>;
  private readonly forgottenAt = new LRUCache<string, number>({ max: RECENT });
  private seq = 0;
  private clearedAt = 0;

  constructor(
    private readonly invalidation: CacheInvalidation,
    readonly kind: string,
    options: InvalidatedCacheOptions,
  ) {
    this.entries = new LRUCache<string, V>({ max: options.max, ttl: options.ttlMs, ttlAutopurge: false });
    invalidation.subscribe(({ kind: k, key }) => {
      if (k !== kind && k !== '*') return;
      if (key === '*') this.clear();
      else this.forget(key);
    });
  }

  get(key: string): V | undefined {
    return this.invalidation.live ? this.entries.get(key) : undefined;
  }

  /** Call before loading a value from the database; give the token to `set`. */
  begin(): number {
    return this.seq;
  }

  /** Keeps `value` unless `key` (or everything) was invalidated since `token`. */
  set(key: string, value: V, token: number, ttlMs?: number): void {
    if (!this.invalidation.live || this.clearedAt > token || this.seq - token >= RECENT) return;
    if ((this.forgottenAt.get(key) ?? -1) > token) return;
    if (ttlMs !== undefined && ttlMs <= 0) return;
    this.entries.set(
      key,
      value,
      ttlMs === undefined ? undefined : { ttl: Math.min(ttlMs, this.entries.ttl) },
    );
  }

  forget(key: string): void {
    this.forgottenAt.set(key, ++this.seq);
    this.entries.delete(key);
  }

  clear(): void {
    this.clearedAt = ++this.seq;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
