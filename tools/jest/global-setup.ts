/**
 * Creates this run's own database (so runs never see each other's rows), applies the
 * migrations, and sets the environment the API and worker read. Dropped in global-teardown.
 */
import { randomBytes } from 'crypto';
import { Client } from 'pg';
import { createDataSource } from '../../migrations/data-source';

export default async function globalSetup(): Promise<void> {
  const base = process.env['TEST_DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `pratique_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${base} (${(err as Error).message}). Start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`,
    );
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();

  const url = new URL(base);
  url.pathname = `/${name}`;
  const ds = createDataSource(url.toString());
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();

  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: url.toString(),
    TEST_DATABASE_NAME: name,
    TEST_DATABASE_ADMIN_URL: base,
    REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: name,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'silent',
    LOGIN_IP_RATE_LIMIT: '100000',
    // Load and fuzz tests send thousands of requests per member; the rate-limit tests lower these.
    UPLOAD_RATE_LIMIT: '100000',
    SEARCH_RATE_LIMIT: '100000',
    REGISTRATION_RATE_LIMIT: '100000',
    MIGRATIONS_RUN: 'false',
  });
}
