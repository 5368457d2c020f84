/**
 * The API's handles on the worker's Bull queues, for the admins' counts and the queue dashboard
 * only (the API never processes jobs). No offline queue: with Redis down a call fails at once.
 */
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@pratique/api/platform';
import { QueueCounts, QueueName } from '@pratique/contracts';
import Bull, { Queue } from 'bull';
import Redis, { RedisOptions } from 'ioredis';

const COUNTS_TIMEOUT_MS = 1500;

@Injectable()
export class ApiQueues implements OnApplicationShutdown {
  private readonly logger = new Logger('Queues');
  readonly all: Queue[];
  private readonly clients: Redis[] = [];
  private reportedDown = false;

  constructor(config: AppConfig) {
    const url = config.get('REDIS_URL');
    const options: RedisOptions = { enableOfflineQueue: false, maxRetriesPerRequest: null, enableReadyCheck: false, retryStrategy: () => 5000 };
    this.all = Object.values(QueueName).map((name) =>
      new Bull(name, {
        prefix: config.get('QUEUE_PREFIX'),
        createClient: () => {
          const client = new Redis(url, options);
          client.on('error', () => this.reportDown());
          this.clients.push(client);
          return client;
        },
      }),
    );
    for (const q of this.all) q.on('error', () => this.reportDown());
  }

  /** Each queue's job counts; throws when Redis does not answer in time. */
  async counts(): Promise<QueueCounts[]> {
    return Promise.all(
      this.all.map(async (q) => {
        const c = await withTimeout(q.getJobCounts(), COUNTS_TIMEOUT_MS);
        return { name: q.name, waiting: c.waiting, active: c.active, delayed: c.delayed, failed: c.failed, completed: c.completed };
      }),
    );
  }

  private reportDown(): void {
    if (this.reportedDown) return;
    this.reportedDown = true;
    this.logger.warn('Redis does not answer: queue counts and the queue dashboard are unavailable until it is back.');
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.all.map((q) => q.close().catch(() => undefined)));
    // Bull leaves the connections made by `createClient` to their maker.
    for (const client of this.clients) client.disconnect();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
