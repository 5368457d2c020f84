import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { FieldErrorComponent, FormFeedback } from '@pratique/web/core';
import { regionNames } from './skills-format';

/**
 * Several of a fixed list (formats, languages) as a fieldset of checkboxes with its legend and
 * its error, as the offer and need forms ask them. `labelPrefix` + option is the translation key.
 */
@Component({
  selector: 'pq-check-group',
  imports: [TranslocoPipe, FieldErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset class="fieldset">
      <legend>{{ legend() }}</legend>
      <div class="check-row">
        @for (option of options(); track option) {
          <label>
            <input
              type="checkbox"
              [checked]="value().includes(option)"
              [attr.aria-invalid]="fb().invalid(field())"
              [attr.aria-describedby]="fb().describedBy(field())"
              (change)="toggle(option, $any($event.target).checked)"
            />
            {{ labelPrefix() + option | transloco }}
          </label>
        }
      </div>
      <pq-field-error [feedback]="fb()" [field]="field()" />
    </fieldset>
  `,
})
export class CheckGroupComponent<T extends string> {
  readonly legend = input.required<string>();
  readonly options = input.required<readonly T[]>();
  readonly labelPrefix = input.required<string>();
  readonly field = input.required<string>();
  readonly fb = input.required<FormFeedback>();
  /** The chosen options, in the order they were ticked (callers sort them as they send them). */
  readonly value = model.required<T[]>();

  protected toggle(option: T, on: boolean): void {
    this.value.update((list) => {
      const others = list.filter((v) => v !== option);
      return on ? [...others, option] : others;
    });
  }
}

/** The region of an offer or a need: one of the regions, or none ("any region"). */
@Component({
  selector: 'pq-region-select',
  imports: [TranslocoPipe, FieldErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="field">
      <label [for]="fb().id('regionId')">{{ label() }}</label>
      <select
        [id]="fb().id('regionId')"
        [attr.aria-invalid]="fb().invalid('regionId')"
        [attr.aria-describedby]="fb().describedBy('regionId')"
        (change)="value.set($any($event.target).value)"
      >
        <option value="" [selected]="!value()">{{ 'skills.fields.anyRegion' | transloco }}</option>
        @for (r of regions.list(); track r.id) {
          <option [value]="r.id" [selected]="r.id === value()">{{ r.name }}</option>
        }
      </select>
      <pq-field-error [feedback]="fb()" field="regionId" />
    </div>
  `,
})
export class RegionSelectComponent {
  readonly label = input.required<string>();
  readonly fb = input.required<FormFeedback>();
  /** A region id, or '' for none. */
  readonly value = model.required<string>();
  protected readonly regions = regionNames();
}
