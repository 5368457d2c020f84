import Redis from 'ioredis';
import { Client } from 'pg';

/** Drops this run's database and its Redis keys. */
export default async function globalTeardown(): Promise<void> {
  const name = process.env['TEST_DATABASE_NAME'];
  if (!name) return;
  const admin = new Client({ connectionString: process.env['TEST_DATABASE_ADMIN_URL'] });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();

  const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379', {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${name}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    /* Redis down: nothing to clean */
  } finally {
    redis.disconnect();
  }
}
