import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { Language } from '@pratique/contracts';
import { clampPercent, formatPercent } from './learning-format';

/**
 * A progress bar screen readers announce ("Progression, 45 %"): `role="progressbar"` with its
 * name and value, and the percent written next to it for sighted readers.
 */
@Component({
  selector: 'pq-progress-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      class="bar"
      role="progressbar"
      aria-valuemin="0"
      aria-valuemax="100"
      [attr.aria-valuenow]="value()"
      [attr.aria-valuetext]="text()"
      [attr.aria-label]="label()"
    >
      <div class="fill" [class.done]="value() === 100" [style.inline-size.%]="value()"></div>
    </div>
    <span class="text" aria-hidden="true">{{ text() }}</span>
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      gap: 0.6rem;
      min-inline-size: 10rem;
    }
    .bar {
      flex: 1;
      block-size: 0.7rem;
      background: #e3e8ee;
      border: 1px solid #6b7787;
      border-radius: 999px;
      overflow: hidden;
    }
    .fill {
      block-size: 100%;
      background: var(--c-primary);
      border-radius: 999px;
    }
    .fill.done {
      background: var(--c-success);
    }
    .text {
      font-weight: 700;
      font-variant-numeric: tabular-nums;
      min-inline-size: 3.2rem;
    }
  `,
})
export class ProgressBarComponent {
  readonly percent = input.required<number | null>();
  readonly lang = input.required<Language>();
  /** The bar's accessible name (e.g. "Progression dans le module"). */
  readonly label = input.required<string>();

  protected readonly value = computed(() => clampPercent(this.percent()));
  protected readonly text = computed(() => formatPercent(this.value(), this.lang()));
}
