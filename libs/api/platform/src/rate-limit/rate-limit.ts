/**
 * Rate limits, counted in Redis so every copy of the API shares them (in this process's memory
 * while Redis is down, rather than failing the request). Sign-in and sign-up use @nestjs/throttler's
 * guard over this storage (accounts' login-throttle.ts); other routes declare `@RateLimit(name)`:
 * uploads and seminar registrations per member, search per member (or address when anonymous).
 * Every refusal is a 429 with `Retry-After` (seconds) and `retryAfterSeconds` in the body.
 */
import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  Global,
  HttpException,
  HttpStatus,
  Injectable,
  Logger,
  Module,
  OnModuleDestroy,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config.service';
import { AppEnv } from '../config/env.schema';

export const RATE_LIMIT_WINDOW_MS = 60_000;

type StorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

@Injectable()
export class SharedThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly logger = new Logger('RateLimit');
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
      this.logger.warn('Redis unavailable: rate limits are counted per API process until it returns.');
    }
    return this.memory.increment(key, ttl, limit, blockDuration, name);
  }
}

/** The 429 every limit answers: the standard header plus the same figure in the body. */
export function tooManyRequests(res: Response, retryAfterSeconds: number, what: string): HttpException {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  res.setHeader('Retry-After', String(seconds));
  return new HttpException(
    {
      statusCode: HttpStatus.TOO_MANY_REQUESTS,
      error: 'Too Many Requests',
      message: `Too many ${what}: try again in ${seconds} s`,
      retryAfterSeconds: seconds,
    },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}

/** Named limits of non-auth routes: the variable that sets each (per minute) and what the message calls it. */
export const RATE_LIMITS = {
  upload: { env: 'UPLOAD_RATE_LIMIT', what: 'uploads' },
  search: { env: 'SEARCH_RATE_LIMIT', what: 'searches' },
  registration: { env: 'REGISTRATION_RATE_LIMIT', what: 'registration attempts' },
} as const satisfies Record<string, { env: keyof AppEnv; what: string }>;
export type RateLimitName = keyof typeof RATE_LIMITS;

interface RateLimitMeta {
  name: RateLimitName;
  /** Counts only requests this returns true for (e.g. a search with a query). */
  when?: (req: Request) => boolean;
}
const RATE_LIMIT = Symbol('rate-limit');

/** Limits a route per member (per address when anonymous), `<NAME>_RATE_LIMIT` requests a minute. */
export function RateLimit(name: RateLimitName, when?: RateLimitMeta['when']) {
  return applyDecorators(
    SetMetadata(RATE_LIMIT, { name, when } satisfies RateLimitMeta),
    UseGuards(RateLimitGuard),
    ApiTooManyRequestsResponse({ description: 'Too many requests: wait the Retry-After seconds' }),
  );
}

/** A search counts only when it has a query. */
export const hasSearchQuery = (req: Request): boolean => typeof req.query['q'] === 'string' && req.query['q'].trim() !== '';

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly storage: SharedThrottlerStorage,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const meta = this.reflector.get<RateLimitMeta | undefined>(RATE_LIMIT, context.getHandler());
    if (!meta) return true;
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    if (meta.when && !meta.when(req)) return true;
    const limit = this.config.get(RATE_LIMITS[meta.name].env) as number;
    const userId = (req.user as { id?: string } | undefined)?.id;
    const key = `${meta.name}:${userId ? `u:${userId}` : `ip:${req.ip}`}`;
    const record = await this.storage.increment(key, RATE_LIMIT_WINDOW_MS, limit, RATE_LIMIT_WINDOW_MS, meta.name);
    if (record.isBlocked) throw tooManyRequests(http.getResponse<Response>(), record.timeToBlockExpire, RATE_LIMITS[meta.name].what);
    return true;
  }
}

@Global()
@Module({ providers: [SharedThrottlerStorage, RateLimitGuard], exports: [SharedThrottlerStorage, RateLimitGuard] })
export class RateLimitModule {}
