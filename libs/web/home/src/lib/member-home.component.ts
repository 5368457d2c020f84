import { NgComponentOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Type,
  computed,
  effect,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, provideTranslocoScope } from '@jsverse/transloco';
import { ACTIVE_REGISTRATION, MyModule, NotificationDto, SeminarSummary } from '@pratique/contracts';
import { SessionStore, loadOnChange } from '@pratique/web/core';
import { HomeApi } from './home.api';
import { seatsLeft } from './home-format';
import { HOME_STYLES } from './home-styles';
import { HomeView } from './home-view';
import { PersonaTabsComponent } from './persona-tabs.component';

/** How many unfinished modules the home lists before "all my modules". */
const MODULES_SHOWN = 4;
const NOTIFICATIONS_SHOWN = 3;
const once = signal(0);

/**
 * The member's home: my modules with their percent and "continue"; the seminars I can register
 * for now; the ones I am close to, with what remains (lessons, module by module); my next
 * seminars; my unread notifications; and « Pour vous ». Each block loads on its own, so a slow
 * one never hides the others.
 */
@Component({
  selector: 'pq-member-home',
  imports: [RouterLink, TranslocoDirective, NgComponentOutlet, PersonaTabsComponent],
  providers: [provideTranslocoScope('homes', 'notifications')],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let tr">
      <header class="home-head">
        <h1>{{ tr('homes.member.title', { name: name() }) }}</h1>
        <p class="lead">{{ tr('homes.member.lead') }}</p>
      </header>
      <pq-persona-tabs current="member" />

      @if (!settled()) {
        <p class="muted" role="status">{{ tr('homes.loading') }}</p>
      } @else {
        <div class="home-grid">
          <section class="card" aria-labelledby="home-modules">
            <h2 id="home-modules">{{ tr('homes.member.modules.title') }}</h2>
            @switch (home.state().status) {
              @case ('loading') {
                <p class="muted" role="status">{{ tr('homes.loading') }}</p>
              }
              @case ('error') {
                <p class="error" role="alert">{{ tr(home.errorKey()) }}</p>
              }
              @default {
                @if (modules().length) {
                  <ul class="items">
                    @for (m of modules(); track m.moduleId) {
                      @let t = pick(m.title, m.originalLanguage);
                      <li>
                        <a
                          class="item-title"
                          [routerLink]="['/modules', m.moduleId]"
                          [attr.lang]="t.lang"
                          [attr.dir]="t.dir"
                          >{{ t.text }}</a
                        >
                        <div class="meter">
                          <div
                            class="track"
                            role="progressbar"
                            aria-valuemin="0"
                            aria-valuemax="100"
                            [attr.aria-valuenow]="m.percent"
                            [attr.aria-valuetext]="percent(m.percent)"
                            [attr.aria-label]="tr('homes.member.modules.progressOf', { title: t.text })"
                          >
                            <div
                              class="fill"
                              [class.full]="m.percent >= 100"
                              [style.inline-size.%]="m.percent"
                            ></div>
                          </div>
                          <span class="value" aria-hidden="true">{{ percent(m.percent) }}</span>
                        </div>
                        @if (m.continueLessonId) {
                          <a
                            class="btn btn-primary btn-small"
                            [routerLink]="['/modules', m.moduleId, 'lessons', m.continueLessonId]"
                            >{{ tr('homes.member.modules.continue')
                            }}<span class="sr-only">: {{ t.text }}</span></a
                          >
                        }
                      </li>
                    }
                  </ul>
                } @else {
                  <p class="empty">{{ tr('homes.member.modules.none') }}</p>
                  <a routerLink="/spaces">{{ tr('homes.member.modules.browse') }}</a>
                }
                <a class="more" routerLink="/my-modules">{{ tr('homes.member.modules.all') }}</a>
              }
            }
          </section>

          <section class="card" aria-labelledby="home-register-now">
            <h2 id="home-register-now">{{ tr('homes.member.registerNow.title') }}</h2>
            @switch (outlook.state().status) {
              @case ('loading') {
                <p class="muted" role="status">{{ tr('homes.loading') }}</p>
              }
              @case ('error') {
                <p class="error" role="alert">{{ tr(outlook.errorKey()) }}</p>
              }
              @default {
                @if (registerNow().length) {
                  <ul class="items">
                    @for (s of registerNow(); track s.id) {
                      @let t = pick(s.title, s.originalLanguage);
                      @let left = seats(s);
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
                          @if (left > 0) {
                            {{ tr(plural('seatsLeft', left), { count: count(left) }) }}
                          } @else {
                            {{ tr('homes.member.registerNow.waitlist') }}
                          }
                        </p>
                        <p class="meta">
                          {{ tr('homes.member.registerNow.closes', { date: day(s.registrationClosesAt) }) }}
                        </p>
                        <a class="btn btn-primary btn-small" [routerLink]="['/seminars', s.id]"
                          >{{ tr('homes.member.registerNow.register')
                          }}<span class="sr-only">: {{ t.text }}</span></a
                        >
                      </li>
                    }
                  </ul>
                } @else {
                  <p class="empty">{{ tr('homes.member.registerNow.none') }}</p>
                }
                <a class="more" routerLink="/seminars">{{ tr('homes.member.registerNow.all') }}</a>
              }
            }
          </section>

          <section class="card" aria-labelledby="home-within-reach">
            <h2 id="home-within-reach">{{ tr('homes.member.withinReach.title') }}</h2>
            @if (outlook.data(); as o) {
              @if (o.withinReach.length) {
                <ul class="items">
                  @for (w of o.withinReach; track w.seminar.id) {
                    @let t = pick(w.seminar.title, w.seminar.originalLanguage);
                    <li>
                      <a
                        class="item-title"
                        [routerLink]="['/seminars', w.seminar.id]"
                        [attr.lang]="t.lang"
                        [attr.dir]="t.dir"
                        >{{ t.text }}</a
                      >
                      <p class="meta">
                        {{ day(w.seminar.startsAt) }} ·
                        {{ tr('homes.member.withinReach.met', { met: count(w.met), k: count(w.k) }) }}
                      </p>
                      <p>
                        <strong>{{
                          tr(plural('lessonsToGo', w.lessonsToGate), { count: count(w.lessonsToGate) })
                        }}</strong>
                      </p>
                      <ul class="steps">
                        @for (step of w.steps; track step.moduleId) {
                          @let st = pick(step.title, step.originalLanguage);
                          <li>
                            <bdi [attr.lang]="st.lang" [attr.dir]="st.dir">{{ st.text }}</bdi>
                            — {{ tr(plural('lessons', step.lessons), { count: count(step.lessons) }) }}
                            <a
                              [routerLink]="
                                step.continueLessonId
                                  ? ['/modules', step.moduleId, 'lessons', step.continueLessonId]
                                  : ['/modules', step.moduleId]
                              "
                              >{{ tr('homes.member.withinReach.go')
                              }}<span class="sr-only">: {{ st.text }}</span></a
                            >
                          </li>
                        }
                      </ul>
                    </li>
                  }
                </ul>
              } @else {
                <p class="empty">{{ tr('homes.member.withinReach.none') }}</p>
              }
            } @else if (outlook.state().status === 'loading') {
              <p class="muted" role="status">{{ tr('homes.loading') }}</p>
            } @else {
              <p class="error" role="alert">{{ tr(outlook.errorKey()) }}</p>
            }
          </section>

          <section class="card" aria-labelledby="home-my-seminars">
            <h2 id="home-my-seminars">{{ tr('homes.member.mySeminars.title') }}</h2>
            @if (home.data()) {
              @if (mySeminars().length) {
                <ul class="items">
                  @for (s of mySeminars(); track s.id) {
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
                        <span class="badge">{{ tr('homes.registration.' + s.myRegistration) }}</span>
                        @if (s.myWaitlistPosition) {
                          {{
                            tr('homes.member.mySeminars.position', { position: count(s.myWaitlistPosition) })
                          }}
                        }
                      </p>
                    </li>
                  }
                </ul>
              } @else {
                <p class="empty">{{ tr('homes.member.mySeminars.none') }}</p>
              }
            } @else if (home.state().status === 'loading') {
              <p class="muted" role="status">{{ tr('homes.loading') }}</p>
            }
          </section>

          <section class="card" aria-labelledby="home-notifications">
            <h2 id="home-notifications">{{ tr('homes.member.notifications.title') }}</h2>
            @if (notifications.data(); as page) {
              <p>{{ tr(plural('unread', page.total), { count: count(page.total) }) }}</p>
              @if (page.items.length) {
                <ul class="items">
                  @for (n of shownNotifications(page.items); track n.id) {
                    <li>
                      @if (sentence(); as Sentence) {
                        <ng-container
                          *ngComponentOutlet="Sentence; inputs: { notification: n, lang: lang() }"
                        />
                      }
                      <p class="meta">{{ day(n.createdAt) }}</p>
                    </li>
                  }
                </ul>
              }
              <a class="more" routerLink="/notifications">{{ tr('homes.member.notifications.all') }}</a>
            } @else if (notifications.state().status === 'loading') {
              <p class="muted" role="status">{{ tr('homes.loading') }}</p>
            } @else {
              <p class="error" role="alert">{{ tr(notifications.errorKey()) }}</p>
            }
          </section>

          @if (forYou(); as ForYou) {
            <div class="wide"><ng-container *ngComponentOutlet="ForYou" /></div>
          } @else {
            <div #forYouAnchor class="wide"></div>
          }
        </div>
      }
    </ng-container>
  `,
  styles: [
    HOME_STYLES,
    `
      .steps {
        margin: 0.25rem 0 0;
        padding-inline-start: 1.2rem;
      }
      .steps li {
        margin-block: 0.2rem;
      }
      .badge {
        display: inline-block;
        font-size: 0.85rem;
        font-weight: 600;
        background: var(--c-accent-bg);
        color: var(--c-accent-text);
        border-radius: 999px;
        padding: 0 0.5rem;
      }
    `,
  ],
})
export class MemberHomeComponent extends HomeView {
  private readonly api = inject(HomeApi);
  private readonly session = inject(SessionStore);

  protected readonly name = computed(() => this.session.user()?.displayName ?? '');

  protected readonly home = loadOnChange(once, () => this.api.member());
  protected readonly outlook = loadOnChange(once, () => this.api.seminarOutlook());
  protected readonly notifications = loadOnChange(once, () => this.api.unreadPreview());

  /** The blocks show together once each has answered (or failed): one paint, nothing pushed around. */
  protected readonly settled = computed(() =>
    [this.home, this.outlook, this.notifications].every((l) => l.state().status !== 'loading'),
  );
  /** Unfinished first (as the API orders them), a few. */
  protected readonly modules = computed<MyModule[]>(() =>
    (this.home.data()?.modules ?? []).filter((m) => m.percent < 100).slice(0, MODULES_SHOWN),
  );
  protected readonly registerNow = computed(() => this.outlook.data()?.registerNow ?? []);
  protected readonly mySeminars = computed<SeminarSummary[]>(() =>
    (this.home.data()?.seminars ?? []).filter(
      (s) => s.myRegistration !== null && ACTIVE_REGISTRATION.includes(s.myRegistration),
    ),
  );

  /** Lazy parts: « Pour vous » (skills) and the notification sentence (notifications). */
  protected readonly forYou = signal<Type<unknown> | null>(null);
  protected readonly sentence = signal<Type<unknown> | null>(null);

  /** « Pour vous » sits below the other blocks: its code and data load when it nears the screen. */
  private readonly forYouAnchor = viewChild<ElementRef<HTMLElement>>('forYouAnchor');

  constructor() {
    super();
    effect((onCleanup) => {
      const anchor = this.forYouAnchor()?.nativeElement;
      if (!anchor || this.forYou()) return;
      const load = () =>
        import('@pratique/web/skills').then(
          (m) => this.forYou.set(m.ForYouComponent),
          () => undefined,
        );
      if (typeof IntersectionObserver === 'undefined') return void load();
      const observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((e) => e.isIntersecting)) {
            observer.disconnect();
            void load();
          }
        },
        { rootMargin: '200px' },
      );
      observer.observe(anchor);
      onCleanup(() => observer.disconnect());
    });
    import('@pratique/web/notifications').then(
      (m) => this.sentence.set(m.NotificationSentenceComponent),
      () => undefined,
    );
  }

  protected seats(s: SeminarSummary): number {
    return seatsLeft(s.capacity, s.seatsTaken);
  }
  protected shownNotifications(items: NotificationDto[]): NotificationDto[] {
    return items.slice(0, NOTIFICATIONS_SHOWN);
  }
}
