/**
 * The worker's environment, validated once at start. A missing or malformed variable stops the
 * worker with one line naming it (see `describeEnvError`), never a stack trace.
 */
import * as Joi from 'joi';

export interface WorkerEnv {
  NODE_ENV: 'development' | 'production' | 'test';
  DATABASE_URL: string;
  REDIS_URL: string;
  QUEUE_PREFIX: string;
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Jobs of one queue processed at the same time by this worker. */
  WORKER_CONCURRENCY: number;
  /** SMTP server of the e-mails (Mailpit of docker-compose by default). */
  SMTP_URL: string;
  MAIL_FROM: string;
  /** Where members open the web app: links in e-mails. */
  PUBLIC_URL: string;
  /** How often the relay also polls for outbox rows (a NOTIFY from PostgreSQL wakes it at once; the poll covers missed notices). */
  OUTBOX_RELAY_INTERVAL_MS: number;
  /** When the daily digest is sent (cron, in DIGEST_TIME_ZONE). */
  DIGEST_CRON: string;
  DIGEST_TIME_ZONE: string;
  /** How long a job stays locked by a worker that stopped answering before another takes it over. */
  JOB_LOCK_MS: number;
}

const EXAMPLES: Record<string, string> = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/pratique',
  REDIS_URL: 'redis://127.0.0.1:6379',
  QUEUE_PREFIX: 'pratique',
  SMTP_URL: 'smtp://127.0.0.1:1025',
  PUBLIC_URL: 'https://pratique.example.org',
  DIGEST_CRON: '0 7 * * *',
  DIGEST_TIME_ZONE: 'Africa/Tunis',
};

export const workerEnvSchema = Joi.object<WorkerEnv>({
  NODE_ENV: Joi.string().valid('development', 'production', 'test').default('development'),
  DATABASE_URL: Joi.string()
    .uri({ scheme: ['postgres', 'postgresql'] })
    .required(),
  REDIS_URL: Joi.string()
    .uri({ scheme: ['redis', 'rediss'] })
    .default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: Joi.string()
    .pattern(/^[A-Za-z0-9_.-]+$/)
    .max(60)
    .default('pratique'),
  LOG_LEVEL: Joi.string()
    .valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent')
    .default((env: { NODE_ENV?: string }) => (env.NODE_ENV === 'test' ? 'warn' : 'info')),
  WORKER_CONCURRENCY: Joi.number().integer().min(1).max(50).default(5),
  SMTP_URL: Joi.string()
    .uri({ scheme: ['smtp', 'smtps'] })
    .default('smtp://127.0.0.1:1025'),
  MAIL_FROM: Joi.string().max(200).default('Pratique <no-reply@pratique.local>'),
  PUBLIC_URL: Joi.string()
    .uri({ scheme: ['http', 'https'] })
    .default('http://localhost:4200'),
  OUTBOX_RELAY_INTERVAL_MS: Joi.number().integer().min(50).max(60_000).default(500),
  DIGEST_CRON: Joi.string()
    .pattern(/^(\S+\s+){4}\S+$/, 'five cron fields')
    .default('0 7 * * *'),
  DIGEST_TIME_ZONE: Joi.string()
    .custom((tz: string) => {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return tz;
    }, 'an IANA time zone')
    .default('Africa/Tunis'),
  JOB_LOCK_MS: Joi.number().integer().min(1_000).max(600_000).default(30_000),
}).unknown(true);

/** Thrown when the environment is wrong; its message is the one line the operator reads. */
export class WorkerEnvError extends Error {
  override readonly name = 'WorkerEnvError';
}

export function validateWorkerEnv(env: Record<string, unknown>): WorkerEnv {
  const { value, error } = workerEnvSchema.validate(env, { abortEarly: true, convert: true });
  if (error) throw new WorkerEnvError(describeEnvError(error));
  return value as WorkerEnv;
}

function describeEnvError(error: Joi.ValidationError): string {
  const detail = error.details[0];
  const key = String(detail?.path[0] ?? detail?.context?.key ?? 'environment');
  const example = EXAMPLES[key] ? ` (for example ${key}=${EXAMPLES[key]})` : '';
  const reason =
    detail?.type === 'any.required'
      ? 'is not set'
      : `is invalid: ${detail?.message.replace(/^"[^"]+" /, '') ?? 'malformed'}`;
  return `Worker configuration error: ${key} ${reason}${example}.`;
}
