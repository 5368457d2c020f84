/**
 * `npm run bench:web`: Lighthouse, headless in Debian's Chromium, on the production build served
 * by the built API, signed in as the demo member: the member's home, a module's lesson player and
 * a seminar page, each with the mobile default (simulated throttling) and the desktop preset.
 * A report, not a test: it exits non-zero only when the run itself fails. See docs/BENCHMARKS.md.
 *
 *   npm run bench:web                   build if needed (Nx cache), then 1 run per page and preset
 *   npm run bench:web -- --runs 3       3 runs each, the median by performance score reported
 *   npm run bench:web -- --no-build     use dist/apps/{api,web} as they are
 *   npm run bench:web -- --out <dir>    write web-<date>.md and web-latest.md there (bench/results)
 *   npm run bench:web -- --gzip         also each page through a local gzipping proxy (what compression would give)
 *   npm run bench:web -- --screenshots  also the README's screenshots of the three homes (docs/screenshots)
 *   npm run bench:web -- --screenshots --no-lighthouse   only those
 *
 * The run migrates and seeds a database of its own (pratique_lighthouse_<pid>) and serves a copy
 * of dist/apps/web/browser (another build in the same checkout cannot pull files from under it);
 * the API, the database, the copy and the run's Redis keys are removed at the end, on failure and
 * on Ctrl-C too. Env: TEST_DATABASE_ADMIN_URL (postgres://postgres@127.0.0.1:5432/postgres),
 * REDIS_URL, CHROME_PATH (/usr/bin/chromium).
 */
import 'reflect-metadata';
import { ChildProcess, execFileSync, spawn, spawnSync } from 'child_process';
import { randomBytes } from 'crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { cpus } from 'os';
import { join, resolve } from 'path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { ApiRoutes, type MemberHome, type ModuleDetail } from '@pratique/contracts';
import { DEMO_PASSWORD } from '../../seed/demo-content';
import { ApiService, startApi } from '../lib/services';
import { signIn } from '../lib/sessions';
import { GzipProxy, startGzipProxy } from './gzip-proxy';
import { takeHomeScreenshots } from './screenshots';
import { LayoutShifts, medianRuns, meets, PageRun, table, WebReport, write } from './report';

const ROOT = resolve(__dirname, '../../..');
const ADMIN_URL = process.env['TEST_DATABASE_ADMIN_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const MEMBER = 'membre@pratique.tn';
const BUILD_LOCK = '/tmp/webbuild.lock';

interface Args {
  build: boolean;
  runs: number;
  out: string;
  gzip: boolean;
  /** Also (or, with --no-lighthouse, only) the README's screenshots of the three homes. */
  screenshots: boolean;
  lighthouse: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    build: true,
    runs: 1,
    out: 'bench/results',
    gzip: false,
    screenshots: false,
    lighthouse: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-build') args.build = false;
    else if (a === '--screenshots') args.screenshots = true;
    else if (a === '--no-lighthouse') args.lighthouse = false;
    else if (a === '--gzip') args.gzip = true;
    else if (a === '--runs') {
      args.runs = Number(argv[++i]);
      if (!Number.isInteger(args.runs) || args.runs < 1) throw new Error('--runs needs a whole number ≥ 1');
    } else if (a === '--out') {
      const v = argv[++i];
      if (!v) throw new Error('--out needs a directory');
      args.out = v;
    } else
      throw new Error(
        `unknown option ${a}: use --runs <n>, --no-build, --gzip, --screenshots, --no-lighthouse or --out <dir>`,
      );
  }
  return args;
}

const step = (label: string) => console.log(`▸ ${label}…`);
const sleep = (msValue: number) => new Promise<void>((r) => setTimeout(r, msValue).unref());

/** Everything the run created, removed once (at the end, on failure, on SIGINT/SIGTERM). */
class Cleanup {
  api?: ApiService;
  lighthouse?: ChildProcess;
  database?: string;
  webCopy?: string;
  queuePrefix?: string;
  proxy?: GzipProxy;
  private done?: Promise<void>;

  run(): Promise<void> {
    this.done ??= this.doRun();
    return this.done;
  }

  private async doRun(): Promise<void> {
    if (this.lighthouse && this.lighthouse.exitCode === null) this.lighthouse.kill('SIGTERM');
    // A child already ended by the terminal's Ctrl-C never emits 'exit' again: do not wait on it forever.
    await this.proxy?.close().catch(() => undefined);
    if (this.api) await Promise.race([this.api.stop().catch(() => undefined), sleep(12_000)]);
    if (this.database) {
      const admin = new Client({ connectionString: ADMIN_URL });
      try {
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${this.database} WITH (FORCE)`);
      } catch (err) {
        console.warn(`Could not drop the database ${this.database}: ${(err as Error).message}`);
      } finally {
        await admin.end().catch(() => undefined);
      }
    }
    if (this.queuePrefix) await dropRedisKeys(this.queuePrefix).catch(() => undefined);
    if (this.webCopy) rmSync(this.webCopy, { recursive: true, force: true });
  }
}

async function dropRedisKeys(prefix: string): Promise<void> {
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

/** `nx run-many -t build --projects=api,web` (production; Nx replays its cache when nothing changed). */
function build(): void {
  const r = spawnSync(
    'flock',
    [
      BUILD_LOCK,
      'npx',
      'nx',
      'run-many',
      '-t',
      'build',
      '--projects=api,web',
      '--configuration=production',
      '--output-style=stream',
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' },
    },
  );
  if (r.status !== 0)
    throw new Error('the production build failed (npx nx run-many -t build --projects=api,web): see above');
}

/** A copy of the built web app, taken under the build lock so no build is half-written into it. */
function copyWeb(to: string): void {
  const from = join(ROOT, 'dist/apps/web/browser');
  const r = spawnSync('flock', [BUILD_LOCK, 'cp', '-r', from, to], { stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(join(to, 'index.html')))
    throw new Error(`could not copy ${from} (is the web app built? \`npx nx build web\`)`);
}

const databaseUrl = (name: string) => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
};

async function prepareDatabase(name: string): Promise<void> {
  const admin = new Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${ADMIN_URL} (${(err as Error).message}). Start it, or set TEST_DATABASE_ADMIN_URL.`,
    );
  }
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  // `npm run migrate` and `npm run seed`, as a developer runs them (the seed validates the env at import).
  for (const script of ['tools/migrate.ts', 'tools/seed.ts']) {
    const r = spawnSync(
      process.execPath,
      [
        require.resolve('ts-node/dist/bin'),
        '-T',
        '-P',
        'tools/tsconfig.tools.json',
        '-r',
        'tsconfig-paths/register',
        script,
      ],
      {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl(name),
          // The seed loads API modules whose config is validated at import: it needs a secret, never used.
          SESSION_SECRET: process.env['SESSION_SECRET'] ?? randomBytes(24).toString('hex'),
        },
      },
    );
    if (r.status !== 0) throw new Error(`${script} failed on ${name}: see above`);
  }
}

async function getJson<T>(api: ApiService, cookie: string, path: string): Promise<T> {
  const res = await fetch(`${api.url}${path}`, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** The three pages, with ids found through the API as the member sees them. */
async function pages(api: ApiService, cookie: string): Promise<WebReport['pages']> {
  const home = await getJson<MemberHome>(api, cookie, ApiRoutes.myHome);
  const mod = home.modules.find((m) => m.continueLessonId) ?? home.modules[0];
  if (!mod) throw new Error(`${MEMBER} has no module on the home (is the demo seed complete?)`);
  const detail = await getJson<ModuleDetail>(api, cookie, ApiRoutes.module(mod.moduleId));
  const lessonId = mod.continueLessonId ?? detail.continueLessonId ?? detail.lessons[0]?.id;
  if (!lessonId) throw new Error(`the module ${mod.moduleId} has no lesson`);
  const lesson = detail.lessons.find((l) => l.id === lessonId);
  let seminar = home.seminars[0];
  if (!seminar) {
    const list = await getJson<{ items?: MemberHome['seminars'] } | MemberHome['seminars']>(
      api,
      cookie,
      ApiRoutes.seminars,
    );
    seminar = (Array.isArray(list) ? list : (list.items ?? []))[0];
  }
  if (!seminar) throw new Error(`${MEMBER} sees no seminar (is the demo seed complete?)`);
  const title = (t: Record<string, string | undefined>) => t['fr'] ?? Object.values(t).find(Boolean) ?? '';
  return [
    { name: 'member home', path: '/', note: '' },
    {
      name: 'lesson player',
      path: `/modules/${mod.moduleId}/lessons/${lessonId}`,
      note: `« ${title(detail.title as Record<string, string>)} », lesson ${lesson?.position ?? '?'} (${lesson?.kind ?? '?'})`,
    },
    {
      name: 'seminar page',
      path: `/seminars/${seminar.id}`,
      note: `« ${title(seminar.title as unknown as Record<string, string>)} »`,
    },
  ];
}

function runLighthouse(
  cleanup: Cleanup,
  job: {
    pages: { name: string; url: string }[];
    headers: Record<string, string>;
    runs: number;
    lhrDir: string;
  },
  dir: string,
): Promise<{ runs: PageRun[]; shifts: LayoutShifts[] }> {
  const jobFile = join(dir, 'job.json');
  const resultFile = join(dir, 'result.json');
  writeFileSync(jobFile, JSON.stringify({ ...job, presets: ['mobile', 'desktop'] }));
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'lighthouse.mjs'), jobFile, resultFile], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    cleanup.lighthouse = child;
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code !== 0)
        return reject(new Error(`Lighthouse stopped (${signal ?? `exit code ${code}`}): see above`));
      resolvePromise(JSON.parse(readFileSync(resultFile, 'utf8')));
    });
  });
}

function version(cmd: string, args: string[]): string {
  try {
    const out = execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return (out.split('\n').pop() ?? '?').replace(/ built on .*/, '');
  } catch {
    return '?';
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const cleanup = new Cleanup();
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the API and dropping the run's database…`);
      void cleanup.run().finally(() => process.exit(130));
    });

  const work = join(ROOT, 'tmp', `bench-web-${process.pid}`);
  try {
    if (
      args.build ||
      !existsSync(join(ROOT, 'dist/apps/api/main.js')) ||
      !existsSync(join(ROOT, 'dist/apps/web/browser/index.html'))
    ) {
      step('Building the API and web app (production; Nx replays what did not change)');
      build();
    }
    mkdirSync(work, { recursive: true });
    cleanup.webCopy = work;
    copyWeb(join(work, 'browser'));

    const database = `pratique_lighthouse_${process.pid}`;
    cleanup.database = database;
    cleanup.queuePrefix = database;
    step(`Migrating and seeding the demo data into ${database}`);
    await prepareDatabase(database);

    step('Starting the built API (serving the built web app)');
    const api = await startApi(databaseUrl(database), database, { WEB_DIST: join(work, 'browser') });
    cleanup.api = api;
    if (args.screenshots) {
      step('Taking the screenshots of the three homes (docs/screenshots)');
      const files = await takeHomeScreenshots(
        api.url,
        (email) => signIn(api.url, email, DEMO_PASSWORD),
        join(ROOT, 'docs/screenshots'),
      );
      console.log(files.map((f) => `  ${f}`).join('\n'));
      if (!args.lighthouse) return;
    }
    const cookie = await signIn(api.url, MEMBER, DEMO_PASSWORD);
    const targets = await pages(api, cookie);

    const proxy = args.gzip ? await startGzipProxy(api.url) : undefined;
    cleanup.proxy = proxy;
    const lhrDir = 'tmp/lighthouse'; // relative to ROOT, where Lighthouse runs
    rmSync(lhrDir, { recursive: true, force: true });
    step(`Running Lighthouse (${targets.length} pages × mobile, desktop × ${args.runs} run(s))`);
    const { runs, shifts } = await runLighthouse(
      cleanup,
      {
        pages: [
          ...targets.map((p) => ({ name: p.name, url: `${api.url}${p.path}` })),
          ...(proxy ? targets.map((p) => ({ name: `${p.name} [gzip]`, url: `${proxy.url}${p.path}` })) : []),
        ],
        headers: { Cookie: cookie },
        runs: args.runs,
        lhrDir,
      },
      work,
    );
    for (const r of runs)
      if (new URL(r.finalUrl).pathname !== new URL(r.url).pathname)
        throw new Error(`${r.page} ended at ${r.finalUrl}, not ${r.url}: was the session cookie refused?`);

    const lighthouseVersion = JSON.parse(
      readFileSync(join(ROOT, 'node_modules/lighthouse/package.json'), 'utf8'),
    ).version;
    const report: WebReport = {
      date: new Date().toISOString(),
      commit:
        version('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']) + ' (with the working tree’s changes)',
      machine: {
        cpus: cpus().length,
        node: process.version,
        chromium: version(process.env['CHROME_PATH'] ?? '/usr/bin/chromium', ['--version']),
        lighthouse: lighthouseVersion,
      },
      pages: targets,
      runsPerPage: args.runs,
      results: medianRuns(runs),
      shifts,
      seconds: (Date.now() - started) / 1000,
    };
    const file = write(report, join(ROOT, args.out));
    console.log(
      `\nLighthouse (signed in as ${MEMBER}; goal: performance ≥ 90, accessibility 100)\n\n${table(report.results)}\n`,
    );
    const missed = report.results.filter((r) => !meets(r));
    console.log(
      missed.length
        ? `Below the goal: ${missed.map((r) => `${r.page} (${r.preset})`).join(', ')}`
        : 'Every page meets the goal in both presets.',
    );
    console.log(
      `Written: ${file} and ${join(args.out, 'web-latest.md')} (what Lighthouse flagged is listed there)`,
    );
  } finally {
    await cleanup.run();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`\nbench:web failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
