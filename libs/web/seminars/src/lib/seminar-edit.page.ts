import {
  ChangeDetectionStrategy,
  Component,
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
import { ApiError, LanguageService, SeminarsApi, messageKeyForStatus } from '@pratique/web/core';
import { seminarPageTitle } from './page-title';
import { SeminarFormComponent } from './seminar-form.component';

/** /seminars/new and /seminars/:id/edit (staff of the region, admins). */
@Component({
  selector: 'pq-seminar-edit-page',
  imports: [RouterLink, TranslocoPipe, SeminarFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (!id()) {
      <nav class="breadcrumb" [attr.aria-label]="'common.breadcrumb' | transloco">
        <a routerLink="/seminars">{{ 'seminars.list.title' | transloco }}</a>
      </nav>
      <h1>{{ 'seminars.form.newTitle' | transloco }}</h1>
      <div class="card"><pq-seminar-form [presetSpaceId]="spaceId() ?? null" /></div>
    } @else if (errorKey(); as key) {
      <h1>{{ 'seminars.form.editTitle' | transloco }}</h1>
      <p class="alert alert-error">{{ key | transloco }}</p>
    } @else if (seminar(); as s) {
      <nav class="breadcrumb" [attr.aria-label]="'common.breadcrumb' | transloco">
        <a [routerLink]="['/seminars', s.id]" [attr.lang]="title().lang">{{ title().text }}</a>
      </nav>
      <h1>{{ 'seminars.form.editTitle' | transloco }}</h1>
      @if (s.can.edit) {
        <div class="card"><pq-seminar-form [seminar]="s" /></div>
      } @else {
        <p class="alert alert-error">{{ 'errors.forbidden' | transloco }}</p>
      }
    } @else {
      <p class="muted" aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class SeminarEditPage {
  private readonly api = inject(SeminarsApi);
  private readonly language = inject(LanguageService);
  /** Route parameter (absent on /seminars/new). */
  readonly id = input<string | undefined>();
  /** Query string on /seminars/new: start in this space. */
  readonly spaceId = input<string | undefined>();

  protected readonly seminar = signal<SeminarDetail | null>(null);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly title = computed(() => {
    const s = this.seminar();
    return pickLocalized(s?.title, this.language.current(), s?.originalLanguage ?? 'fr');
  });

  constructor() {
    effect(() => {
      const id = this.id();
      if (id) untracked(() => this.load(id));
    });
    seminarPageTitle(() => ({ key: this.id() ? 'seminars.form.editTitle' : 'seminars.form.newTitle' }));
  }

  private load(id: string): void {
    this.seminar.set(null);
    this.errorKey.set(null);
    this.api.get(id).subscribe({
      next: (s) => this.seminar.set(s),
      error: (err) => this.errorKey.set(messageKeyForStatus(err instanceof ApiError ? err.status : 0)),
    });
  }
}
