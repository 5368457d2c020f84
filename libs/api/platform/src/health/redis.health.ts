import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { RedisClient } from '../redis/redis.provider';

@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly redis: RedisClient,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async check(key = 'redis') {
    const up = this.indicator.check(key);
    return (await this.redis.ping()) ? up.up() : up.down({ message: 'Redis is not reachable' });
  }
}
