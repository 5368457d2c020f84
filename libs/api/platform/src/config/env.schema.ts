/**
 * Environment the API reads, validated at boot. A missing or malformed variable stops start-up
 * with one line naming it. No secret has a default.
 */
import Joi from 'joi';

export interface AppEnv {
  NODE_ENV: 'development' | 'production' | 'test';
  PORT: number;
  DATABASE_URL: string;
  REDIS_URL: string;
  SESSION_SECRET: string;
  COOKIE_SECURE: boolean;
  WEB_DIST?: string;
  QUEUE_PREFIX: string;
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  LOGIN_RATE_LIMIT: number;
  LOGIN_IP_RATE_LIMIT: number;
  UPLOAD_RATE_LIMIT: number;
  SEARCH_RATE_LIMIT: number;
  REGISTRATION_RATE_LIMIT: number;
  TRUST_PROXY: number;
  MIGRATIONS_RUN: boolean;
}

export const envSchema = Joi.object<AppEnv>({
  NODE_ENV: Joi.string().valid('development', 'production', 'test').default('development'),
  PORT: Joi.number().port().default(3000),
  DATABASE_URL: Joi.string()
    .uri({ scheme: ['postgres', 'postgresql'] })
    .required()
    .messages({ 'any.required': 'is required (e.g. postgres://postgres@127.0.0.1:5432/pratique)' }),
  REDIS_URL: Joi.string().uri({ scheme: ['redis', 'rediss'] }).default('redis://127.0.0.1:6379'),
  SESSION_SECRET: Joi.string()
    .min(32)
    .required()
    .messages({ 'any.required': 'is required: at least 32 random characters (e.g. `openssl rand -hex 32`)' }),
  COOKIE_SECURE: Joi.boolean().default(Joi.ref('$isProduction')),
  WEB_DIST: Joi.string().optional(),
  QUEUE_PREFIX: Joi.string().pattern(/^[\w-]+$/).default('pratique'),
  LOG_LEVEL: Joi.string().valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent').default('info'),
  LOGIN_RATE_LIMIT: Joi.number().integer().min(1).max(1000).default(10),
  LOGIN_IP_RATE_LIMIT: Joi.number().integer().min(1).max(100000).default(100),
  UPLOAD_RATE_LIMIT: Joi.number().integer().min(1).max(100000).default(20),
  SEARCH_RATE_LIMIT: Joi.number().integer().min(1).max(100000).default(60),
  REGISTRATION_RATE_LIMIT: Joi.number().integer().min(1).max(100000).default(10),
  // Proxy hops in front of the API whose X-Forwarded-For is believed (the caller's address for rate limits).
  TRUST_PROXY: Joi.number().integer().min(0).max(10).default(1),
  MIGRATIONS_RUN: Joi.boolean().default(true),
}).unknown(true);

/** Thrown when the environment is invalid; main.ts prints only its message. */
export class ConfigError extends Error {}

export function validateEnv(raw: Record<string, unknown>): AppEnv {
  const { error, value } = envSchema.validate(raw, {
    abortEarly: true,
    context: { isProduction: raw['NODE_ENV'] === 'production' },
  });
  if (error) {
    const detail = error.details[0];
    const name = String(detail?.path.join('.') ?? 'environment');
    const reason = (detail?.message ?? error.message).replace(/^"[^"]+" /, '');
    throw new ConfigError(`Configuration error: ${name} ${reason}`);
  }
  return value as AppEnv;
}
