import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { DEFAULT_PAGE_SIZE, SpaceListQuery, THEMATIC_AXES, ThematicAxis } from '@pratique/contracts';
import {
  DirectoryApi,
  LanguageService,
  loadOnChange,
  PagerComponent,
  SessionStore,
  SpacesApi,
} from '@pratique/web/core';
import { catchError, of } from 'rxjs';
import { SpaceCardComponent } from './space-card.component';

/**
 * /spaces (search and filters) and /my-spaces (joined only). The filters live in the URL
 * query string, so results can be shared and the back button works.
 */
@Component({
  selector: 'pq-spaces-list-page',
  imports: [RouterLink, TranslocoPipe, SpaceCardComponent, PagerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-head">
      <h1>{{ (mine() ? 'spaces.myTitle' : 'spaces.title') | transloco }}</h1>
      @if (session.canCreateSpaces()) {
        <a class="btn btn-secondary" routerLink="/admin/spaces/new">{{ 'nav.newSpace' | transloco }}</a>
      }
    </div>

    <form class="filters card" role="search" (submit)="search($event, qInput.value)">
      <div class="field field-grow">
        <label for="spaces-q">{{ 'spaces.search' | transloco }}</label>
        <div class="inline">
          <input id="spaces-q" #qInput type="search" name="q" [value]="q() ?? ''" />
          <button class="btn btn-primary" type="submit">{{ 'spaces.searchButton' | transloco }}</button>
        </div>
      </div>
      <div class="field">
        <label for="spaces-axis">{{ 'spaces.axis' | transloco }}</label>
        <select id="spaces-axis" (change)="setFilter('axis', $any($event.target).value)">
          <option value="" [selected]="!axis()">{{ 'spaces.allAxes' | transloco }}</option>
          @for (a of axes; track a) {
            <option [value]="a" [selected]="a === axis()">{{ 'axes.' + a | transloco }}</option>
          }
        </select>
      </div>
      <div class="field">
        <label for="spaces-region">{{ 'spaces.region' | transloco }}</label>
        <select id="spaces-region" (change)="setFilter('regionId', $any($event.target).value)">
          <option value="" [selected]="!regionId()">{{ 'spaces.allRegions' | transloco }}</option>
          @for (r of regions(); track r.id) {
            <option [value]="r.id" [selected]="r.id === regionId()">{{ r.name }}</option>
          }
        </select>
      </div>
      @if (session.signedIn() && !mine()) {
        <div class="field field-check">
          <input
            id="spaces-joined"
            type="checkbox"
            [checked]="joinedOnly()"
            (change)="setFilter('joined', $any($event.target).checked ? 'true' : '')"
          />
          <label for="spaces-joined">{{ 'spaces.joinedOnly' | transloco }}</label>
        </div>
      }
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
          <p class="muted">{{ 'spaces.resultCount' | transloco: { count: pageData()?.total ?? 0 } }}</p>
        }
      }
    </div>

    @if (pageData(); as p) {
      @if (p.items.length === 0) {
        <p class="empty">{{ (mine() ? 'spaces.emptyMine' : 'spaces.empty') | transloco }}</p>
      } @else {
        <ul class="card-grid">
          @for (space of p.items; track space.id) {
            <li>
              <pq-space-card
                [space]="space"
                [lang]="language.current()"
                [regionName]="regionName(space.regionId)"
              />
            </li>
          }
        </ul>
      }
      <pq-pager
        [page]="p.page"
        [total]="p.total"
        [pageSize]="p.pageSize"
        [label]="'spaces.pagination' | transloco"
      />
    }
  `,
})
export class SpacesListPage {
  protected readonly session = inject(SessionStore);
  protected readonly language = inject(LanguageService);
  private readonly api = inject(SpacesApi);
  private readonly router = inject(Router);

  /** Route data: true on /my-spaces. */
  readonly mine = input<boolean | undefined>(false);
  /** Query string. */
  readonly q = input<string | undefined>();
  readonly axis = input<string | undefined>();
  readonly regionId = input<string | undefined>();
  readonly joined = input<string | undefined>();
  readonly pageParam = input<string | undefined>(undefined, { alias: 'page' });

  protected readonly axes = THEMATIC_AXES;
  protected readonly joinedOnly = computed(() => this.mine() === true || this.joined() === 'true');

  protected readonly regions = toSignal(
    inject(DirectoryApi)
      .regions()
      .pipe(catchError(() => of([]))),
    {
      initialValue: [],
    },
  );

  private readonly query = computed<SpaceListQuery>(() => {
    const axis = this.axis();
    const page = Number(this.pageParam() ?? 1);
    return {
      q: this.q()?.trim() || undefined,
      axis: axis && (THEMATIC_AXES as readonly string[]).includes(axis) ? (axis as ThematicAxis) : undefined,
      regionId: this.regionId() || undefined,
      joined: this.joinedOnly() || undefined,
      page: Number.isInteger(page) && page > 0 ? page : 1,
      pageSize: DEFAULT_PAGE_SIZE,
    };
  });

  private readonly loaded = loadOnChange(this.query, (query) => this.api.list(query));
  protected readonly state = this.loaded.state;
  protected readonly pageData = this.loaded.data;
  protected readonly errorKey = this.loaded.errorKey;

  protected regionName(id: string | null): string | null {
    if (!id) return null;
    return this.regions().find((r) => r.id === id)?.name ?? null;
  }

  search(event: Event, q: string): void {
    event.preventDefault();
    this.setFilter('q', q.trim());
  }

  setFilter(name: 'q' | 'axis' | 'regionId' | 'joined', value: string): void {
    void this.router.navigate([], {
      queryParams: { [name]: value || null, page: null },
      queryParamsHandling: 'merge',
    });
  }
}
