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
 * /skills/offers/:id — an offer of expertise. Its author edits or closes it; below, the requests
 * it fits (each with why, in sentences) and, for the side that may, "Propose a session".
 */
@Component({
  selector: 'pq-offer-page',
  imports: [RouterLink, TranslocoPipe, FormStatusComponent, MatchReasonsComponent, ProposeSessionComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: [SKILLS_STYLES],
  template: `
    @let sep = 'skills.listSeparator' | transloco;
    <nav class="breadcrumb" [attr.aria-label]="'common.breadcrumb' | transloco">
      <a routerLink="/skills">{{ 'skills.list.title' | transloco }}</a>
    </nav>
    @if (loadError(); as key) {
      <h1>{{ 'skills.offer.heading' | transloco }}</h1>
      <p class="alert alert-error">{{ key | transloco }}</p>
    } @else if (offer(); as o) {
      <article class="card">
        <h1 class="page-title" dir="auto">{{ o.title }}</h1>
        <p class="badges">
          <span class="badge" [class]="'badge status-' + o.status">{{
            'skills.status.' + o.status | transloco
          }}</span>
          @if (o.flagged) {
            <span class="badge badge-danger">{{ 'skills.offer.flagged' | transloco }}</span>
          }
        </p>
        <p class="meta">
          <span class="meta-label">{{ 'skills.offer.by' | transloco }}</span>
          <a [routerLink]="['/skills/contributors', o.author.id]"
            ><bdi>{{ o.author.displayName }}</bdi></a
          >
        </p>
        @if (o.description) {
          <p class="user-text" dir="auto">{{ o.description }}</p>
        }
        <h2 class="small-heading">{{ 'skills.fields.skills' | transloco }}</h2>
        <ul class="tags">
          @for (s of o.skills; track s) {
            <li class="badge badge-axis" dir="auto">{{ s }}</li>
          }
        </ul>
        <p class="meta">
          <span class="meta-label">{{ 'skills.fields.formats' | transloco }}</span>
          @for (f of o.formats; track f; let last = $last) {
            {{ 'skills.formatName.' + f | transloco }}{{ last ? '' : sep }}
          }
        </p>
        <p class="meta">
          <span class="meta-label">{{ 'skills.fields.languages' | transloco }}</span>
          @for (l of o.languages; track l; let last = $last) {
            {{ 'skills.languageName.' + l | transloco }}{{ last ? '' : sep }}
          }
        </p>
        <p class="meta">
          <span class="meta-label">{{ 'skills.fields.region' | transloco }}</span>
          {{ regions.name(o.regionId) ?? ('skills.fields.anyRegion' | transloco) }}
        </p>
        @if (o.availability) {
          <p class="meta">
            <span class="meta-label">{{ 'skills.fields.availability' | transloco }}</span>
            <bdi class="user-text">{{ o.availability }}</bdi>
          </p>
        }
        @let rp = rating();
        <p class="meta">
          <span class="meta-label">{{ 'skills.rating.label' | transloco }}</span>
          {{ rp.key | transloco: rp.params }}
        </p>
        @if (o.can.edit) {
          <div class="actions">
            <a class="btn btn-secondary" [routerLink]="['/skills/offers', o.id, 'edit']">{{
              'common.edit' | transloco
            }}</a>
            <button
              type="button"
              class="btn btn-secondary"
              [disabled]="status.busy()"
              (click)="toggleStatus(o)"
            >
              {{ (o.status === 'open' ? 'skills.offer.close' : 'skills.offer.reopen') | transloco }}
            </button>
          </div>
          <pq-form-status [feedback]="status" />
        }
      </article>

      <section class="card" aria-labelledby="offer-matches">
        <h2 id="offer-matches">{{ 'skills.offer.matches' | transloco }}</h2>
        <p class="hint">{{ 'skills.offer.matchesIntro' | transloco }}</p>
        @if (matchesError(); as key) {
          <p class="alert alert-error">{{ key | transloco }}</p>
        } @else if (matches(); as list) {
          @if (!list.length) {
            <p class="muted">{{ 'skills.offer.noMatches' | transloco }}</p>
          } @else {
            <ul class="item-list">
              @for (m of list; track m.item.id) {
                <li class="subsection">
                  <h3 class="item-title">
                    <a [routerLink]="['/skills/requests', m.item.id]" dir="auto">{{ m.item.title }}</a>
                  </h3>
                  <p class="meta">
                    <span class="meta-label">{{ 'skills.request.organisation' | transloco }}</span>
                    <bdi>{{ m.item.organisation.name }}</bdi>
                    @if (m.item.deadline) {
                      · {{ 'skills.fields.deadline' | transloco }} {{ day(m.item.deadline) }}
                    }
                  </p>
                  <pq-match-reasons [reasons]="m.reasons" [regionName]="regions.name" />
                  @if (canPropose(o, m)) {
                    @if (proposingTo() === m.item.id) {
                      <pq-propose-session
                        [offerId]="o.id"
                        [requestId]="m.item.id"
                        [preferred]="sharedFormats(o.formats, m.item.formats)"
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
export class OfferPage {
  private readonly api = inject(SkillsApi);
  private readonly transloco = inject(TranslocoService);
  private readonly lang = inject(LanguageService).current;
  protected readonly regions = regionNames();

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly offer = signal<SkillOffer | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly matches = signal<SkillMatch<SkillRequest>[] | null>(null);
  protected readonly matchesError = signal<string | null>(null);
  protected readonly proposingTo = signal<string | null>(null);
  protected readonly status = new FormFeedback('offer-status');
  protected readonly rating = computed(() => {
    const o = this.offer();
    return o ? ratingPhrase(o.rating, this.lang()) : { key: 'skills.rating.none' };
  });

  constructor() {
    skillsPageTitle(() =>
      this.offer() ? { text: this.offer()?.title ?? '' } : { key: 'skills.offer.heading' },
    );
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
  }

  protected day(d: string): string {
    return formatDay(d, this.lang());
  }

  /**
   * Whoever owns one side may propose: the offer's author to a request (`request.can.propose`: a
   * volunteer with an open offer), or a member of the request's organisation to this offer
   * (`offer.can.propose`: someone else's offer, with an open request of theirs).
   */
  protected canPropose(o: SkillOffer, m: SkillMatch<SkillRequest>): boolean {
    if (o.status !== SkillPostStatus.Open || m.item.status !== SkillPostStatus.Open) return false;
    return (o.can.edit && m.item.can.propose) || (o.can.propose && m.item.can.edit);
  }

  protected sharedFormats(a: SkillFormat[], b: SkillFormat[]): SkillFormat[] {
    const shared = a.filter((f) => b.includes(f));
    return shared.length ? shared : a;
  }

  protected proposeHeading(r: SkillRequest): string {
    return this.transloco.translate('skills.propose.toRequest', { title: r.title });
  }

  protected toggleStatus(o: SkillOffer): void {
    this.status.clear();
    this.status.busy.set(true);
    const next = o.status === SkillPostStatus.Open ? SkillPostStatus.Closed : SkillPostStatus.Open;
    this.api.updateOffer(o.id, { status: next }).subscribe({
      next: (updated) => {
        this.status.busy.set(false);
        this.offer.set(updated);
        this.status.succeed(
          next === SkillPostStatus.Closed ? 'skills.offer.closed' : 'skills.offer.reopened',
        );
      },
      error: (err) => {
        this.status.busy.set(false);
        this.status.fromError(err);
      },
    });
  }

  private load(id: string): void {
    this.offer.set(null);
    this.loadError.set(null);
    this.matches.set(null);
    this.matchesError.set(null);
    this.api.offer(id).subscribe({
      next: (o) => this.offer.set(o),
      error: (err) => this.loadError.set(messageKeyForStatus(err instanceof ApiError ? err.status : 0)),
    });
    this.api.offerMatches(id).subscribe({
      next: (m) => this.matches.set(m),
      error: (err) => this.matchesError.set(messageKeyForStatus(err instanceof ApiError ? err.status : 0)),
    });
  }
}
