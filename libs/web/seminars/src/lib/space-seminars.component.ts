import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, provideTranslocoScope } from '@jsverse/transloco';
import { Language, Page, SeminarSummary } from '@pratique/contracts';
import { ApiError, SeminarsApi, SessionStore, messageKeyForStatus } from '@pratique/web/core';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { SeminarCardComponent } from './seminar-card.component';

type State =
  { status: 'loading' } | { status: 'ready'; page: Page<SeminarSummary> } | { status: 'error'; key: string };

/**
 * The Seminars tab of a space: its upcoming seminars (`GET /api/seminars?spaceId=`). Brings the
 * seminars translation scope with it, since the space page lives outside /seminars.
 */
@Component({
  selector: 'pq-space-seminars',
  imports: [RouterLink, TranslocoPipe, SeminarCardComponent],
  providers: [provideTranslocoScope('seminars')],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (!session.signedIn()) {
      <p>
        <a routerLink="/sign-in" [queryParams]="{ returnUrl: returnUrl() }">{{
          'seminars.space.signIn' | transloco
        }}</a>
      </p>
    } @else if (canCreate()) {
      <p>
        <a
          class="btn btn-secondary btn-small"
          routerLink="/seminars/new"
          [queryParams]="{ spaceId: spaceId() }"
          >{{ 'seminars.list.new' | transloco }}</a
        >
      </p>
    }
    @switch (state().status) {
      @case ('loading') {
        <p class="muted" aria-live="polite">{{ 'common.loading' | transloco }}</p>
      }
      @case ('error') {
        <p class="alert alert-error">{{ errorKey() | transloco }}</p>
      }
    }
    @if (items(); as list) {
      @if (list.length === 0) {
        <p class="empty">{{ 'seminars.space.empty' | transloco }}</p>
      } @else {
        <ul class="card-grid">
          @for (s of list; track s.id) {
            <li><pq-seminar-card [seminar]="s" [lang]="lang()" /></li>
          }
        </ul>
        <p class="more">
          <a routerLink="/seminars" [queryParams]="{ spaceId: spaceId() }">{{
            'seminars.space.all' | transloco
          }}</a>
        </p>
      }
    }
  `,
  styles: `
    .more {
      margin-block: 1rem 0;
    }
  `,
})
export class SpaceSeminarsComponent {
  private readonly api = inject(SeminarsApi);
  protected readonly session = inject(SessionStore);
  readonly spaceId = input.required<string>();
  readonly lang = input.required<Language>();
  /** Where to come back after signing in (the space page). */
  readonly returnUrl = input<string>('/seminars');

  protected readonly canCreate = computed(
    () => this.session.isAdmin() || this.session.staffRegionIds().length > 0,
  );
  protected readonly state = toSignal(
    toObservable(this.spaceId).pipe(
      switchMap((spaceId) =>
        !this.session.signedIn()
          ? of<State>({ status: 'ready', page: { items: [], total: 0, page: 1, pageSize: 12 } })
          : this.api.list({ spaceId, pageSize: 12 }).pipe(
              map((page): State => ({ status: 'ready', page })),
              catchError((err) =>
                of<State>({
                  status: 'error',
                  key: messageKeyForStatus(err instanceof ApiError ? err.status : 0),
                }),
              ),
              startWith<State>({ status: 'loading' }),
            ),
      ),
    ),
    { initialValue: { status: 'loading' } as State },
  );
  protected readonly items = computed(() => {
    const s = this.state();
    return s.status === 'ready' ? s.page.items : null;
  });
  protected readonly errorKey = computed(() => {
    const s = this.state();
    return s.status === 'error' ? s.key : 'errors.generic';
  });
}
