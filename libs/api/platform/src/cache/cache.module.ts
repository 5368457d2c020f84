import { Global, Module } from '@nestjs/common';
import { CacheInvalidation } from './cache-invalidation';
import { SessionCache } from './session-cache';

/** The invalidation listener and the caches built on it, one of each per API process. */
@Global()
@Module({
  providers: [CacheInvalidation, SessionCache],
  exports: [CacheInvalidation, SessionCache],
})
export class CacheModule {}
