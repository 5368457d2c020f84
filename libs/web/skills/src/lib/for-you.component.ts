import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Recommendations, pickLocalized } from '@pratique/contracts';
import { LanguageService, SkillsApi } from '@pratique/web/core';
import { catchError, of } from 'rxjs';

/**
 * "For you" on the home page of a signed-in member: modules that bring them closest to a
 * seminar's gate, spaces matching their skills, organisations' needs their offer fits — each
 * saying why. Hidden when there is nothing (or the recommendations cannot be read). Its strings
 * are in the root translation files (`home.forYou`), since the home page loads no scope.
 */
@Component({
  selector: 'pq-for-you',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (items(); as r) {
      <section class="card for-you" aria-labelledby="for-you-title">
        <h2 id="for-you-title">{{ 'home.forYou.title' | transloco }}</h2>
        <p class="hint">{{ 'home.forYou.intro' | transloco }}</p>
        <ul class="recs">
          @for (m of r.modules; track m.module.id) {
            @let mt = pick(m.module.title, m.module.originalLanguage);
            @let st = pick(m.seminar.title, m.seminar.originalLanguage);
            <li>
              <span class="kind">{{ 'home.forYou.kind.module' | transloco }}</span>
              <a [routerLink]="['/modules', m.module.id]" [attr.lang]="mt.lang" [attr.dir]="mt.dir">{{
                mt.text
              }}</a>
              <p class="why">
                {{
                  (m.lessonsToGate === 1 ? 'home.forYou.moduleWhyOne' : 'home.forYou.moduleWhyMany')
                    | transloco: { count: m.lessonsToGate }
                }}
                « <bdi [attr.lang]="st.lang" [attr.dir]="st.dir">{{ st.text }}</bdi> »
              </p>
            </li>
          }
          @for (s of r.spaces; track s.space.id) {
            @let t = pick(s.space.title, s.space.originalLanguage);
            <li>
              <span class="kind">{{ 'home.forYou.kind.space' | transloco }}</span>
              <a [routerLink]="['/spaces', s.space.slug]" [attr.lang]="t.lang" [attr.dir]="t.dir">{{
                t.text
              }}</a>
              <p class="why">
                {{ 'home.forYou.spaceWhy' | transloco }}
                @for (w of s.matching; track w; let last = $last) {
                  <bdi>{{ w }}</bdi>{{ last ? '' : sep() }}
                }
              </p>
            </li>
          }
          @for (q of r.requests; track q.request.id) {
            <li>
              <span class="kind">{{ 'home.forYou.kind.request' | transloco }}</span>
              <a [routerLink]="['/skills/requests', q.request.id]" dir="auto">{{ q.request.title }}</a>
              <span class="muted">
                — <bdi>{{ q.request.organisation.name }}</bdi></span
              >
              <p class="why">
                {{ 'home.forYou.requestWhy' | transloco }} « <bdi>{{ q.offer.title }}</bdi> »
                @if (q.skills.length) {
                  — {{ 'home.forYou.requestSkills' | transloco }}
                  @for (w of q.skills; track w; let last = $last) {
                    <bdi>{{ w }}</bdi>{{ last ? '' : sep() }}
                  }
                }
              </p>
            </li>
          }
        </ul>
      </section>
    }
  `,
  styles: `
    .for-you h2 {
      margin-block-start: 0;
    }
    .recs {
      list-style: none;
      padding: 0;
      margin: 0.5rem 0 0;
      display: grid;
      gap: 0.75rem;
    }
    .recs li {
      border-block-start: 1px solid #e6e9ee;
      padding-block-start: 0.6rem;
      overflow-wrap: anywhere;
    }
    .recs li:first-child {
      border-block-start: 0;
      padding-block-start: 0;
    }
    .kind {
      display: inline-block;
      font-size: 0.8rem;
      font-weight: 700;
      text-transform: uppercase;
      letter-spacing: 0.03em;
      color: var(--c-accent-text);
      background: var(--c-accent-bg);
      border-radius: 999px;
      padding: 0.05rem 0.5rem;
      margin-inline-end: 0.5rem;
    }
    .why {
      margin: 0.2rem 0 0;
      color: var(--c-muted);
    }
  `,
})
export class ForYouComponent {
  private readonly language = inject(LanguageService);
  private readonly data = toSignal(
    inject(SkillsApi)
      .recommendations()
      .pipe(catchError(() => of(null))),
    { initialValue: null },
  );
  /** The recommendations, or null when there are none to show. */
  protected readonly items = computed<Recommendations | null>(() => {
    const r = this.data();
    if (!r) return null;
    const count = (r.modules?.length ?? 0) + (r.spaces?.length ?? 0) + (r.requests?.length ?? 0);
    return count ? { modules: r.modules ?? [], spaces: r.spaces ?? [], requests: r.requests ?? [] } : null;
  });
  protected readonly sep = computed(() => (this.language.current() === 'ar' ? '، ' : ', '));

  protected pick(text: Parameters<typeof pickLocalized>[0], original: Parameters<typeof pickLocalized>[2]) {
    return pickLocalized(text, this.language.current(), original);
  }
}
