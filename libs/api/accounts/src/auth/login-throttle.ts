/**
 * Rate limits for sign-in and sign-up, per minute: LOGIN_RATE_LIMIT per address and e-mail,
 * LOGIN_IP_RATE_LIMIT per address.
 * Counters live in Redis so every copy of the API shares them; when Redis is down they fall
 * back to this process's memory rather than failing the login.
 */
import { Injectable, Logger, Module, OnModuleDestroy } from '@nestjs/common';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { ThrottlerGuard, ThrottlerModule, ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { AppConfig } from '@pratique/api/platform';
import Redis from 'ioredis';

export const LOGIN_THROTTLER = 'login';
export const LOGIN_WINDOW_MS = 60_000;

type StorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

@Injectable()
export class SharedThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly logger = new Logger('Throttler');
  private readonly memory = new ThrottlerStorageService();
  private readonly client: Redis;
  private readonly redis: ThrottlerStorageRedisService;
  private warned = false;

  constructor(config: AppConfig) {
    const keyPrefix = `${config.get('QUEUE_PREFIX')}:throttle:`;
    this.client = new Redis(config.get('REDIS_URL'), { keyPrefix, lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: () => 5000 });
    this.client.on('error', () => undefined);
    this.client.connect().catch(() => undefined);
    this.redis = new ThrottlerStorageRedisService(this.client);
  }

  onModuleDestroy(): void {
    this.client.disconnect();
    this.memory.onApplicationShutdown();
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, name: string): Promise<StorageRecord> {
    if (this.client.status === 'ready') {
      try {
        return await this.redis.increment(key, ttl, limit, blockDuration, name);
      } catch {
        /* fall through to memory */
      }
    }
    if (!this.warned) {
      this.warned = true;
      this.logger.warn('Redis unavailable: login rate limits are counted per API process until it returns.');
    }
    return this.memory.increment(key, ttl, limit, blockDuration, name);
  }
}

@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {}

/** Owns the storage so Nest closes its Redis connection at shutdown. */
@Module({ providers: [SharedThrottlerStorage], exports: [SharedThrottlerStorage] })
class ThrottlerStorageModule {}

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [ThrottlerStorageModule],
      inject: [AppConfig, SharedThrottlerStorage],
      useFactory: (config: AppConfig, storage: SharedThrottlerStorage) => ({
        throttlers: [
          // Per account and address: stops guessing one member's password.
          {
            name: LOGIN_THROTTLER,
            ttl: LOGIN_WINDOW_MS,
            limit: config.get('LOGIN_RATE_LIMIT'),
            getTracker: (req: Record<string, any>) => `${req['ip']}|${String(req['body']?.email ?? '').toLowerCase().slice(0, 254)}`,
          },
          // Per address: stops trying many accounts from one place.
          { name: `${LOGIN_THROTTLER}-ip`, ttl: LOGIN_WINDOW_MS, limit: config.get('LOGIN_IP_RATE_LIMIT') },
        ],
        storage,
        errorMessage: 'Too many attempts: wait a minute and try again',
      }),
    }),
  ],
  providers: [LoginThrottlerGuard],
  exports: [LoginThrottlerGuard],
})
export class LoginThrottleModule {}
