/**
 * The built API and worker (`dist/apps/*`, production mode) as child processes of the bench, on a
 * database and queue prefix of the run's own, with their memory sampled from /proc.
 */
import { ChildProcess, spawn, spawnSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { createServer } from 'net';

export interface Service {
  name: string;
  pid: number;
  /** Resident memory right now, in MB (0 when /proc is not available). */
  rssMb(): number;
  /** Highest resident memory since the process started (VmHWM), in MB. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

export interface ApiService extends Service {
  url: string;
  /** The session secret the API signs cookies with (the bench clones sessions). */
  secret: string;
}

/** Builds the API and worker for production (skipped with `build` false when `dist/` has them). */
export function buildServices(build: boolean): void {
  if (!build && existsSync('dist/apps/api/main.js') && existsSync('dist/apps/worker/main.js')) return;
  const r = spawnSync(
    'npx',
    [
      'nx',
      'run-many',
      '-t',
      'build',
      '-p',
      'api',
      'worker',
      '--configuration=production',
      '--skip-nx-cache',
      '--output-style=stream',
    ],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' },
    },
  );
  if (r.status !== 0)
    throw new Error(
      'building the API and worker failed (npx nx run-many -t build -p api worker): fix the errors above',
    );
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port')),
      );
    });
  });
}

function procStatus(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${field}:`));
    return line ? Math.round(Number(line.split(/\s+/)[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

function start(
  name: string,
  script: string,
  env: Record<string, string>,
): { child: ChildProcess; service: Service; output: () => string } {
  let output = '';
  // BENCH_PROFILE=<dir>: a V8 CPU profile of each service, written when it stops (open it in Chrome DevTools).
  const profile = process.env['BENCH_PROFILE']
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_PROFILE']}`, `--cpu-prof-name=${name}.cpuprofile`]
    : [];
  // BENCH_NODE_FLAGS: extra Node flags for both services (trying a V8 setting before adopting it).
  const flags = (process.env['BENCH_NODE_FLAGS'] ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...flags, ...profile, script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const pid = child.pid ?? 0;
  const service: Service = {
    name,
    pid,
    rssMb: () => procStatus(pid, 'VmRSS'),
    peakRssMb: () => procStatus(pid, 'VmHWM'),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
  return { child, service, output: () => output };
}

const PRODUCTION = (databaseUrl: string, prefix: string): Record<string, string> => ({
  NODE_ENV: 'production',
  DATABASE_URL: databaseUrl,
  QUEUE_PREFIX: prefix,
  LOG_LEVEL: 'warn',
  SESSION_SECRET: 'bench-session-secret-bench-session-secret',
  COOKIE_SECURE: 'false',
  MIGRATIONS_RUN: 'false',
  // Every scenario's member acts once or a few times a second: the per-member limits stay, high.
  REGISTRATION_RATE_LIMIT: '100000',
  SEARCH_RATE_LIMIT: '100000',
  LOGIN_RATE_LIMIT: '1000',
  LOGIN_IP_RATE_LIMIT: '100000',
  SMTP_URL: 'smtp://127.0.0.1:9', // the run gives the worker a mail sink (lib/mail-sink.ts)
});

export async function startApi(
  databaseUrl: string,
  prefix: string,
  extraEnv: Record<string, string> = {},
): Promise<ApiService> {
  const port = await freePort();
  const { child, service, output } = start('api', 'dist/apps/api/main.js', {
    ...PRODUCTION(databaseUrl, prefix),
    PORT: String(port),
    ...extraEnv,
  });
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}) at start:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > until) {
      await service.stop();
      throw new Error(`the API did not answer /api/health within 60 s:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { ...service, url, secret: PRODUCTION(databaseUrl, prefix)['SESSION_SECRET'] };
}

export async function startWorker(
  databaseUrl: string,
  prefix: string,
  extraEnv: Record<string, string> = {},
): Promise<Service> {
  const { child, service, output } = start('worker', 'dist/apps/worker/main.js', {
    ...PRODUCTION(databaseUrl, prefix),
    ...extraEnv,
  });
  await new Promise((r) => setTimeout(r, 1500));
  if (child.exitCode !== null)
    throw new Error(`the worker exited (${child.exitCode}) at start:\n${output()}`);
  return service;
}
