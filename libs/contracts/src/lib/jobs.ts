/**
 * Queues, job names and the payload of each job, written once for api and worker.
 * A job is a discriminated union `{ name, data }`.
 */
export enum QueueName {
  System = 'system',
}

export enum JobName {
  /** Round-trips through Redis and the worker; the worker answers with a timestamp. */
  HealthCheck = 'system.health-check',
}

export interface HealthCheckJobData {
  requestedAt: string;
}
export interface HealthCheckJobResult {
  requestedAt: string;
  processedAt: string;
  worker: string;
}

export type JobItem = { name: JobName.HealthCheck; data: HealthCheckJobData };

export const JOB_RETRY = {
  attempts: 5,
  backoff: { type: 'exponential' as const, delay: 2_000 },
};
