/**
 * Seminar reminders as delayed Bull jobs: 48 h before the start (registered members) and 24 h
 * before registration closes (eligible members not registered). Each seminar has at most one job
 * of each kind (`reminder:<kind>:<seminar>`); when the seminar is saved or cancelled its jobs are
 * replaced or removed. A job that runs anyway after a change finds its time stale and does
 * nothing; a reminder event is written once per seminar, kind and time (`dedupe_key`).
 */
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bull';
import {
  DomainEventType,
  JOB_RETRY,
  JobName,
  QueueName,
  REMINDER_LEAD_MS,
  ReminderKind,
  reminderJobId,
  SeminarReminderJobData,
  SeminarReminderJobResult,
  SeminarStatus,
} from '@pratique/contracts';
import type { Queue } from 'bull';
import { Database } from '../database/database';
import { HandlesJob, JobHandler } from '../jobs/job-handler';
import { RedisConnections } from '../queue/redis-connections';

interface SeminarTimes {
  id: string;
  status: SeminarStatus;
  region_id: string;
  starts_at: Date;
  registration_closes_at: Date;
}

const KINDS: readonly ReminderKind[] = ['starts', 'closes'];
const EVENT_OF: Record<ReminderKind, DomainEventType.SeminarStartsSoon | DomainEventType.SeminarRegistrationClosesSoon> = {
  starts: DomainEventType.SeminarStartsSoon,
  closes: DomainEventType.SeminarRegistrationClosesSoon,
};

/** The time a reminder of this kind refers to, or null when the seminar should not have one. */
export function reminderTime(s: SeminarTimes, kind: ReminderKind): Date | null {
  if (kind === 'starts') return [SeminarStatus.Open, SeminarStatus.Closed].includes(s.status) ? s.starts_at : null;
  return s.status === SeminarStatus.Open ? s.registration_closes_at : null;
}

@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly db: Database,
    private readonly redis: RedisConnections,
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue,
  ) {}

  /** On start, every upcoming seminar gets its jobs (Redis may have lost them). */
  onApplicationBootstrap(): void {
    this.redis
      .waitUntilReady(this.queue.client)
      .then(() => this.rescheduleUpcoming())
      .then((n) => this.logger.log(`Reminders checked for ${n} upcoming seminar(s).`))
      .catch((err: Error) => this.logger.warn(`Reminders not checked at start: ${err.message}`));
  }

  async rescheduleUpcoming(): Promise<number> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT id FROM seminar WHERE status IN ('${SeminarStatus.Open}', '${SeminarStatus.Closed}') AND starts_at > now()`,
    );
    for (const r of rows) await this.reschedule(r.id);
    return rows.length;
  }

  /** Makes the seminar's reminder jobs match it now: added, moved, or removed. */
  async reschedule(seminarId: string, now = Date.now()): Promise<void> {
    const [s] = await this.db.query<SeminarTimes>(
      `SELECT id, status, region_id, starts_at, registration_closes_at FROM seminar WHERE id = $1`,
      [seminarId],
    );
    for (const kind of KINDS) {
      const jobId = reminderJobId(kind, seminarId);
      const at = s ? reminderTime(s, kind) : null;
      const existing = await this.queue.getJob(jobId);
      if (existing) {
        const same = at && (existing.data as SeminarReminderJobData).at === at.toISOString();
        if (same && (await existing.isDelayed())) continue;
        // An active job cannot be removed; it will find itself stale if the time changed.
        await existing.remove().catch(() => undefined);
      }
      if (!at || at.getTime() <= now) continue;
      const data: SeminarReminderJobData = { seminarId, kind, at: at.toISOString() };
      await this.queue.add(JobName.SeminarReminder, data, {
        jobId,
        delay: Math.max(0, at.getTime() - REMINDER_LEAD_MS[kind] - now),
        ...JOB_RETRY,
        removeOnComplete: true,
        removeOnFail: 5000,
      });
    }
  }
}

@Injectable()
@JobHandler({ queue: QueueName.Notifications, name: JobName.SeminarReminder })
export class SeminarReminderJob implements HandlesJob<SeminarReminderJobData, SeminarReminderJobResult> {
  constructor(private readonly db: Database) {}

  async handle({ seminarId, kind, at }: SeminarReminderJobData): Promise<SeminarReminderJobResult> {
    const [s] = await this.db.query<SeminarTimes>(
      `SELECT id, status, region_id, starts_at, registration_closes_at FROM seminar WHERE id = $1`,
      [seminarId],
    );
    const current = s ? reminderTime(s, kind) : null;
    if (!current || current.toISOString() !== at || current.getTime() <= Date.now()) return { written: false, skipped: 'stale' };
    const type = EVENT_OF[kind];
    const rows = await this.db.query(
      `INSERT INTO outbox (type, payload, dedupe_key) VALUES ($1, $2, $3)
       ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING RETURNING id`,
      [type, JSON.stringify({ seminarId, regionId: s!.region_id, at }), `${type}:${seminarId}:${at}`],
    );
    return rows.length ? { written: true } : { written: false, skipped: 'already-written' };
  }
}
