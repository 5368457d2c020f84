/**
 * `notifications.fan-out`: one outbox event becomes the in-app notifications of its recipients
 * (one INSERT … SELECT, honouring each recipient's preference for the type, `ON CONFLICT DO
 * NOTHING` so a re-run adds nothing), then one e-mail job per recipient whose channel is `email`
 * and who was not e-mailed yet (job id `email:<outbox>:<user>`, so a re-run adds no job either).
 */
import { Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bull';
import {
  DEFAULT_NOTIFICATION_CHANNEL,
  DomainEventType,
  emailJobId,
  JOB_RETRY,
  JobName,
  NotificationChannel,
  NotificationEmailJobData,
  NotificationFanOutJobData,
  NotificationFanOutJobResult,
  NotificationPayload,
  QueueName,
} from '@pratique/contracts';
import type { Queue } from 'bull';
import { Database } from '../database/database';
import { HandlesJob, JobHandler } from '../jobs/job-handler';
import { RECIPIENTS_SQL } from './recipients.sql';

interface OutboxRow {
  id: string;
  type: string;
  payload: Record<string, unknown>;
}

const isEventType = (type: string): type is DomainEventType =>
  (Object.values(DomainEventType) as string[]).includes(type);

@Injectable()
@JobHandler({ queue: QueueName.Notifications, name: JobName.NotificationFanOut })
export class FanOutJob implements HandlesJob<NotificationFanOutJobData, NotificationFanOutJobResult> {
  private readonly logger = new Logger('FanOut');

  constructor(
    private readonly db: Database,
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue,
  ) {}

  async handle({ outboxId }: NotificationFanOutJobData): Promise<NotificationFanOutJobResult> {
    const [event] = await this.db.query<OutboxRow>(`SELECT id, type, payload FROM outbox WHERE id = $1`, [outboxId]);
    if (!event) {
      this.logger.warn(`Outbox event #${outboxId} does not exist (pruned?): nothing to notify.`);
      return { notified: 0, emails: 0 };
    }
    if (!isEventType(event.type)) {
      this.logger.warn(`Outbox event #${outboxId} has unknown type "${event.type}": nothing to notify.`);
      return { notified: 0, emails: 0 };
    }
    const type = event.type;
    const defaultChannel = DEFAULT_NOTIFICATION_CHANNEL[type];
    const payload = { ...event.payload, ...(await this.subjectOf(event.payload)) } as NotificationPayload;

    const inserted = await this.db.query(
      `WITH recipients AS (${RECIPIENTS_SQL[type]})
       INSERT INTO notification (user_id, outbox_id, type, payload)
       SELECT DISTINCT r.user_id, $1::bigint, $2, $3::jsonb FROM recipients r
         LEFT JOIN notification_preference p ON p.user_id = r.user_id AND p.type = $2
        WHERE COALESCE(p.channel, $4) <> '${NotificationChannel.Off}'
       ON CONFLICT (outbox_id, user_id) DO NOTHING
       RETURNING user_id`,
      [event.id, type, JSON.stringify(payload), defaultChannel, JSON.stringify(event.payload)],
    );

    // Everyone notified of this event whose channel is e-mail and who has no e-mail yet (also
    // those of an earlier run that stopped before enqueueing).
    const mailTo = await this.db.query<{ user_id: string }>(
      `SELECT n.user_id FROM notification n
         LEFT JOIN notification_preference p ON p.user_id = n.user_id AND p.type = n.type
        WHERE n.outbox_id = $1 AND COALESCE(p.channel, $2) = '${NotificationChannel.Email}'
          AND NOT EXISTS (SELECT 1 FROM email_delivery d
                           WHERE d.outbox_id = n.outbox_id AND d.user_id = n.user_id AND d.kind = 'instant' AND d.sent_at IS NOT NULL)`,
      [event.id, defaultChannel],
    );
    if (mailTo.length)
      await this.queue.addBulk(
        mailTo.map((r) => ({
          name: JobName.NotificationEmail,
          data: { outboxId: String(event.id), userId: r.user_id } satisfies NotificationEmailJobData,
          opts: { jobId: emailJobId(String(event.id), r.user_id), ...JOB_RETRY, removeOnComplete: 1000, removeOnFail: 5000 },
        })),
      );
    return { notified: inserted.length, emails: mailTo.length };
  }

  /** The title (and start) of what the event is about, so a notification reads well after changes. */
  private async subjectOf(payload: Record<string, unknown>): Promise<Partial<NotificationPayload>> {
    const uuid = /^[0-9a-f-]{36}$/i;
    if (typeof payload['seminarId'] === 'string' && uuid.test(payload['seminarId'])) {
      const [s] = await this.db.query<{ title: NotificationPayload['title']; original_language: 'fr'; starts_at: Date }>(
        `SELECT title, original_language, starts_at FROM seminar WHERE id = $1`,
        [payload['seminarId']],
      );
      return s ? { title: s.title, originalLanguage: s.original_language, startsAt: s.starts_at.toISOString() } : {};
    }
    if (typeof payload['moduleId'] === 'string' && uuid.test(payload['moduleId'])) {
      const [m] = await this.db.query<{ title: NotificationPayload['title']; original_language: 'fr' }>(
        `SELECT title, original_language FROM module WHERE id = $1`,
        [payload['moduleId']],
      );
      return m ? { title: m.title, originalLanguage: m.original_language } : {};
    }
    return {};
  }
}
