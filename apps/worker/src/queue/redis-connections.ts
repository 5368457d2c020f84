/**
 * Every Redis connection the worker's Bull queues use, created here so that:
 * - producers never hang when Redis is down (`enableOfflineQueue: false` on the command client),
 *   while the subscriber and the blocking client wait (`maxRetriesPerRequest: null`, as Bull needs);
 * - an unreachable Redis is reported once, in one line naming the fix, and its return once;
 * - shutdown can close every connection (Bull only closes the clients it created itself).
 */
import { Injectable, Logger } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';

export const REDIS_RETRY_MS = 5_000;

type BullClientType = 'client' | 'subscriber' | 'bclient';

@Injectable()
export class RedisConnections {
  private readonly logger = new Logger('Redis');
  private readonly clients = new Set<Redis>();
  private down = false;
  private everReady = false;
  private url = '';

  /** The `createClient` Bull calls for each queue connection. */
  createClient(url: string, type: BullClientType): Redis {
    this.url = url;
    const base: RedisOptions = {
      connectionName: `pratique-worker-${type}`,
      retryStrategy: () => REDIS_RETRY_MS,
      // Bull: the subscriber and blocking client must wait for Redis instead of failing commands.
      ...(type === 'client'
        ? { enableOfflineQueue: false, maxRetriesPerRequest: 1 }
        : { enableReadyCheck: false, maxRetriesPerRequest: null }),
    };
    const client = new Redis(url, base);
    client.on('error', (err: NodeJS.ErrnoException) => this.onError(err));
    client.on('ready', () => this.onReady());
    // Kept until closeAll, even after 'end': Bull's pause() disconnects the blocking client and
    // connects it again.
    this.clients.add(client);
    return client;
  }

  /** Resolves when a client is connected and ready; never rejects while Redis is merely down. */
  waitUntilReady(client: Redis): Promise<void> {
    if (client.status === 'ready') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onReady = () => {
        client.off('end', onEnd);
        resolve();
      };
      const onEnd = () => {
        client.off('ready', onReady);
        reject(new Error('Redis connection closed'));
      };
      client.once('ready', onReady);
      client.once('end', onEnd);
    });
  }

  async closeAll(): Promise<void> {
    await Promise.all(
      [...this.clients].map(async (client) => {
        if (client.status === 'ready') {
          await Promise.race([client.quit().catch(() => undefined), delay(500)]);
        }
        client.disconnect();
      }),
    );
    this.clients.clear();
  }

  private onError(err: NodeJS.ErrnoException): void {
    if (this.down) return;
    this.down = true;
    const code = err.code ?? err.message;
    this.logger.warn(
      `Redis is not reachable at ${redactUrl(this.url)} (${code}) — start it (redis-server, or docker compose up -d) or set REDIS_URL; retrying every ${REDIS_RETRY_MS / 1000} s…`,
    );
  }

  private onReady(): void {
    if (this.down || !this.everReady) {
      this.logger.log(`Connected to Redis at ${redactUrl(this.url)}.`);
    }
    this.down = false;
    this.everReady = true;
  }
}

/** Hides a password in a Redis URL before it reaches the logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):([^@/]+)@/, '//$1:***@');
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
