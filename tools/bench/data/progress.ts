/**
 * One progress bar per phase of the load (cli-progress) on a terminal; elsewhere (CI, a pipe, or a
 * `log` callback given by the caller) one line per finished phase with its count and seconds.
 */
import { Presets, SingleBar } from 'cli-progress';

export interface PhaseTiming {
  name: string;
  rows: number;
  seconds: number;
}

export type Tick = (rows: number) => void;

const fmt = (n: number) => n.toLocaleString('en');

export class Progress {
  readonly phases: PhaseTiming[] = [];
  private readonly bars: boolean;
  private readonly write: (line: string) => void;

  constructor(log?: (line: string) => void) {
    this.bars = !log && !!process.stdout.isTTY;
    this.write = log ?? ((line) => console.log(line));
  }

  /** Runs one phase; `fn` reports the rows it wrote with `tick`. The phase's count is their sum. */
  async phase<T>(name: string, total: number, fn: (tick: Tick) => Promise<T>): Promise<T> {
    const started = Date.now();
    let rows = 0;
    const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
    const bar = this.bars
      ? new SingleBar(
          {
            format: `${name.padEnd(28)} [{bar}] {value}/{total} rows | {secs} s`,
            hideCursor: true,
            formatValue: (v, _o, type) => (type === 'value' || type === 'total' ? fmt(v) : String(v)),
          },
          Presets.shades_classic,
        )
      : null;
    bar?.start(Math.max(total, 1), 0, { secs: '0.0' });
    const timer = bar ? setInterval(() => bar.update(rows, { secs: seconds() }), 500) : null;
    try {
      const result = await fn((n) => {
        rows += n;
        bar?.update(rows, { secs: seconds() });
      });
      if (bar) {
        bar.setTotal(Math.max(rows, 1));
        bar.update(rows, { secs: seconds() });
      }
      return result;
    } finally {
      if (timer) clearInterval(timer);
      bar?.stop();
      const timing = { name, rows, seconds: (Date.now() - started) / 1000 };
      this.phases.push(timing);
      if (!bar)
        this.write(
          `${name.padEnd(28)} ${fmt(rows).padStart(10)} rows ${timing.seconds.toFixed(1).padStart(7)} s`,
        );
    }
  }

  line(text: string): void {
    this.write(text);
  }
}

/** The closing table: rows per table, then seconds per phase. */
export function summaryTable(
  counts: Record<string, number>,
  phases: PhaseTiming[],
  seconds: number,
  sizeBytes: number,
): string {
  const width = Math.max(
    ...Object.keys(counts).map((k) => k.length),
    ...phases.map((p) => p.name.length),
    10,
  );
  const lines = [
    '',
    'Rows per table',
    ...Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([t, n]) => `  ${t.padEnd(width)} ${fmt(n).padStart(11)}`),
  ];
  lines.push(
    '',
    'Phases',
    ...phases.map(
      (p) =>
        `  ${p.name.padEnd(width)} ${fmt(p.rows).padStart(11)} rows ${p.seconds.toFixed(1).padStart(7)} s`,
    ),
  );
  lines.push(
    '',
    `  ${'total'.padEnd(width)} ${`${(sizeBytes / 1024 / 1024).toFixed(0)} MB`.padStart(11)}      ${seconds.toFixed(1).padStart(7)} s`,
  );
  return lines.join('\n');
}
