import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/**
 * A member's percent in a required module against the minimum: `role="progressbar"` named after
 * the module, whose value text says both ("30 %, 50 % required"); a tick marks the minimum.
 */
@Component({
  selector: 'pq-requirement-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      class="bar"
      role="progressbar"
      aria-valuemin="0"
      aria-valuemax="100"
      [attr.aria-valuenow]="value()"
      [attr.aria-valuetext]="valueText()"
      [attr.aria-label]="label()"
    >
      <div class="fill" [class.met]="met()" [style.inline-size.%]="value()"></div>
      <div class="min" [style.inset-inline-start.%]="required()"></div>
    </div>
    <span class="text" aria-hidden="true">{{ valueText() }}</span>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.3rem 0.75rem;
    }
    .bar {
      position: relative;
      flex: 1 1 12rem;
      block-size: 0.8rem;
      background: #e3e8ee;
      border: 1px solid #6b7787;
      border-radius: 999px;
    }
    .fill {
      block-size: 100%;
      background: var(--c-primary);
      border-radius: 999px;
    }
    .fill.met {
      background: var(--c-success);
    }
    .min {
      position: absolute;
      inset-block: -0.3rem;
      inline-size: 3px;
      margin-inline-start: -1px;
      background: var(--c-text);
    }
    .text {
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class RequirementBarComponent {
  readonly current = input.required<number>();
  readonly required = input.required<number>();
  readonly met = input(false);
  /** Accessible name (the module's title). */
  readonly label = input.required<string>();
  /** "30 % sur 50 % requis", already translated. */
  readonly valueText = input.required<string>();

  protected readonly value = computed(() => Math.min(100, Math.max(0, Math.round(this.current()))));
}
