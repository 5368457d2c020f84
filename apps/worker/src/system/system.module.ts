import { Module } from '@nestjs/common';
import { HealthCheckJob } from './health-check.job';

/** Jobs of the `system` queue. */
@Module({ providers: [HealthCheckJob] })
export class SystemJobsModule {}
