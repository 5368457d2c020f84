/**
 * For a journey that runs the real worker: a database and a Redis prefix of its own, so its worker
 * does not relay, fan out or e-mail the events of the tests running beside it on the run's shared
 * database (nor do their workers take its jobs). Import this module FIRST: it points
 * DATABASE_URL and QUEUE_PREFIX at the journey's own names as soon as it is imported, because the
 * API validates its environment when its module is imported. Then `createOwnDatabase()` (creates
 * and migrates it) before starting the API or the worker, `dropOwnDatabase()` at the end.
 */
import { createDataSource } from '@pratique/migrations';
import Redis from 'ioredis';
import { Client } from 'pg';

const runName = process.env['TEST_DATABASE_NAME'];
const adminUrl = process.env['TEST_DATABASE_ADMIN_URL'];
if (!runName || !adminUrl)
  throw new Error(
    'own-database: TEST_DATABASE_NAME is not set (run the journeys through jest, whose global setup sets it).',
  );

const label = (process.env['JEST_WORKER_ID'] ?? '0').replace(/\W/g, '');
/** `<run database>_own<jest worker>`: unique per run and per jest worker, a valid name and Redis prefix. */
export const OWN_NAME = `${runName}_own${label}`;
const url = new URL(adminUrl);
url.pathname = `/${OWN_NAME}`;
export const OWN_DATABASE_URL = url.toString();

process.env['DATABASE_URL'] = OWN_DATABASE_URL;
process.env['QUEUE_PREFIX'] = OWN_NAME;

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createOwnDatabase(): Promise<void> {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${OWN_NAME} WITH (FORCE)`));
  await admin((c) => c.query(`CREATE DATABASE ${OWN_NAME}`));
  const ds = createDataSource(OWN_DATABASE_URL);
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}

/** Drops the database and deletes the Redis keys under the prefix. */
export async function dropOwnDatabase(): Promise<void> {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${OWN_NAME} WITH (FORCE)`)).catch(() => undefined);
  const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379', {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${OWN_NAME}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    /* Redis down: nothing to clean */
  } finally {
    redis.disconnect();
  }
}
