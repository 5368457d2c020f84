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
import { toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  ActivityItem,
  FeedPage as FeedPageDto,
  LocalizedText,
  Language,
  pickLocalized,
} from '@pratique/contracts';
import {
  DirectoryApi,
  FeedApi,
  LanguageService,
  SessionStore,
  messageKeyForStatus,
  ApiError,
} from '@pratique/web/core';
import { Observable, catchError, of } from 'rxjs';
import { activityAge, activityLink } from './feed-format';

/**
 * /feed: "ma veille", what happened in my spaces, around the people I follow and in my region,
 * newest first, more on demand (cursor). Staff of a region (and admins) switch to the region's
 * feed with `?region=<id>`.
 */
@Component({
  selector: 'pq-feed-page',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-head">
      <h1>
        {{ (region() ? 'feed.regionTitle' : 'feed.title') | transloco: { region: regionName(region()) } }}
      </h1>
    </div>
    <p class="lead">{{ (region() ? 'feed.regionIntro' : 'feed.intro') | transloco }}</p>

    @if (regionChoices().length) {
      <div class="field feed-source">
        <label for="feed-source">{{ 'feed.source' | transloco }}</label>
        <select id="feed-source" (change)="chooseRegion($any($event.target).value)">
          <option value="" [selected]="!region()">{{ 'feed.mine' | transloco }}</option>
          @for (r of regionChoices(); track r.id) {
            <option [value]="r.id" [selected]="r.id === region()">
              {{ 'feed.ofRegion' | transloco: { region: r.name } }}
            </option>
          }
        </select>
      </div>
    }

    <div aria-live="polite" class="results-status">
      @if (error()) {
        <p class="alert alert-error">{{ error()! | transloco }}</p>
      } @else if (loading() && !items().length) {
        <p class="muted">{{ 'common.loading' | transloco }}</p>
      }
    </div>

    @if (!loading() && !error() && !items().length) {
      <div class="empty">
        <p>{{ 'feed.empty' | transloco }}</p>
        <p>
          <a routerLink="/spaces">{{ 'feed.findSpaces' | transloco }}</a> ·
          <a routerLink="/members">{{ 'feed.findPeople' | transloco }}</a>
        </p>
      </div>
    }

    <ol class="feed" [attr.aria-label]="'feed.listLabel' | transloco">
      @for (item of items(); track item.id) {
        <li class="feed-item card">
          <p class="feed-kind">
            <span class="badge">{{ 'feed.kind.' + item.kind | transloco }}</span>
            @if (item.space; as s) {
              <span class="muted">
                {{ 'feed.inSpace' | transloco }}
                <a [routerLink]="['/spaces', s.slug]"
                  ><bdi
                    [attr.lang]="text(s.title, s.originalLanguage).lang"
                    [attr.dir]="text(s.title, s.originalLanguage).dir"
                    >{{ text(s.title, s.originalLanguage).text }}</bdi
                  ></a
                >
              </span>
            }
          </p>
          <p class="feed-title">
            <a [routerLink]="link(item)"
              ><bdi
                [attr.lang]="text(item.title, item.originalLanguage).lang"
                [attr.dir]="text(item.title, item.originalLanguage).dir"
                >{{ text(item.title, item.originalLanguage).text || ('feed.untitled' | transloco) }}</bdi
              ></a
            >
          </p>
          <p class="feed-meta muted">
            @if (item.actor; as a) {
              <span
                >{{ 'feed.by' | transloco }}
                <a [routerLink]="['/members', a.id]">{{ a.displayName }}</a></span
              >
              ·
            }
            <time [attr.datetime]="item.createdAt">{{ age(item.createdAt) }}</time>
            · <span>{{ 'feed.reason.' + item.reason | transloco }}</span>
          </p>
        </li>
      }
    </ol>

    @if (nextBefore()) {
      <button class="btn btn-secondary" type="button" (click)="more()" [disabled]="loading()">
        {{ (loading() ? 'common.loading' : 'feed.more') | transloco }}
      </button>
    }
  `,
  styles: `
    .feed {
      list-style: none;
      padding: 0;
      margin-block: 1rem;
      display: grid;
      gap: 0.75rem;
    }
    .feed-item {
      padding: 0.9rem 1rem;
    }
    .feed-item p {
      margin: 0.15rem 0;
    }
    .feed-kind {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: baseline;
    }
    .feed-title {
      font-size: 1.1rem;
      font-weight: 600;
    }
    .feed-source {
      max-inline-size: 24rem;
    }
  `,
})
export class FeedPage {
  private readonly api = inject(FeedApi);
  private readonly router = inject(Router);
  private readonly session = inject(SessionStore);
  protected readonly language = inject(LanguageService);

  /** `?region=` */
  readonly region = input<string | undefined>();

  protected readonly items = signal<ActivityItem[]>([]);
  protected readonly nextBefore = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);

  private readonly regions = toSignal(
    inject(DirectoryApi)
      .regions()
      .pipe(catchError(() => of([]))),
    { initialValue: [] },
  );
  /** The regions whose feed I may read: where I am staff, or all for admins. */
  protected readonly regionChoices = computed(() => {
    const all = this.regions();
    return this.session.isAdmin() ? all : all.filter((r) => this.session.staffRegionIds().includes(r.id));
  });

  constructor() {
    effect(() => {
      const region = this.region();
      untracked(() => this.load(region, null));
    });
  }

  protected text(value: LocalizedText, original: Language | string) {
    return pickLocalized(value, this.language.current(), original as Language);
  }
  protected link(item: ActivityItem): string[] {
    return activityLink(item);
  }
  protected age(iso: string): string {
    return activityAge(iso, this.language.current());
  }
  protected regionName(id: string | undefined): string {
    return this.regions().find((r) => r.id === id)?.name ?? '';
  }
  protected chooseRegion(id: string): void {
    void this.router.navigate([], { queryParams: { region: id || null } });
  }
  protected more(): void {
    this.load(this.region(), this.nextBefore());
  }

  private load(region: string | undefined, before: string | null): void {
    if (!before) this.items.set([]);
    this.loading.set(true);
    this.error.set(null);
    const page$: Observable<FeedPageDto | null> = (
      region
        ? this.api.region(region, { before: before ?? undefined })
        : this.api.mine({ before: before ?? undefined })
    ).pipe(
      catchError((e: ApiError) => {
        this.error.set(messageKeyForStatus(e.status));
        return of(null);
      }),
    );
    page$.subscribe((p) => {
      this.loading.set(false);
      if (!p) return;
      this.items.update((items) => [...items, ...p.items]);
      this.nextBefore.set(p.nextBefore);
    });
  }
}
