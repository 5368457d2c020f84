import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { PROFILE_LIMITS } from '@pratique/contracts';
import { DirectoryApi, loadOnChange, MembersApi, PagerComponent, SessionStore } from '@pratique/web/core';
import { catchError, of, switchMap } from 'rxjs';
import { MemberCardComponent } from './member-card.component';
import {
  MemberFilterName,
  SEARCH_MAX_LENGTH,
  filterParams,
  filtersFromParams,
  hasFilters,
  searchQueryOf,
} from './member-filters';

/**
 * /members — the directory. The filters live in the URL query string (shareable, back button
 * works): the two text fields are sent with the search button, the selects and the checkbox
 * apply at once.
 */
@Component({
  selector: 'pq-members-list-page',
  imports: [RouterLink, TranslocoPipe, MemberCardComponent, PagerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-head">
      <h1>{{ 'members.list.title' | transloco }}</h1>
      <a class="btn btn-secondary" routerLink="/members/me/edit">{{ 'members.list.editMine' | transloco }}</a>
    </div>
    <p class="intro">{{ 'members.list.intro' | transloco }}</p>

    <form class="filters card" role="search" (submit)="search($event, qInput.value, skillInput.value)">
      <div class="field field-grow">
        <label for="members-q">{{ 'members.list.search' | transloco }}</label>
        <input id="members-q" #qInput type="search" name="q" [maxLength]="searchMax" [value]="filters().q" />
      </div>
      <div class="field">
        <label for="members-skill">{{ 'members.list.skill' | transloco }}</label>
        <input
          id="members-skill"
          #skillInput
          type="search"
          name="skill"
          [maxLength]="skillMax"
          [value]="filters().skill"
        />
      </div>
      <div class="field">
        <label for="members-region">{{ 'members.list.region' | transloco }}</label>
        <select id="members-region" (change)="setRegion($any($event.target).value)">
          <option value="" [selected]="!filters().regionId">
            {{ 'members.list.allRegions' | transloco }}
          </option>
          @for (r of regions(); track r.id) {
            <option [value]="r.id" [selected]="r.id === filters().regionId">{{ r.name }}</option>
          }
        </select>
      </div>
      <div class="field">
        <label for="members-organisation">{{ 'members.list.organisation' | transloco }}</label>
        <select id="members-organisation" (change)="setFilter('organisationId', $any($event.target).value)">
          <option value="" [selected]="!filters().organisationId">
            {{ 'members.list.allOrganisations' | transloco }}
          </option>
          @for (o of organisations(); track o.id) {
            <option [value]="o.id" [selected]="o.id === filters().organisationId">{{ o.name }}</option>
          }
        </select>
      </div>
      <div class="field field-check">
        <input
          id="members-followed"
          type="checkbox"
          [checked]="filters().followed"
          (change)="setFilter('followed', $any($event.target).checked)"
        />
        <label for="members-followed">{{ 'members.list.followedOnly' | transloco }}</label>
      </div>
      <div class="field field-actions">
        <button class="btn btn-primary" type="submit">{{ 'members.list.searchButton' | transloco }}</button>
        @if (filtered()) {
          <a class="btn btn-ghost-dark" routerLink="/members">{{ 'members.list.clear' | transloco }}</a>
        }
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
          <p class="muted">{{ 'members.list.resultCount' | transloco: { count: pageData()?.total ?? 0 } }}</p>
        }
      }
    </div>

    @if (pageData(); as p) {
      @if (p.items.length === 0) {
        <p class="empty">
          {{ (onlyFollowed() ? 'members.list.emptyFollowed' : 'members.list.empty') | transloco }}
        </p>
      } @else {
        <ul class="card-grid">
          @for (m of p.items; track m.id) {
            <li>
              <pq-member-card
                [member]="m"
                [regionName]="regionName(m.regionId)"
                [isMe]="m.id === session.user()?.id"
              />
            </li>
          }
        </ul>
      }
      <pq-pager
        [page]="p.page"
        [total]="p.total"
        [pageSize]="p.pageSize"
        [label]="'members.list.pagination' | transloco"
      />
    }
  `,
  styles: `
    .intro {
      max-inline-size: 46rem;
      margin-block-start: 0;
    }
  `,
})
export class MembersListPage {
  protected readonly session = inject(SessionStore);
  private readonly api = inject(MembersApi);
  private readonly directory = inject(DirectoryApi);
  private readonly router = inject(Router);

  /** Query string. */
  readonly q = input<string | undefined>();
  readonly skill = input<string | undefined>();
  readonly regionId = input<string | undefined>();
  readonly organisationId = input<string | undefined>();
  readonly followed = input<string | undefined>();
  readonly pageParam = input<string | undefined>(undefined, { alias: 'page' });

  protected readonly searchMax = SEARCH_MAX_LENGTH;
  protected readonly skillMax = PROFILE_LIMITS.tagLength;

  protected readonly filters = computed(() =>
    filtersFromParams({
      q: this.q(),
      skill: this.skill(),
      regionId: this.regionId(),
      organisationId: this.organisationId(),
      followed: this.followed(),
      page: this.pageParam(),
    }),
  );
  protected readonly filtered = computed(() => hasFilters(this.filters()));
  /** "People I follow" and nothing else: an empty list then means the reader follows nobody. */
  protected readonly onlyFollowed = computed(() => {
    const f = this.filters();
    return f.followed && !hasFilters({ ...f, followed: false });
  });

  protected readonly regions = toSignal(this.directory.regions().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  /** The organisations of the chosen region (all of them when no region is chosen). */
  protected readonly organisations = toSignal(
    toObservable(computed(() => this.filters().regionId)).pipe(
      switchMap((regionId) => this.directory.organisations(regionId || null).pipe(catchError(() => of([])))),
    ),
    { initialValue: [] },
  );

  private readonly loaded = loadOnChange(
    computed(() => searchQueryOf(this.filters())),
    (query) => this.api.search(query),
  );
  protected readonly state = this.loaded.state;
  protected readonly pageData = this.loaded.data;
  protected readonly errorKey = this.loaded.errorKey;

  protected regionName(id: string | null): string | null {
    if (!id) return null;
    return this.regions().find((r) => r.id === id)?.name ?? null;
  }

  search(event: Event, q: string, skill: string): void {
    event.preventDefault();
    this.navigate(filterParams({ q, skill }));
  }

  /** A new region also clears the organisation (it may belong to another region). */
  setRegion(regionId: string): void {
    this.navigate(filterParams({ regionId, organisationId: '' }));
  }

  setFilter(name: MemberFilterName, value: string | boolean): void {
    this.navigate(filterParams({ [name]: value }));
  }

  private navigate(queryParams: Record<string, string | null>): void {
    void this.router.navigate([], { queryParams, queryParamsHandling: 'merge' });
  }
}
