/**
 * The real worker against the real Redis: a `system.health-check` job added through a plain Bull
 * queue (as the API does) is processed by the booted WorkerModule and its result comes back.
 * Needs REDIS_URL, DATABASE_URL and a QUEUE_PREFIX unique to the run (set by the jest global setup).
 */
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { HealthCheckJobData, HealthCheckJobResult, JobName, QueueName } from '@pratique/contracts';
import Queue from 'bull';
import { WorkerModule } from '../worker.module';

describe('worker: system.health-check (Redis)', () => {
  const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  const prefix = process.env['QUEUE_PREFIX'] ?? `pratique-test-${process.pid}`;
  let app: INestApplicationContext;
  let queue: Queue.Queue<HealthCheckJobData>;

  beforeAll(async () => {
    process.env['QUEUE_PREFIX'] = prefix;
    app = await NestFactory.createApplicationContext(WorkerModule, { logger: false, abortOnError: false });
    queue = new Queue<HealthCheckJobData>(QueueName.System, redisUrl, { prefix });
  });

  afterAll(async () => {
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await app?.close();
  });

  it('processes a health check and answers with timestamps and the worker id', async () => {
    const requestedAt = new Date().toISOString();
    const job = await queue.add(JobName.HealthCheck, { requestedAt }, { removeOnComplete: true });

    const result = (await job.finished()) as HealthCheckJobResult;

    expect(result.requestedAt).toBe(requestedAt);
    expect(Date.parse(result.processedAt)).toBeGreaterThanOrEqual(Date.parse(requestedAt));
    expect(result.worker).toMatch(/^.+:\d+$/);
  });
});
