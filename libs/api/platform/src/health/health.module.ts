import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { RedisClient } from '../redis/redis.provider';
import { HealthController } from './health.controller';
import { RedisHealthIndicator } from './redis.health';

@Module({
  imports: [TerminusModule.forRoot({ logger: false, errorLogStyle: 'pretty' })],
  controllers: [HealthController],
  providers: [RedisClient, RedisHealthIndicator],
  exports: [RedisClient],
})
export class HealthModule {}
