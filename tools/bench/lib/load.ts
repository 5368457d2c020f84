/**
 * Load with autocannon: a warm-up run first (JIT, PostgreSQL caches, pools), then the measured
 * run. Latencies go into an HDR histogram so p50/p95/p99 are exact to 0.1 ms.
 */
import autocannon from 'autocannon';
import * as hdr from 'hdr-histogram-js';

export interface LoadOptions {
  url: string;
  /** Each request's method, path, headers and body; called per request, so it may vary the member. */
  request: () => { method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; path: string; headers?: Record<string, string>; body?: string };
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

export interface LoadResult {
  rps: number;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
}

export async function load(o: LoadOptions): Promise<LoadResult> {
  if (o.warmupSeconds > 0) await run(o, o.warmupSeconds);
  return run(o, o.seconds);
}

async function run(o: LoadOptions, seconds: number): Promise<LoadResult> {
  const histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });
  const instance = autocannon({
    url: o.url,
    connections: o.connections,
    duration: seconds,
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => {
          const r = o.request();
          return { ...req, method: r.method ?? 'GET', path: r.path, headers: { ...(r.headers ?? {}), ...(r.body ? { 'content-type': 'application/json' } : {}) }, body: r.body };
        },
      },
    ],
  });
  // responseTime is in ms with sub-ms precision: the histogram records microseconds.
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => histogram.recordValue(Math.max(1, Math.round(responseTime * 1000))));
  const result = await instance;
  const ms = (p: number) => Math.round(histogram.getValueAtPercentile(p) / 100) / 10;
  const out: LoadResult = {
    rps: Math.round((result.requests.total / Math.max(result.duration, 0.001)) * 10) / 10,
    requests: result.requests.total,
    p50: ms(50),
    p95: ms(95),
    p99: ms(99),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
  histogram.destroy();
  return out;
}
