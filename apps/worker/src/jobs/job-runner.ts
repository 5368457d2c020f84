/**
 * Starts processing every queue once its Redis connection is ready, dispatching each job to its
 * handler by name; on shutdown lets active jobs finish, then closes every Redis connection.
 */
import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bull';
import { QueueName } from '@pratique/contracts';
import type { Job, Queue } from 'bull';
import { WorkerConfig } from '../config/worker-config.service';
import { RedisConnections } from '../queue/redis-connections';
import { JobRegistry } from './job-registry';

@Injectable()
export class JobRunner implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private queues: Queue[] = [];
  private stopping = false;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly registry: JobRegistry,
    private readonly redis: RedisConnections,
    private readonly config: WorkerConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.queues = Object.values(QueueName).map((name) =>
      this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }),
    );
    const concurrency = this.config.get('WORKER_CONCURRENCY');
    for (const queue of this.queues) {
      // Bull's first commands would fail on a client without offline queue: wait for Redis first.
      this.redis
        .waitUntilReady(queue.client)
        .then(() => {
          if (this.stopping) return;
          this.logger.log(`Processing queue "${queue.name}" (concurrency ${concurrency}).`);
          return queue.process('*', concurrency, (job: Job) => this.run(queue.name, job));
        })
        .catch((err: Error) => {
          if (!this.stopping) this.logger.error(`Queue "${queue.name}" stopped processing: ${err.message}`);
        });
      queue.on('failed', (job, err) =>
        this.logger.warn(`Job ${job.name} #${job.id} failed (attempt ${job.attemptsMade}): ${err.message}`),
      );
    }
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.stopping = true;
    this.logger.log(`Stopping${signal ? ` on ${signal}` : ''}: letting active jobs finish…`);
    await Promise.all(this.queues.map((q) => q.close().catch(() => undefined)));
    await this.redis.closeAll();
  }

  onApplicationShutdown(): void {
    this.logger.log('Worker stopped.');
  }

  private async run(queue: string, job: Job): Promise<unknown> {
    const handler = this.registry.get(queue, job.name);
    if (!handler) throw new Error(`No handler for job "${job.name}" on queue "${queue}"`);
    const started = Date.now();
    const result = await handler.handle(job.data);
    this.logger.debug(`Job ${job.name} #${job.id} done in ${Date.now() - started} ms`);
    return result;
  }
}
