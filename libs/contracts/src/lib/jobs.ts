/**
 * Queues, job names and the payload of each job, written once for api and worker.
 * A job is a discriminated union `{ name, data }`.
 */
export enum QueueName {
  System = 'system',
  Notifications = 'notifications',
}

export enum JobName {
  /** Round-trips through Redis and the worker; the worker answers with a timestamp. */
  HealthCheck = 'system.health-check',
  /** One outbox event: the in-app notifications of its recipients, then their e-mail jobs. Job id = outbox id. */
  NotificationFanOut = 'notifications.fan-out',
  /** One instant e-mail for one recipient of one event. Job id = `email:<outbox id>:<user id>`. */
  NotificationEmail = 'notifications.email',
  /** A seminar reminder, delayed until 48 h before the start or 24 h before registration closes. Job id = `reminder:<kind>:<seminar id>`. */
  SeminarReminder = 'notifications.seminar-reminder',
  /** Repeatable (daily): one digest e-mail job per member with undigested notifications. */
  DigestDaily = 'notifications.digest',
  /** One member's daily digest e-mail. Job id = `digest:<user id>:<day>`. */
  DigestEmail = 'notifications.digest-email',
}

export interface HealthCheckJobData {
  requestedAt: string;
}
export interface HealthCheckJobResult {
  requestedAt: string;
  processedAt: string;
  worker: string;
}

export interface NotificationFanOutJobData {
  /** The outbox row's id (bigint, as a string). */
  outboxId: string;
}
export interface NotificationFanOutJobResult {
  notified: number;
  emails: number;
}
export interface NotificationEmailJobData {
  outboxId: string;
  userId: string;
}
export interface NotificationEmailJobResult {
  sent: boolean;
  /** Why nothing was sent: already sent, or the notification or the member is gone. */
  skipped?: 'already-sent' | 'no-notification';
}

export type ReminderKind = 'starts' | 'closes';
export interface SeminarReminderJobData {
  seminarId: string;
  kind: ReminderKind;
  /** The start (or registration close) the reminder was scheduled for; a changed seminar makes it stale. */
  at: string;
}
export interface SeminarReminderJobResult {
  /** True when the reminder event was written (false: already written, or stale). */
  written: boolean;
  skipped?: 'stale' | 'already-written';
}
export interface DigestEmailJobData {
  userId: string;
}
export interface DigestEmailJobResult {
  sent: boolean;
  items: number;
}

export type JobItem =
  | { name: JobName.HealthCheck; data: HealthCheckJobData }
  | { name: JobName.NotificationFanOut; data: NotificationFanOutJobData }
  | { name: JobName.NotificationEmail; data: NotificationEmailJobData }
  | { name: JobName.SeminarReminder; data: SeminarReminderJobData }
  | { name: JobName.DigestDaily; data: Record<string, never> }
  | { name: JobName.DigestEmail; data: DigestEmailJobData };

/**
 * The job id of an event's fan-out (Bull ignores a second job with the same id). Never a bare
 * number: Bull numbers every job added without an id from a counter it bumps on every add, so
 * `27` could already be some other job of the queue, and outbox event #27 would be dropped.
 */
export const fanOutJobId = (outboxId: string): string => `outbox:${outboxId}`;
export const emailJobId = (outboxId: string, userId: string): string => `email:${outboxId}:${userId}`;
export const reminderJobId = (kind: ReminderKind, seminarId: string): string => `reminder:${kind}:${seminarId}`;
export const digestEmailJobId = (userId: string, day: string): string => `digest:${userId}:${day}`;
/** How long before the start, and before registration closes, members are reminded. */
export const REMINDER_LEAD_MS: Readonly<Record<ReminderKind, number>> = { starts: 48 * 3600_000, closes: 24 * 3600_000 };

export const JOB_RETRY = {
  attempts: 5,
  backoff: { type: 'exponential' as const, delay: 2_000 },
};
