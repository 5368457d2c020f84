import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  Language,
  SeminarStatus,
  SeminarSummary,
  pickLocalized,
} from '@pratique/contracts';
import { formatDateRange, myBadge, seatsLeft } from './seminar-format';


/**
 * One seminar in a list: title, dates in the reader's language, venue, seats left and the
 * reader's badge (eligible, k of N met, registered, waitlisted #n), all from the summary.
 */
@Component({
  selector: 'pq-seminar-card',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let s = seminar();
    <article class="card seminar-card">
      <h3 class="card-title">
        <a [routerLink]="['/seminars', s.id]" [attr.lang]="title().lang" [attr.dir]="title().dir">{{
          title().text
        }}</a>
      </h3>
      <p class="badges">
        <span class="badge badge-axis">{{ 'seminars.kind.' + s.kind | transloco }}</span>
        @if (s.status !== open) {
          <span class="badge badge-muted">{{ 'seminars.status.' + s.status | transloco }}</span>
        }
        @if (badge(); as b) {
          <span
            class="badge"
            [class.badge-member]="b.tone === 'member'"
            [class.badge-accent]="b.tone === 'accent'"
            [class.badge-muted]="b.tone === 'muted'"
            >{{ b.key | transloco: b.params }}</span
          >
        }
      </p>
      <dl class="facts">
        <div>
          <dt>{{ 'seminars.when' | transloco }}</dt>
          <dd>{{ dates() }}</dd>
        </div>
        <div>
          <dt>{{ 'seminars.where' | transloco }}</dt>
          <dd>{{ s.venue || (s.onlineUrl ? ('seminars.online' | transloco) : '—') }}</dd>
        </div>
        <div>
          <dt>{{ 'seminars.seats' | transloco }}</dt>
          <dd>
            @if (left() > 0) {
              {{ 'seminars.seatsLeft' | transloco: { count: left(), capacity: s.capacity } }}
            } @else {
              {{ 'seminars.full' | transloco }}
            }
          </dd>
        </div>
      </dl>
    </article>
  `,
  styles: `
    .seminar-card .card-title {
      margin-block-start: 0;
    }
    .facts {
      margin: 0;
      display: grid;
      gap: 0.2rem;
      font-size: 0.95rem;
    }
    .facts div {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
    }
    .facts dt {
      font-weight: 600;
      color: var(--c-muted);
    }
    .facts dt::after {
      content: ' :';
    }
    .facts dd {
      margin: 0;
    }
    .badge-accent {
      background: var(--c-accent-bg);
      color: var(--c-accent-text);
    }
  `,
})
export class SeminarCardComponent {
  readonly seminar = input.required<SeminarSummary>();
  readonly lang = input.required<Language>();

  protected readonly open = SeminarStatus.Open;

  protected readonly title = computed(() =>
    pickLocalized(this.seminar().title, this.lang(), this.seminar().originalLanguage),
  );
  protected readonly dates = computed(() =>
    formatDateRange(this.seminar().startsAt, this.seminar().endsAt, this.lang()),
  );
  protected readonly left = computed(() => seatsLeft(this.seminar()));
  /** The summary carries my met count and waitlist position: no extra request per card. */
  protected readonly badge = computed(() => {
    const s = this.seminar();
    // Meeting every requirement yet not eligible means another audience: no "k of N" to show.
    const metKnown = s.myMet !== null && s.myEligible === false && s.myMet < s.rule.k;
    return myBadge(s, {
      met: metKnown ? s.myMet : undefined,
      k: metKnown ? s.rule.k : undefined,
      waitlistPosition: s.myWaitlistPosition,
    });
  });
}
