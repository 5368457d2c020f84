import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  DEFAULT_PAGE_SIZE,
  THREAD_KINDS,
  ThreadKind,
  ThreadListQuery,
  ThreadPage,
  pickLocalized,
} from '@pratique/contracts';
import {
  ApiError,
  DiscussionsApi,
  LanguageService,
  messageKeyForStatus,
  PagerComponent,
  SessionStore,
  SpacesApi,
} from '@pratique/web/core';
import { catchError, combineLatest, map, of, startWith, switchMap } from 'rxjs';
import { formatDate } from './discussion-format';
import { discussionPageTitle } from './page-title';
import { ThreadBadgesComponent } from './thread-badges.component';

type State =
  | { status: 'loading' }
  | { status: 'ready'; page: ThreadPage }
  | { status: 'error'; key: string; notFound: boolean };

/**
 * /spaces/:slug/discussions: the threads of a space, pinned first; search (French and Arabic,
 * on the server), kind filter and "unanswered questions" in the URL query string.
 */
@Component({
  selector: 'pq-discussions-list-page',
  imports: [RouterLink, TranslocoPipe, ThreadBadgesComponent, PagerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="breadcrumb" [attr.aria-label]="'common.breadcrumb' | transloco">
      <a [routerLink]="['/spaces', slug()]" [attr.lang]="spaceTitle().lang" [attr.dir]="spaceTitle().dir">{{
        spaceTitle().text || slug()
      }}</a>
    </nav>

    @if (notFound()) {
      <h1>{{ 'discussions.notFoundTitle' | transloco }}</h1>
      <p>{{ 'discussions.notFoundText' | transloco }}</p>
    } @else {
      <div class="page-head">
        <h1>{{ 'discussions.title' | transloco }}</h1>
        <div class="actions">
          @if (pageData()?.can?.follow) {
            <button
              type="button"
              class="btn btn-secondary"
              [attr.aria-pressed]="following()"
              [disabled]="busy()"
              (click)="toggleFollow()"
            >
              {{ (following() ? 'discussions.follow.spaceOn' : 'discussions.follow.space') | transloco }}
            </button>
          }
          @if (pageData()?.can?.post) {
            <a class="btn btn-primary" [routerLink]="['/spaces', slug(), 'discussions', 'new']">{{
              'discussions.new' | transloco
            }}</a>
          }
        </div>
      </div>
      @if (!session.signedIn()) {
        <p>
          <a routerLink="/sign-in" [queryParams]="{ returnUrl: '/spaces/' + slug() + '/discussions' }">{{
            'discussions.signInToPost' | transloco
          }}</a>
        </p>
      } @else if (pageData() && !pageData()?.can?.post) {
        <p class="muted">
          <a [routerLink]="['/spaces', slug()]">{{ 'discussions.joinToPost' | transloco }}</a>
        </p>
      }

      <form class="filters card" role="search" (submit)="search($event, qInput.value)">
        <div class="field field-grow">
          <label for="discussions-q">{{ 'discussions.search' | transloco }}</label>
          <div class="inline">
            <input
              id="discussions-q"
              #qInput
              type="search"
              name="q"
              dir="auto"
              maxlength="200"
              [value]="q() ?? ''"
            />
            <button class="btn btn-primary" type="submit">
              {{ 'discussions.searchButton' | transloco }}
            </button>
          </div>
        </div>
        <div class="field">
          <label for="discussions-kind">{{ 'discussions.kindFilter' | transloco }}</label>
          <select id="discussions-kind" (change)="setFilter('kind', $any($event.target).value)">
            <option value="" [selected]="!kindFilter()">{{ 'discussions.allKinds' | transloco }}</option>
            @for (k of kinds; track k) {
              <option [value]="k" [selected]="k === kindFilter()">
                {{ 'discussions.kind.' + k | transloco }}
              </option>
            }
          </select>
        </div>
        <div class="field field-check">
          <input
            id="discussions-unanswered"
            type="checkbox"
            [checked]="unanswered() === 'true'"
            (change)="setFilter('unanswered', $any($event.target).checked ? 'true' : '')"
          />
          <label for="discussions-unanswered">{{ 'discussions.unansweredOnly' | transloco }}</label>
        </div>
      </form>

      <div aria-live="polite" class="results-status">
        @switch (state().status) {
          @case ('loading') {
            <p class="muted">{{ 'common.loading' | transloco }}</p>
          }
          @case ('error') {
            <p class="alert alert-error">{{ errorKey() | transloco }}</p>
          }
          @case ('ready') {
            <p class="muted">
              {{ 'discussions.resultCount' | transloco: { count: pageData()?.total ?? 0 } }}
            </p>
          }
        }
      </div>

      @if (pageData(); as p) {
        @if (p.items.length === 0) {
          <p class="empty">{{ (q() ? 'discussions.emptySearch' : 'discussions.empty') | transloco }}</p>
        } @else {
          <ul class="thread-list">
            @for (t of p.items; track t.id) {
              <li class="card thread-item" [class.is-pinned]="t.pinned" [class.is-hidden]="t.hidden">
                <pq-thread-badges [thread]="t" />
                <h2 class="thread-title">
                  <a [routerLink]="['/discussions', t.id]" dir="auto">{{ t.title }}</a>
                </h2>
                <p class="card-meta">
                  <span dir="auto">{{
                    'discussions.meta.by' | transloco: { name: t.author.displayName }
                  }}</span>
                  · {{ 'discussions.meta.replies' | transloco: { count: t.replyCount } }} ·
                  {{ 'discussions.meta.lastActivity' | transloco: { date: date(t.lastActivityAt) } }}
                </p>
              </li>
            }
          </ul>
        }
        <pq-pager
          [page]="p.page"
          [total]="p.total"
          [pageSize]="p.pageSize"
          [label]="'discussions.pagination' | transloco"
        />
      }
    }
  `,
  styles: `
    .thread-list {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .thread-item {
      display: flex;
      flex-direction: column;
      gap: 0.4rem;
      margin-block-end: 0.75rem;
    }
    .thread-item.is-pinned {
      border-inline-start: 4px solid var(--c-primary);
    }
    .thread-item.is-hidden {
      border-style: dashed;
    }
    .thread-title {
      font-size: 1.1rem;
      margin: 0;
      overflow-wrap: anywhere;
    }
    .card-meta {
      margin: 0;
    }
  `,
})
export class DiscussionsListPage {
  protected readonly session = inject(SessionStore);
  protected readonly language = inject(LanguageService);
  private readonly api = inject(DiscussionsApi);
  private readonly spaces = inject(SpacesApi);
  private readonly router = inject(Router);

  /** Route parameter (inherited). */
  readonly slug = input.required<string>();
  /** Query string. */
  readonly q = input<string | undefined>();
  readonly kind = input<string | undefined>();
  readonly unanswered = input<string | undefined>();
  readonly pageParam = input<string | undefined>(undefined, { alias: 'page' });

  protected readonly kinds = THREAD_KINDS;
  protected readonly busy = signal(false);
  private readonly followOverride = signal<boolean | null>(null);

  protected readonly kindFilter = computed(() => {
    const k = this.kind();
    return k && (THREAD_KINDS as readonly string[]).includes(k) ? (k as ThreadKind) : undefined;
  });

  private readonly query = computed<ThreadListQuery>(() => {
    const page = Number(this.pageParam() ?? 1);
    return {
      q: this.q()?.trim() || undefined,
      kind: this.kindFilter(),
      unanswered: this.unanswered() === 'true' || undefined,
      page: Number.isInteger(page) && page > 0 ? page : 1,
      pageSize: DEFAULT_PAGE_SIZE,
    };
  });

  private readonly space = toSignal(
    toObservable(this.slug).pipe(switchMap((slug) => this.spaces.get(slug).pipe(catchError(() => of(null))))),
    { initialValue: null },
  );
  protected readonly spaceTitle = computed(() => {
    const s = this.space();
    return pickLocalized(s?.title, this.language.current(), s?.originalLanguage ?? this.language.current());
  });

  protected readonly state = toSignal(
    combineLatest([toObservable(this.slug), toObservable(this.query)]).pipe(
      switchMap(([slug, query]) =>
        this.api.list(slug, query).pipe(
          map((page): State => ({ status: 'ready', page })),
          catchError((err) => {
            const status = err instanceof ApiError ? err.status : 0;
            return of<State>({ status: 'error', key: messageKeyForStatus(status), notFound: status === 404 });
          }),
          startWith<State>({ status: 'loading' }),
        ),
      ),
    ),
    { initialValue: { status: 'loading' } as State },
  );

  protected readonly pageData = computed(() => {
    const s = this.state();
    return s.status === 'ready' ? s.page : null;
  });
  protected readonly notFound = computed(() => {
    const s = this.state();
    return s.status === 'error' && s.notFound;
  });
  protected readonly errorKey = computed(() => {
    const s = this.state();
    return s.status === 'error' ? s.key : 'errors.generic';
  });
  protected readonly following = computed(
    () => this.followOverride() ?? this.pageData()?.followingSpace ?? false,
  );

  constructor() {
    discussionPageTitle(() => {
      const text = this.spaceTitle().text;
      return text ? { key: 'pageTitle', params: { space: text } } : { key: 'title' };
    });
  }

  protected date(iso: string): string {
    return formatDate(iso, this.language.current());
  }

  search(event: Event, q: string): void {
    event.preventDefault();
    this.setFilter('q', q.trim());
  }

  setFilter(name: 'q' | 'kind' | 'unanswered', value: string): void {
    void this.router.navigate([], {
      queryParams: { [name]: value || null, page: null },
      queryParamsHandling: 'merge',
    });
  }

  toggleFollow(): void {
    this.busy.set(true);
    this.api.toggleSpaceFollow(this.slug()).subscribe({
      next: (r) => {
        this.followOverride.set(r.following);
        this.busy.set(false);
      },
      error: () => this.busy.set(false),
    });
  }
}
