import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { SeminarKind, SeminarListQuery, pickLocalized } from '@pratique/contracts';
import {
  DirectoryApi,
  LanguageService,
  loadOnChange,
  PagerComponent,
  SeminarsApi,
  SessionStore,
  SpacesApi,
} from '@pratique/web/core';
import { catchError, map, of } from 'rxjs';
import { seminarPageTitle } from './page-title';
import { SeminarCardComponent } from './seminar-card.component';
import { dateInputToIso } from './seminar-format';
import { SEMINAR_FIELD_STYLES } from './seminar-styles';

const PAGE_SIZE = 12;
const KINDS = Object.values(SeminarKind);

/**
 * /seminars — upcoming seminars and workshops of the reader's regions and spaces, filtered by
 * kind, region, space and dates (in the URL, so a filtered list can be shared).
 */
@Component({
  selector: 'pq-seminars-list-page',
  imports: [RouterLink, TranslocoPipe, SeminarCardComponent, PagerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-head">
      <h1>{{ 'seminars.list.title' | transloco }}</h1>
      @if (canCreate()) {
        <a class="btn btn-secondary" routerLink="/seminars/new">{{ 'seminars.list.new' | transloco }}</a>
      }
    </div>

    <form class="filters card" role="search" [attr.aria-label]="'seminars.list.filters' | transloco">
      <div class="field">
        <label for="seminars-kind">{{ 'seminars.list.kind' | transloco }}</label>
        <select id="seminars-kind" (change)="setFilter('kind', $any($event.target).value)">
          <option value="" [selected]="!kind()">{{ 'seminars.list.allKinds' | transloco }}</option>
          @for (k of kinds; track k) {
            <option [value]="k" [selected]="k === kind()">{{ 'seminars.kind.' + k | transloco }}</option>
          }
        </select>
      </div>
      <div class="field">
        <label for="seminars-region">{{ 'seminars.list.region' | transloco }}</label>
        <select id="seminars-region" (change)="setFilter('regionId', $any($event.target).value)">
          <option value="" [selected]="!regionId()">{{ 'seminars.list.myRegions' | transloco }}</option>
          @for (r of regions(); track r.id) {
            <option [value]="r.id" [selected]="r.id === regionId()">{{ r.name }}</option>
          }
        </select>
      </div>
      <div class="field">
        <label for="seminars-space">{{ 'seminars.list.space' | transloco }}</label>
        <select id="seminars-space" (change)="setFilter('spaceId', $any($event.target).value)">
          <option value="" [selected]="!spaceId()">{{ 'seminars.list.allSpaces' | transloco }}</option>
          @for (s of spaces(); track s.id) {
            <option [value]="s.id" [selected]="s.id === spaceId()" [attr.lang]="s.lang">{{ s.text }}</option>
          }
        </select>
      </div>
      <div class="field field-date">
        <label for="seminars-from">{{ 'seminars.list.from' | transloco }}</label>
        <input
          id="seminars-from"
          type="date"
          [value]="from() ?? ''"
          (change)="setFilter('from', $any($event.target).value)"
        />
      </div>
      <div class="field field-date">
        <label for="seminars-to">{{ 'seminars.list.to' | transloco }}</label>
        <input
          id="seminars-to"
          type="date"
          [value]="to() ?? ''"
          (change)="setFilter('to', $any($event.target).value)"
        />
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
          <p class="muted">{{ 'seminars.list.count' | transloco: { count: pageData()?.total ?? 0 } }}</p>
        }
      }
    </div>

    @if (pageData(); as p) {
      @if (p.items.length === 0) {
        <p class="empty">{{ 'seminars.list.empty' | transloco }}</p>
      } @else {
        <ul class="card-grid">
          @for (s of p.items; track s.id) {
            <li><pq-seminar-card [seminar]="s" [lang]="language.current()" /></li>
          }
        </ul>
      }
      <pq-pager
        [page]="p.page"
        [total]="p.total"
        [pageSize]="p.pageSize"
        [label]="'seminars.list.pagination' | transloco"
      />
    }
  `,
  styles: [
    SEMINAR_FIELD_STYLES,
    `
      .field-date {
        min-inline-size: 9.5rem;
      }
    `,
  ],
})
export class SeminarsListPage {
  protected readonly session = inject(SessionStore);
  protected readonly language = inject(LanguageService);
  private readonly api = inject(SeminarsApi);
  private readonly router = inject(Router);

  /** Query string. */
  readonly kind = input<string | undefined>();
  readonly regionId = input<string | undefined>();
  readonly spaceId = input<string | undefined>();
  readonly from = input<string | undefined>();
  readonly to = input<string | undefined>();
  readonly pageParam = input<string | undefined>(undefined, { alias: 'page' });

  protected readonly kinds = KINDS;
  protected readonly canCreate = computed(
    () => this.session.isAdmin() || this.session.staffRegionIds().length > 0,
  );

  protected readonly regions = toSignal(
    inject(DirectoryApi)
      .regions()
      .pipe(catchError(() => of([]))),
    { initialValue: [] },
  );
  private readonly spaceList = toSignal(
    inject(SpacesApi)
      .list({ pageSize: 100 })
      .pipe(
        map((p) => p.items),
        catchError(() => of([])),
      ),
    { initialValue: [] },
  );
  protected readonly spaces = computed(() =>
    this.spaceList().map((s) => ({
      id: s.id,
      ...pickLocalized(s.title, this.language.current(), s.originalLanguage),
    })),
  );

  private readonly query = computed<SeminarListQuery>(() => {
    const kind = this.kind();
    const page = Number(this.pageParam() ?? 1);
    return {
      kind: kind && (KINDS as string[]).includes(kind) ? (kind as SeminarKind) : undefined,
      regionId: this.regionId() || undefined,
      spaceId: this.spaceId() || undefined,
      from: dateInputToIso(this.from()),
      to: dateInputToIso(this.to(), true),
      page: Number.isInteger(page) && page > 0 ? page : 1,
      pageSize: PAGE_SIZE,
    };
  });

  private readonly loaded = loadOnChange(this.query, (query) => this.api.list(query));
  protected readonly state = this.loaded.state;
  protected readonly pageData = this.loaded.data;
  protected readonly errorKey = this.loaded.errorKey;

  constructor() {
    seminarPageTitle(() => ({ key: 'seminars.list.title' }));
  }

  setFilter(name: 'kind' | 'regionId' | 'spaceId' | 'from' | 'to', value: string): void {
    void this.router.navigate([], {
      queryParams: { [name]: value || null, page: null },
      queryParamsHandling: 'merge',
    });
  }
}
