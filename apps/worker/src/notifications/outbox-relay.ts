/**
 * The outbox relay: moves unrelayed outbox rows into the `notifications` queue, one fan-out job
 * per row with job id = outbox id (Bull ignores a second job with the same id), and marks them
 * relayed — in one transaction, so when Redis is down the add fails at once (no offline queue),
 * the transaction rolls back and the rows wait in the database. Several workers may relay at
 * once: `FOR UPDATE SKIP LOCKED` gives each its own rows.
 *
 * It wakes up when PostgreSQL announces new rows (LISTEN outbox, on a dedicated connection: the
 * `outbox_notify` trigger NOTIFYs at each insert's commit) and, as a fallback, every
 * OUTBOX_RELAY_INTERVAL_MS after its last pass (rows a failed pass left behind, notices lost while
 * the listening connection was down, a database without the trigger). Notices arriving during a
 * pass ask for one more pass after it, no more.
 */
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bull';
import { fanOutJobId, JOB_RETRY, JobName, NotificationFanOutJobData, QueueName } from '@pratique/contracts';
import type { Queue } from 'bull';
import type { Pool } from 'pg';
import { WorkerConfig } from '../config/worker-config.service';
import { Database, inTransaction } from '../database/database';
import { CoalescedPasses } from './coalesced-passes';
import { OutboxListener } from './outbox-listener';

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
          opts: {
            jobId: fanOutJobId(String(r.id)),
            ...JOB_RETRY,
            removeOnComplete: 1000,
            removeOnFail: 5000,
          },
        })),
      ),
      ADD_TIMEOUT_MS,
    );
    await client.query(`UPDATE outbox SET relayed_at = now() WHERE id = ANY($1::bigint[])`, [
      rows.map((r) => r.id),
    ]);
    return rows.length;
  });
}

@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private timer?: NodeJS.Timeout;
  private stopping = false;
  private failing = false;
  private readonly passes = new CoalescedPasses(
    () => this.pass(),
    (err) => this.logger.error(`Outbox relay pass failed: ${(err as Error).message}`),
  );
  private readonly listener: OutboxListener;

  constructor(
    private readonly db: Database,
    private readonly config: WorkerConfig,
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue,
  ) {
    this.listener = new OutboxListener({
      connectionString: config.get('DATABASE_URL'),
      pollMs: config.get('OUTBOX_RELAY_INTERVAL_MS'),
      logger: this.logger,
      // A notice: rows were committed. (Re)connected: notices may have been missed meanwhile.
      onWake: () => {
        if (!this.stopping) this.passes.request();
      },
    });
  }

  onApplicationBootstrap(): void {
    this.schedule();
    this.listener.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.listener.stop();
    await this.passes.close();
  }

  /** Whether the relay hears PostgreSQL's notices right now (else it relies on its poll). */
  get listening(): boolean {
    return this.listener.listening;
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

  /** The fallback poll: a pass OUTBOX_RELAY_INTERVAL_MS after the last one, whatever woke that one. */
  private schedule(): void {
    clearTimeout(this.timer);
    if (this.stopping) return;
    this.timer = setTimeout(() => this.passes.request(), this.config.get('OUTBOX_RELAY_INTERVAL_MS'));
  }

  private async pass(): Promise<void> {
    clearTimeout(this.timer);
    try {
      await this.tick();
    } finally {
      this.schedule();
    }
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
