import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { SkillSession, SkillSessionStatus } from '@pratique/contracts';
import {
  ApiError,
  FormFeedback,
  FormStatusComponent,
  LanguageService,
  SkillsApi,
  messageKeyForStatus,
} from '@pratique/web/core';
import { Observable } from 'rxjs';
import { RatingFormComponent } from './rating-form.component';
import { SKILLS_STYLES, formatDateRange, formatDateTime, skillsPageTitle } from './skills-format';

/** The order of the groups: what needs an answer first, history last. */
const GROUPS: SkillSessionStatus[] = [
  SkillSessionStatus.Proposed,
  SkillSessionStatus.Accepted,
  SkillSessionStatus.Done,
  SkillSessionStatus.Declined,
  SkillSessionStatus.Cancelled,
];
type Action = 'accept' | 'decline' | 'cancel' | 'markDone';

/**
 * /skills/sessions — the caller's sessions, both as volunteer and for their organisations,
 * grouped by status, with the actions the API allows (`can`), the .ics of an accepted session,
 * the ratings given and, once done, the form to rate it.
 */
@Component({
  selector: 'pq-sessions-page',
  imports: [RouterLink, TranslocoPipe, FormStatusComponent, RatingFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: [
    SKILLS_STYLES,
    `
      .session h3 {
        margin-block: 0 0.3rem;
        font-size: 1.1rem;
        overflow-wrap: anywhere;
      }
      .rating {
        margin-block: 0.4rem;
      }
      .group {
        margin-block-end: 1.5rem;
      }
    `,
  ],
  template: `
    <nav class="breadcrumb" [attr.aria-label]="'common.breadcrumb' | transloco">
      <a routerLink="/skills">{{ 'skills.list.title' | transloco }}</a>
    </nav>
    <h1>{{ 'skills.sessions.title' | transloco }}</h1>
    <p class="intro">{{ 'skills.sessions.intro' | transloco }}</p>
    <pq-form-status [feedback]="status" />

    @if (loadError(); as key) {
      <p class="alert alert-error">{{ key | transloco }}</p>
    } @else if (sessions(); as all) {
      @if (!all.length) {
        <p class="empty">{{ 'skills.sessions.empty' | transloco }}</p>
      }
      @for (g of groups(); track g.status) {
        <section class="group" [attr.aria-labelledby]="'group-' + g.status">
          <h2 [id]="'group-' + g.status">
            {{ 'skills.sessions.group.' + g.status | transloco: { count: g.items.length } }}
          </h2>
          <ul class="item-list">
            @for (s of g.items; track s.id) {
              <li>
                <article class="card session" [attr.aria-labelledby]="'session-' + s.id">
                  <h3 [id]="'session-' + s.id">
                    <a [routerLink]="['/skills/offers', s.offer.id]" dir="auto">{{ s.offer.title }}</a>
                    <span aria-hidden="true"> · </span>
                    <a [routerLink]="['/skills/requests', s.request.id]" dir="auto">{{ s.request.title }}</a>
                  </h3>
                  <p class="meta">
                    <span class="meta-label">{{ 'skills.sessions.volunteer' | transloco }}</span>
                    <a [routerLink]="['/skills/contributors', s.offer.author.id]"
                      ><bdi>{{ s.offer.author.displayName }}</bdi></a
                    >
                    · <span class="meta-label">{{ 'skills.sessions.organisation' | transloco }}</span>
                    <bdi>{{ s.request.organisation.name }}</bdi>
                  </p>
                  <p class="meta">
                    <span class="meta-label">{{ 'skills.sessions.when' | transloco }}</span>
                    {{ range(s) }} · {{ 'skills.formatName.' + s.format | transloco }}
                  </p>
                  @if (s.place) {
                    <p class="meta">
                      <span class="meta-label">{{ 'skills.sessions.place' | transloco }}</span>
                      <bdi class="user-text">{{ s.place }}</bdi>
                    </p>
                  }
                  <p class="meta">
                    {{
                      'skills.sessions.proposedBy.' + s.proposedBy
                        | transloco: { date: dateTime(s.createdAt) }
                    }}
                    @if (s.mySide) {
                      · {{ 'skills.sessions.mySide.' + s.mySide | transloco }}
                    }
                  </p>
                  @if (s.message) {
                    <p class="user-text" dir="auto">{{ s.message }}</p>
                  }

                  @if (s.ratings.length) {
                    <h4 class="small-heading">{{ 'skills.sessions.ratings' | transloco }}</h4>
                    @for (r of s.ratings; track r.side) {
                      <div class="rating">
                        <p class="meta">
                          <span class="meta-label">{{
                            'skills.sessions.ratedBy.' + r.side | transloco
                          }}</span>
                          <bdi>{{ r.rater.displayName }}</bdi> —
                          {{
                            (r.side === 'organisation'
                              ? 'skills.sessions.ratingVolunteer'
                              : 'skills.sessions.ratingOrganisation'
                            ) | transloco: { usefulness: r.usefulness, pedagogy: r.pedagogy }
                          }}
                        </p>
                        @if (r.review) {
                          <p class="user-text" dir="auto">{{ r.review }}</p>
                        }
                      </div>
                    }
                  }

                  @if (
                    s.can.accept || s.can.decline || s.can.cancel || s.can.markDone || s.status === 'accepted'
                  ) {
                    <div class="actions">
                      @if (s.can.accept) {
                        <button
                          type="button"
                          class="btn btn-primary btn-small"
                          [disabled]="busy()"
                          (click)="act(s, 'accept')"
                        >
                          {{ 'skills.sessions.accept' | transloco }}
                        </button>
                      }
                      @if (s.can.decline) {
                        <button
                          type="button"
                          class="btn btn-secondary btn-small"
                          [disabled]="busy()"
                          (click)="act(s, 'decline')"
                        >
                          {{ 'skills.sessions.decline' | transloco }}
                        </button>
                      }
                      @if (s.can.markDone) {
                        <button
                          type="button"
                          class="btn btn-primary btn-small"
                          [disabled]="busy()"
                          (click)="act(s, 'markDone')"
                        >
                          {{ 'skills.sessions.markDone' | transloco }}
                        </button>
                      }
                      @if (s.can.cancel) {
                        <button
                          type="button"
                          class="btn btn-ghost-dark btn-small"
                          [disabled]="busy()"
                          (click)="act(s, 'cancel')"
                        >
                          {{ 'skills.sessions.cancel' | transloco }}
                        </button>
                      }
                      @if (s.status === 'accepted') {
                        <a [href]="ics(s)" download="session.ics">{{ 'skills.sessions.ics' | transloco }}</a>
                      }
                    </div>
                  }
                  @if (s.can.rate && !ratedByMe(s)) {
                    <pq-rating-form [session]="s" (rated)="onRated($event)" />
                  }
                </article>
              </li>
            }
          </ul>
        </section>
      }
    } @else {
      <p class="muted" aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class SessionsPage {
  private readonly api = inject(SkillsApi);
  private readonly lang = inject(LanguageService).current;

  protected readonly sessions = signal<SkillSession[] | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly busy = signal(false);
  /** The page's live region: what an action did (or why it failed). */
  protected readonly status = new FormFeedback('sessions');
  protected readonly groups = computed(() => {
    const all = this.sessions() ?? [];
    return GROUPS.map((status) => ({ status, items: all.filter((s) => s.status === status) })).filter(
      (g) => g.items.length,
    );
  });

  constructor() {
    skillsPageTitle(() => ({ key: 'skills.sessions.title' }));
    this.api.sessions().subscribe({
      next: (s) => this.sessions.set(s),
      error: (err) => this.loadError.set(messageKeyForStatus(err instanceof ApiError ? err.status : 0)),
    });
  }

  protected range(s: SkillSession): string {
    return formatDateRange(s.startsAt, s.endsAt, this.lang());
  }
  protected dateTime(iso: string): string {
    return formatDateTime(iso, this.lang());
  }
  protected ics(s: SkillSession): string {
    return this.api.calendarUrl(s.id);
  }
  protected ratedByMe(s: SkillSession): boolean {
    return s.mySide !== null && s.ratings.some((r) => r.side === s.mySide);
  }

  protected act(s: SkillSession, action: Action): void {
    const calls: Record<Action, (id: string) => Observable<SkillSession>> = {
      accept: (id) => this.api.accept(id),
      decline: (id) => this.api.decline(id),
      cancel: (id) => this.api.cancel(id),
      markDone: (id) => this.api.markDone(id),
    };
    this.status.clear();
    this.busy.set(true);
    calls[action](s.id).subscribe({
      next: (updated) => {
        this.busy.set(false);
        this.replace(updated);
        this.status.succeed(`skills.sessions.result.${action}`);
      },
      error: (err) => {
        this.busy.set(false);
        this.status.fromError(err);
      },
    });
  }

  protected onRated(s: SkillSession): void {
    this.replace(s);
    this.status.succeed('skills.rate.saved');
  }

  private replace(updated: SkillSession): void {
    this.sessions.update((all) => (all ?? []).map((s) => (s.id === updated.id ? updated : s)));
  }
}
