/**
 * At start the worker reads the Redis settings that decide whether queued jobs can be lost, and
 * warns (never stops) when they can:
 * - `maxmemory-policy` other than `noeviction`: at `maxmemory`, Redis may evict Bull's keys (jobs,
 *   locks, ids) without an error, so notifications vanish;
 * - `appendonly no` with `save ""`: nothing is written to disk, so every queued job is gone when
 *   Redis restarts.
 * A Redis that refuses CONFIG (managed services often do) gets a warning that it could not be checked.
 * `assessRedisSettings` is the pure decision; `RedisSettingsCheck` reads and logs.
 */
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bull';
import { QueueName } from '@pratique/contracts';
import type { Queue } from 'bull';
import type Redis from 'ioredis';
import { RedisConnections } from '../queue/redis-connections';

/** The settings read, by their Redis name; a setting Redis did not report is absent. */
export type RedisSettings = Partial<Record<(typeof CHECKED_SETTINGS)[number], string>>;

export const CHECKED_SETTINGS = ['maxmemory-policy', 'appendonly', 'save'] as const;

export type RedisSettingsReading = { settings: RedisSettings } | { refused: string };

export interface RedisSettingsAssessment {
  /** One line each, naming the setting, its value, the risk and the fix. */
  warnings: string[];
  /** A summary of what was read, for the log when all is well. */
  summary: string;
}

const CONF_NOTE = 'and write it in redis.conf so it survives a restart';

/** What the settings mean for Bull's jobs. Pure: no I/O. */
export function assessRedisSettings(reading: RedisSettingsReading): RedisSettingsAssessment {
  if ('refused' in reading)
    return {
      warnings: [
        `Could not check Redis persistence and eviction settings: CONFIG GET was refused (${reading.refused}). ` +
          `Make sure this Redis has maxmemory-policy noeviction and persistence on (appendonly yes), otherwise queued notification jobs can be lost.`,
      ],
      summary: 'settings not checked',
    };
  const s = reading.settings;
  const warnings: string[] = [];
  const missing = CHECKED_SETTINGS.filter((name) => s[name] === undefined);
  if (missing.length)
    warnings.push(
      `Could not check Redis setting(s) ${missing.join(', ')}: CONFIG GET returned nothing for them. ` +
        `Make sure this Redis has maxmemory-policy noeviction and appendonly yes, otherwise queued notification jobs can be lost.`,
    );
  const policy = s['maxmemory-policy'];
  if (policy !== undefined && policy.trim().toLowerCase() !== 'noeviction')
    warnings.push(
      `Redis maxmemory-policy is "${policy}": when Redis reaches maxmemory it may evict Bull's keys, and queued jobs (notifications, e-mails) disappear without an error. ` +
        `Fix: redis-cli CONFIG SET maxmemory-policy noeviction (${CONF_NOTE}).`,
    );
  const appendonly = s.appendonly;
  const save = s.save;
  if (appendonly !== undefined && save !== undefined && appendonly.trim().toLowerCase() !== 'yes' && save.trim() === '')
    warnings.push(
      `Redis persistence is off (appendonly "${appendonly}", save ""): every queued job (notifications, e-mails, reminders) is lost when Redis restarts. ` +
        `Fix: redis-cli CONFIG SET appendonly yes (${CONF_NOTE}).`,
    );
  const summary = CHECKED_SETTINGS.map((name) => `${name} ${s[name] === undefined ? '(unknown)' : `"${s[name]}"`}`).join(', ');
  return { warnings, summary };
}

/** `CONFIG GET name` answers `[name, value]` (nothing for an unknown name). */
export function configValue(reply: unknown, name: string): string | undefined {
  if (!Array.isArray(reply)) return undefined;
  for (let i = 0; i + 1 < reply.length; i += 2) if (String(reply[i]).toLowerCase() === name) return String(reply[i + 1]);
  return undefined;
}

/** A server's error answer (ReplyError), as opposed to a connection that failed. */
const isReplyError = (err: unknown): boolean => (err as { name?: string })?.name === 'ReplyError';

const COMMAND_TIMEOUT_MS = 3_000;
const ATTEMPTS = 3;

/** Reads the settings once Redis is reachable. A server's refusal is a reading; a lost connection is retried. */
export async function readRedisSettings(client: Redis, whenReady: () => Promise<void>): Promise<RedisSettingsReading> {
  let lastError = '';
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    await whenReady();
    try {
      const settings: RedisSettings = {};
      for (const name of CHECKED_SETTINGS) {
        const value = configValue(await withTimeout(client.config('GET', name), COMMAND_TIMEOUT_MS), name);
        if (value !== undefined) settings[name] = value;
      }
      return { settings };
    } catch (err) {
      if (isReplyError(err)) return { refused: (err as Error).message };
      lastError = (err as Error).message;
    }
  }
  return { refused: `no answer after ${ATTEMPTS} attempts: ${lastError}` };
}

@Injectable()
export class RedisSettingsCheck implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RedisSettings');
  private stopping = false;

  constructor(
    @InjectQueue(QueueName.System) private readonly queue: Queue,
    private readonly redis: RedisConnections,
  ) {}

  /** Runs in the background: a Redis still down at start is checked when it comes up; start-up never waits. */
  onApplicationBootstrap(): void {
    void this.check();
  }

  onApplicationShutdown(): void {
    this.stopping = true;
  }

  async check(): Promise<RedisSettingsAssessment | undefined> {
    try {
      const client = this.queue.client;
      const reading = await readRedisSettings(client, () => this.redis.waitUntilReady(client));
      if (this.stopping) return undefined;
      const assessment = assessRedisSettings(reading);
      for (const warning of assessment.warnings) this.logger.warn(warning);
      if (!assessment.warnings.length) this.logger.log(`Redis settings keep jobs safe: ${assessment.summary}.`);
      return assessment;
    } catch (err) {
      // The connection closed (shutdown) or something unforeseen: a check never stops the worker.
      if (!this.stopping) this.logger.warn(`Could not check Redis persistence and eviction settings: ${(err as Error).message}`);
      return undefined;
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
