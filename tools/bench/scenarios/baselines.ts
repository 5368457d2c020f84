/** 1. Baselines, measured in the same run as everything they are compared to. */
import { BenchContext } from '../lib/context';
import { load, LoadResult } from '../lib/load';

export async function measureBaselines(
  ctx: Pick<BenchContext, 'api' | 'options' | 'step'>,
): Promise<{ trivial: LoadResult; oneQuery: LoadResult }> {
  const { api, options } = ctx;
  const run = (path: string) =>
    load({
      url: api.url,
      request: () => ({ path }),
      connections: options.connections,
      seconds: options.seconds,
      warmupSeconds: options.warmupSeconds,
    });
  ctx.step('Baseline: trivial endpoint (no database)');
  const trivial = await run('/api/health/live');
  ctx.step('Baseline: one SELECT 1 through the same stack');
  const oneQuery = await run('/api/health/database');
  for (const [name, r] of [
    ['trivial', trivial],
    ['one-query', oneQuery],
  ] as const)
    if (r.errors || r.non2xx)
      throw new Error(`the ${name} baseline had ${r.non2xx + r.errors} failed answers of ${r.requests}`);
  return { trivial, oneQuery };
}

/**
 * The one-query baseline measured again just before and just after `measure`, and their mean as
 * the reference: on a shared machine the speed drifts by a quarter or more within one run (the
 * run-start baseline moved between 800 and 1,250 req/s across runs of the same code), so a ratio
 * to a baseline taken minutes earlier measured the drift as much as the endpoint.
 */
export async function besideBaseline<T>(
  ctx: Pick<BenchContext, 'api' | 'options'>,
  measure: () => Promise<T>,
  /** Awaited between `measure` and the second baseline (the burst lets the worker finish its e-mails first). */
  settle: () => Promise<unknown> = async () => undefined,
): Promise<{ result: T; reference: LoadResult; basis: string }> {
  const run = () =>
    load({
      url: ctx.api.url,
      request: () => ({ path: '/api/health/database' }),
      connections: ctx.options.connections,
      seconds: ctx.options.seconds,
      warmupSeconds: Math.min(1, ctx.options.warmupSeconds),
    });
  const before = await run();
  const result = await measure();
  await settle();
  const after = await run();
  for (const r of [before, after])
    if (r.errors || r.non2xx)
      throw new Error(`the one-query baseline had ${r.non2xx + r.errors} failed answers of ${r.requests}`);
  const rps = Math.round(((before.rps + after.rps) / 2) * 10) / 10;
  return {
    result,
    reference: { ...before, rps },
    basis: `the one-query baseline measured beside it (${before.rps.toFixed(0)} before, ${after.rps.toFixed(0)} after)`,
  };
}

/** A scenario's load (`request` picks each request) between two one-query baselines. */
export const loadBesideBaseline = (
  ctx: Pick<BenchContext, 'api' | 'options'>,
  request: Parameters<typeof load>[0]['request'],
) => besideBaseline(ctx, () => load({ url: ctx.api.url, request, ...ctx.options }));
