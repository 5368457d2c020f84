/**
 * `notifications.email`: the instant e-mail of one notification, in the recipient's language.
 * Sent at most once: the `email_delivery` row of (event, recipient) is locked for the send and
 * stamped `sent_at` in the same transaction, so a retried or duplicated job finds it sent. A
 * failed send rolls back and throws: Bull retries with backoff, then keeps the job as failed.
 */
import { Injectable } from '@nestjs/common';
import {
  JobName,
  Language,
  NotificationEmailJobData,
  NotificationEmailJobResult,
  NotificationPayload,
  NotificationType,
  QueueName,
} from '@pratique/contracts';
import { WorkerConfig } from '../config/worker-config.service';
import { Database } from '../database/database';
import { HandlesJob, JobHandler } from '../jobs/job-handler';
import { renderEmail } from './email-templates';
import { Mailer, messageId } from './mailer';

@Injectable()
@JobHandler({ queue: QueueName.Notifications, name: JobName.NotificationEmail })
export class EmailJob implements HandlesJob<NotificationEmailJobData, NotificationEmailJobResult> {
  constructor(
    private readonly db: Database,
    private readonly mailer: Mailer,
    private readonly config: WorkerConfig,
  ) {}

  handle({ outboxId, userId }: NotificationEmailJobData): Promise<NotificationEmailJobResult> {
    return this.db.transaction(async (c) => {
      await c.query(
        `INSERT INTO email_delivery (outbox_id, user_id, kind) VALUES ($1, $2, 'instant') ON CONFLICT DO NOTHING`,
        [outboxId, userId],
      );
      const { rows: [delivery] } = await c.query<{ sent_at: Date | null }>(
        `SELECT sent_at FROM email_delivery WHERE outbox_id = $1 AND user_id = $2 AND kind = 'instant' FOR UPDATE`,
        [outboxId, userId],
      );
      if (delivery?.sent_at) return { sent: false, skipped: 'already-sent' as const };

      const { rows: [n] } = await c.query<{
        type: NotificationType;
        payload: NotificationPayload;
        email: string;
        display_name: string;
        preferred_language: Language;
      }>(
        `SELECT n.type, n.payload, u.email, u.display_name, u.preferred_language
           FROM notification n JOIN app_user u ON u.id = n.user_id
          WHERE n.outbox_id = $1 AND n.user_id = $2 AND u.deleted_at IS NULL AND u.suspended_at IS NULL`,
        [outboxId, userId],
      );
      // Also when the recipient was deleted or suspended after the job was queued: nothing is sent.
      if (!n) return { sent: false, skipped: 'no-notification' as const };

      const mail = renderEmail({
        type: n.type,
        language: n.preferred_language,
        displayName: n.display_name,
        payload: n.payload,
        publicUrl: this.config.get('PUBLIC_URL').replace(/\/+$/, ''),
      });
      await this.mailer.send({ to: n.email, language: n.preferred_language, messageId: messageId(`notification.${outboxId}.${userId}`), ...mail });
      await c.query(
        `UPDATE email_delivery SET sent_at = now() WHERE outbox_id = $1 AND user_id = $2 AND kind = 'instant'`,
        [outboxId, userId],
      );
      return { sent: true };
    });
  }
}
