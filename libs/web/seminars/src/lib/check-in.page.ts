import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { SeminarDetail, pickLocalized } from '@pratique/contracts';
import {
  ApiError,
  FieldErrorComponent,
  FormFeedback,
  FormStatusComponent,
  LanguageService,
  SeminarsApi,
  focusFirstInvalid,
} from '@pratique/web/core';
import { seminarPageTitle } from './page-title';

/**
 * /seminars/:id/check-in?code=… — where the QR code at the venue leads: the member confirms they
 * are here (one button), or types the code shown if they came without it.
 */
@Component({
  selector: 'pq-check-in-page',
  imports: [RouterLink, TranslocoPipe, FieldErrorComponent, FormStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="narrow">
      <h1>{{ 'seminars.checkIn.title' | transloco }}</h1>
      @if (seminar(); as s) {
        <p class="lead">
          <a [routerLink]="['/seminars', s.id]" [attr.lang]="title().lang" [attr.dir]="title().dir">{{
            title().text
          }}</a>
        </p>
      }
      @if (done()) {
        <p class="alert alert-success" role="status">{{ 'seminars.checkIn.done' | transloco }}</p>
      } @else {
        <form class="card stack" novalidate (submit)="submit($event, codeInput.value)">
          <pq-form-status [feedback]="fb" />
          <div class="field">
            <label [for]="fb.id('code')">{{ 'seminars.checkIn.codeLabel' | transloco }}</label>
            <input
              #codeInput
              type="text"
              dir="ltr"
              autocomplete="off"
              [id]="fb.id('code')"
              [value]="code() ?? ''"
              [attr.aria-invalid]="fb.invalid('code')"
              [attr.aria-describedby]="fb.describedBy('code')"
            />
            <pq-field-error [feedback]="fb" field="code" />
            <pq-field-error [feedback]="fb" field="registration" />
          </div>
          <div class="actions">
            <button type="submit" class="btn btn-primary" [disabled]="fb.busy()">
              {{ (fb.busy() ? 'common.working' : 'seminars.checkIn.submit') | transloco }}
            </button>
          </div>
        </form>
      }
    </div>
  `,
})
export class CheckInPage {
  private readonly api = inject(SeminarsApi);
  private readonly language = inject(LanguageService);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);

  /** Route parameter. */
  readonly id = input.required<string>();
  /** Query string (from the QR code). */
  readonly code = input<string | undefined>();

  protected readonly fb = new FormFeedback('check-in');
  protected readonly seminar = signal<SeminarDetail | null>(null);
  protected readonly done = signal(false);
  protected readonly title = computed(() => {
    const s = this.seminar();
    return pickLocalized(s?.title, this.language.current(), s?.originalLanguage ?? 'fr');
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() =>
        this.api.get(id).subscribe({ next: (s) => this.seminar.set(s), error: () => undefined }),
      );
    });
    seminarPageTitle(() => ({ key: 'seminars.checkIn.title' }));
  }

  submit(event: Event, code: string): void {
    event.preventDefault();
    this.fb.clear();
    if (!code.trim()) {
      this.fb.fields.set({ code: { key: 'errors.required' } });
      this.fb.summary.set({ key: 'errors.formInvalid', params: { count: 1 } });
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.fb.busy.set(true);
    this.api.checkIn(this.id(), code.trim()).subscribe({
      next: () => {
        this.fb.busy.set(false);
        this.done.set(true);
      },
      error: (err) => {
        this.fb.busy.set(false);
        if (err instanceof ApiError && err.status === 409) {
          this.fb.fields.set({ code: { key: 'seminars.checkIn.noRegistration' } });
          this.fb.summary.set({ key: 'seminars.checkIn.noRegistration' });
        } else if (err instanceof ApiError && err.status === 400) {
          this.fb.fields.set({ code: { key: 'seminars.checkIn.badCode' } });
          this.fb.summary.set({ key: 'seminars.checkIn.badCode' });
        } else this.fb.fromError(err);
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }
}
