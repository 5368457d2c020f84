/** 1. Baselines, measured in the same run as everything they are compared to. */
import { BenchContext } from '../lib/context';
import { load, LoadResult } from '../lib/load';

export async function measureBaselines(ctx: Pick<BenchContext, 'api' | 'options' | 'step'>): Promise<{ trivial: LoadResult; oneQuery: LoadResult }> {
  const { api, options } = ctx;
  const run = (path: string) => load({ url: api.url, request: () => ({ path }), connections: options.connections, seconds: options.seconds, warmupSeconds: options.warmupSeconds });
  ctx.step('Baseline: trivial endpoint (no database)');
  const trivial = await run('/api/health/live');
  ctx.step('Baseline: one SELECT 1 through the same stack');
  const oneQuery = await run('/api/health/database');
  for (const [name, r] of [['trivial', trivial], ['one-query', oneQuery]] as const)
    if (r.errors || r.non2xx) throw new Error(`the ${name} baseline had ${r.non2xx + r.errors} failed answers of ${r.requests}`);
  return { trivial, oneQuery };
}
