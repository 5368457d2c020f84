/** What every scenario gets: the services of the run, its database, signed-in members, the baselines. */
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
): Pick<ScenarioResult, 'id' | 'name' | 'ratio' | 'goal' | 'met' | 'basis' | 'rps' | 'p50' | 'p95' | 'p99'> => {
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
  if (r.errors || r.non2xx) throw new Error(`${what}: ${r.non2xx} answers were not 2xx and ${r.errors} failed, of ${r.requests}; the scenario is broken, not slow`);
}
