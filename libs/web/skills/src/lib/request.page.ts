import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { SkillFormat, SkillMatch, SkillOffer, SkillPostStatus, SkillRequest } from '@pratique/contracts';
import {
  ApiError,
  FormFeedback,
  FormStatusComponent,
  LanguageService,
  SkillsApi,
  messageKeyForStatus,
} from '@pratique/web/core';
import { MatchReasonsComponent } from './match-reasons.component';
import { ProposeSessionComponent } from './propose-session.component';
import { SKILLS_STYLES, formatDay, ratingPhrase, regionNames, skillsPageTitle } from './skills-format';

/**
 * /skills/requests/:id — an organisation's need. Its organisation's members edit or close it;
 * below, the suggested volunteers (offers, best first, each with why) and "Propose a session".
 */
@Component({
  selector: 'pq-request-page',
  imports: [RouterLink, TranslocoPipe, FormStatusComponent, MatchReasonsComponent, ProposeSessionComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: [SKILLS_STYLES],
  template: `
    @let sep = 'skills.listSeparator' | transloco;
    <nav class="breadcrumb" [attr.aria-label]="'common.breadcrumb' | transloco">
      <a routerLink="/skills" [queryParams]="{ view: 'requests' }">{{ 'skills.list.title' | transloco }}</a>
    </nav>
    @if (loadError(); as key) {
      <h1>{{ 'skills.request.heading' | transloco }}</h1>
      <p class="alert alert-error">{{ key | transloco }}</p>
    } @else if (request(); as r) {
      <article class="card">
        <h1 class="page-title" dir="auto">{{ r.title }}</h1>
        <p class="badges">
          <span class="badge" [class]="'badge status-' + r.status">{{
            'skills.status.' + r.status | transloco
          }}</span>
        </p>
        <p class="meta">
          <span class="meta-label">{{ 'skills.request.organisation' | transloco }}</span>
          <bdi>{{ r.organisation.name }}</bdi>
          · {{ 'skills.request.postedBy' | transloco }} <bdi>{{ r.author.displayName }}</bdi>
        </p>
        @if (r.why) {
          <h2 class="small-heading">{{ 'skills.request.why' | transloco }}</h2>
          <p class="user-text" dir="auto">{{ r.why }}</p>
        }
        @if (r.expectedOutcome) {
          <h2 class="small-heading">{{ 'skills.request.outcome' | transloco }}</h2>
          <p class="user-text" dir="auto">{{ r.expectedOutcome }}</p>
        }
        <h2 class="small-heading">{{ 'skills.fields.skills' | transloco }}</h2>
        <ul class="tags">
          @for (s of r.skills; track s) {
            <li class="badge badge-axis" dir="auto">{{ s }}</li>
          }
        </ul>
        <p class="meta">
          <span class="meta-label">{{ 'skills.fields.formats' | transloco }}</span>
          @for (f of r.formats; track f; let last = $last) {
            {{ 'skills.formatName.' + f | transloco }}{{ last ? '' : sep }}
          }
        </p>
        <p class="meta">
          <span class="meta-label">{{ 'skills.fields.languages' | transloco }}</span>
          @for (l of r.languages; track l; let last = $last) {
            {{ 'skills.languageName.' + l | transloco }}{{ last ? '' : sep }}
          }
        </p>
        <p class="meta">
          <span class="meta-label">{{ 'skills.fields.region' | transloco }}</span>
          {{ regions.name(r.regionId) ?? ('skills.fields.anyRegion' | transloco) }}
        </p>
        @if (r.deadline) {
          <p class="meta">
            <span class="meta-label">{{ 'skills.fields.deadline' | transloco }}</span> {{ day(r.deadline) }}
          </p>
        }
        @if (r.can.edit) {
          <div class="actions">
            <a class="btn btn-secondary" [routerLink]="['/skills/requests', r.id, 'edit']">{{
              'common.edit' | transloco
            }}</a>
            <button
              type="button"
              class="btn btn-secondary"
              [disabled]="status.busy()"
              (click)="toggleStatus(r)"
            >
              {{ (r.status === 'open' ? 'skills.request.close' : 'skills.request.reopen') | transloco }}
            </button>
          </div>
          <pq-form-status [feedback]="status" />
        }
      </article>

      <section class="card" aria-labelledby="request-matches">
        <h2 id="request-matches">{{ 'skills.request.matches' | transloco }}</h2>
        <p class="hint">{{ 'skills.request.matchesIntro' | transloco }}</p>
        @if (matchesError(); as key) {
          <p class="alert alert-error">{{ key | transloco }}</p>
        } @else if (matches(); as list) {
          @if (!list.length) {
            <p class="muted">{{ 'skills.request.noMatches' | transloco }}</p>
          } @else {
            <ul class="item-list">
              @for (m of list; track m.item.id) {
                <li class="subsection">
                  <h3 class="item-title">
                    <a [routerLink]="['/skills/offers', m.item.id]" dir="auto">{{ m.item.title }}</a>
                  </h3>
                  <p class="meta">
                    <span class="meta-label">{{ 'skills.offer.by' | transloco }}</span>
                    <a [routerLink]="['/skills/contributors', m.item.author.id]"
                      ><bdi>{{ m.item.author.displayName }}</bdi></a
                    >
                    @let rp = ratingOf(m.item);
                    · {{ rp.key | transloco: rp.params }}
                  </p>
                  <pq-match-reasons [reasons]="m.reasons" [regionName]="regions.name" />
                  @if (canPropose(r, m)) {
                    @if (proposingTo() === m.item.id) {
                      <pq-propose-session
                        [offerId]="m.item.id"
                        [requestId]="r.id"
                        [preferred]="sharedFormats(r.formats, m.item.formats)"
                        [heading]="proposeHeading(m.item)"
                        (closed)="proposingTo.set(null)"
                      />
                    } @else {
                      <button
                        type="button"
                        class="btn btn-primary btn-small"
                        [attr.aria-label]="proposeHeading(m.item)"
                        (click)="proposingTo.set(m.item.id)"
                      >
                        {{ 'skills.propose.open' | transloco }}
                      </button>
                    }
                  }
                </li>
              }
            </ul>
          }
        } @else {
          <p class="muted">{{ 'common.loading' | transloco }}</p>
        }
      </section>
    } @else {
      <p class="muted" aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class RequestPage {
  private readonly api = inject(SkillsApi);
  private readonly transloco = inject(TranslocoService);
  private readonly lang = inject(LanguageService).current;
  protected readonly regions = regionNames();

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly request = signal<SkillRequest | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly matches = signal<SkillMatch<SkillOffer>[] | null>(null);
  protected readonly matchesError = signal<string | null>(null);
  protected readonly proposingTo = signal<string | null>(null);
  protected readonly status = new FormFeedback('request-status');

  constructor() {
    skillsPageTitle(() =>
      this.request() ? { text: this.request()?.title ?? '' } : { key: 'skills.request.heading' },
    );
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
  }

  protected day(d: string): string {
    return formatDay(d, this.lang());
  }
  protected ratingOf(o: SkillOffer) {
    return ratingPhrase(o.rating, this.lang());
  }

  /**
   * Whoever owns one side may propose: a member of the request's organisation to an offer
   * (`offer.can.propose`), or the offer's author to this request (`request.can.propose`).
   */
  protected canPropose(r: SkillRequest, m: SkillMatch<SkillOffer>): boolean {
    if (r.status !== SkillPostStatus.Open || m.item.status !== SkillPostStatus.Open) return false;
    return (r.can.edit && m.item.can.propose) || (r.can.propose && m.item.can.edit);
  }

  protected sharedFormats(a: SkillFormat[], b: SkillFormat[]): SkillFormat[] {
    const shared = a.filter((f) => b.includes(f));
    return shared.length ? shared : a;
  }

  protected proposeHeading(o: SkillOffer): string {
    return this.transloco.translate('skills.propose.toVolunteer', {
      name: o.author.displayName,
      title: o.title,
    });
  }

  protected toggleStatus(r: SkillRequest): void {
    this.status.clear();
    this.status.busy.set(true);
    const next = r.status === SkillPostStatus.Open ? SkillPostStatus.Closed : SkillPostStatus.Open;
    this.api.updateRequest(r.id, { status: next }).subscribe({
      next: (updated) => {
        this.status.busy.set(false);
        this.request.set(updated);
        this.status.succeed(
          next === SkillPostStatus.Closed ? 'skills.request.closed' : 'skills.request.reopened',
        );
      },
      error: (err) => {
        this.status.busy.set(false);
        this.status.fromError(err);
      },
    });
  }

  private load(id: string): void {
    this.request.set(null);
    this.loadError.set(null);
    this.matches.set(null);
    this.matchesError.set(null);
    this.api.request(id).subscribe({
      next: (r) => this.request.set(r),
      error: (err) => this.loadError.set(messageKeyForStatus(err instanceof ApiError ? err.status : 0)),
    });
    this.api.requestMatches(id).subscribe({
      next: (m) => this.matches.set(m),
      error: (err) => this.matchesError.set(messageKeyForStatus(err instanceof ApiError ? err.status : 0)),
    });
  }
}
