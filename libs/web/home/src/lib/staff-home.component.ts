import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService, provideTranslocoScope } from '@jsverse/transloco';
import { loadOnChange } from '@pratique/web/core';
import { ChartComponent } from './chart/chart.component';
import { ChartSpec, eligibilitySpec } from './chart/chart-spec';
import { HomeApi } from './home.api';
import { HOME_STYLES } from './home-styles';
import { HomeView } from './home-view';
import { PersonaTabsComponent } from './persona-tabs.component';
import { translationsTick } from './translations-tick';

const once = signal(0);

/**
 * The regional office's home: my region's upcoming seminars with their fill rate and the
 * eligible members not registered yet (the people to call), the seminars whose attendance is
 * still to mark, and how many members met each seminar's gate week after week (a chart, and its
 * table).
 */
@Component({
  selector: 'pq-staff-home',
  imports: [RouterLink, TranslocoPipe, PersonaTabsComponent, ChartComponent],
  providers: [provideTranslocoScope('homes')],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="home-head">
      <h1>{{ 'homes.staff.title' | transloco }}</h1>
      @if (data.data(); as h) {
        <p class="lead">
          {{ 'homes.staff.lead' | transloco }}
          @for (r of h.regions; track r.id; let last = $last) {
            <bdi>{{ r.name }}</bdi>{{ last ? '' : sep() }}
          }
        </p>
      }
    </header>
    <pq-persona-tabs current="staff" />

    @switch (data.state().status) {
      @case ('loading') {
        <p class="muted" role="status">{{ 'homes.loading' | transloco }}</p>
      }
      @case ('error') {
        <p class="error" role="alert">{{ data.errorKey() | transloco }}</p>
      }
    }
    @if (data.data(); as h) {
      <div class="home-grid">
        <section class="card wide" aria-labelledby="home-staff-seminars">
          <h2 id="home-staff-seminars">{{ 'homes.staff.seminars.title' | transloco }}</h2>
          @if (h.seminars.length) {
            <ul class="items seminars">
              @for (s of h.seminars; track s.id) {
                @let t = pick(s.title, s.originalLanguage);
                <li>
                  <a
                    class="item-title"
                    [routerLink]="['/seminars', s.id]"
                    [attr.lang]="t.lang"
                    [attr.dir]="t.dir"
                    >{{ t.text }}</a
                  >
                  <p class="meta">
                    {{ day(s.startsAt) }} ·
                    {{ 'homes.staff.seminars.closes' | transloco: { date: day(s.registrationClosesAt) } }}
                  </p>
                  <div class="meter">
                    <div
                      class="track"
                      role="meter"
                      aria-valuemin="0"
                      [attr.aria-valuemax]="s.capacity"
                      [attr.aria-valuenow]="s.seatsTaken"
                      [attr.aria-valuetext]="fillText(s.seatsTaken, s.capacity, s.fillRate)"
                      [attr.aria-label]="'homes.staff.seminars.fillOf' | transloco: { title: t.text }"
                    >
                      <div
                        class="fill"
                        [class.full]="s.fillRate >= 1"
                        [style.inline-size.%]="s.fillRate * 100"
                      ></div>
                    </div>
                    <span class="value" aria-hidden="true">{{ ratio(s.fillRate) }}</span>
                  </div>
                  <ul class="counts">
                    <li>
                      {{
                        'homes.staff.seminars.seats'
                          | transloco: { taken: count(s.seatsTaken), capacity: count(s.capacity) }
                      }}
                    </li>
                    @if (s.waitlisted) {
                      <li>
                        {{ plural('waitlisted', s.waitlisted) | transloco: { count: count(s.waitlisted) } }}
                      </li>
                    }
                    <li>
                      <a
                        [routerLink]="['/seminars', s.id, 'dashboard']"
                        [queryParams]="{ status: 'eligible', registration: 'none' }"
                        >{{ 'homes.staff.seminars.eligibleNotRegistered' | transloco }}
                        <strong>{{ count(s.eligibleNotRegistered) }}</strong><span class="sr-only">
                          — {{ t.text }}</span
                        ></a
                      >
                    </li>
                  </ul>
                </li>
              }
            </ul>
          } @else {
            <p class="empty">{{ 'homes.staff.seminars.none' | transloco }}</p>
          }
          <a class="more" routerLink="/seminars">{{ 'homes.staff.seminars.all' | transloco }}</a>
        </section>

        <section class="card" aria-labelledby="home-attendance">
          <h2 id="home-attendance">{{ 'homes.staff.attendance.title' | transloco }}</h2>
          @if (h.attendanceToMark.length) {
            <ul class="items">
              @for (a of h.attendanceToMark; track a.seminarId) {
                @let t = pick(a.title, a.originalLanguage);
                <li>
                  <a
                    class="item-title"
                    [routerLink]="['/seminars', a.seminarId, 'dashboard']"
                    [attr.lang]="t.lang"
                    [attr.dir]="t.dir"
                    >{{ t.text }}</a
                  >
                  <p class="meta">
                    {{ 'homes.staff.attendance.ended' | transloco: { date: day(a.endsAt) } }} ·
                    {{ plural('unmarked', a.unmarked) | transloco: { count: count(a.unmarked) } }}
                  </p>
                </li>
              }
            </ul>
          } @else {
            <p class="empty">{{ 'homes.staff.attendance.none' | transloco }}</p>
          }
        </section>

        <section class="card span2" aria-labelledby="home-eligibility">
          <h2 id="home-eligibility">{{ 'homes.staff.eligibility.title' | transloco }}</h2>
          @if (chart(); as spec) {
            <pq-chart [spec]="spec" [lang]="lang()" />
          } @else {
            <p class="empty">{{ 'homes.staff.eligibility.none' | transloco }}</p>
          }
        </section>
      </div>
    }
  `,
  styles: [HOME_STYLES],
})
export class StaffHomeComponent extends HomeView {
  private readonly api = inject(HomeApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly data = loadOnChange(once, () => this.api.staff());
  private readonly ready = translationsTick();

  protected readonly chart = computed<ChartSpec | null>(() => {
    const e = this.data.data()?.eligibilityOverTime;
    if (!e?.series.length) return null;
    this.ready();
    return eligibilitySpec(e, this.lang(), {
      caption: this.transloco.translate('homes.staff.eligibility.caption'),
      week: this.transloco.translate('homes.staff.eligibility.week'),
    });
  });
  protected readonly sep = computed(() => (this.lang() === 'ar' ? '، ' : ', '));

  protected fillText(taken: number, capacity: number, rate: number): string {
    return this.transloco.translate('homes.staff.seminars.fillText', {
      taken: this.count(taken),
      capacity: this.count(capacity),
      rate: this.ratio(rate),
    });
  }
}
