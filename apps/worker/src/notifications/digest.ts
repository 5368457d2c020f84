/**
 * The daily digest: a repeatable job (DIGEST_CRON in DIGEST_TIME_ZONE) finds the members with
 * notifications routed to the digest and not e-mailed yet, and adds one digest e-mail job per
 * member and day. The e-mail job locks the member's undigested items (`email_delivery`, kind
 * `digest`), sends one e-mail listing them all, and stamps them sent in the same transaction: a
 * retried or duplicated job finds nothing left to send.
 */
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bull';
import {
  DigestEmailJobData,
  DigestEmailJobResult,
  digestEmailJobId,
  JOB_RETRY,
  JobName,
  Language,
  NotificationChannel,
  NotificationPayload,
  NotificationType,
  QueueName,
} from '@pratique/contracts';
import type { Queue } from 'bull';
import { WorkerConfig } from '../config/worker-config.service';
import { Database } from '../database/database';
import { HandlesJob, JobHandler } from '../jobs/job-handler';
import { RedisConnections } from '../queue/redis-connections';
import { renderDigest } from './email-templates';
import { Mailer, messageId } from './mailer';

/** Items older than this are not e-mailed any more (they stay in the app). */
const DIGEST_MAX_AGE = '7 days';
const DIGEST_JOB_ID = 'digest-daily';

@Injectable()
export class DigestScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('Digest');

  constructor(
    private readonly config: WorkerConfig,
    private readonly redis: RedisConnections,
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue,
  ) {}

  /** Registers the repeatable job (Bull keeps one per name, cron and zone, however many workers start). */
  onApplicationBootstrap(): void {
    const cron = this.config.get('DIGEST_CRON');
    const tz = this.config.get('DIGEST_TIME_ZONE');
    this.redis
      .waitUntilReady(this.queue.client)
      .then(() => this.queue.add(JobName.DigestDaily, {}, { jobId: DIGEST_JOB_ID, repeat: { cron, tz }, removeOnComplete: 30, removeOnFail: 30 }))
      .then(() => this.logger.log(`Daily digest scheduled (${cron}, ${tz}).`))
      .catch((err: Error) => this.logger.warn(`Daily digest not scheduled: ${err.message}`));
  }
}

@Injectable()
@JobHandler({ queue: QueueName.Notifications, name: JobName.DigestDaily })
export class DigestDailyJob implements HandlesJob<Record<string, never>, { members: number }> {
  constructor(
    private readonly db: Database,
    private readonly config: WorkerConfig,
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue,
  ) {}

  async handle(): Promise<{ members: number }> {
    const rows = await this.db.query<{ user_id: string; day: string }>(
      `SELECT DISTINCT n.user_id, to_char(now() AT TIME ZONE $1, 'YYYY-MM-DD') AS day
         FROM notification n
        WHERE n.channel = '${NotificationChannel.Digest}' AND n.created_at > now() - interval '${DIGEST_MAX_AGE}'
          AND NOT EXISTS (SELECT 1 FROM email_delivery d
                           WHERE d.outbox_id = n.outbox_id AND d.user_id = n.user_id AND d.kind = 'digest' AND d.sent_at IS NOT NULL)`,
      [this.config.get('DIGEST_TIME_ZONE')],
    );
    if (rows.length)
      await this.queue.addBulk(
        rows.map((r) => ({
          name: JobName.DigestEmail,
          data: { userId: r.user_id } satisfies DigestEmailJobData,
          opts: { jobId: digestEmailJobId(r.user_id, r.day), ...JOB_RETRY, removeOnComplete: 1000, removeOnFail: 5000 },
        })),
      );
    return { members: rows.length };
  }
}

@Injectable()
@JobHandler({ queue: QueueName.Notifications, name: JobName.DigestEmail })
export class DigestEmailJob implements HandlesJob<DigestEmailJobData, DigestEmailJobResult> {
  constructor(
    private readonly db: Database,
    private readonly mailer: Mailer,
    private readonly config: WorkerConfig,
  ) {}

  handle({ userId }: DigestEmailJobData): Promise<DigestEmailJobResult> {
    return this.db.transaction(async (c) => {
      await c.query(
        `INSERT INTO email_delivery (outbox_id, user_id, kind)
         SELECT n.outbox_id, n.user_id, 'digest' FROM notification n
          WHERE n.user_id = $1 AND n.channel = '${NotificationChannel.Digest}' AND n.created_at > now() - interval '${DIGEST_MAX_AGE}'
         ON CONFLICT DO NOTHING`,
        [userId],
      );
      const { rows: items } = await c.query<{ outbox_id: string; type: NotificationType; payload: NotificationPayload; created_at: Date }>(
        `SELECT n.outbox_id, n.type, n.payload, n.created_at
           FROM email_delivery d JOIN notification n ON n.outbox_id = d.outbox_id AND n.user_id = d.user_id
          WHERE d.user_id = $1 AND d.kind = 'digest' AND d.sent_at IS NULL
          ORDER BY n.id
          FOR UPDATE OF d`,
        [userId],
      );
      if (!items.length) return { sent: false, items: 0 };
      const { rows: [u] } = await c.query<{ email: string; display_name: string; preferred_language: Language }>(
        `SELECT email, display_name, preferred_language FROM app_user WHERE id = $1 AND deleted_at IS NULL AND suspended_at IS NULL`,
        [userId],
      );
      if (!u) return { sent: false, items: 0 };
      const mail = renderDigest({
        language: u.preferred_language,
        displayName: u.display_name,
        publicUrl: this.config.get('PUBLIC_URL').replace(/\/+$/, ''),
        items: items.map((i) => ({ type: i.type, payload: i.payload })),
      });
      const ids = items.map((i) => i.outbox_id);
      await this.mailer.send({ to: u.email, language: u.preferred_language, messageId: messageId(`digest.${userId}.${ids[0]}-${ids[ids.length - 1]}`), ...mail });
      await c.query(
        `UPDATE email_delivery SET sent_at = now() WHERE user_id = $1 AND kind = 'digest' AND outbox_id = ANY($2::bigint[])`,
        [userId, items.map((i) => i.outbox_id)],
      );
      return { sent: true, items: items.length };
    });
  }
}
