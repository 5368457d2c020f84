/** What every scenario gets: the services of the run, its database, signed-in members, the baselines. */
import { QueueName } from '@pratique/contracts';
import Queue from 'bull';
import { Client } from 'pg';
import type { DatasetManifest } from '../data/manifest';
import { LoadResult } from './load';
import { QueryCounter } from './query-count';
import { ScenarioResult } from './report';
import { ApiService, Service } from './services';

export interface BenchOptions {
  seconds: number;
  warmupSeconds: number;
  connections: number;
  /** Registration burst: concurrent requests and seats. */
  burst: { requests: number; seats: number };
  /** Repetitions of the timed one-shot measures (dashboard, scan, CSV, fan-out's raw insert). */
  repeats: number;
}

export interface BenchContext {
  api: ApiService;
  worker: Service;
  db: Client;
  manifest: DatasetManifest;
  options: BenchOptions;
  adminCookie: string;
  /** Cookie per sample member id. */
  memberCookies: Map<string, string>;
  counter: QueryCounter;
  baselines: { trivial: LoadResult; oneQuery: LoadResult };
  /** Progress lines on the terminal. */
  step: (label: string) => void;
  /** The Bull prefix of this run's API and worker. */
  queuePrefix: string;
}

/**
 * Waits until the worker has nothing left of earlier scenarios (every outbox row relayed, no job
 * waiting or running), so a scenario times its own work and not the tail of the one before (the
 * burst leaves 2,000 events and their e-mails behind it). Returns how long that took.
 */
export async function waitForIdleWorker(
  ctx: Pick<BenchContext, 'db' | 'queuePrefix'>,
  timeoutMs = 180_000,
): Promise<number> {
  const t0 = Date.now();
  const queues = Object.values(QueueName).map(
    (name) =>
      new Queue(name, process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379', { prefix: ctx.queuePrefix }),
  );
  try {
    for (;;) {
      const {
        rows: [{ n }],
      } = await ctx.db.query(`SELECT count(*)::int AS n FROM outbox WHERE relayed_at IS NULL`);
      const counts = await Promise.all(queues.map((q) => q.getJobCounts()));
      const busy = n + counts.reduce((sum, c) => sum + c.waiting + c.active, 0);
      if (busy === 0) return Date.now() - t0;
      if (Date.now() - t0 > timeoutMs)
        throw new Error(
          `the worker was still busy after ${timeoutMs / 1000} s (${busy} outbox rows and jobs left)`,
        );
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await Promise.all(queues.map((q) => q.close()));
  }
}

export type Scenario = (ctx: BenchContext) => Promise<ScenarioResult>;

export const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

/** Median of `n` timings of `fn`, in ms. */
export async function medianMs(n: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)] * 10) / 10;
}

/** Queries per request over several members: the smallest and largest count seen. */
export async function queriesPerRequest(
  ctx: BenchContext,
  requests: { method?: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string }[],
): Promise<{ min: number; max: number; sample: string[] }> {
  let min = Infinity;
  let max = 0;
  let sample: string[] = [];
  for (const r of requests) {
    await ctx.counter.count(r); // steady state: the session's sliding expiry was just written, as after any request
    const { status, queries, statements } = await ctx.counter.count(r);
    if (status >= 400) throw new Error(`counting queries: ${r.method ?? 'GET'} ${r.path} answered ${status}`);
    min = Math.min(min, queries);
    if (queries > max) {
      max = queries;
      sample = statements;
    }
  }
  return { min, max, sample };
}

export const ratioResult = (
  id: string,
  name: string,
  measured: LoadResult,
  reference: LoadResult,
  goal: number,
  referenceName: string,
): Pick<
  ScenarioResult,
  'id' | 'name' | 'ratio' | 'goal' | 'met' | 'basis' | 'rps' | 'p50' | 'p95' | 'p99'
> => {
  const ratio = Math.round((measured.rps / reference.rps) * 100) / 100;
  return {
    id,
    name,
    ratio,
    goal: { min: goal },
    met: ratio >= goal,
    basis: `${measured.rps.toFixed(0)} req/s against ${reference.rps.toFixed(0)} req/s for ${referenceName}`,
    rps: measured.rps,
    p50: measured.p50,
    p95: measured.p95,
    p99: measured.p99,
  };
};

export function assertClean(what: string, r: LoadResult): void {
  if (r.errors || r.non2xx)
    throw new Error(
      `${what}: ${r.non2xx} answers were not 2xx and ${r.errors} failed, of ${r.requests}; the scenario is broken, not slow`,
    );
}
