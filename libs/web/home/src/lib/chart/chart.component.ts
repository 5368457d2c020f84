import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterRenderEffect,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { FORMAT_LOCALES, Language, directionOf } from '@pratique/contracts';
import type { Chart as ChartJs, ChartConfiguration } from 'chart.js';
import { formatCount } from '../home-format';
import { ChartSpec, SERIES_STYLES, specRows, wrapLabel } from './chart-spec';

let idSeq = 0;

/**
 * A chart people look at, with its numbers as a table people can read: the canvas (Chart.js,
 * loaded only when a chart is shown, so the member's home never downloads it) is hidden from
 * assistive technology, and the table — the same spec — is always in the page, visually hidden
 * until "Show the numbers" is pressed. Right to left in Arabic: time runs from right to left,
 * legends and tooltips read right to left, numbers use the locale's format.
 */
@Component({
  selector: 'pq-chart',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="chart">
      <figcaption [id]="captionId">{{ spec().caption }}</figcaption>
      <div class="canvas-box" [class.tall]="spec().kind === 'stacked-bars'" [style.block-size.rem]="height()">
        <canvas #canvas aria-hidden="true"></canvas>
      </div>
      <button
        type="button"
        class="btn btn-ghost btn-small"
        [attr.aria-expanded]="showTable()"
        [attr.aria-controls]="tableId"
        (click)="showTable.set(!showTable())"
      >
        {{ (showTable() ? 'homes.chart.hideNumbers' : 'homes.chart.showNumbers') | transloco }}
      </button>
      <div
        class="table-box"
        [class.sr-only]="!showTable()"
        [id]="tableId"
        [attr.tabindex]="showTable() ? 0 : null"
        [attr.role]="showTable() ? 'region' : null"
        [attr.aria-labelledby]="showTable() ? captionId : null"
      >
        <table>
          <caption>
            {{
              spec().caption
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ spec().labelHeader }}</th>
              @for (s of spec().series; track $index) {
                <th scope="col">{{ s.label }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track $index) {
              <tr>
                <th scope="row">{{ row.label }}</th>
                @for (v of row.values; track $index) {
                  <td>{{ count(v) }}</td>
                }
              </tr>
            }
          </tbody>
        </table>
      </div>
    </figure>
  `,
  styles: `
    :host {
      display: block;
      min-inline-size: 0;
    }
    .chart {
      margin: 0;
    }
    figcaption {
      font-weight: 600;
      margin-block-end: 0.5rem;
    }
    .canvas-box {
      position: relative;
      inline-size: 100%;
      overflow: hidden;
      min-block-size: 14rem;
    }
    .table-box:not(.sr-only) {
      margin-block-start: 0.5rem;
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    caption {
      text-align: start;
      font-weight: 600;
    }
    th,
    td {
      padding: 0.25rem 0.6rem;
      border-block-end: 1px solid var(--c-border);
      text-align: start;
    }
    td {
      text-align: end;
    }
  `,
})
export class ChartComponent {
  readonly spec = input.required<ChartSpec>();
  readonly lang = input.required<Language>();

  protected readonly showTable = signal(false);
  protected readonly rows = computed(() => specRows(this.spec()));
  /** Bars get room per module; lines a fixed height. */
  protected readonly height = computed(() =>
    this.spec().kind === 'stacked-bars' ? Math.max(10, 4 + this.spec().labels.length * 3.2) : 16,
  );
  private readonly seq = ++idSeq;
  protected readonly captionId = `chart-caption-${this.seq}`;
  protected readonly tableId = `chart-table-${this.seq}`;

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: ChartJs | null = null;
  private destroyed = false;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      this.chart?.destroy();
    });
    afterRenderEffect(() => {
      const config = configFor(this.spec(), this.lang());
      void this.draw(config);
    });
  }

  protected count(n: number): string {
    return formatCount(n, this.lang());
  }

  private async draw(config: ChartConfiguration): Promise<void> {
    const Chart = await loadChartJs();
    if (this.destroyed) return;
    this.chart?.destroy();
    this.chart = new Chart(this.canvas().nativeElement, config);
  }
}

/** Chart.js with only what these charts use registered (tree-shaken, one lazy chunk). */
let chartJs: Promise<typeof ChartJs> | null = null;
function loadChartJs(): Promise<typeof ChartJs> {
  chartJs ??= import('chart.js').then((m) => {
    m.Chart.register(
      m.LineController,
      m.LineElement,
      m.PointElement,
      m.BarController,
      m.BarElement,
      m.CategoryScale,
      m.LinearScale,
      m.Legend,
      m.Tooltip,
    );
    return m.Chart;
  });
  return chartJs;
}

/** The Chart.js configuration for a spec, in the reader's locale and direction. */
export function configFor(spec: ChartSpec, lang: Language): ChartConfiguration {
  const rtl = directionOf(lang) === 'rtl';
  const locale = FORMAT_LOCALES[lang];
  const common = {
    responsive: true,
    maintainAspectRatio: false,
    // No animation: the numbers appear at once (no motion to sit through, nothing drawn twice).
    animation: false as const,
    locale,
    plugins: {
      legend: { rtl, textDirection: rtl ? 'rtl' : 'ltr', labels: { usePointStyle: true, color: '#1c2430' } },
      tooltip: { rtl, textDirection: rtl ? 'rtl' : 'ltr' },
    },
  };
  const tick = { color: '#4a5566', precision: 0 };
  if (spec.kind === 'line') {
    return {
      type: 'line',
      data: {
        labels: spec.labels,
        datasets: spec.series.map((s, i) => {
          const style = SERIES_STYLES[i % SERIES_STYLES.length];
          return {
            label: s.label,
            data: s.values,
            borderColor: style.color,
            backgroundColor: style.color,
            pointStyle: style.point,
            pointRadius: 4,
            borderDash: [...style.dash],
            tension: 0.2,
          };
        }),
      },
      options: {
        ...common,
        scales: {
          x: { reverse: rtl, ticks: tick },
          y: { beginAtZero: true, position: rtl ? 'right' : 'left', ticks: tick },
        },
      },
    } as ChartConfiguration;
  }
  return {
    type: 'bar',
    data: {
      labels: spec.labels.map((l) => wrapLabel(l)),
      datasets: spec.series.map((s, i) => ({
        label: s.label,
        data: s.values,
        backgroundColor: SERIES_STYLES[i % SERIES_STYLES.length].color,
        borderColor: '#ffffff',
        borderWidth: 1,
      })),
    },
    options: {
      ...common,
      indexAxis: 'y',
      scales: {
        x: { stacked: true, beginAtZero: true, reverse: rtl, ticks: tick },
        // Every module keeps its name beside its bar (Chart.js would skip labels that do not fit).
        y: { stacked: true, position: rtl ? 'right' : 'left', ticks: { color: '#1c2430', autoSkip: false } },
      },
    },
  } as ChartConfiguration;
}
