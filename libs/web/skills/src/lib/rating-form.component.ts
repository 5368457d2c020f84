import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { SKILL_LIMITS, SkillSession, SkillSide } from '@pratique/contracts';
import {
  FieldErrorComponent,
  FormFeedback,
  FormStatusComponent,
  SkillsApi,
  UiMessage,
  focusFirstInvalid,
} from '@pratique/web/core';
import { SKILLS_STYLES } from './skills-format';

const SCORES = [1, 2, 3, 4, 5] as const;

/**
 * Rating a done session from the caller's side: usefulness and availability/pedagogy, each a
 * group of five radio buttons (a fieldset with its legend), and a short review. Sent with PUT,
 * so a side may change its rating.
 */
@Component({
  selector: 'pq-rating-form',
  imports: [TranslocoPipe, FieldErrorComponent, FormStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: [
    SKILLS_STYLES,
    `
      .scores {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem 0.9rem;
      }
      .scores label {
        font-weight: 400;
        display: inline-flex;
        gap: 0.3rem;
        align-items: center;
      }
    `,
  ],
  template: `
    <form class="stack subsection" novalidate (submit)="$event.preventDefault(); submit()">
      <h4 class="small-heading">{{ 'skills.rate.title' | transloco }}</h4>
      @for (q of questions(); track q.field) {
        <fieldset class="fieldset" [attr.aria-describedby]="fb.describedBy(q.field)">
          <legend>{{ q.legend | transloco }}</legend>
          <div class="scores">
            @for (n of scores; track n) {
              <label>
                <input
                  type="radio"
                  [name]="fb.id(q.field)"
                  [value]="n"
                  [checked]="value(q.field) === n"
                  [attr.aria-invalid]="fb.invalid(q.field)"
                  (change)="set(q.field, n)"
                />
                {{ 'skills.rate.score' | transloco: { score: n } }}
              </label>
            }
          </div>
          <pq-field-error [feedback]="fb" [field]="q.field" />
        </fieldset>
      }
      <div class="field">
        <label [for]="fb.id('review')">{{ 'skills.rate.review' | transloco }}</label>
        <textarea
          rows="3"
          dir="auto"
          [id]="fb.id('review')"
          [maxLength]="limits.reviewChars"
          [value]="review()"
          [attr.aria-invalid]="fb.invalid('review')"
          [attr.aria-describedby]="fb.describedBy('review')"
          (input)="review.set($any($event.target).value)"
        ></textarea>
        <pq-field-error [feedback]="fb" field="review" />
      </div>
      <pq-form-status [feedback]="fb" />
      <div class="actions">
        <button type="submit" class="btn btn-primary" [disabled]="fb.busy()">
          {{ (fb.busy() ? 'common.working' : 'skills.rate.submit') | transloco }}
        </button>
      </div>
    </form>
  `,
})
export class RatingFormComponent {
  private readonly api = inject(SkillsApi);
  readonly session = input.required<SkillSession>();
  readonly rated = output<SkillSession>();

  protected readonly scores = SCORES;
  protected readonly limits = SKILL_LIMITS;
  protected readonly fb = new FormFeedback(`rate-${Math.random().toString(36).slice(2, 8)}`);
  protected readonly usefulness = signal<number | null>(null);
  protected readonly pedagogy = signal<number | null>(null);
  protected readonly review = signal('');

  /** The volunteer rates the organisation's team; the organisation rates the volunteer. */
  protected readonly questions = computed(() => {
    const volunteer = this.session().mySide === SkillSide.Volunteer;
    return [
      { field: 'usefulness' as const, legend: 'skills.rate.usefulness' },
      {
        field: 'pedagogy' as const,
        legend: volunteer ? 'skills.rate.pedagogyOrganisation' : 'skills.rate.pedagogyVolunteer',
      },
    ];
  });

  protected value(field: 'usefulness' | 'pedagogy'): number | null {
    return field === 'usefulness' ? this.usefulness() : this.pedagogy();
  }
  /** A score chosen: that group's error (if any) is answered. */
  protected set(field: 'usefulness' | 'pedagogy', n: number): void {
    (field === 'usefulness' ? this.usefulness : this.pedagogy).set(n);
    if (this.fb.error(field)) {
      const { [field]: _answered, ...rest } = this.fb.fields();
      this.fb.fields.set(rest);
    }
  }

  submit(): void {
    this.fb.clear();
    const fields: Record<string, UiMessage> = {};
    if (this.usefulness() === null) fields['usefulness'] = { key: 'skills.rate.chooseScore' };
    if (this.pedagogy() === null) fields['pedagogy'] = { key: 'skills.rate.chooseScore' };
    if (Object.keys(fields).length) {
      this.fb.fields.set(fields);
      this.fb.summary.set({ key: 'errors.formInvalid', params: { count: Object.keys(fields).length } });
      focusFirstInvalid();
      return;
    }
    this.fb.busy.set(true);
    this.api
      .rate(this.session().id, {
        usefulness: this.usefulness() as number,
        pedagogy: this.pedagogy() as number,
        review: this.review().trim(),
      })
      .subscribe({
        next: (s) => {
          this.fb.busy.set(false);
          this.fb.succeed('skills.rate.saved');
          this.rated.emit(s);
        },
        error: (err) => {
          this.fb.busy.set(false);
          this.fb.fromError(err);
          focusFirstInvalid();
        },
      });
  }
}
