/**
 * One ioredis client for the API's own checks. No offline queue: when Redis is down a command
 * fails at once instead of hanging, and the client reconnects quietly in the background.
 */
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config.service';

@Injectable()
export class RedisClient implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  readonly client: Redis;
  private reportedDown = false;

  constructor(@Inject(AppConfig) config: AppConfig) {
    const url = config.get('REDIS_URL');
    this.client = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: () => 5000,
    });
    this.client.on('error', () => {
      if (!this.reportedDown) {
        this.reportedDown = true;
        this.logger.warn(
          `Redis is not reachable at ${url}: queued work waits in the database. Start redis-server, run \`docker compose up -d\`, or set REDIS_URL.`,
        );
      }
    });
    this.client.on('ready', () => {
      if (this.reportedDown) this.logger.log('Redis is reachable again.');
      this.reportedDown = false;
    });
    this.client.connect().catch(() => undefined);
  }

  /** PONG within the timeout (waiting for a connection still being made), false otherwise. */
  async ping(timeoutMs = 1000): Promise<boolean> {
    try {
      const pong = await Promise.race([
        this.whenReady().then(() => this.client.ping()),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs).unref()),
      ]);
      return pong === 'PONG';
    } catch {
      return false;
    }
  }

  private whenReady(): Promise<void> {
    if (this.client.status === 'ready') return Promise.resolve();
    if (!['connecting', 'connect', 'wait', 'reconnecting'].includes(this.client.status)) return Promise.reject(new Error('closed'));
    return new Promise((resolve) => this.client.once('ready', () => resolve()));
  }

  async onApplicationShutdown(): Promise<void> {
    this.client.disconnect();
  }
}
