/**
 * `npm run bench`: speed goals measured on the real PostgreSQL and Redis, never asserted in tests.
 * Each run works in a database and queue prefix of its own (created, then dropped).
 *
 *  - fan-out: one `module.published` event to a space of BENCH_MEMBERS (20,000) members, from the
 *    outbox row to the last in-app notification, through the relay and the worker's fan-out job.
 *
 * Env: TEST_DATABASE_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres), REDIS_URL,
 * BENCH_MEMBERS.
 */
import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../migrations/data-source';

const ADMIN_URL = process.env['TEST_DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const MEMBERS = Number(process.env['BENCH_MEMBERS'] ?? 20_000);

interface Result {
  name: string;
  value: number;
  unit: string;
  detail?: string;
}

async function main(): Promise<void> {
  const name = `pratique_bench_${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(`PostgreSQL is not reachable at ${ADMIN_URL} (${(err as Error).message}). Start it, or set TEST_DATABASE_ADMIN_URL.`);
  }
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: url.toString(),
    QUEUE_PREFIX: name,
    LOG_LEVEL: 'warn',
    OUTBOX_RELAY_INTERVAL_MS: '100',
    SMTP_URL: 'smtp://127.0.0.1:9', // nothing is e-mailed in these scenarios
  });
  const db = createDataSource(url.toString());
  let worker: INestApplicationContext | undefined;
  const results: Result[] = [];
  try {
    await db.initialize();
    step('Migrating');
    await db.runMigrations({ transaction: 'each' });
    const { WorkerModule } = await import('../../apps/worker/src/worker.module');
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] });
    results.push(await fanOut(db));
  } finally {
    await worker?.close();
    await db.destroy().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  console.log('\nBenchmark results');
  for (const r of results) console.log(`  ${r.name.padEnd(40)} ${String(r.value).padStart(8)} ${r.unit}${r.detail ? `  (${r.detail})` : ''}`);
}

async function fanOut(db: DataSource): Promise<Result> {
  step(`Fan-out: creating a space of ${MEMBERS.toLocaleString('en')} members`);
  const [region] = await db.query(`INSERT INTO region (code, name) VALUES ('bench', 'Région banc d’essai') RETURNING id`);
  const [space] = await db.query(
    `INSERT INTO space (slug, title, original_language, axis, scope, visibility, status)
     VALUES ('bench', '{"fr":"Espace banc d’essai"}', 'fr', 'governance', 'national', 'public', 'open') RETURNING id`,
  );
  await db.query(
    `WITH u AS (
       INSERT INTO app_user (email, password_hash, display_name, preferred_language, region_id)
       SELECT 'bench-' || g || '@bench.pratique.tn', 'not-a-hash', 'Membre ' || g, (ARRAY['fr','ar','en'])[1 + g % 3], $1
         FROM generate_series(1, $2) g RETURNING id)
     INSERT INTO space_member (space_id, user_id, role) SELECT $3, id, 'member' FROM u`,
    [region.id, MEMBERS, space.id],
  );
  const [mod] = await db.query(
    `INSERT INTO module (space_id, title, original_language, status) VALUES ($1, '{"fr":"Module banc d’essai"}', 'fr', 'published') RETURNING id`,
    [space.id],
  );
  step('Fan-out: publishing the module (outbox → relay → fan-out job)');
  const started = Date.now();
  await db.query(`INSERT INTO outbox (type, payload) VALUES ('module.published', $1)`, [
    JSON.stringify({ moduleId: mod.id, spaceId: space.id, publishedBy: null }),
  ]);
  let notified = 0;
  for (;;) {
    [{ n: notified }] = await db.query(`SELECT count(*)::int AS n FROM notification`);
    if (notified >= MEMBERS) break;
    if (Date.now() - started > 300_000) throw new Error(`fan-out did not finish in 5 minutes (${notified} notified)`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const ms = Date.now() - started;
  return { name: `fan-out to ${MEMBERS.toLocaleString('en')} members`, value: ms, unit: 'ms', detail: `${Math.round((MEMBERS / ms) * 1000).toLocaleString('en')} notifications/s, outbox row to last notification` };
}

function step(label: string): void {
  console.log(`▸ ${label}…`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`Benchmark failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
