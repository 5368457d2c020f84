/**
 * The bench's results: a table on the terminal, `bench/results/<date>.json` and a Markdown
 * summary beside it (`bench/results/latest.md` too), and the regression check against an
 * earlier file (`--compare`): any ratio more than 10 % worse is flagged.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

export interface ScenarioResult {
  id: string;
  name: string;
  /** measured / reference, where reference is the baseline measured in the same run. */
  ratio: number;
  /** The goal for `ratio`, and whether higher is better (`min`) or lower is (`max`). */
  goal: { min?: number; max?: number };
  met: boolean;
  /** What the ratio compares, in words, with the two raw values. */
  basis: string;
  rps?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  queriesPerRequest?: { min: number; max: number };
  /** Correctness figures of the scenario (counts, flags), checked by the smoke test. */
  outcome?: Record<string, number | boolean>;
  notes: string[];
}

export interface BenchReport {
  date: string;
  machine: { cpus: number; node: string; postgres: string };
  dataset: Record<string, number>;
  baselines: { trivial: { rps: number; p50: number; p95: number; p99: number }; oneQuery: { rps: number; p50: number; p95: number; p99: number } };
  scenarios: ScenarioResult[];
  memory: { apiPeakRssMb: number; workerPeakRssMb: number; benchPeakRssMb: number };
  seconds: number;
}

const fmt = (n: number | undefined, digits = 1) => (n === undefined ? '—' : n.toFixed(digits));
const goalText = (g: ScenarioResult['goal']) => (g.min !== undefined ? `≥ ${g.min}×` : `≤ ${g.max}×`);

export function table(r: BenchReport): string {
  const head = ['#', 'scenario', 'ratio', 'goal', 'ok', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'queries/req'];
  const rows = r.scenarios.map((s) => [
    s.id,
    s.name,
    `${fmt(s.ratio, 2)}×`,
    goalText(s.goal),
    s.met ? 'yes' : 'NO',
    fmt(s.rps, 0),
    fmt(s.p50),
    fmt(s.p95),
    fmt(s.p99),
    s.queriesPerRequest ? (s.queriesPerRequest.min === s.queriesPerRequest.max ? String(s.queriesPerRequest.min) : `${s.queriesPerRequest.min}–${s.queriesPerRequest.max}`) : '—',
  ]);
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  const line = (row: string[]) => row.map((c, i) => (i === 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function markdown(r: BenchReport): string {
  const b = r.baselines;
  const lines = [
    `# Benchmark ${r.date}`,
    '',
    `${r.machine.cpus} CPUs, Node ${r.machine.node}, PostgreSQL ${r.machine.postgres}; run took ${Math.round(r.seconds)} s.`,
    `Dataset: ${Object.entries(r.dataset)
      .map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
      .join(', ')}.`,
    '',
    `Baselines in the same run: trivial endpoint (no database) ${fmt(b.trivial.rps, 0)} req/s (p99 ${fmt(b.trivial.p99)} ms); one \`SELECT 1\` through the same stack ${fmt(b.oneQuery.rps, 0)} req/s (p99 ${fmt(b.oneQuery.p99)} ms).`,
    '',
    '| # | scenario | ratio | goal | met | req/s | p50 ms | p95 ms | p99 ms | queries/request |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...r.scenarios.map(
      (s) =>
        `| ${s.id} | ${s.name} | ${fmt(s.ratio, 2)}× | ${goalText(s.goal)} | ${s.met ? 'yes' : '**no**'} | ${fmt(s.rps, 0)} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.p99)} | ${
          s.queriesPerRequest ? `${s.queriesPerRequest.min}–${s.queriesPerRequest.max}` : '—'
        } |`,
    ),
    '',
    '## What each ratio compares',
    '',
    ...r.scenarios.map((s) => `- **${s.id}. ${s.name}**: ${s.basis}.${s.notes.length ? ` ${s.notes.join(' ')}` : ''}`),
    '',
    `Memory: API peak RSS ${r.memory.apiPeakRssMb} MB, worker ${r.memory.workerPeakRssMb} MB, bench process ${r.memory.benchPeakRssMb} MB.`,
    '',
  ];
  return lines.join('\n');
}

/** Writes the JSON and Markdown files; returns their paths. */
export function write(r: BenchReport, dir = 'bench/results'): { json: string; md: string } {
  mkdirSync(dir, { recursive: true });
  const stamp = r.date.replace(/[:]/g, '-').replace(/\.\d+Z$/, 'Z');
  const json = join(dir, `${stamp}.json`);
  const md = join(dir, `${stamp}.md`);
  writeFileSync(json, JSON.stringify(r, null, 2) + '\n');
  writeFileSync(md, markdown(r));
  writeFileSync(join(dir, 'latest.md'), markdown(r));
  return { json, md };
}

export interface Regression {
  id: string;
  name: string;
  before: number;
  after: number;
  /** How much worse, in percent (positive = worse). */
  worsePercent: number;
}

/** Ratios more than `tolerance` worse than in `before` (direction from each scenario's goal). */
export function compare(before: BenchReport, after: BenchReport, tolerance = 0.1): Regression[] {
  const out: Regression[] = [];
  for (const s of after.scenarios) {
    const b = before.scenarios.find((x) => x.id === s.id);
    if (!b || b.ratio <= 0) continue;
    const higherIsBetter = s.goal.min !== undefined;
    const worse = higherIsBetter ? (b.ratio - s.ratio) / b.ratio : (s.ratio - b.ratio) / b.ratio;
    if (worse > tolerance) out.push({ id: s.id, name: s.name, before: b.ratio, after: s.ratio, worsePercent: Math.round(worse * 1000) / 10 });
  }
  return out;
}

export function readReport(path: string): BenchReport {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`--compare: cannot read ${path}; give a file from bench/results/`);
  }
  const parsed = JSON.parse(text) as BenchReport;
  if (!Array.isArray(parsed.scenarios)) throw new Error(`--compare: ${path} is not a bench result (no "scenarios")`);
  return parsed;
}
