import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  SKILL_FORMATS,
  SKILL_LIMITS,
  SkillFormat,
  SkillListQuery,
  SkillOffer,
  SkillRequest,
} from '@pratique/contracts';
import { LanguageService, PagerComponent, SessionStore, SkillsApi, loadOnChange } from '@pratique/web/core';
import { Observable, map } from 'rxjs';
import { SKILLS_STYLES, formatDay, ratingPhrase, regionNames, skillsPageTitle } from './skills-format';

const PAGE_SIZE = 10;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type View = 'offers' | 'requests';

/** One page of either list, as the template shows it. */
type Listing =
  | { view: 'offers'; items: SkillOffer[]; total: number; page: number; pageSize: number }
  | { view: 'requests'; items: SkillRequest[]; total: number; page: number; pageSize: number };

/**
 * /skills — skills donation: the members' offers of expertise and the organisations' needs, in
 * two views (links, so each has its address), filtered by text, skill, region and format (in the
 * URL: shareable, the back button works) and paged.
 */
@Component({
  selector: 'pq-skills-list-page',
  imports: [RouterLink, TranslocoPipe, PagerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: [
    SKILLS_STYLES,
    `
      .intro {
        max-inline-size: 46rem;
        margin-block-start: 0;
      }
      .item-head {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem 0.8rem;
        align-items: baseline;
        justify-content: space-between;
      }
    `,
  ],
  template: `
    @let sep = 'skills.listSeparator' | transloco;
    <div class="page-head">
      <h1>{{ 'skills.list.title' | transloco }}</h1>
      <div class="actions">
        <a class="btn btn-primary" routerLink="/skills/offers/new">{{
          'skills.list.offerExpertise' | transloco
        }}</a>
        <a class="btn btn-secondary" routerLink="/skills/requests/new">{{
          'skills.list.postNeed' | transloco
        }}</a>
      </div>
    </div>
    <p class="intro">{{ 'skills.list.intro' | transloco }}</p>
    <p class="actions">
      <a routerLink="/skills/sessions">{{ 'skills.list.mySessions' | transloco }}</a>
      @if (session.user(); as me) {
        <a [routerLink]="['/skills/contributors', me.id]">{{ 'skills.list.myContributions' | transloco }}</a>
      }
      @if (session.isAdmin() || session.staffRegionIds().length || session.animatesSpaces()) {
        <a routerLink="/skills/flagged">{{ 'skills.list.flagged' | transloco }}</a>
      }
    </p>

    <nav class="view-nav" [attr.aria-label]="'skills.list.views' | transloco">
      <a
        routerLink="/skills"
        [queryParams]="{ view: null, page: null }"
        queryParamsHandling="merge"
        [attr.aria-current]="view() === 'offers' ? 'page' : null"
        >{{ 'skills.list.offers' | transloco }}</a
      >
      <a
        routerLink="/skills"
        [queryParams]="{ view: 'requests', page: null }"
        queryParamsHandling="merge"
        [attr.aria-current]="view() === 'requests' ? 'page' : null"
        >{{ 'skills.list.requests' | transloco }}</a
      >
    </nav>
    <h2>{{ (view() === 'offers' ? 'skills.list.offers' : 'skills.list.requests') | transloco }}</h2>

    <form
      class="filters card"
      role="search"
      [attr.aria-label]="'skills.filters.label' | transloco"
      (submit)="search($event, qInput.value, skillInput.value)"
    >
      <div class="field field-grow">
        <label for="skills-q">{{ 'skills.filters.search' | transloco }}</label>
        <input id="skills-q" #qInput type="search" maxlength="100" [value]="query().q ?? ''" />
      </div>
      <div class="field">
        <label for="skills-skill">{{ 'skills.filters.skill' | transloco }}</label>
        <input
          id="skills-skill"
          #skillInput
          type="search"
          dir="auto"
          [maxLength]="limits.skillChars"
          [value]="query().skill ?? ''"
        />
      </div>
      <div class="field">
        <label for="skills-region">{{ 'skills.filters.region' | transloco }}</label>
        <select id="skills-region" (change)="setFilter('regionId', $any($event.target).value)">
          <option value="" [selected]="!query().regionId">
            {{ 'skills.filters.allRegions' | transloco }}
          </option>
          @for (r of regions.list(); track r.id) {
            <option [value]="r.id" [selected]="r.id === query().regionId">{{ r.name }}</option>
          }
        </select>
      </div>
      <div class="field">
        <label for="skills-format">{{ 'skills.filters.format' | transloco }}</label>
        <select id="skills-format" (change)="setFilter('format', $any($event.target).value)">
          <option value="" [selected]="!query().format">{{ 'skills.filters.allFormats' | transloco }}</option>
          @for (f of formats; track f) {
            <option [value]="f" [selected]="f === query().format">
              {{ 'skills.formatName.' + f | transloco }}
            </option>
          }
        </select>
      </div>
      <div class="field field-check">
        <input
          id="skills-mine"
          type="checkbox"
          [checked]="!!query().mine"
          (change)="setFilter('mine', $any($event.target).checked ? 'true' : '')"
        />
        <label for="skills-mine">{{
          (view() === 'offers' ? 'skills.filters.mineOffers' : 'skills.filters.mineRequests') | transloco
        }}</label>
      </div>
      <div class="field field-actions">
        <button class="btn btn-primary" type="submit">{{ 'skills.filters.apply' | transloco }}</button>
      </div>
    </form>

    <div class="results-status" aria-live="polite">
      @switch (state().status) {
        @case ('loading') {
          <p class="muted">{{ 'common.loading' | transloco }}</p>
        }
        @case ('error') {
          <p class="alert alert-error">{{ errorKey() | transloco }}</p>
        }
        @case ('ready') {
          <p class="muted">{{ 'skills.list.count' | transloco: { count: listing()?.total ?? 0 } }}</p>
        }
      }
    </div>

    @if (listing(); as l) {
      @if (!l.items.length) {
        <p class="empty">
          {{ (l.view === 'offers' ? 'skills.list.noOffers' : 'skills.list.noRequests') | transloco }}
        </p>
      } @else if (l.view === 'offers') {
        <ul class="item-list">
          @for (o of l.items; track o.id) {
            <li>
              <article class="card">
                <div class="item-head">
                  <h3 class="item-title">
                    <a [routerLink]="['/skills/offers', o.id]" dir="auto">{{ o.title }}</a>
                  </h3>
                  @if (o.status === 'closed') {
                    <span class="badge status-closed">{{ 'skills.status.closed' | transloco }}</span>
                  }
                </div>
                <p class="meta">
                  <span class="meta-label">{{ 'skills.offer.by' | transloco }}</span>
                  <a [routerLink]="['/skills/contributors', o.author.id]"
                    ><bdi>{{ o.author.displayName }}</bdi></a
                  >
                </p>
                <ul class="tags" [attr.aria-label]="'skills.fields.skills' | transloco">
                  @for (s of o.skills; track s) {
                    <li class="badge badge-axis" dir="auto">{{ s }}</li>
                  }
                </ul>
                <p class="meta">
                  <span class="meta-label">{{ 'skills.fields.formats' | transloco }}</span>
                  @for (f of o.formats; track f; let last = $last) {
                    {{ 'skills.formatName.' + f | transloco }}{{ last ? '' : sep }}
                  }
                  · {{ regions.name(o.regionId) ?? ('skills.fields.anyRegion' | transloco) }}
                </p>
                @let rp = rating(o);
                <p class="meta">{{ rp.key | transloco: rp.params }}</p>
              </article>
            </li>
          }
        </ul>
      } @else {
        <ul class="item-list">
          @for (r of l.items; track r.id) {
            <li>
              <article class="card">
                <div class="item-head">
                  <h3 class="item-title">
                    <a [routerLink]="['/skills/requests', r.id]" dir="auto">{{ r.title }}</a>
                  </h3>
                  @if (r.status === 'closed') {
                    <span class="badge status-closed">{{ 'skills.status.closed' | transloco }}</span>
                  }
                </div>
                <p class="meta">
                  <span class="meta-label">{{ 'skills.request.organisation' | transloco }}</span>
                  <bdi>{{ r.organisation.name }}</bdi>
                </p>
                <ul class="tags" [attr.aria-label]="'skills.fields.skills' | transloco">
                  @for (s of r.skills; track s) {
                    <li class="badge badge-axis" dir="auto">{{ s }}</li>
                  }
                </ul>
                <p class="meta">
                  <span class="meta-label">{{ 'skills.fields.formats' | transloco }}</span>
                  @for (f of r.formats; track f; let last = $last) {
                    {{ 'skills.formatName.' + f | transloco }}{{ last ? '' : sep }}
                  }
                  · {{ regions.name(r.regionId) ?? ('skills.fields.anyRegion' | transloco) }}
                </p>
                @if (r.deadline) {
                  <p class="meta">
                    <span class="meta-label">{{ 'skills.fields.deadline' | transloco }}</span>
                    {{ day(r.deadline) }}
                  </p>
                }
              </article>
            </li>
          }
        </ul>
      }
      <pq-pager
        [page]="l.page"
        [total]="l.total"
        [pageSize]="l.pageSize"
        [label]="'skills.list.pagination' | transloco"
      />
    }
  `,
})
export class SkillsListPage {
  protected readonly session = inject(SessionStore);
  private readonly api = inject(SkillsApi);
  private readonly router = inject(Router);
  private readonly lang = inject(LanguageService).current;
  protected readonly regions = regionNames();
  protected readonly formats = SKILL_FORMATS;
  protected readonly limits = SKILL_LIMITS;

  /** Query string. */
  readonly viewParam = input<string | undefined>(undefined, { alias: 'view' });
  readonly q = input<string | undefined>();
  readonly skill = input<string | undefined>();
  readonly regionId = input<string | undefined>();
  readonly format = input<string | undefined>();
  readonly mine = input<string | undefined>();
  readonly pageParam = input<string | undefined>(undefined, { alias: 'page' });

  protected readonly view = computed<View>(() => (this.viewParam() === 'requests' ? 'requests' : 'offers'));
  /** The filters from the URL; anything malformed is dropped rather than sent. */
  protected readonly query = computed<SkillListQuery>(() => {
    const page = Number(this.pageParam() ?? 1);
    const text = (v: string | undefined, max: number) => (v ?? '').trim().slice(0, max) || undefined;
    const format = this.format();
    const regionId = this.regionId();
    return {
      q: text(this.q(), 100),
      skill: text(this.skill(), SKILL_LIMITS.skillChars),
      regionId: regionId && UUID.test(regionId) ? regionId : undefined,
      format: (SKILL_FORMATS as readonly string[]).includes(format ?? '')
        ? (format as SkillFormat)
        : undefined,
      mine: this.mine() === 'true' || undefined,
      page: Number.isInteger(page) && page > 0 ? page : 1,
      pageSize: PAGE_SIZE,
    };
  });

  private readonly loaded = loadOnChange(
    computed(() => ({ view: this.view(), query: this.query() })),
    ({ view, query }): Observable<Listing> =>
      view === 'offers'
        ? this.api.offers(query).pipe(map((p) => ({ view: 'offers' as const, ...p })))
        : this.api.requests(query).pipe(map((p) => ({ view: 'requests' as const, ...p }))),
  );
  protected readonly state = this.loaded.state;
  protected readonly listing = this.loaded.data;
  protected readonly errorKey = this.loaded.errorKey;

  constructor() {
    skillsPageTitle(() => ({ key: 'skills.list.title' }));
  }

  protected rating(o: SkillOffer) {
    return ratingPhrase(o.rating, this.lang());
  }
  protected day(d: string): string {
    return formatDay(d, this.lang());
  }

  search(event: Event, q: string, skill: string): void {
    event.preventDefault();
    this.navigate({ q: q.trim() || null, skill: skill.trim() || null });
  }

  setFilter(name: 'regionId' | 'format' | 'mine', value: string): void {
    this.navigate({ [name]: value || null });
  }

  private navigate(queryParams: Record<string, string | null>): void {
    void this.router.navigate([], {
      queryParams: { ...queryParams, page: null },
      queryParamsHandling: 'merge',
    });
  }
}
