/**
 * The Lighthouse run's results as a terminal table and a Markdown report
 * (`bench/results/web-<date>.md` and `bench/results/web-latest.md`).
 */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';

/** What the issue asks of each page, in each preset. */
export const WEB_GOALS = { performance: 90, accessibility: 100 };

export interface FlaggedAudit {
  id: string;
  title: string;
  /** null: Lighthouse could not run the audit (displayValue says why). */
  score: number | null;
  displayValue: string;
  /** Up to five offending elements (HTML snippet or selector) or URLs. */
  items: string[];
}

/** One Lighthouse run, as tools/bench/web/lighthouse.mjs writes it. */
export interface PageRun {
  page: string;
  url: string;
  finalUrl: string;
  preset: 'mobile' | 'desktop';
  run: number;
  performance: number;
  accessibility: number;
  fcpMs: number | null;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  speedIndexMs: number | null;
  jsTransferBytes: number;
  jsResourceBytes: number;
  jsRequests: number;
  totalTransferBytes: number;
  requests: number;
  benchmarkIndex: number | null;
  warnings: string[];
  flagged: { performance: FlaggedAudit[]; accessibility: FlaggedAudit[] };
  lhrFile: string;
}

/** What moved on a page loaded once more, unthrottled (Lighthouse 12.2.3 cannot attribute shifts in Chromium 156). */
export interface LayoutShifts {
  page: string;
  preset: 'mobile' | 'desktop';
  total: number;
  shifts: { atMs: number; value: number; moved: string[] }[];
}

export interface WebReport {
  date: string;
  commit: string;
  machine: { cpus: number; node: string; chromium: string; lighthouse: string };
  pages: { name: string; path: string; note: string }[];
  runsPerPage: number;
  /** The median run (by performance score) of each page × preset, in page order. */
  results: PageRun[];
  shifts: LayoutShifts[];
  seconds: number;
}

export const meets = (r: PageRun) =>
  r.performance >= WEB_GOALS.performance && r.accessibility >= WEB_GOALS.accessibility;

/** The run with the median performance score of each page × preset (the runs of one page and preset). */
export function medianRuns(runs: PageRun[]): PageRun[] {
  const groups = new Map<string, PageRun[]>();
  for (const r of runs) {
    const key = `${r.page}\u0000${r.preset}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((g) => {
    const sorted = [...g].sort((a, b) => a.performance - b.performance);
    return sorted[Math.floor((sorted.length - 1) / 2)];
  });
}

const ms = (v: number | null) =>
  v === null ? '—' : v >= 1000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;

function rows(results: PageRun[]): string[][] {
  return results.map((r) => [
    r.page,
    r.preset,
    String(r.performance),
    String(r.accessibility),
    ms(r.fcpMs),
    ms(r.lcpMs),
    ms(r.tbtMs),
    r.cls === null ? '—' : r.cls.toFixed(3),
    `${kb(r.jsTransferBytes)} (${r.jsRequests})`,
    meets(r) ? 'yes' : 'NO',
  ]);
}

const HEAD = [
  'page',
  'preset',
  'perf',
  'a11y',
  'FCP',
  'LCP',
  'TBT',
  'CLS',
  'JS transferred (files)',
  'goal met',
];

export function table(results: PageRun[]): string {
  const all = [HEAD, ...rows(results)];
  const widths = HEAD.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  const line = (row: string[]) =>
    row.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(HEAD), widths.map((w) => '─'.repeat(w)).join('  '), ...rows(results).map(line)].join('\n');
}

/** The audits that did not pass on a page, each once, with the presets it failed in. */
function flaggedSection(results: PageRun[]): string[] {
  const out: string[] = [];
  for (const page of [...new Set(results.map((r) => r.page))]) {
    const byId = new Map<string, { audit: FlaggedAudit; category: string; presets: string[] }>();
    for (const r of results.filter((x) => x.page === page))
      for (const category of ['accessibility', 'performance'] as const)
        for (const a of r.flagged[category].filter((f) => f.score !== null)) {
          const preset = `${r.preset}${a.displayValue ? `: ${a.displayValue}` : ''}`;
          const seen = byId.get(a.id);
          if (seen) seen.presets.push(preset);
          else byId.set(a.id, { audit: a, category, presets: [preset] });
        }
    out.push(`### ${page}`, '');
    if (!byId.size) out.push('Nothing flagged.');
    for (const { audit, category, presets } of byId.values()) {
      out.push(`- **${category}** — ${audit.title} (\`${audit.id}\`; ${presets.join('; ')})`);
      for (const item of audit.items)
        out.push(`  - \`${item.replace(/`/g, "'").replace(/\s+/g, ' ').slice(0, 160)}\``);
    }
    out.push('');
  }
  // Audits Lighthouse could not run (a gatherer failed), once for the whole run.
  const errors = new Map<string, { title: string; reason: string; where: Set<string> }>();
  for (const r of results)
    for (const a of [...r.flagged.accessibility, ...r.flagged.performance].filter((f) => f.score === null)) {
      const e = errors.get(a.id) ?? {
        title: a.title,
        reason: a.displayValue.slice(0, 200),
        where: new Set<string>(),
      };
      e.where.add(`${r.page} (${r.preset})`);
      errors.set(a.id, e);
    }
  if (errors.size) {
    out.push('### Audits Lighthouse could not run', '');
    for (const [id, e] of errors)
      out.push(`- ${e.title} (\`${id}\`) — ${e.where.size} of ${results.length} runs: ${e.reason}`);
    out.push('');
  }
  return out;
}

function shiftSection(all: LayoutShifts[]): string[] {
  if (!all.length) return [];
  const out = [
    '## What moves (layout shifts)',
    '',
    'Each page loaded once more without throttling, at 412×823 and 1350×940; every shift ≥ 0.005 with the elements that moved ' +
      '(the CLS above comes from the throttled load, so its shifts can differ).',
    '',
  ];
  for (const s of all) {
    out.push(
      `- **${s.page}, ${s.preset}**: ${s.total.toFixed(3)} in all${s.shifts.length ? '' : ' (nothing ≥ 0.005)'}`,
    );
    for (const x of s.shifts)
      out.push(
        `  - ${x.value.toFixed(3)} at ${x.atMs} ms: ${x.moved.map((m) => `\`${m.replace(/`/g, "'").replace(/\s+/g, ' ')}\``).join(', ')}`,
      );
  }
  out.push('');
  return out;
}

export function markdown(report: WebReport): string {
  const r = report.results;
  const benchmark = [...new Set(r.map((x) => x.benchmarkIndex).filter((x): x is number => x !== null))];
  const met = r.filter(meets).map((x) => `${x.page} (${x.preset})`);
  const missed = r.filter((x) => !meets(x)).map((x) => `${x.page} (${x.preset})`);
  return [
    `# Web: Lighthouse on the production build — ${report.date}`,
    '',
    `\`npm run bench:web\` (docs/BENCHMARKS.md). Commit ${report.commit}; ${report.machine.cpus} CPUs, Node ${report.machine.node}, ` +
      `${report.machine.chromium} (headless), Lighthouse ${report.machine.lighthouse}; ` +
      `${report.runsPerPage} run(s) per page and preset${report.runsPerPage > 1 ? ' (the median by performance score is shown)' : ''}; ` +
      `${Math.round(report.seconds)} s in all.`,
    '',
    `Goal: performance ≥ ${WEB_GOALS.performance} and accessibility ${WEB_GOALS.accessibility}. ` +
      `**mobile** is Lighthouse's default (Moto G Power, simulated slow 4G and 4× CPU slowdown); **desktop** its desktop preset. ` +
      `Signed in as the demo member; the API serves the built web app as in production.`,
    '',
    '| page | path |',
    '| --- | --- |',
    ...report.pages.map((p) => `| ${p.name} | \`${p.path}\`${p.note ? ` — ${p.note}` : ''} |`),
    '',
    ...(r.some((x) => x.page.endsWith('[gzip]'))
      ? [
          '`[gzip]`: the same page through a local proxy that gzips text answers (level 6, `--gzip`): what ' +
            'compressing in the API (or a proxy in front of it) would give.',
          '',
        ]
      : []),
    `| ${HEAD.join(' | ')} |`,
    `| ${HEAD.map((_, i) => (i < 2 ? '---' : '---:')).join(' | ')} |`,
    ...rows(r).map((row) => `| ${row.join(' | ')} |`),
    '',
    `Meet the goal: ${met.length ? met.join(', ') : 'none'}.  `,
    `Miss it: ${missed.length ? missed.join(', ') : 'none'}.`,
    '',
    `Lighthouse's CPU benchmark index on this machine: ${benchmark.join(', ') || '—'} ` +
      '(the simulated throttling assumes a fast desktop; a busy 2-core machine scores lower than a quiet one).',
    ...(r.some((x) => x.warnings.length)
      ? ['', 'Lighthouse warnings:', ...[...new Set(r.flatMap((x) => x.warnings))].map((w) => `- ${w}`)]
      : []),
    '',
    '## What Lighthouse flagged',
    '',
    ...flaggedSection(r),
    ...shiftSection(report.shifts),
    `Full reports (JSON, open them in https://googlechrome.github.io/lighthouse/viewer/): ${[...new Set(r.map((x) => x.lhrFile.replace(/\/[^/]+$/, '/')))].join(', ')}`,
    '',
  ].join('\n');
}

/** Writes `web-<date>.md` and `web-latest.md` into `dir`; returns the dated file's path. */
export function write(report: WebReport, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const text = markdown(report);
  const file = join(dir, `web-${report.date.replace(/:/g, '-').replace(/\.\d+Z$/, 'Z')}.md`);
  writeFileSync(file, text);
  writeFileSync(join(dir, 'web-latest.md'), text);
  return file;
}
