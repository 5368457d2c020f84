import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { SKILL_FLAG_RULE, SkillOffer } from '@pratique/contracts';
import { ApiError, LanguageService, SkillsApi, messageKeyForStatus } from '@pratique/web/core';
import { SKILLS_STYLES, formatNumber, ratingPhrase, skillsPageTitle } from './skills-format';

/**
 * /skills/flagged — offers the rating rule flags for a look (never hidden automatically), for
 * staff, admins and animators; anyone else reads the API's refusal.
 */
@Component({
  selector: 'pq-flagged-page',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: [SKILLS_STYLES],
  template: `
    <nav class="breadcrumb" [attr.aria-label]="'common.breadcrumb' | transloco">
      <a routerLink="/skills">{{ 'skills.list.title' | transloco }}</a>
    </nav>
    <h1>{{ 'skills.flagged.title' | transloco }}</h1>
    <p class="intro">
      {{ 'skills.flagged.intro' | transloco: { count: rule.minRatedSessions, below: below } }}
    </p>
    @if (loadError(); as key) {
      <p class="alert alert-error">{{ key | transloco }}</p>
    } @else if (offers(); as list) {
      @if (!list.length) {
        <p class="empty">{{ 'skills.flagged.empty' | transloco }}</p>
      } @else {
        <ul class="item-list">
          @for (o of list; track o.id) {
            <li>
              <article class="card">
                <h2 class="item-title">
                  <a [routerLink]="['/skills/offers', o.id]" dir="auto">{{ o.title }}</a>
                </h2>
                <p class="meta">
                  <span class="meta-label">{{ 'skills.offer.by' | transloco }}</span>
                  <a [routerLink]="['/skills/contributors', o.author.id]"
                    ><bdi>{{ o.author.displayName }}</bdi></a
                  >
                </p>
                @let rp = rating(o);
                <p class="meta">{{ rp.key | transloco: rp.params }}</p>
              </article>
            </li>
          }
        </ul>
      }
    } @else {
      <p class="muted" aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class FlaggedPage {
  private readonly api = inject(SkillsApi);
  private readonly lang = inject(LanguageService).current;
  protected readonly rule = SKILL_FLAG_RULE;
  protected readonly offers = signal<SkillOffer[] | null>(null);
  protected readonly loadError = signal<string | null>(null);

  constructor() {
    skillsPageTitle(() => ({ key: 'skills.flagged.title' }));
    this.api.flaggedOffers().subscribe({
      next: (o) => this.offers.set(o),
      error: (err) => this.loadError.set(messageKeyForStatus(err instanceof ApiError ? err.status : 0)),
    });
  }

  protected get below(): string {
    return formatNumber(SKILL_FLAG_RULE.below, this.lang(), 1);
  }
  protected rating(o: SkillOffer) {
    return ratingPhrase(o.rating, this.lang());
  }
}
