/**
 * A dedicated PostgreSQL connection that LISTENs on `outbox` (the notices of the
 * `outbox_notify` trigger, migration 1700000012000) and calls `onWake` for each of them. When
 * the connection drops (server restart, pg_terminate_backend, network), it reconnects with
 * backoff; after each (re)connection it calls `onWake` once more, because notices sent while it
 * was away are lost. It never throws and never lets a connection error reach the process.
 */
import { Client } from 'pg';

export const OUTBOX_CHANNEL = 'outbox';
/** The listening connection's `application_name`, to find it in pg_stat_activity. */
export const OUTBOX_LISTENER_APPLICATION = 'pratique-outbox-listener';

export interface ListenerLogger {
  log(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
}

export interface OutboxListenerOptions {
  connectionString: string;
  /** A notice arrived (`notice`) or the connection is (again) listening (`connected`). */
  onWake: (reason: 'notice' | 'connected') => void;
  logger: ListenerLogger;
  /** For the log lines: how often the relay polls when it hears nothing. */
  pollMs: number;
  /** First delay before reconnecting, doubled at each failure up to `maxBackoffMs`. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

const noop = () => undefined;

export class OutboxListener {
  private client?: Client;
  private stopped = false;
  private started = false;
  /** Failed connection attempts since the last successful one. */
  private failures = 0;
  /** The connection was lost (or never made): the next success is logged as a recovery. */
  private down = false;
  private retryTimer?: NodeJS.Timeout;
  private connecting?: Promise<void>;
  private triggerChecked = false;

  constructor(private readonly options: OutboxListenerOptions) {}

  /** Whether the connection is currently listening. */
  get listening(): boolean {
    return this.client !== undefined;
  }

  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.connect();
  }

  /** Stops reconnecting and closes the connection (UNLISTEN is implied by the close). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    await this.connecting;
    const client = this.client;
    this.client = undefined;
    if (client) await endQuietly(client);
  }

  private connect(): void {
    this.connecting = this.attempt().finally(() => (this.connecting = undefined));
  }

  private async attempt(): Promise<void> {
    const { connectionString, logger } = this.options;
    const client = new Client({
      connectionString,
      application_name: OUTBOX_LISTENER_APPLICATION,
      // A connection silently cut (no FIN) is noticed by TCP keepalive, not left listening to nothing.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client));
    client.on('notification', (msg) => {
      if (client === this.client && msg.channel === OUTBOX_CHANNEL) this.options.onWake('notice');
    });
    try {
      await client.connect();
      if (!this.triggerChecked) await this.checkTrigger(client);
      // LISTEN last: pg_stat_activity shows it as the connection's query.
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (err) {
      void endQuietly(client);
      this.retry(`could not listen for new outbox rows (${messageOf(err)})`);
      return;
    }
    if (this.stopped) {
      await endQuietly(client);
      return;
    }
    this.client = client;
    if (this.down)
      logger.log(
        `Listening for new outbox rows again (LISTEN ${OUTBOX_CHANNEL}): relaying at once what was written meanwhile.`,
      );
    else
      logger.log(
        `Listening for new outbox rows (LISTEN ${OUTBOX_CHANNEL}); polling every ${this.options.pollMs} ms as a fallback.`,
      );
    this.down = false;
    this.failures = 0;
    this.options.onWake('connected');
  }

  /** Warns once when the notices cannot come (the trigger's migration is not applied): the poll still relays. */
  private async checkTrigger(client: Client): Promise<void> {
    const ok = await client
      .query<{ ok: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = to_regclass('outbox') AND tgname = 'outbox_notify') AS ok`,
      )
      .then(
        (r) => r.rows[0]?.ok,
        () => undefined,
      ); // unknown: asked again at the next connection
    if (ok === undefined) return;
    this.triggerChecked = true;
    if (!ok)
      this.options.logger.warn(
        `The outbox has no "outbox_notify" trigger (run the migrations): new rows are relayed by the poll only, every ${this.options.pollMs} ms.`,
      );
  }

  private lost(client: Client, err?: Error): void {
    // Errors of a connection still being made are handled by `attempt`; those of old ones are over.
    if (client !== this.client) return;
    this.client = undefined;
    void endQuietly(client);
    if (this.stopped) return;
    this.down = true;
    this.retry(
      `lost the connection listening for new outbox rows (${err ? messageOf(err) : 'closed by the server'})`,
    );
  }

  private retry(reason: string): void {
    if (this.stopped) return;
    const initial = this.options.initialBackoffMs ?? 250;
    const max = this.options.maxBackoffMs ?? 30_000;
    const base = Math.min(max, initial * 2 ** Math.min(this.failures, 16));
    const delay = Math.round(base * (0.8 + Math.random() * 0.4));
    this.failures += 1;
    const line = `Outbox relay ${reason}: polling every ${this.options.pollMs} ms meanwhile; reconnecting in ${delay} ms.`;
    // The first failure of an outage is a warning; the retries that follow are details.
    if (this.failures === 1) this.options.logger.warn(line);
    else this.options.logger.debug(line);
    this.down = true;
    this.retryTimer = setTimeout(() => this.connect(), delay);
    this.retryTimer.unref();
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message || err.name : String(err);
}

/** Ends a client without waiting more than a second (a half-open socket may never answer). */
async function endQuietly(client: Client): Promise<void> {
  client.on('error', noop);
  await Promise.race([
    client.end().catch(noop),
    new Promise<void>((resolve) => setTimeout(resolve, 1_000).unref()),
  ]);
}
