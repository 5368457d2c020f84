/**
 * A `redis-server` a fault test owns and may break, on a free port, killed and started again on
 * the same port by the test, killed at the end (PostgreSQL: private-postgres.ts).
 * The shared 127.0.0.1:6379 service is never touched.
 */
import { ChildProcess, spawn } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { createServer } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';

/** A port nothing listens on right now (listen on 0, read it, close). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

export interface PrivateRedis {
  url: string;
  port: number;
  running(): boolean;
  /** SIGKILL: Redis dies at once, as in a crash. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty, unless its arguments persist data). */
  start(): Promise<void>;
  /** Kills it and removes its directory. */
  close(): Promise<void>;
}

export async function startPrivateRedis(args: string[] = ['--save', '', '--appendonly', 'no']): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'fault-redis-'));
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const running = () => !!child && child.exitCode === null && child.signalCode === null;

  const start = async () => {
    let log = '';
    const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    exited = new Promise<void>((done) => proc.once('exit', () => done()));
    await new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`redis-server did not start on ${port} within 10 s:\n${log}`)), 10_000);
      const onData = (chunk: Buffer) => {
        log += chunk.toString();
        if (log.includes('Ready to accept connections')) {
          clearTimeout(timer);
          done();
        }
      };
      proc.stdout?.on('data', onData);
      proc.stderr?.on('data', onData);
      proc.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`redis-server exited (code ${code}):\n${log}`));
      });
    });
  };
  const kill = async () => {
    if (running()) child?.kill('SIGKILL');
    await exited;
  };
  try {
    await start();
  } catch (err) {
    await kill();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    running,
    kill,
    start,
    close: async () => {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
