/**
 * `notifications.fan-out`: one outbox event becomes the in-app notifications of its recipients
 * (one INSERT … SELECT recording each recipient's channel for the type; the unique key
 * (outbox_id, user_id) makes a re-run add nothing), then one e-mail job per recipient whose
 * channel is `email` and who was not e-mailed yet (job id `email:<outbox>:<user>`, so a re-run
 * adds no job either).
 * Some events also cause work of their own (`reactTo`): a saved or cancelled seminar moves its
 * reminders; progress in a module may make the member eligible for seminars.
 */
import { Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bull';
import {
  DEFAULT_NOTIFICATION_CHANNEL,
  DomainEventType,
  emailJobId,
  isNotificationType,
  JOB_RETRY,
  JobName,
  ModuleProgressedEvent,
  NotificationChannel,
  NotificationEmailJobData,
  NotificationFanOutJobData,
  NotificationFanOutJobResult,
  NotificationPayload,
  NotificationType,
  QueueName,
} from '@pratique/contracts';
import type { Queue } from 'bull';
import { Database } from '../database/database';
import { HandlesJob, JobHandler } from '../jobs/job-handler';
import { EligibilityNotices } from './eligibility-notices';
import { activeRecipientsSql } from './recipients.sql';
import { ReminderScheduler } from './reminders';

interface OutboxRow {
  id: string;
  type: string;
  payload: Record<string, unknown>;
}

const UNIQUE_VIOLATION = '23505';
const DEADLOCK_DETECTED = '40P01';

/**
 * The notifications of one event ($1 outbox id, $2 type, $3 payload, $4 default channel, $5 the
 * event's own payload for the recipients SQL): each recipient once, with their channel for the
 * type, none for those who turned the type off.
 */
const insertNotificationsSql = (type: NotificationType, skipExisting: boolean): string => `
  WITH recipients AS (${activeRecipientsSql(type)})
  INSERT INTO notification (user_id, outbox_id, type, payload, channel)
  SELECT r.user_id, $1::bigint, $2, $3::jsonb, COALESCE(p.channel, $4)
    FROM (SELECT DISTINCT user_id FROM recipients) r
    LEFT JOIN notification_preference p ON p.user_id = r.user_id AND p.type = $2
   WHERE COALESCE(p.channel, $4) <> '${NotificationChannel.Off}'
  ${skipExisting ? 'ON CONFLICT (outbox_id, user_id) DO NOTHING' : ''}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidIn = (payload: Record<string, unknown>, key: string): string | null =>
  typeof payload[key] === 'string' && UUID.test(payload[key]) ? payload[key] : null;

@Injectable()
@JobHandler({ queue: QueueName.Notifications, name: JobName.NotificationFanOut })
export class FanOutJob implements HandlesJob<NotificationFanOutJobData, NotificationFanOutJobResult> {
  private readonly logger = new Logger('FanOut');

  constructor(
    private readonly db: Database,
    private readonly reminders: ReminderScheduler,
    private readonly eligibility: EligibilityNotices,
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue,
  ) {}

  async handle({ outboxId }: NotificationFanOutJobData): Promise<NotificationFanOutJobResult> {
    const [event] = await this.db.query<OutboxRow>(`SELECT id, type, payload FROM outbox WHERE id = $1`, [
      outboxId,
    ]);
    if (!event) {
      this.logger.warn(`Outbox event #${outboxId} does not exist (pruned?): nothing to notify.`);
      return { notified: 0, emails: 0 };
    }
    await this.reactTo(event);
    if (!isNotificationType(event.type)) {
      if (!(Object.values(DomainEventType) as string[]).includes(event.type))
        this.logger.warn(`Outbox event #${outboxId} has unknown type "${event.type}": nothing to notify.`);
      return { notified: 0, emails: 0 };
    }
    return this.notify(event, event.type);
  }

  private async reactTo(event: OutboxRow): Promise<void> {
    switch (event.type) {
      case DomainEventType.SeminarSaved:
      case DomainEventType.SeminarCancelled: {
        const seminarId = uuidIn(event.payload, 'seminarId');
        if (seminarId) await this.reminders.reschedule(seminarId);
        return;
      }
      case DomainEventType.ModuleProgressed:
        await this.eligibility.derive(event.payload as unknown as ModuleProgressedEvent);
        return;
    }
  }

  private async notify(event: OutboxRow, type: NotificationType): Promise<NotificationFanOutJobResult> {
    const defaultChannel = DEFAULT_NOTIFICATION_CHANNEL[type];
    const payload = { ...event.payload, ...(await this.subjectOf(event.payload)) } as NotificationPayload;

    const notified = await this.insertNotifications(event, type, payload, defaultChannel);

    // Everyone notified of this event by e-mail who has no e-mail yet (also those of an earlier
    // run that stopped before enqueueing).
    const mailTo = await this.db.query<{ user_id: string }>(
      `SELECT n.user_id FROM notification n
        WHERE n.outbox_id = $1 AND n.channel = '${NotificationChannel.Email}'
          AND NOT EXISTS (SELECT 1 FROM email_delivery d
                           WHERE d.outbox_id = n.outbox_id AND d.user_id = n.user_id AND d.kind = 'instant' AND d.sent_at IS NOT NULL)`,
      [event.id],
    );
    for (let i = 0; i < mailTo.length; i += 1000)
      await this.queue.addBulk(
        mailTo.slice(i, i + 1000).map((r) => ({
          name: JobName.NotificationEmail,
          data: { outboxId: String(event.id), userId: r.user_id } satisfies NotificationEmailJobData,
          opts: {
            jobId: emailJobId(String(event.id), r.user_id),
            ...JOB_RETRY,
            removeOnComplete: 1000,
            removeOnFail: 5000,
          },
        })),
      );
    return { notified, emails: mailTo.length };
  }

  /**
   * One INSERT … SELECT of the event's notifications; returns how many were added. The first run
   * of an event (no notification of it yet: one index probe) uses a plain INSERT, which skips the
   * speculative insertion of `ON CONFLICT` (20,000 rows: ~330 ms instead of ~470 ms with
   * `ON CONFLICT DO NOTHING RETURNING user_id`); a re-run adds only who is missing
   * (`ON CONFLICT DO NOTHING`), and so does a run that collides with another run of the same event
   * (a stalled job taken over): its plain INSERT fails on the unique key and writes nothing.
   */
  private async insertNotifications(
    event: OutboxRow,
    type: NotificationType,
    payload: NotificationPayload,
    defaultChannel: NotificationChannel,
  ): Promise<number> {
    const params = [event.id, type, JSON.stringify(payload), defaultChannel, JSON.stringify(event.payload)];
    const [{ seen }] = await this.db.query<{ seen: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM notification WHERE outbox_id = $1) AS seen`,
      [event.id],
    );
    if (!seen) {
      try {
        return (await this.db.pool.query(insertNotificationsSql(type, false), params)).rowCount ?? 0;
      } catch (err) {
        const { code, constraint } = err as { code?: string; constraint?: string };
        if (
          !(code === UNIQUE_VIOLATION && constraint === 'notification_outbox_user_uq') &&
          code !== DEADLOCK_DETECTED
        )
          throw err;
        this.logger.warn(
          `Outbox event #${event.id} was being notified by another run: adding only who is missing.`,
        );
      }
    }
    return (await this.db.pool.query(insertNotificationsSql(type, true), params)).rowCount ?? 0;
  }

  /**
   * The title (and start) of what the event is about — a seminar, module, thread, resource, skill
   * session (its offer), space or region — so a notification reads well after changes.
   */
  private async subjectOf(payload: Record<string, unknown>): Promise<Partial<NotificationPayload>> {
    const seminarId = uuidIn(payload, 'seminarId');
    if (seminarId) {
      const [s] = await this.db.query<{
        title: NotificationPayload['title'];
        original_language: 'fr';
        starts_at: Date;
      }>(`SELECT title, original_language, starts_at FROM seminar WHERE id = $1`, [seminarId]);
      return s
        ? { title: s.title, originalLanguage: s.original_language, startsAt: s.starts_at.toISOString() }
        : {};
    }
    const moduleId = uuidIn(payload, 'moduleId');
    if (moduleId) {
      const [m] = await this.db.query<{ title: NotificationPayload['title']; original_language: 'fr' }>(
        `SELECT title, original_language FROM module WHERE id = $1`,
        [moduleId],
      );
      return m ? { title: m.title, originalLanguage: m.original_language } : {};
    }
    const threadId = uuidIn(payload, 'threadId');
    if (threadId) {
      // Threads have no language of their own: their author's is the best guess.
      const [t] = await this.db.query<{ title: string; language: 'fr' }>(
        `SELECT t.title, u.preferred_language AS language FROM discussion_thread t JOIN app_user u ON u.id = t.author_id WHERE t.id = $1`,
        [threadId],
      );
      return t ? { title: { [t.language]: t.title }, originalLanguage: t.language } : {};
    }
    const resourceId = uuidIn(payload, 'resourceId');
    if (resourceId) {
      const [r] = await this.db.query<{ title: string; language: 'fr' }>(
        `SELECT title, language FROM resource WHERE id = $1`,
        [resourceId],
      );
      return r ? { title: { [r.language]: r.title }, originalLanguage: r.language } : {};
    }
    const sessionId = uuidIn(payload, 'sessionId');
    if (sessionId) {
      // A skill session is about its offer; an offer's title, like a thread's, is plain text in
      // its author's language (the best guess), and the session's start is worth showing.
      const [ss] = await this.db.query<{ title: string; language: 'fr'; starts_at: Date }>(
        `SELECT o.title, u.preferred_language AS language, ss.starts_at
           FROM skill_session ss JOIN skill_offer o ON o.id = ss.offer_id JOIN app_user u ON u.id = o.author_id
          WHERE ss.id = $1`,
        [sessionId],
      );
      return ss
        ? {
            title: { [ss.language]: ss.title },
            originalLanguage: ss.language,
            startsAt: ss.starts_at.toISOString(),
          }
        : {};
    }
    const spaceId = uuidIn(payload, 'spaceId');
    if (spaceId) {
      const [sp] = await this.db.query<{
        title: NotificationPayload['title'];
        original_language: 'fr';
        slug: string;
      }>(`SELECT title, original_language, slug FROM space WHERE id = $1`, [spaceId]);
      return sp ? { title: sp.title, originalLanguage: sp.original_language, spaceSlug: sp.slug } : {};
    }
    const regionId = uuidIn(payload, 'regionId');
    if (regionId) {
      const [r] = await this.db.query<{ name: string }>(`SELECT name FROM region WHERE id = $1`, [regionId]);
      return r ? { title: { fr: r.name }, originalLanguage: 'fr' } : {};
    }
    return {};
  }
}
