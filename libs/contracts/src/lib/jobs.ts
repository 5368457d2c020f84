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

export type JobItem =
  | { name: JobName.HealthCheck; data: HealthCheckJobData }
  | { name: JobName.NotificationFanOut; data: NotificationFanOutJobData }
  | { name: JobName.NotificationEmail; data: NotificationEmailJobData };

/** The job id of an event's fan-out (Bull ignores a second job with the same id). */
export const fanOutJobId = (outboxId: string): string => outboxId;
export const emailJobId = (outboxId: string, userId: string): string => `email:${outboxId}:${userId}`;

export const JOB_RETRY = {
  attempts: 5,
  backoff: { type: 'exponential' as const, delay: 2_000 },
};
