/**
 * The benchmark never rots: `npm run bench -- --smoke` runs every scenario end to end on a tiny
 * dataset with 1-second loads, and its report holds a figure for each. Speed is not asserted
 * here (that is the bench's job); correctness is — the registration burst fills its seats
 * exactly, the fan-out reaches every member, the CSV lists the whole audience, and the queries
 * per request stay a small fixed number.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { BenchReport } from './lib/report';

jest.setTimeout(600_000);

describe('bench smoke run', () => {
  const out = mkdtempSync(join(tmpdir(), 'pratique-bench-'));
  let report: BenchReport;
  let output = '';

  beforeAll(() => {
    const r = spawnSync(
      'npx',
      ['ts-node', '-T', '-P', 'tools/tsconfig.tools.json', '-r', 'tsconfig-paths/register', 'tools/bench/run.ts', '--smoke', '--out', out],
      { encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' }, timeout: 540_000 },
    );
    output = `${r.stdout}\n${r.stderr}`;
    if (r.status !== 0) throw new Error(`the smoke bench exited ${r.status}:\n${output.slice(-4000)}`);
    const file = readdirSync(out).find((f) => f.endsWith('.json'));
    if (!file) throw new Error(`the smoke bench wrote no JSON in ${out}:\n${output.slice(-4000)}`);
    report = JSON.parse(readFileSync(join(out, file), 'utf8')) as BenchReport;
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('measures both baselines and every scenario, each with a ratio to its goal', () => {
    expect(report.baselines.trivial.rps).toBeGreaterThan(0);
    expect(report.baselines.oneQuery.rps).toBeGreaterThan(0);
    expect(report.scenarios.map((s) => s.id)).toEqual(['2', '3', '4', '5', '6', '7']);
    for (const s of report.scenarios) {
      expect(Number.isFinite(s.ratio) && s.ratio > 0).toBe(true);
      expect(s.goal.min ?? s.goal.max).toBeGreaterThan(0);
    }
    for (const id of ['2', '3', '4', '7']) {
      const s = report.scenarios.find((x) => x.id === id);
      expect(s?.p50).toBeGreaterThan(0);
      expect(s?.p99).toBeGreaterThanOrEqual(s?.p95 ?? Infinity);
    }
    expect(output).toMatch(/Benchmark results/);
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['latest.md']));
  });

  it('fills the burst seminar exactly and reaches every member of the space', () => {
    const burst = report.scenarios.find((s) => s.id === '4');
    expect(burst?.outcome).toMatchObject({ answered201: 60, confirmed: 10, waitlisted: 50, seatsTaken: 10, positionsExact: true, correct: true });
    const fanOut = report.scenarios.find((s) => s.id === '6');
    expect(fanOut?.outcome?.['notified']).toBe(fanOut?.outcome?.['expected']);
    expect(fanOut?.outcome?.['expected']).toBeGreaterThan(0);
  });

  it('exports the whole audience in the CSV', () => {
    const dashboard = report.scenarios.find((s) => s.id === '5');
    expect(dashboard?.outcome?.['csvRows']).toBe(dashboard?.outcome?.['audience']);
    expect(dashboard?.outcome?.['audience']).toBe(report.dataset['members']);
  });

  it('runs a small fixed number of queries per request for eligibility, progress and the member home', () => {
    const q = (id: string) => report.scenarios.find((s) => s.id === id)?.queriesPerRequest;
    // The session and the actor come from memory (invalidated by PostgreSQL), so a request is its own queries only.
    expect(q('2')).toEqual({ min: 1, max: 1 }); // eligibility
    expect(q('7')).toEqual({ min: 2, max: 2 }); // my modules, my seminars
    expect(q('3')).toEqual({ min: 2, max: 2 }); // the lesson with its access facts, one write
  });
});
