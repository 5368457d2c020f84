import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  Language,
  RegistrationStatus,
  SeminarStatus,
  SeminarSummary,
  pickLocalized,
} from '@pratique/contracts';
import { SeminarsApi } from '@pratique/web/core';
import { formatDateRange, myBadge, seatsLeft } from './seminar-format';

/** A registration that still counts (not cancelled or declined). */
function holding(r: RegistrationStatus | null): boolean {
  return r !== null && r !== RegistrationStatus.Cancelled && r !== RegistrationStatus.Declined;
}

/**
 * One seminar in a list: title, dates in the reader's language, venue, seats left and the
 * reader's badge. The summary says eligible or not; for "not yet" the card asks the gate how many
 * requirements are met, and for a waitlisted reader their position (one small request each).
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
  private readonly api = inject(SeminarsApi);
  readonly seminar = input.required<SeminarSummary>();
  readonly lang = input.required<Language>();

  protected readonly open = SeminarStatus.Open;
  private readonly met = signal<{ met: number; k: number } | null>(null);
  private readonly position = signal<number | null>(null);

  protected readonly title = computed(() =>
    pickLocalized(this.seminar().title, this.lang(), this.seminar().originalLanguage),
  );
  protected readonly dates = computed(() =>
    formatDateRange(this.seminar().startsAt, this.seminar().endsAt, this.lang()),
  );
  protected readonly left = computed(() => seatsLeft(this.seminar()));
  protected readonly badge = computed(() =>
    myBadge(this.seminar(), {
      met: this.met()?.met,
      k: this.met()?.k,
      waitlistPosition: this.position(),
    }),
  );

  constructor() {
    let loadedFor = '';
    effect(() => {
      const s = this.seminar();
      if (s.id === loadedFor) return;
      loadedFor = s.id;
      if (s.myRegistration === RegistrationStatus.Waitlisted) {
        this.api
          .get(s.id)
          .subscribe({ next: (d) => this.position.set(d.myWaitlistPosition), error: () => undefined });
      } else if (!holding(s.myRegistration) && s.myEligible === false && s.rule.requirements.length > 0) {
        this.api.eligibility(s.id).subscribe({
          next: (e) => (e.inAudience ? this.met.set({ met: e.met, k: e.k }) : undefined),
          error: () => undefined,
        });
      }
    });
  }
}
