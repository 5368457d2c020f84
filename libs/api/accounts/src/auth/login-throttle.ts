/**
 * Rate limits for sign-in and sign-up, per minute: LOGIN_RATE_LIMIT per address and e-mail (stops
 * guessing one member's password), LOGIN_IP_RATE_LIMIT per address (stops trying many accounts from
 * one place). Counters are the platform's shared storage (Redis, memory while Redis is down).
 */
import { ExecutionContext, Injectable, Module } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import type { ThrottlerLimitDetail } from '@nestjs/throttler';
import {
  AppConfig,
  RATE_LIMIT_WINDOW_MS,
  SharedThrottlerStorage,
  tooManyRequests,
} from '@pratique/api/platform';
import type { Response } from 'express';

export const LOGIN_THROTTLER = 'login';
export const LOGIN_WINDOW_MS = RATE_LIMIT_WINDOW_MS;

@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  /** A standard `Retry-After` (the library names it `Retry-After-login`) and the wait in the body. */
  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw tooManyRequests(
      context.switchToHttp().getResponse<Response>(),
      detail.timeToBlockExpire,
      'attempts',
    );
  }
}

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, SharedThrottlerStorage],
      useFactory: (config: AppConfig, storage: SharedThrottlerStorage) => ({
        throttlers: [
          {
            name: LOGIN_THROTTLER,
            ttl: LOGIN_WINDOW_MS,
            limit: config.get('LOGIN_RATE_LIMIT'),
            // The guard runs before validation: the body may hold anything (an object whose toString is not a function…).
            getTracker: (req: Record<string, any>) => {
              const email = req['body']?.email;
              return `${req['ip']}|${typeof email === 'string' ? email.toLowerCase().slice(0, 254) : ''}`;
            },
          },
          { name: `${LOGIN_THROTTLER}-ip`, ttl: LOGIN_WINDOW_MS, limit: config.get('LOGIN_IP_RATE_LIMIT') },
        ],
        storage,
      }),
    }),
  ],
  providers: [LoginThrottlerGuard],
  exports: [LoginThrottlerGuard],
})
export class LoginThrottleModule {}
