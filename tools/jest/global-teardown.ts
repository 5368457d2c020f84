import Redis from 'ioredis';
import { Client } from 'pg';

/** Drops this run's databases (the shared one and those of single files) and their Redis keys. */
export default async function globalTeardown(): Promise<void> {
  const name = process.env['TEST_DATABASE_NAME'];
  if (!name) return;
  const admin = new Client({ connectionString: process.env['TEST_DATABASE_ADMIN_URL'] });
  await admin.connect();
  const own = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${name}\\_%`]);
  for (const db of [name, ...own.rows.map((r) => r.datname)]) await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
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
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${name}*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    /* Redis down: nothing to clean */
  } finally {
    redis.disconnect();
  }
}
