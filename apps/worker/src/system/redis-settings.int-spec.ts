/**
 * The real worker process, started against private Redis servers, warns at start about the
 * settings that can lose jobs, naming each setting, its value and the fix: an evicting policy with
 * persistence off gets both warnings; a Redis that refuses CONFIG (as managed ones do) gets a
 * "could not check" warning; noeviction with the append-only file gets none (the worker logs that
 * it checked). In every case the worker starts and keeps running.
 */
import { createOwnDatabase, OwnDatabase, startTestWorker, TestWorker } from '@pratique/api/testing';
import { ChildProcess, spawn } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { createServer } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';

jest.setTimeout(120_000);

interface PrivateRedis {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/** A redis-server of this file's own on a free port, with the given settings, until `stop()`. */
async function startRedis(args: string[]): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'redis-settings-'));
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let log = '';
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`redis-server did not start within 10 s:\n${log}`)), 10_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('Ready to accept connections')) {
        clearTimeout(timer);
        done();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`redis-server exited (code ${code}):\n${log}`));
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls the worker's output until `ok` holds or the time is up, then returns it. */
async function outputWhen(worker: TestWorker, ok: (out: string) => boolean, timeoutMs = 20_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  while (!ok(worker.output()) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  return worker.output();
}

/** The messages the worker logged (pino JSON lines), optionally only those of one context and level (40 = warn). */
function logged(output: string, filter: { context?: string; level?: number } = {}): string[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { level: number; context?: string; msg: string })
    .filter((entry) => (filter.context === undefined || entry.context === filter.context) && (filter.level === undefined || entry.level === filter.level))
    .map((entry) => entry.msg);
}
const settingsWarnings = (output: string): string[] => logged(output, { context: 'RedisSettings', level: 40 });
const said = (output: string, text: string): boolean => logged(output).some((msg) => msg.includes(text));

describe('worker start: Redis persistence and eviction settings', () => {
  let own: OwnDatabase;
  let redis: PrivateRedis | undefined;
  let worker: TestWorker | undefined;
  const figures: string[] = [];

  beforeAll(async () => {
    own = await createOwnDatabase('redis_settings');
  });

  afterEach(async () => {
    await worker?.kill();
    worker = undefined;
    await redis?.stop();
    redis = undefined;
  });

  afterAll(async () => {
    await own?.drop();
    console.log(`redis-settings: ${figures.join('; ')}`);
  });

  const start = (url: string) =>
    startTestWorker({ env: { DATABASE_URL: own.url, QUEUE_PREFIX: own.queuePrefix, REDIS_URL: url, LOG_LEVEL: 'info', SMTP_URL: 'smtp://127.0.0.1:1' } });

  it('warns of eviction and of no persistence, naming the values and the fixes', async () => {
    redis = await startRedis(['--maxmemory-policy', 'allkeys-lru', '--save', '', '--appendonly', 'no']);
    worker = await start(redis.url);
    await outputWhen(worker, (out) => settingsWarnings(out).length >= 2);
    const warnings = settingsWarnings(worker.output());
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/maxmemory-policy is "allkeys-lru".*evict.*redis-cli CONFIG SET maxmemory-policy noeviction/);
    expect(warnings[1]).toMatch(/persistence is off \(appendonly "no", save ""\).*lost when Redis restarts.*redis-cli CONFIG SET appendonly yes/);
    expect(said(worker.output(), 'Redis settings keep jobs safe')).toBe(false);
    figures.push(`allkeys-lru + no persistence → ${warnings.length} warnings`);
  });

  it('says it could not check when CONFIG is refused, and keeps running', async () => {
    redis = await startRedis(['--save', '', '--appendonly', 'no', '--rename-command', 'CONFIG', '']);
    worker = await start(redis.url);
    await outputWhen(worker, (out) => settingsWarnings(out).length >= 1);
    const warnings = settingsWarnings(worker.output());
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/Could not check Redis persistence and eviction settings: CONFIG GET was refused \(ERR unknown command/);
    // Still alive and processing: its queues started.
    await outputWhen(worker, (out) => said(out, 'Processing queue "notifications"'));
    expect(said(worker.output(), 'Processing queue "notifications"')).toBe(true);
    figures.push(`CONFIG refused → ${warnings.length} "could not check" warning`);
  });

  it('gives no warning for noeviction with the append-only file', async () => {
    redis = await startRedis(['--maxmemory-policy', 'noeviction', '--appendonly', 'yes', '--save', '']);
    worker = await start(redis.url);
    // The check has run once it says so: only then is the absence of warnings meaningful.
    const out = await outputWhen(worker, (o) => said(o, 'Redis settings keep jobs safe'));
    expect(logged(out, { context: 'RedisSettings' })).toEqual(['Redis settings keep jobs safe: maxmemory-policy "noeviction", appendonly "yes", save "".']);
    expect(settingsWarnings(out)).toEqual([]);
    figures.push(`noeviction + appendonly yes → ${settingsWarnings(out).length} warnings`);
  });
});
