import { ConfigError, validateEnv } from './env.schema';

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/pratique',
  SESSION_SECRET: 'x'.repeat(32),
};

describe('validateEnv', () => {
  it('applies defaults to a minimal valid environment', () => {
    const env = validateEnv(valid);
    expect(env.PORT).toBe(3000);
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(env.COOKIE_SECURE).toBe(false);
  });

  it('secures cookies by default in production', () => {
    expect(validateEnv({ ...valid, NODE_ENV: 'production' }).COOKIE_SECURE).toBe(true);
  });

  it('names a missing DATABASE_URL in one line', () => {
    expect(() => validateEnv({ SESSION_SECRET: valid.SESSION_SECRET })).toThrow(
      /^Configuration error: DATABASE_URL is required/,
    );
  });

  it('rejects a short SESSION_SECRET, naming it', () => {
    expect(() => validateEnv({ ...valid, SESSION_SECRET: 'short' })).toThrow(ConfigError);
    expect(() => validateEnv({ ...valid, SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET/);
  });

  it('rejects a malformed PORT, naming it', () => {
    expect(() => validateEnv({ ...valid, PORT: 'abc' })).toThrow(/^Configuration error: PORT must be a number/);
  });
});
