import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { SKILL_FORMATS, SKILL_LIMITS, SkillFormat, SkillSession } from '@pratique/contracts';
import {
  FieldErrorComponent,
  FormFeedback,
  FormStatusComponent,
  SkillsApi,
  focusFirstInvalid,
} from '@pratique/web/core';
import { SKILLS_STYLES, baseField, dateToLocalInput, localInputToIso } from './skills-format';

let nextId = 0;

/**
 * "Propose a session" between an offer and a request: start and end (the reader's local time,
 * sent as ISO UTC), format, place or meeting link, message. The other side accepts or declines
 * it on /skills/sessions. Errors sit under their fields and are announced by the status region.
 */
@Component({
  selector: 'pq-propose-session',
  imports: [RouterLink, TranslocoPipe, FieldErrorComponent, FormStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: [SKILLS_STYLES],
  template: `
    @if (sent(); as s) {
      <div class="alert alert-success" role="status">
        {{ 'skills.propose.sent' | transloco }}
        <a routerLink="/skills/sessions">{{ 'skills.propose.seeSessions' | transloco }}</a>
      </div>
    } @else {
      <form class="stack propose" novalidate (submit)="$event.preventDefault(); submit()">
        <h3 class="small-heading" [id]="fb.id('heading')">{{ heading() }}</h3>
        <div class="row">
          <div class="field field-grow">
            <label [for]="fb.id('startsAt')">{{ 'skills.propose.startsAt' | transloco }}</label>
            <input
              type="datetime-local"
              [id]="fb.id('startsAt')"
              [value]="startsAt()"
              [attr.aria-invalid]="fb.invalid('startsAt')"
              [attr.aria-describedby]="fb.describedBy('startsAt')"
              (input)="startsAt.set($any($event.target).value)"
            />
            <pq-field-error [feedback]="fb" field="startsAt" />
          </div>
          <div class="field field-grow">
            <label [for]="fb.id('endsAt')">{{ 'skills.propose.endsAt' | transloco }}</label>
            <input
              type="datetime-local"
              [id]="fb.id('endsAt')"
              [value]="endsAt()"
              [attr.aria-invalid]="fb.invalid('endsAt')"
              [attr.aria-describedby]="fb.describedBy('endsAt', fb.id('endsAt') + '-hint')"
              (input)="endsAt.set($any($event.target).value)"
            />
            <p class="hint" [id]="fb.id('endsAt') + '-hint'">
              {{ 'skills.propose.endsHint' | transloco: { hours: limits.sessionHours } }}
            </p>
            <pq-field-error [feedback]="fb" field="endsAt" />
          </div>
        </div>
        <fieldset class="fieldset" [attr.aria-describedby]="fb.describedBy('format')">
          <legend>{{ 'skills.propose.format' | transloco }}</legend>
          <div class="check-row">
            @for (f of formats; track f) {
              <label>
                <input
                  type="radio"
                  [name]="fb.id('format')"
                  [value]="f"
                  [checked]="format() === f"
                  (change)="chosen.set(f)"
                />
                {{ 'skills.formatName.' + f | transloco }}
              </label>
            }
          </div>
          <pq-field-error [feedback]="fb" field="format" />
        </fieldset>
        <div class="field">
          <label [for]="fb.id('place')">{{ 'skills.propose.place' | transloco }}</label>
          <input
            type="text"
            dir="auto"
            [id]="fb.id('place')"
            [maxLength]="limits.placeChars"
            [value]="place()"
            [attr.aria-invalid]="fb.invalid('place')"
            [attr.aria-describedby]="fb.describedBy('place', fb.id('place') + '-hint')"
            (input)="place.set($any($event.target).value)"
          />
          <p class="hint" [id]="fb.id('place') + '-hint'">{{ 'skills.propose.placeHint' | transloco }}</p>
          <pq-field-error [feedback]="fb" field="place" />
        </div>
        <div class="field">
          <label [for]="fb.id('message')">{{ 'skills.propose.message' | transloco }}</label>
          <textarea
            rows="3"
            dir="auto"
            [id]="fb.id('message')"
            [maxLength]="limits.messageChars"
            [value]="message()"
            [attr.aria-invalid]="fb.invalid('message')"
            [attr.aria-describedby]="fb.describedBy('message')"
            (input)="message.set($any($event.target).value)"
          ></textarea>
          <pq-field-error [feedback]="fb" field="message" />
        </div>
        <pq-form-status [feedback]="fb" />
        <div class="actions">
          <button type="submit" class="btn btn-primary" [disabled]="fb.busy()">
            {{ (fb.busy() ? 'common.working' : 'skills.propose.submit') | transloco }}
          </button>
          <button type="button" class="btn btn-ghost-dark" (click)="closed.emit()">
            {{ 'common.cancel' | transloco }}
          </button>
        </div>
      </form>
    }
  `,
})
export class ProposeSessionComponent {
  private readonly api = inject(SkillsApi);
  readonly offerId = input.required<string>();
  readonly requestId = input.required<string>();
  /** The heading of the form (already translated): who the session is proposed to. */
  readonly heading = input.required<string>();
  /** Formats both sides accept, to pre-select the first. */
  readonly preferred = input<SkillFormat[]>([]);
  readonly closed = output<void>();
  readonly proposed = output<SkillSession>();

  protected readonly fb = new FormFeedback(`propose-${nextId++}`);
  protected readonly limits = SKILL_LIMITS;
  protected readonly formats = SKILL_FORMATS;
  protected readonly startsAt = signal(dateToLocalInput(nextHour(7 * 24)));
  protected readonly endsAt = signal(dateToLocalInput(nextHour(7 * 24 + 2)));
  /** The reader's choice; until then the first format both sides accept. */
  protected readonly chosen = signal<SkillFormat | null>(null);
  protected readonly format = computed(() => this.chosen() ?? this.preferred()[0] ?? SkillFormat.Remote);
  protected readonly place = signal('');
  protected readonly message = signal('');
  protected readonly sent = signal<SkillSession | null>(null);

  submit(): void {
    this.fb.clear();
    const startsAt = localInputToIso(this.startsAt());
    const endsAt = localInputToIso(this.endsAt());
    const fields: Record<string, { key: string; params?: Record<string, unknown> }> = {};
    if (!startsAt) fields['startsAt'] = { key: 'errors.required' };
    if (!endsAt) fields['endsAt'] = { key: 'errors.required' };
    else if (startsAt && endsAt <= startsAt) fields['endsAt'] = { key: 'skills.propose.endsBeforeStart' };
    if (Object.keys(fields).length) {
      this.fb.fields.set(fields);
      this.fb.summary.set({ key: 'errors.formInvalid', params: { count: Object.keys(fields).length } });
      focusFirstInvalid();
      return;
    }
    this.fb.busy.set(true);
    this.api
      .propose({
        offerId: this.offerId(),
        requestId: this.requestId(),
        startsAt: startsAt as string,
        endsAt: endsAt as string,
        format: this.format(),
        place: this.place().trim(),
        message: this.message().trim(),
      })
      .subscribe({
        next: (s) => {
          this.fb.busy.set(false);
          this.sent.set(s);
          this.proposed.emit(s);
        },
        error: (err) => {
          this.fb.busy.set(false);
          this.fb.fromError(err);
          const fields = this.fb.fields();
          this.fb.fields.set(Object.fromEntries(Object.entries(fields).map(([k, v]) => [baseField(k), v])));
          focusFirstInvalid();
        },
      });
  }
}

/** A round hour `hours` from now (a sensible default for a proposal). */
function nextHour(hours: number): Date {
  const d = new Date(Date.now() + hours * 3600_000);
  d.setMinutes(0, 0, 0);
  d.setHours(Math.min(Math.max(d.getHours(), 9), 16));
  return d;
}
