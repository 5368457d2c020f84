/**
 * `npm run bench:data [-- --scale <f>] [-- --database <name>]`: (re)creates the benchmark
 * database (default BENCH_DATABASE or `pratique_bench`) on TEST_DATABASE_ADMIN_URL, migrates it,
 * and loads a realistic community in bulk (set-based `INSERT … SELECT` on the server, in chunks):
 * at scale 1, 50,000 members in 40 organisations over 6 regions, 60 spaces (one of 20,000
 * members), 400 modules of 10 lessons, 2,000,000 lesson_progress rows and their enrollments,
 * 500 seminars with their requirements. The manifest of ids the benchmark needs is stored as
 * the database's comment (see manifest.ts). Full scale takes a few minutes.
 *
 * In-process: `generateDataset(adminUrl, database, scale, log?)` (scale 0.002 is a few seconds).
 */
import { Client } from 'pg';
import { parseArgs } from 'util';
import { hashPassword } from '../../../libs/api/accounts/src/auth/password';
import { createDataSource } from '../../../migrations/data-source';
import { MIGRATIONS } from '../../../migrations/index';
import { loadCommunity } from './community';
import { sampleLessons, sampleMembers, tableCounts, wholeAudience } from './fixtures';
import { loadModules, loadProgress } from './learning';
import { DatasetManifest, MANIFEST_VERSION, writeManifest } from './manifest';
import { planFor, Rng } from './plan';
import { Progress, summaryTable } from './progress';
import { loadSeminars } from './seminars';
import { loadSpaces } from './spaces';
import { BENCH_PASSWORD, EMAIL_DOMAIN, World } from './world';

export { readManifest } from './manifest';
export type { DatasetManifest } from './manifest';

export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_DATABASE = 'pratique_bench';

/** The tables holding most rows: vacuumed (visibility map for index-only scans) and analysed at the end. */
const BIG_TABLES = ['lesson_progress', 'enrollment', 'app_user', 'membership', 'space_member'];

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function generateDataset(
  adminUrl: string,
  database: string,
  scale: number,
  log?: (line: string) => void,
): Promise<DatasetManifest> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database))
    throw new Error(`"${database}" is not a plain database name (a-z, 0-9, _)`);
  const plan = planFor(scale);
  const progress = new Progress(log);
  const started = Date.now();
  const admin = new Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${adminUrl} (${(err as Error).message}). Start it, or set TEST_DATABASE_ADMIN_URL.`,
    );
  }
  const name = admin.escapeIdentifier(database);
  let db: Client | undefined;
  let done = false;
  try {
    // Real argon2id hashes, computed side by side while the schema is built: the admin's, each
    // staff account's, and one shared by every member (all of the same password).
    const hashes = Promise.all(Array.from({ length: plan.regions + 2 }, () => hashPassword(BENCH_PASSWORD)));
    await progress.phase('database, migrations', MIGRATIONS.length, async (tick) => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name}`);
      const ds = createDataSource(databaseUrl(adminUrl, database));
      await ds.initialize();
      try {
        const ran = await ds.runMigrations({ transaction: 'each' });
        tick(ran.length);
      } finally {
        await ds.destroy();
      }
    });
    const [adminHash, sharedHash, ...staffHashes] = await hashes;

    db = new Client({ connectionString: databaseUrl(adminUrl, database) });
    await db.connect();
    // One session does the whole load (its temporary tables hold the plan); nothing here needs
    // to survive a crash, so commits need not wait for the disk.
    await db.query(
      `SET synchronous_commit = off; SET jit = off; SET work_mem = '256MB'; SET maintenance_work_mem = '512MB'; SET temp_buffers = '512MB'`,
    );
    await db.query(`SELECT setseed(0.2026)`);
    for (const t of BIG_TABLES) await db.query(`ALTER TABLE ${t} SET (autovacuum_enabled = false)`);

    const w = { db, plan, rng: new Rng(20_260_101), progress, sharedHash } as World;
    await loadCommunity(w, staffHashes, adminHash);
    await loadSpaces(w);
    await loadModules(w);
    await loadProgress(w);
    await loadSeminars(w);

    await progress.phase('vacuum, analyze', BIG_TABLES.length + 1, async (tick) => {
      for (const t of BIG_TABLES) {
        await db?.query(`ALTER TABLE ${t} RESET (autovacuum_enabled)`);
        await db?.query(`VACUUM (ANALYZE) ${t}`);
        tick(1);
      }
      await db?.query(`ANALYZE`);
      tick(1);
    });

    const manifest = await progress.phase('manifest', 0, async (tick) => {
      const members = await sampleMembers(w);
      const lessons = await sampleLessons(w);
      const audience = await wholeAudience(w.db, w.wholeAudienceSeminarId);
      const counts = await tableCounts(w.db);
      tick(members.length + lessons.length);
      const m: DatasetManifest = {
        version: MANIFEST_VERSION,
        database,
        scale,
        generatedAt: new Date().toISOString(),
        lastMigration: MIGRATIONS[MIGRATIONS.length - 1].name,
        seconds: 0,
        sizeBytes: 0,
        adminEmail: w.adminEmail,
        adminPassword: BENCH_PASSWORD,
        staff: w.staff.map((s) => ({ regionId: s.regionId, email: s.email })),
        memberPassword: BENCH_PASSWORD,
        memberEmailPattern: `member-<n>@${EMAIL_DOMAIN}`,
        regionIds: w.regions.map((r) => r.id),
        bigSpaceId: w.bigSpaceId,
        bigSpaceMembers: plan.bigSpaceMembers,
        wholeAudienceSeminarId: w.wholeAudienceSeminarId,
        wholeAudienceMembers: audience.members,
        wholeAudienceEligible: audience.eligible,
        sampleMembers: members,
        sampleMemberIds: members.map((s) => s.userId),
        sampleSeminarIds: [...new Set(members.flatMap((s) => s.seminarIds))],
        sampleLessons: lessons,
        counts: { members: plan.members, ...counts },
        phases: progress.phases,
      };
      return m;
    });
    await db.query(`DISCARD TEMP`); // the plan tables are not part of the dataset
    await db.end();
    db = undefined;
    const [{ size }] = (await admin.query(`SELECT pg_database_size($1)::bigint AS size`, [database])).rows;
    manifest.sizeBytes = Number(size);
    manifest.seconds = Math.round((Date.now() - started) / 100) / 10;
    manifest.phases = progress.phases;
    await writeManifest(admin, database, manifest);
    done = true;
    return manifest;
  } finally {
    await db?.end().catch(() => undefined);
    // A half-loaded database is no dataset: it goes.
    if (!done) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { scale: { type: 'string', default: '1' }, database: { type: 'string' } },
    strict: true,
  });
  const adminUrl = process.env['TEST_DATABASE_ADMIN_URL'] ?? DEFAULT_ADMIN_URL;
  const database = values.database ?? process.env['BENCH_DATABASE'] ?? DEFAULT_DATABASE;
  const scale = Number(values.scale);
  console.log(
    `Generating the benchmark dataset "${database}" at scale ${scale} on ${adminUrl.replace(/\/\/([^:@/]*):([^@/]+)@/, '//$1:***@')}`,
  );
  const m = await generateDataset(adminUrl, database, scale);
  console.log(summaryTable(m.counts, m.phases, m.seconds, m.sizeBytes));
  console.log(
    `\nDataset "${database}" ready in ${m.seconds.toFixed(1)} s (${(m.sizeBytes / 1024 / 1024).toFixed(0)} MB). ` +
      `Admin: ${m.adminEmail} / ${m.adminPassword}; members member-<n>@${EMAIL_DOMAIN}, same password. ` +
      `The manifest is the database's comment (readManifest).`,
  );
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(`bench:data failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
