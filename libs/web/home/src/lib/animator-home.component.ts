import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService, provideTranslocoScope } from '@jsverse/transloco';
import { AnimatedSpace } from '@pratique/contracts';
import { loadOnChange } from '@pratique/web/core';
import { ChartComponent } from './chart/chart.component';
import { ChartSpec, progressSpec } from './chart/chart-spec';
import { HomeApi } from './home.api';
import { HOME_STYLES } from './home-styles';
import { HomeView } from './home-view';
import { PersonaTabsComponent } from './persona-tabs.component';
import { translationsTick } from './translations-tick';

const once = signal(0);

/**
 * The animator's home: what waits in my spaces (suggested resources, reports, questions nobody
 * answered), how learners are doing in each module (a chart, and its table), and the
 * unanswered questions, oldest first.
 */
@Component({
  selector: 'pq-animator-home',
  imports: [RouterLink, TranslocoPipe, PersonaTabsComponent, ChartComponent],
  providers: [provideTranslocoScope('homes')],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="home-head">
      <h1>{{ 'homes.animator.title' | transloco }}</h1>
      <p class="lead">{{ 'homes.animator.lead' | transloco }}</p>
    </header>
    <pq-persona-tabs current="animator" />

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
        <section class="card wide" aria-labelledby="home-moderation">
          <h2 id="home-moderation">{{ 'homes.animator.moderation.title' | transloco }}</h2>
          @if (waiting() === 0) {
            <p class="empty">{{ 'homes.animator.moderation.none' | transloco }}</p>
          }
          <ul class="items spaces">
            @for (s of h.spaces; track s.id) {
              @let t = pick(s.title, s.originalLanguage);
              <li>
                <a
                  class="item-title"
                  [routerLink]="['/spaces', s.slug]"
                  [attr.lang]="t.lang"
                  [attr.dir]="t.dir"
                  >{{ t.text }}</a
                >
                <span class="meta">
                  · {{ plural('members', s.members) | transloco: { count: count(s.members) } }}</span
                >
                <ul class="counts">
                  <li>
                    <a [routerLink]="['/spaces', s.slug, 'toolbox', 'moderation']"
                      >{{ 'homes.animator.moderation.pending' | transloco }}
                      <strong>{{ count(s.pendingResources) }}</strong><span class="sr-only">
                        — {{ t.text }}</span
                      ></a
                    >
                  </li>
                  <li>
                    <a [routerLink]="['/spaces', s.slug, 'toolbox', 'moderation']"
                      >{{ 'homes.animator.moderation.reports' | transloco }}
                      <strong>{{ count(s.openReports) }}</strong><span class="sr-only">
                        — {{ t.text }}</span
                      ></a
                    >
                  </li>
                  <li>
                    <a [routerLink]="['/spaces', s.slug, 'discussions']"
                      >{{ 'homes.animator.moderation.unanswered' | transloco }}
                      <strong>{{ count(s.unansweredQuestions) }}</strong><span class="sr-only">
                        — {{ t.text }}</span
                      ></a
                    >
                  </li>
                </ul>
              </li>
            }
          </ul>
        </section>

        <section class="card wide" aria-labelledby="home-progress">
          <h2 id="home-progress">{{ 'homes.animator.progress.title' | transloco }}</h2>
          @if (h.modules.length) {
            @if (chart(); as spec) {
              <pq-chart [spec]="spec" [lang]="lang()" />
            }
            <ul class="items modules">
              @for (m of h.modules; track m.moduleId) {
                @let t = pick(m.title, m.originalLanguage);
                <li>
                  <a [routerLink]="['/modules', m.moduleId]" [attr.lang]="t.lang" [attr.dir]="t.dir">{{
                    t.text
                  }}</a>
                  <span class="meta">
                    ·
                    {{
                      'homes.animator.progress.summary'
                        | transloco: { learners: count(m.learners), average: percent(m.averagePercent) }
                    }}
                    @if (m.status !== 'published') {
                      · {{ 'homes.animator.progress.draft' | transloco }}
                    }
                  </span>
                </li>
              }
            </ul>
          } @else {
            <p class="empty">{{ 'homes.animator.progress.none' | transloco }}</p>
          }
        </section>

        <section class="card wide" aria-labelledby="home-unanswered">
          <h2 id="home-unanswered">{{ 'homes.animator.unanswered.title' | transloco }}</h2>
          @if (h.unanswered.length) {
            <ul class="items">
              @for (q of h.unanswered; track q.threadId) {
                @let st = pick(q.spaceTitle, q.spaceOriginalLanguage);
                <li>
                  <a class="item-title" [routerLink]="['/discussions', q.threadId]" dir="auto">{{
                    q.title
                  }}</a>
                  <p class="meta">
                    <bdi [attr.lang]="st.lang" [attr.dir]="st.dir">{{ st.text }}</bdi> ·
                    {{ 'homes.animator.unanswered.by' | transloco: { name: q.authorName } }} ·
                    {{ age(q.createdAt) }}
                  </p>
                </li>
              }
            </ul>
          } @else {
            <p class="empty">{{ 'homes.animator.unanswered.none' | transloco }}</p>
          }
        </section>
      </div>
    }
  `,
  styles: [HOME_STYLES],
})
export class AnimatorHomeComponent extends HomeView {
  private readonly api = inject(HomeApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly data = loadOnChange(once, () => this.api.animator());

  protected readonly waiting = computed(() =>
    (this.data.data()?.spaces ?? []).reduce(
      (sum: number, s: AnimatedSpace) => sum + s.pendingResources + s.openReports + s.unansweredQuestions,
      0,
    ),
  );
  protected readonly chart = computed<ChartSpec | null>(() => {
    const h = this.data.data();
    if (!h?.modules.length) return null;
    const lang = this.lang();
    this.ready();
    const t = (key: string) => this.transloco.translate(`homes.animator.progress.${key}`);
    return progressSpec(h.modules, lang, {
      caption: t('chartCaption'),
      module: t('module'),
      below50: t('below50'),
      from50: t('from50'),
      completed: t('completed'),
    });
  });
  /** Changes when the scope's translations arrive, so the chart's words are translated. */
  private readonly ready = translationsTick();
}
