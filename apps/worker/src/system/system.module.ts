import { Module } from '@nestjs/common';
import { HealthCheckJob } from './health-check.job';
import { RedisSettingsCheck } from './redis-settings';

/** Jobs of the `system` queue, and the start-up check of Redis's persistence and eviction settings. */
@Module({ providers: [HealthCheckJob, RedisSettingsCheck] })
export class SystemJobsModule {}
