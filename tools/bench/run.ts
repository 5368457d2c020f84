/**
 * `npm run bench`: the hot paths measured against their limits, as ratios to baselines measured
 * in the same run (absolute times on a shared machine are noise). See docs/BENCHMARKS.md.
 *
 *   npm run bench:data                      the dataset (50,000 members, 2,000,000 progress rows), once
 *   npm run bench                           every scenario against a copy of it; writes bench/results/
 *   npm run bench -- --compare <file.json>  and flags any ratio more than 10 % worse than in <file>
 *   npm run bench -- --smoke                a tiny dataset and 1-second runs (part of npm test)
 *   npm run bench -- --no-build             reuse dist/apps/{api,worker} as they are
 *   npm run bench -- --only 2,3             the baselines and these scenarios only (while tuning one)
 *
 * The built API and worker (production mode) run on a copy of the dataset made for the run
 * (CREATE DATABASE … TEMPLATE) with a queue prefix of their own; both are dropped at the end.
 * Env: TEST_DATABASE_ADMIN_URL (postgres://postgres@127.0.0.1:5432/postgres), REDIS_URL,
 * BENCH_DATABASE (pratique_bench), BENCH_SECONDS (10), BENCH_CONNECTIONS (10), BENCH_PROFILE (a directory:
 * CPU profiles of the API and worker).
 */
import 'reflect-metadata';
import { randomBytes } from 'crypto';
import { cpus } from 'os';
import Redis from 'ioredis';
import { Client } from 'pg';
import { createDataSource } from '../../migrations/data-source';
import { generateDataset, readManifest } from './data/generate';
import type { DatasetManifest } from './data/manifest';
import { BenchContext, BenchOptions, Scenario } from './lib/context';
import { startQueryCounter } from './lib/query-count';
import { BenchReport, compare, readReport, ScenarioResult, table, write } from './lib/report';
import { startMailSink } from './lib/mail-sink';
import { buildServices, startApi, startWorker } from './lib/services';
import { cloneSessions, signIn } from './lib/sessions';
import { measureBaselines } from './scenarios/baselines';
import { eligibility } from './scenarios/eligibility';
import { fanOut } from './scenarios/fan-out';
import { memberHome } from './scenarios/member-home';
import { progress } from './scenarios/progress';
import { registrationBurst } from './scenarios/registration-burst';
import { staffDashboard } from './scenarios/staff-dashboard';

const ADMIN_URL = process.env['TEST_DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SMOKE_SCALE = 0.002;

/** Every scenario by its number, in the order they run: writes last (the burst and the fan-out leave e-mail jobs behind them). */
const SCENARIOS: [string, Scenario][] = [
  ['2', eligibility],
  ['3', progress],
  ['7', memberHome],
  ['5', staffDashboard],
  ['4', registrationBurst],
  ['6', fanOut],
];
const SCENARIO_IDS = SCENARIOS.map(([id]) => id);

interface Args {
  smoke: boolean;
  /** Scenario numbers to run (all when empty). */
  only: string[];
  compare?: string;
  build: boolean;
  out: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { smoke: false, only: [], build: true, out: 'bench/results' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--smoke') args.smoke = true;
    else if (a === '--no-build') args.build = false;
    else if (a === '--only') {
      const v = argv[++i] ?? '';
      args.only = v.split(',').map((n) => n.trim());
      const unknown = args.only.filter((n) => !SCENARIO_IDS.includes(n));
      if (!v || unknown.length)
        throw new Error(`--only needs scenario numbers among ${SCENARIO_IDS.join(', ')} (got "${v}")`);
    } else if (a === '--compare' || a === '--out') {
      const v = argv[++i];
      if (!v) throw new Error(`${a} needs a path`);
      if (a === '--compare') args.compare = v;
      else args.out = v;
    } else
      throw new Error(
        `unknown option ${a}: use --smoke, --only <n,n>, --compare <file.json>, --out <dir> or --no-build`,
      );
  }
  return args;
}

function options(smoke: boolean): BenchOptions {
  const seconds = Number(process.env['BENCH_SECONDS'] ?? (smoke ? 1 : 10));
  return {
    seconds,
    warmupSeconds: smoke ? 0.5 : Math.max(2, Math.round(seconds / 3)),
    connections: Number(process.env['BENCH_CONNECTIONS'] ?? 10),
    burst: smoke ? { requests: 60, seats: 10 } : { requests: 2000, seats: 100 },
    repeats: smoke ? 3 : 7,
  };
}

const step = (label: string) => console.log(`▸ ${label}…`);
const databaseUrl = (name: string) => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
};

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const before = args.compare ? readReport(args.compare) : undefined;
  const admin = new Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${ADMIN_URL} (${(err as Error).message}). Start it, or set TEST_DATABASE_ADMIN_URL.`,
    );
  }
  const suffix = `${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
  const run = `pratique_bench_run_${suffix}`;
  let smokeTemplate: string | undefined;
  try {
    step('Building the API and worker (production)');
    buildServices(args.build);

    let template = process.env['BENCH_DATABASE'] ?? 'pratique_bench';
    let manifest: DatasetManifest | null;
    if (args.smoke) {
      template = smokeTemplate = `pratique_bench_smoke_${suffix}`;
      step(`Generating a tiny dataset (scale ${SMOKE_SCALE})`);
      manifest = await generateDataset(ADMIN_URL, template, SMOKE_SCALE, () => undefined);
    } else {
      manifest = await readManifest(ADMIN_URL, template);
      if (!manifest)
        throw new Error(
          `no benchmark dataset in database "${template}": run \`npm run bench:data\` first (a few minutes), then \`npm run bench\` again.`,
        );
    }
    step(`Copying the dataset "${template}" for this run`);
    await admin.query(`CREATE DATABASE ${run} TEMPLATE ${template}`);
    await migrate(databaseUrl(run));
    const scenarios = SCENARIOS.filter(([id]) => !args.only.length || args.only.includes(id)).map(
      ([, s]) => s,
    );
    const report = await measure(databaseUrl(run), run, manifest, options(args.smoke), scenarios);
    report.seconds = (Date.now() - started) / 1000;

    console.log(`\nBenchmark results (ratios to baselines measured in this run)\n\n${table(report)}\n`);
    for (const s of report.scenarios) for (const n of [s.basis, ...s.notes]) console.log(`  ${s.id}. ${n}`);
    const files = write(report, args.out);
    console.log(`\nWritten: ${files.json} and ${files.md}`);
    const missed = report.scenarios.filter((s) => !s.met);
    if (missed.length) console.log(`Goals not met: ${missed.map((s) => `${s.id} (${s.name})`).join(', ')}`);
    if (before) {
      const regressions = compare(before, report);
      if (regressions.length) {
        console.log(`\nRegressions against ${args.compare} (more than 10 % worse):`);
        for (const r of regressions)
          console.log(`  ${r.id}. ${r.name}: ${r.before}× → ${r.after}× (${r.worsePercent} % worse)`);
        process.exitCode = 2;
      } else console.log(`\nNo ratio is more than 10 % worse than in ${args.compare}.`);
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${run} WITH (FORCE)`).catch(() => undefined);
    await dropQueues(run).catch((err: Error) =>
      console.warn(`Could not remove the run's Redis keys (${run}*): ${err.message}`),
    );
    if (smokeTemplate)
      await admin.query(`DROP DATABASE IF EXISTS ${smokeTemplate} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

async function measure(
  url: string,
  prefix: string,
  manifest: DatasetManifest,
  opts: BenchOptions,
  scenarios: Scenario[],
): Promise<BenchReport> {
  // The raw baselines run with the API's connection settings (JIT off, migrations/data-source.ts).
  const db = new Client({ connectionString: url, options: '-c jit=off' });
  await db.connect();
  step('Starting the built API and worker');
  const mail = await startMailSink();
  const api = await startApi(url, prefix);
  const worker = await startWorker(url, prefix, { SMTP_URL: mail.url });
  const counter = await startQueryCounter({
    DATABASE_URL: url,
    QUEUE_PREFIX: `${prefix}_count`,
    SESSION_SECRET: api.secret,
    MIGRATIONS_RUN: 'false',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    COOKIE_SECURE: 'false',
  });
  let benchPeak = 0;
  const sampler = setInterval(
    () => (benchPeak = Math.max(benchPeak, Math.round(process.memoryUsage().rss / 1024 / 1024))),
    100,
  );
  try {
    const adminCookie = await signIn(api.url, manifest.adminEmail, manifest.adminPassword);
    const memberIds = [
      ...new Set([
        ...manifest.sampleMembers.map((m) => m.userId),
        ...manifest.sampleLessons.map((l) => l.userId),
      ]),
    ];
    const cookies = await cloneSessions(db, adminCookie, api.secret, memberIds);
    const memberCookies = new Map(memberIds.map((id, i) => [id, cookies[i]]));
    const baselines = await measureBaselines({ api, options: opts, step });
    const ctx: BenchContext = {
      api,
      worker,
      db,
      manifest,
      options: opts,
      adminCookie,
      memberCookies,
      counter,
      baselines,
      step,
      queuePrefix: prefix,
    };
    const results: ScenarioResult[] = [];
    for (const scenario of scenarios) results.push(await scenario(ctx));
    results.sort((a, b) => Number(a.id) - Number(b.id));
    const version = (await db.query(`SHOW server_version`)).rows[0].server_version as string;
    return {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, node: process.version, postgres: version },
      dataset: manifest.counts,
      baselines: {
        trivial: pickLatency(baselines.trivial),
        oneQuery: pickLatency(baselines.oneQuery),
      },
      scenarios: results,
      memory: {
        apiPeakRssMb: api.peakRssMb(),
        workerPeakRssMb: worker.peakRssMb(),
        benchPeakRssMb: benchPeak,
      },
      seconds: 0,
    };
  } finally {
    clearInterval(sampler);
    await counter.close().catch(() => undefined);
    await api.stop();
    await worker.stop();
    await mail.close();
    await db.end();
  }
}

/** The dataset may predate the code's latest migrations (new indexes, triggers): its copy gets them. */
async function migrate(url: string): Promise<void> {
  const ds = createDataSource(url);
  await ds.initialize();
  try {
    const ran = await ds.runMigrations({ transaction: 'each' });
    if (ran.length)
      step(
        `Applied ${ran.length} migration(s) newer than the dataset to its copy: ${ran.map((m) => m.name).join(', ')}`,
      );
  } finally {
    await ds.destroy();
  }
}

/** The run's queues, job data and rate-limit counters in Redis (every key under its prefix). */
async function dropQueues(prefix: string): Promise<void> {
  const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379', {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
  });
  try {
    await redis.connect();
    for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 1000 }))
      if ((keys as string[]).length) await redis.unlink(...(keys as string[]));
  } finally {
    redis.disconnect();
  }
}

const pickLatency = (r: { rps: number; p50: number; p95: number; p99: number }) => ({
  rps: r.rps,
  p50: r.p50,
  p95: r.p95,
  p99: r.p99,
});

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    console.error(`\nBenchmark failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
