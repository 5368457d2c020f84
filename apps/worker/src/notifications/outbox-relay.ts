/**
 * The outbox relay: every OUTBOX_RELAY_INTERVAL_MS, moves unrelayed outbox rows into the
 * `notifications` queue, one fan-out job per row with job id = outbox id (Bull ignores a second
 * job with the same id), and marks them relayed — in one transaction, so when Redis is down the
 * add fails at once (no offline queue), the transaction rolls back and the rows wait in the
 * database. Several workers may relay at once: `FOR UPDATE SKIP LOCKED` gives each its own rows.
 */
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bull';
import { fanOutJobId, JOB_RETRY, JobName, NotificationFanOutJobData, QueueName } from '@pratique/contracts';
import type { Queue } from 'bull';
import type { Pool } from 'pg';
import { WorkerConfig } from '../config/worker-config.service';
import { Database, inTransaction } from '../database/database';

export const RELAY_BATCH_SIZE = 200;
/** An add that neither succeeds nor fails within this time counts as failed (the rows wait). */
const ADD_TIMEOUT_MS = 5_000;

/** Relays one batch; returns how many rows were relayed. Throws (and relays nothing) when the queue is unreachable. */
export async function relayOutboxBatch(pool: Pool, queue: Queue, limit = RELAY_BATCH_SIZE): Promise<number> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM outbox WHERE relayed_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    if (!rows.length) return 0;
    await withTimeout(
      queue.addBulk(
        rows.map((r) => ({
          name: JobName.NotificationFanOut,
          data: { outboxId: String(r.id) } satisfies NotificationFanOutJobData,
          opts: { jobId: fanOutJobId(String(r.id)), ...JOB_RETRY, removeOnComplete: 1000, removeOnFail: 5000 },
        })),
      ),
      ADD_TIMEOUT_MS,
    );
    await client.query(`UPDATE outbox SET relayed_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
    return rows.length;
  });
}

@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopping = false;
  private failing = false;

  constructor(
    private readonly db: Database,
    private readonly config: WorkerConfig,
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Relays until the outbox has no unrelayed row left (or the queue is unreachable). */
  async relayAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await relayOutboxBatch(this.db.pool, this.queue);
      total += n;
      if (n < RELAY_BATCH_SIZE || this.stopping) return total;
    }
  }

  private schedule(): void {
    if (this.stopping) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = undefined;
        this.schedule();
      });
    }, this.config.get('OUTBOX_RELAY_INTERVAL_MS'));
  }

  private async tick(): Promise<void> {
    try {
      const n = await this.relayAll();
      if (this.failing) this.logger.log('Relaying outbox events again.');
      this.failing = false;
      if (n) this.logger.debug(`Relayed ${n} outbox event(s).`);
    } catch (err) {
      if (!this.failing && !this.stopping)
        this.logger.warn(`Outbox events wait in the database: ${(err as Error).message}`);
      this.failing = true;
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the queue did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
