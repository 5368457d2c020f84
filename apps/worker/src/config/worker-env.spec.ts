import { validateWorkerEnv, WorkerEnvError } from './worker-env';

describe('validateWorkerEnv', () => {
  const valid = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/pratique' };

  it('fills defaults', () => {
    expect(validateWorkerEnv({ ...valid })).toMatchObject({
      REDIS_URL: 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: 'pratique',
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      WORKER_CONCURRENCY: 5,
      SMTP_URL: 'smtp://127.0.0.1:1025',
      OUTBOX_RELAY_INTERVAL_MS: 500,
    });
  });

  it('names a missing variable in one line', () => {
    expect(() => validateWorkerEnv({})).toThrow(WorkerEnvError);
    expect(() => validateWorkerEnv({})).toThrow(
      /^Worker configuration error: DATABASE_URL is not set \(for example/,
    );
  });

  it('names a malformed variable', () => {
    expect(() => validateWorkerEnv({ ...valid, REDIS_URL: 'http://x' })).toThrow(/REDIS_URL is invalid/);
    expect(() => validateWorkerEnv({ ...valid, QUEUE_PREFIX: 'a b' })).toThrow(/QUEUE_PREFIX is invalid/);
    expect(() => validateWorkerEnv({ ...valid, SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL is invalid/);
  });
});
