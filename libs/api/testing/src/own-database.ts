/**
 * A database and queue prefix of a test file's own, migrated, for files that run a worker: the
 * relay takes every unrelayed outbox row of its database, so two files sharing one would steal
 * each other's events. Dropped by `drop()` (and by the global teardown if a file forgets).
 */
import { createDataSource } from '@pratique/migrations';
import { Client } from 'pg';

export interface OwnDatabase {
  url: string;
  queuePrefix: string;
  drop(): Promise<void>;
}

export async function createOwnDatabase(label: string): Promise<OwnDatabase> {
  if (!/^[a-z0-9_]{1,20}$/.test(label)) throw new Error(`label "${label}" must be 1-20 of [a-z0-9_]`);
  const base = process.env['TEST_DATABASE_NAME'];
  const adminUrl = process.env['TEST_DATABASE_ADMIN_URL'];
  if (!base || !adminUrl) throw new Error('createOwnDatabase runs under the jest global setup (TEST_DATABASE_NAME)');
  const name = `${base}_${label}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const ds = createDataSource(url.toString());
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  return {
    url: url.toString(),
    queuePrefix: name,
    drop: async () => {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
