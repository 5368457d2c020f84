import { Injectable } from '@nestjs/common';
import { CacheInvalidation } from './cache-invalidation';
import { InvalidatedCache } from './invalidated-cache';

/** Recent sessions by id, as the JSON the store holds (parsed anew for each request). */
@Injectable()
export class SessionCache extends InvalidatedCache<string> {
  constructor(invalidation: CacheInvalidation) {
    super(invalidation, 'session', { max: 50_000, ttlMs: 5 * 60 * 1000 });
  }
}
