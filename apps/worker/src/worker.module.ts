/** The worker: Bull queues from the contracts, one handler per job, the outbox relay, no HTTP. */
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { BullModule } from '@nestjs/bull';
import { JOB_RETRY } from '@pratique/contracts';
import { WorkerConfig } from './config/worker-config.service';
import { WorkerConfigModule } from './config/worker-config.module';
import { DatabaseModule } from './database/database';
import { JobRegistry } from './jobs/job-registry';
import { JobRunner } from './jobs/job-runner';
import { WorkerLoggingModule } from './logging/logging.module';
import { NotificationsJobsModule } from './notifications/notifications.module';
import { QueueConnectionModule } from './queue/queue-connection.module';
import { QueuesModule } from './queue/queues.module';
import { RedisConnections } from './queue/redis-connections';
import { SystemJobsModule } from './system/system.module';

@Module({
  imports: [
    WorkerConfigModule,
    WorkerLoggingModule,
    DiscoveryModule,
    QueueConnectionModule,
    BullModule.forRootAsync({
      imports: [QueueConnectionModule],
      inject: [WorkerConfig, RedisConnections],
      useFactory: (config: WorkerConfig, redis: RedisConnections) => ({
        prefix: config.get('QUEUE_PREFIX'),
        createClient: (type) => redis.createClient(config.get('REDIS_URL'), type),
        defaultJobOptions: { ...JOB_RETRY, removeOnComplete: 1000, removeOnFail: 5000 },
        // A worker killed mid-job holds its jobs this long; then another worker takes them over.
        settings: { lockDuration: config.get('JOB_LOCK_MS'), stalledInterval: config.get('JOB_LOCK_MS') },
      }),
    }),
    QueuesModule,
    DatabaseModule,
    SystemJobsModule,
    NotificationsJobsModule,
  ],
  providers: [JobRegistry, JobRunner],
})
export class WorkerModule {}
