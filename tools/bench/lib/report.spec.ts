import { BenchReport, compare, markdown, ScenarioResult, table } from './report';

const scenario = (id: string, ratio: number, goal: ScenarioResult['goal']): ScenarioResult => ({
  id,
  name: `scenario ${id}`,
  ratio,
  goal,
  met: goal.min !== undefined ? ratio >= goal.min : ratio <= (goal.max ?? Infinity),
  basis: 'a against b',
  rps: 100,
  p50: 1,
  p95: 2,
  p99: 3,
  notes: [],
});

const report = (scenarios: ScenarioResult[]): BenchReport => ({
  date: '2026-12-04T21:00:00.000Z',
  machine: { cpus: 2, node: 'v20.20.0', postgres: '15' },
  dataset: { members: 50_000 },
  baselines: { trivial: { rps: 9000, p50: 1, p95: 2, p99: 3 }, oneQuery: { rps: 4000, p50: 2, p95: 3, p99: 4 } },
  scenarios,
  memory: { apiPeakRssMb: 200, workerPeakRssMb: 150, benchPeakRssMb: 100 },
  seconds: 60,
});

describe('bench report', () => {
  it('flags a higher-is-better ratio that dropped more than 10 %, and not one that dropped less', () => {
    const before = report([scenario('2', 1.0, { min: 0.8 }), scenario('3', 1.0, { min: 0.5 })]);
    const after = report([scenario('2', 0.89, { min: 0.8 }), scenario('3', 0.91, { min: 0.5 })]);
    expect(compare(before, after)).toEqual([{ id: '2', name: 'scenario 2', before: 1, after: 0.89, worsePercent: 11 }]);
  });

  it('flags a lower-is-better ratio that rose more than 10 %, and never an improvement', () => {
    const before = report([scenario('5', 2.0, { max: 3 }), scenario('6', 2.0, { max: 5 })]);
    const after = report([scenario('5', 2.3, { max: 3 }), scenario('6', 1.0, { max: 5 })]);
    expect(compare(before, after)).toEqual([{ id: '5', name: 'scenario 5', before: 2, after: 2.3, worsePercent: 15 }]);
  });

  it('ignores scenarios the earlier file does not have', () => {
    expect(compare(report([]), report([scenario('7', 0.1, { min: 0.5 })]))).toEqual([]);
  });

  it('prints every scenario with its ratio, goal and whether it was met', () => {
    const r = report([scenario('2', 0.85, { min: 0.8 }), scenario('5', 3.4, { max: 3 })]);
    const text = table(r);
    expect(text).toMatch(/scenario 2\s+0\.85×\s+≥ 0\.8×\s+yes/);
    expect(text).toMatch(/scenario 5\s+3\.40×\s+≤ 3×\s+NO/);
    expect(markdown(r)).toContain('| 5 | scenario 5 | 3.40× | ≤ 3× | **no** |');
  });
});
