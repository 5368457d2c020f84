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
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  DashboardPage,
  DashboardQuery,
  DashboardRow,
  DashboardStatus,
  RegistrationStatus,
  SeminarDetail,
  SeminarStats,
  pickLocalized,
} from '@pratique/contracts';
import {
  ApiError,
  DirectoryApi,
  LanguageService,
  SeminarsApi,
  UiMessage,
  UiMessagePipe,
  messageKeyForStatus,
} from '@pratique/web/core';
import { Observable, catchError, map, of, startWith, switchMap } from 'rxjs';
import { CheckInPanelComponent } from './check-in-panel.component';
import { seminarPageTitle } from './page-title';
import { formatNumber, formatPercent } from './seminar-format';

const STATUSES: DashboardStatus[] = ['eligible', 'in_progress', 'not_started'];
const REGISTRATION_FILTERS = ['none', ...Object.values(RegistrationStatus)] as const;
const SORTS = ['status', 'name', 'met'] as const;
const PAGE_SIZE = 50;
/** Registrations whose attendance staff may mark (the API changes only these). */
const MARKABLE: (RegistrationStatus | null)[] = [
  RegistrationStatus.Confirmed,
  RegistrationStatus.Attended,
  RegistrationStatus.NoShow,
];

type BoardState =
  { status: 'loading' } | { status: 'ready'; page: DashboardPage } | { status: 'error'; messageKey: string };

/**
 * /seminars/:id/dashboard — staff see the seminar's whole audience: eligible / in progress /
 * not started, the percent per required module, the registration (confirm or decline pending
 * ones), filters, sort and pages in the URL, the CSV export of the same filters, attendance in
 * bulk, the check-in code with its QR, and the seminar's figures.
 */
@Component({
  selector: 'pq-seminar-dashboard-page',
  imports: [RouterLink, TranslocoPipe, UiMessagePipe, CheckInPanelComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (loadError(); as key) {
      <h1>{{ 'seminars.dash.title' | transloco }}</h1>
      <p class="alert alert-error">{{ key | transloco }}</p>
    } @else if (seminar(); as s) {
      <nav class="breadcrumb" [attr.aria-label]="'common.breadcrumb' | transloco">
        <a [routerLink]="['/seminars', s.id]" [attr.lang]="title().lang" [attr.dir]="title().dir">{{
          title().text
        }}</a>
      </nav>
      <h1>
        {{ 'seminars.dash.title' | transloco }}
        <span class="sub" [attr.lang]="title().lang" [attr.dir]="title().dir">{{ title().text }}</span>
      </h1>

      <section class="card" aria-labelledby="stats-title">
        <h2 id="stats-title">{{ 'seminars.dash.figures' | transloco }}</h2>
        @if (stats(); as st) {
          <dl class="figures">
            <div>
              <dt>{{ 'seminars.dash.stats.capacity' | transloco }}</dt>
              <dd>{{ num(st.capacity) }}</dd>
            </div>
            <div>
              <dt>{{ 'seminars.dash.stats.confirmed' | transloco }}</dt>
              <dd>{{ num(st.confirmed) }}</dd>
            </div>
            <div>
              <dt>{{ 'seminars.dash.stats.pending' | transloco }}</dt>
              <dd>{{ num(st.pending) }}</dd>
            </div>
            <div>
              <dt>{{ 'seminars.dash.stats.waitlisted' | transloco }}</dt>
              <dd>{{ num(st.waitlisted) }}</dd>
            </div>
            <div>
              <dt>{{ 'seminars.dash.stats.attended' | transloco }}</dt>
              <dd>{{ num(st.attended) }}</dd>
            </div>
            <div>
              <dt>{{ 'seminars.dash.stats.noShow' | transloco }}</dt>
              <dd>{{ num(st.noShow) }}</dd>
            </div>
            <div>
              <dt>{{ 'seminars.dash.stats.attendanceRate' | transloco }}</dt>
              <dd>{{ st.attendanceRate === null ? '—' : pct(st.attendanceRate) }}</dd>
            </div>
            <div>
              <dt>{{ 'seminars.dash.stats.noShowRate' | transloco }}</dt>
              <dd>{{ st.noShowRate === null ? '—' : pct(st.noShowRate) }}</dd>
            </div>
          </dl>
        }
        @if (board(); as b) {
          <h3 class="small-heading">{{ 'seminars.dash.audience' | transloco }}</h3>
          <ul class="counts">
            @for (st of statuses; track st) {
              <li>
                <strong>{{ num(b.counts[st]) }}</strong> {{ 'seminars.dash.status.' + st | transloco }}
              </li>
            }
          </ul>
        }
      </section>

      <section class="card" aria-labelledby="members-title">
        <h2 id="members-title">{{ 'seminars.dash.members' | transloco }}</h2>
        <form
          class="filters"
          [attr.aria-label]="'seminars.dash.filters' | transloco"
          (submit)="$event.preventDefault()"
        >
          <div class="field">
            <label for="dash-status">{{ 'seminars.dash.filterStatus' | transloco }}</label>
            <select id="dash-status" (change)="setFilter('status', $any($event.target).value)">
              <option value="" [selected]="!status()">{{ 'seminars.dash.all' | transloco }}</option>
              @for (st of statuses; track st) {
                <option [value]="st" [selected]="st === status()">
                  {{ 'seminars.dash.status.' + st | transloco }}
                </option>
              }
            </select>
          </div>
          <div class="field">
            <label for="dash-org">{{ 'seminars.dash.filterOrganisation' | transloco }}</label>
            <select id="dash-org" (change)="setFilter('organisationId', $any($event.target).value)">
              <option value="" [selected]="!organisationId()">{{ 'seminars.dash.all' | transloco }}</option>
              @for (o of organisations(); track o.id) {
                <option [value]="o.id" [selected]="o.id === organisationId()">{{ o.name }}</option>
              }
            </select>
          </div>
          <div class="field">
            <label for="dash-reg">{{ 'seminars.dash.filterRegistration' | transloco }}</label>
            <select id="dash-reg" (change)="setFilter('registration', $any($event.target).value)">
              <option value="" [selected]="!registration()">{{ 'seminars.dash.all' | transloco }}</option>
              @for (r of registrationFilters; track r) {
                <option [value]="r" [selected]="r === registration()">
                  {{ 'seminars.registration.' + r | transloco }}
                </option>
              }
            </select>
          </div>
          <div class="field">
            <label for="dash-sort">{{ 'seminars.dash.sort' | transloco }}</label>
            <select id="dash-sort" (change)="setFilter('sort', $any($event.target).value)">
              @for (o of sorts; track o) {
                <option [value]="o" [selected]="o === query().sort">
                  {{ 'seminars.dash.sortBy.' + o | transloco }}
                </option>
              }
            </select>
          </div>
          <div class="field field-check">
            <input
              id="dash-one-away"
              type="checkbox"
              [checked]="oneAway() === 'true'"
              (change)="setFilter('oneAway', $any($event.target).checked ? 'true' : '')"
            />
            <label for="dash-one-away">{{ 'seminars.dash.oneAway' | transloco }}</label>
          </div>
        </form>
        <p class="actions export">
          <a class="btn btn-secondary btn-small" [href]="csvUrl()" download>{{
            'seminars.dash.csv' | transloco
          }}</a>
        </p>

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
                {{ 'seminars.dash.resultCount' | transloco: { count: board()?.total ?? 0 } }}
              </p>
            }
          }
        </div>

        @if (board(); as b) {
          @if (b.items.length === 0) {
            <p class="empty">{{ 'seminars.dash.empty' | transloco }}</p>
          } @else {
            <div class="bulk actions" role="group" [attr.aria-label]="'seminars.dash.bulk' | transloco">
              <span>{{ 'seminars.dash.selected' | transloco: { count: selected().size } }}</span>
              <button
                type="button"
                class="btn btn-primary btn-small"
                [disabled]="!selected().size || busy()"
                (click)="mark('attended')"
              >
                {{ 'seminars.dash.markAttended' | transloco }}
              </button>
              <button
                type="button"
                class="btn btn-secondary btn-small"
                [disabled]="!selected().size || busy()"
                (click)="mark('no_show')"
              >
                {{ 'seminars.dash.markNoShow' | transloco }}
              </button>
            </div>
            <div aria-live="polite" aria-atomic="true">
              @if (message(); as m) {
                <p
                  class="alert"
                  [class.alert-error]="messageIsError()"
                  [class.alert-success]="!messageIsError()"
                >
                  {{ m | uiMessage }}
                </p>
              }
            </div>
            <div class="table-wrap">
              <table class="table">
                <caption class="sr-only">
                  {{
                    'seminars.dash.members' | transloco
                  }}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">
                      <input
                        type="checkbox"
                        [attr.aria-label]="'seminars.dash.selectAll' | transloco"
                        [checked]="allSelected()"
                        [disabled]="!markable().length"
                        (change)="selectAll($any($event.target).checked)"
                      />
                    </th>
                    <th scope="col">{{ 'seminars.dash.col.name' | transloco }}</th>
                    <th scope="col">{{ 'seminars.dash.col.status' | transloco }}</th>
                    @for (m of modules(); track m.id; let i = $index) {
                      <th scope="col">
                        <span [attr.lang]="m.lang" [attr.dir]="m.dir">{{ m.text }}</span>
                        <span class="min">{{
                          'seminars.dash.minimum' | transloco: { percent: pct(m.min) }
                        }}</span>
                      </th>
                    }
                    <th scope="col">{{ 'seminars.dash.col.registration' | transloco }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (r of b.items; track r.userId) {
                    <tr>
                      <td>
                        @if (canMark(r)) {
                          <input
                            type="checkbox"
                            [attr.aria-label]="'seminars.dash.select' | transloco: { name: r.displayName }"
                            [checked]="selected().has(r.userId)"
                            (change)="toggle(r.userId, $any($event.target).checked)"
                          />
                        }
                      </td>
                      <th scope="row">
                        {{ r.displayName }}
                        @if (r.organisations.length) {
                          <span class="orgs">{{ r.organisations.join(', ') }}</span>
                        }
                      </th>
                      <td>
                        <span class="badge" [class.badge-member]="r.status === 'eligible'">{{
                          'seminars.dash.status.' + r.status | transloco
                        }}</span>
                        @if (r.oneAway) {
                          <span class="badge badge-axis">{{ 'seminars.dash.oneAwayBadge' | transloco }}</span>
                        }
                      </td>
                      @for (m of modules(); track m.id) {
                        @let p = percentOf(r, m.id);
                        <td class="num" [class.ok]="p >= m.min">
                          {{ pct(p) }}
                          <span class="sr-only">{{
                            (p >= m.min ? 'seminars.gate.reqMet' : 'seminars.dash.notMet') | transloco
                          }}</span>
                        </td>
                      }
                      <td>
                        {{
                          (r.registration
                            ? 'seminars.registration.' + r.registration
                            : 'seminars.registration.none'
                          ) | transloco
                        }}
                        @if (r.registration === 'pending' && r.registrationId) {
                          <span class="row-actions">
                            <button
                              type="button"
                              class="btn btn-primary btn-small"
                              [disabled]="busy()"
                              [attr.aria-label]="
                                'seminars.dash.confirmFor' | transloco: { name: r.displayName }
                              "
                              (click)="decide(r, true)"
                            >
                              {{ 'seminars.dash.confirm' | transloco }}
                            </button>
                            <button
                              type="button"
                              class="btn btn-ghost-dark btn-small"
                              [disabled]="busy()"
                              [attr.aria-label]="
                                'seminars.dash.declineFor' | transloco: { name: r.displayName }
                              "
                              (click)="decide(r, false)"
                            >
                              {{ 'seminars.dash.decline' | transloco }}
                            </button>
                          </span>
                        }
                      </td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          }
          @if (b.total > b.pageSize) {
            <nav class="pager" [attr.aria-label]="'seminars.dash.pagination' | transloco">
              @if (b.page > 1) {
                <a [routerLink]="[]" [queryParams]="{ page: b.page - 1 }" queryParamsHandling="merge">{{
                  'common.previous' | transloco
                }}</a>
              }
              <span>{{ 'common.pageOf' | transloco: { page: b.page, pages: pageCount(b) } }}</span>
              @if (b.page < pageCount(b)) {
                <a [routerLink]="[]" [queryParams]="{ page: b.page + 1 }" queryParamsHandling="merge">{{
                  'common.next' | transloco
                }}</a>
              }
            </nav>
          }
        }
      </section>

      <section class="card" aria-labelledby="checkin-title">
        <h2 id="checkin-title">{{ 'seminars.checkIn.panelTitle' | transloco }}</h2>
        <pq-check-in-panel [seminarId]="s.id" [lang]="language.current()" />
      </section>
    } @else {
      <p class="muted" aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
  styles: `
    .sub {
      display: block;
      font-size: 1.1rem;
      font-weight: 600;
      color: var(--c-muted);
    }
    .figures {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 9.5rem), 1fr));
      gap: 0.6rem;
      margin: 0;
    }
    .figures div {
      border: 1px solid var(--c-border);
      border-radius: 8px;
      padding: 0.5rem 0.7rem;
    }
    .figures dt {
      font-size: 0.88rem;
      color: var(--c-muted);
    }
    .figures dd {
      margin: 0;
      font-size: 1.3rem;
      font-weight: 700;
    }
    .counts {
      list-style: none;
      padding: 0;
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem 1.5rem;
    }
    .export {
      margin-block: 0.9rem;
    }
    .bulk {
      margin-block-end: 0.6rem;
    }
    .orgs,
    .min {
      display: block;
      font-weight: 400;
      font-size: 0.85rem;
      color: var(--c-muted);
    }
    th[scope='row'] {
      font-weight: 600;
      background: transparent;
      font-size: inherit;
    }
    .num {
      font-variant-numeric: tabular-nums;
    }
    .num.ok {
      color: var(--c-success);
      font-weight: 700;
    }
    .row-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.3rem;
      margin-block-start: 0.3rem;
    }
  `,
})
export class SeminarDashboardPage {
  private readonly api = inject(SeminarsApi);
  private readonly directory = inject(DirectoryApi);
  private readonly router = inject(Router);
  protected readonly language = inject(LanguageService);

  /** Route parameter. */
  readonly id = input.required<string>();
  /** Query string. */
  readonly status = input<string | undefined>();
  readonly organisationId = input<string | undefined>();
  readonly oneAway = input<string | undefined>();
  readonly registration = input<string | undefined>();
  readonly sort = input<string | undefined>();
  readonly pageParam = input<string | undefined>(undefined, { alias: 'page' });

  protected readonly statuses = STATUSES;
  protected readonly registrationFilters = REGISTRATION_FILTERS;
  protected readonly sorts = SORTS;

  protected readonly seminar = signal<SeminarDetail | null>(null);
  protected readonly stats = signal<SeminarStats | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly busy = signal(false);
  protected readonly message = signal<UiMessage | null>(null);
  protected readonly messageIsError = signal(false);
  /** Bumped to reload the table after an action. */
  private readonly reloads = signal(0);

  private readonly lang = computed(() => this.language.current());
  protected readonly title = computed(() => {
    const s = this.seminar();
    return pickLocalized(s?.title, this.lang(), s?.originalLanguage ?? this.lang());
  });
  /** Required modules, in the rule's order, titled from the explanation the API gives staff too. */
  protected readonly modules = computed(() => {
    const s = this.seminar();
    if (!s) return [];
    const titles = new Map((s.myEligibility?.requirements ?? []).map((r) => [r.moduleId, r]));
    return s.rule.requirements.map((q, i) => {
      const r = titles.get(q.moduleId);
      const t = r
        ? pickLocalized(r.title, this.lang(), r.originalLanguage)
        : { text: `${i + 1}`, lang: this.lang(), dir: 'ltr' as const };
      return { id: q.moduleId, min: q.minPercent, ...t };
    });
  });
  protected readonly organisations = toSignal(
    toObservable(computed(() => this.seminar()?.regionId ?? null)).pipe(
      switchMap((regionId) =>
        regionId ? this.directory.organisations(regionId).pipe(catchError(() => of([]))) : of([]),
      ),
    ),
    { initialValue: [] },
  );

  protected readonly query = computed<
    Required<Pick<DashboardQuery, 'sort' | 'page' | 'pageSize'>> & DashboardQuery
  >(() => {
    const status = this.status();
    const registration = this.registration();
    const sort = this.sort();
    const page = Number(this.pageParam() ?? 1);
    return {
      status: STATUSES.includes(status as DashboardStatus) ? (status as DashboardStatus) : undefined,
      organisationId: this.organisationId() || undefined,
      oneAway: this.oneAway() === 'true' || undefined,
      registration: (REGISTRATION_FILTERS as readonly string[]).includes(registration ?? '')
        ? (registration as DashboardQuery['registration'])
        : undefined,
      sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as (typeof SORTS)[number]) : 'status',
      page: Number.isInteger(page) && page > 0 ? page : 1,
      pageSize: PAGE_SIZE,
    };
  });
  protected readonly csvUrl = computed(() => this.api.dashboardCsvUrl(this.id(), this.query()));

  protected readonly state = toSignal(
    toObservable(computed(() => ({ id: this.id(), query: this.query(), n: this.reloads() }))).pipe(
      switchMap(({ id, query }) =>
        this.api.dashboard(id, query).pipe(
          map((page): BoardState => ({ status: 'ready', page })),
          catchError((err) =>
            of<BoardState>({
              status: 'error',
              messageKey: messageKeyForStatus(err instanceof ApiError ? err.status : 0),
            }),
          ),
          startWith<BoardState>({ status: 'loading' }),
        ),
      ),
    ),
    { initialValue: { status: 'loading' } as BoardState },
  );
  /** The last page loaded (kept while the next one loads, so the table does not flicker). */
  private readonly lastBoard = signal<DashboardPage | null>(null);
  protected readonly board = computed(() => this.lastBoard());
  protected readonly errorKey = computed(() => {
    const s = this.state();
    return s.status === 'error' ? s.messageKey : 'errors.generic';
  });
  protected readonly markable = computed(() => (this.board()?.items ?? []).filter((r) => this.canMark(r)));
  protected readonly allSelected = computed(
    () => this.markable().length > 0 && this.markable().every((r) => this.selected().has(r.userId)),
  );

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
    effect(() => {
      const s = this.state();
      if (s.status === 'ready') this.lastBoard.set(s.page);
      else if (s.status === 'error') this.lastBoard.set(null);
    });
    // A new page or filter: start with nothing selected.
    effect(() => {
      this.query();
      untracked(() => this.selected.set(new Set()));
    });
    seminarPageTitle(() => ({ key: 'seminars.dash.title' }));
  }

  private load(id: string): void {
    this.loadError.set(null);
    this.api.get(id).subscribe({
      next: (s) => {
        if (!s.can.manage) this.loadError.set('errors.forbidden');
        else this.seminar.set(s);
      },
      error: (err) => this.loadError.set(messageKeyForStatus(err instanceof ApiError ? err.status : 0)),
    });
    this.loadStats(id);
  }

  private loadStats(id: string): void {
    this.api.stats(id).subscribe({ next: (st) => this.stats.set(st), error: () => undefined });
  }

  protected num(value: number): string {
    return formatNumber(value, this.lang());
  }
  protected pct(value: number): string {
    return formatPercent(value, this.lang());
  }
  protected percentOf(row: DashboardRow, moduleId: string): number {
    return row.percents.find((p) => p.moduleId === moduleId)?.percent ?? 0;
  }
  protected canMark(row: DashboardRow): boolean {
    return MARKABLE.includes(row.registration);
  }
  protected pageCount(p: DashboardPage): number {
    return Math.max(1, Math.ceil(p.total / p.pageSize));
  }

  setFilter(name: 'status' | 'organisationId' | 'oneAway' | 'registration' | 'sort', value: string): void {
    void this.router.navigate([], {
      queryParams: { [name]: value || null, page: null },
      queryParamsHandling: 'merge',
    });
  }

  toggle(userId: string, checked: boolean): void {
    this.selected.update((set) => {
      const next = new Set(set);
      if (checked) next.add(userId);
      else next.delete(userId);
      return next;
    });
  }
  selectAll(checked: boolean): void {
    this.selected.set(checked ? new Set(this.markable().map((r) => r.userId)) : new Set());
  }

  mark(status: 'attended' | 'no_show'): void {
    const value: RegistrationStatus.Attended | RegistrationStatus.NoShow =
      status === 'attended' ? RegistrationStatus.Attended : RegistrationStatus.NoShow;
    const entries = [...this.selected()].map((userId) => ({ userId, status: value }));
    this.run(this.api.markAttendance(this.id(), { entries }), (res) => ({
      key: status === 'attended' ? 'seminars.dash.markedAttended' : 'seminars.dash.markedNoShow',
      params: { count: res.updated },
    }));
  }

  decide(row: DashboardRow, confirm: boolean): void {
    const id = row.registrationId;
    if (!id) return;
    const call = confirm ? this.api.confirmRegistration(id) : this.api.declineRegistration(id);
    this.run(call, () => ({
      key: confirm ? 'seminars.dash.confirmed' : 'seminars.dash.declined',
      params: { name: row.displayName },
    }));
  }

  private run<T>(call: Observable<T>, success: (value: T) => UiMessage): void {
    this.busy.set(true);
    this.message.set(null);
    call.subscribe({
      next: (value) => {
        this.busy.set(false);
        this.messageIsError.set(false);
        this.message.set(success(value));
        this.selected.set(new Set());
        this.reloads.update((n) => n + 1);
        this.loadStats(this.id());
      },
      error: (err) => {
        this.busy.set(false);
        this.messageIsError.set(true);
        this.message.set({ key: messageKeyForStatus(err instanceof ApiError ? err.status : 0) });
      },
    });
  }
}
