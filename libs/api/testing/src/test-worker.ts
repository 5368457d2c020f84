/**
 * Runs the real worker (`apps/worker/src/main.ts`) as a child process on this test run's database,
 * Redis prefix and the given SMTP server, so tests can stop it, kill it mid-work and restart it.
 * TypeScript is compiled on the fly (ts-node, transpile only).
 */
import { ChildProcess, spawn } from 'child_process';
import { resolve } from 'path';

export interface TestWorker {
  /** Everything the worker printed (stdout and stderr), for assertions and failure messages. */
  output(): string;
  /** SIGTERM: active jobs finish, then the process exits. */
  stop(): Promise<void>;
  /** SIGKILL: the process dies at once, mid-job. */
  kill(): Promise<void>;
}

const ROOT = resolve(__dirname, '../../../..');
const READY = 'Worker started';

export async function startTestWorker(options: { env?: Record<string, string>; readyTimeoutMs?: number } = {}): Promise<TestWorker> {
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', resolve(ROOT, 'apps/worker/src/main.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        TS_NODE_PROJECT: resolve(ROOT, 'apps/worker/tsconfig.app.json'),
        TS_NODE_TRANSPILE_ONLY: 'true',
        NODE_ENV: 'test',
        LOG_LEVEL: process.env['WORKER_LOG_LEVEL'] ?? 'info',
        OUTBOX_RELAY_INTERVAL_MS: '200',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const ready = new Promise<void>((done, fail) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(READY)) done();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => fail(new Error(`the worker exited (code ${code}) before it started:\n${output}`)));
  });
  const timeoutMs = options.readyTimeoutMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      ready,
      new Promise<never>((_, fail) => {
        timer = setTimeout(() => fail(new Error(`the worker did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
      }),
    ]);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  } finally {
    clearTimeout(timer);
  }
  const signal = async (sig: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    await exited;
  };
  return { output: () => output, stop: () => signal('SIGTERM'), kill: () => signal('SIGKILL') };
}
