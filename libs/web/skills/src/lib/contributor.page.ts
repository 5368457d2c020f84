import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  ATTESTATION_MAX_DAYS,
  ContributionMetric,
  ContributorProfile,
  SkillRatingSummary,
} from '@pratique/contracts';
import {
  ApiError,
  FieldErrorComponent,
  FormFeedback,
  FormStatusComponent,
  LanguageService,
  SkillsApi,
  UiMessage,
  focusFirstInvalid,
  messageKeyForStatus,
} from '@pratique/web/core';
import { SKILLS_STYLES, dateToDateInput, formatNumber, ratingPhrase, skillsPageTitle } from './skills-format';

const METRICS: ContributionMetric[] = [
  ContributionMetric.SessionsGiven,
  ContributionMetric.ResourcesPublished,
  ContributionMetric.AcceptedAnswers,
  ContributionMetric.ModulesAuthored,
];
const DAY = 24 * 3600 * 1000;

/**
 * /skills/contributors/:id — what a member gave the community: counts, hours of sessions given,
 * badges (earned or not, with "3 / 5" progress, said in words, never by colour alone) and open
 * offers with their rating. The member themself downloads an attestation (PDF) for a period.
 */
@Component({
  selector: 'pq-contributor-page',
  imports: [RouterLink, TranslocoPipe, FieldErrorComponent, FormStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: [
    SKILLS_STYLES,
    `
      .counts {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 11rem), 1fr));
        gap: 0.75rem;
        margin: 0;
      }
      .counts div {
        background: var(--c-accent-bg);
        color: var(--c-accent-text);
        border-radius: 8px;
        padding: 0.6rem 0.8rem;
      }
      .counts dt {
        font-size: 0.9rem;
      }
      .counts dd {
        margin: 0;
        font-size: 1.5rem;
        font-weight: 700;
      }
      .badge-list {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
        gap: 0.75rem;
      }
      .badge-item {
        border: 1px solid var(--c-border);
        border-radius: 8px;
        padding: 0.6rem 0.8rem;
      }
      .badge-item.earned {
        border-color: var(--c-success);
        border-inline-start-width: 4px;
      }
      .badge-item h3 {
        margin: 0 0 0.2rem;
        font-size: 1rem;
      }
      .badge-item p {
        margin: 0.15rem 0;
      }
      .state {
        font-weight: 700;
      }
      .earned .state {
        color: var(--c-success);
      }
      .progress {
        font-variant-numeric: tabular-nums;
      }
      .bar {
        block-size: 0.4rem;
        background: #e6e9ee;
        border-radius: 999px;
        overflow: hidden;
        margin-block-start: 0.3rem;
      }
      .bar span {
        display: block;
        block-size: 100%;
        background: var(--c-primary);
      }
      .dates {
        display: flex;
        flex-wrap: wrap;
        gap: 0.9rem 1.25rem;
      }
      .dates .field {
        flex: 1 1 12rem;
      }
    `,
  ],
  template: `
    <nav class="breadcrumb" [attr.aria-label]="'common.breadcrumb' | transloco">
      <a routerLink="/skills">{{ 'skills.list.title' | transloco }}</a>
    </nav>
    @if (loadError(); as key) {
      <h1>{{ 'skills.contributor.heading' | transloco }}</h1>
      <p class="alert alert-error">{{ key | transloco }}</p>
    } @else if (profile(); as p) {
      <h1 class="page-title">
        {{ 'skills.contributor.title' | transloco }} <bdi>{{ p.user.displayName }}</bdi>
      </h1>
      <p>
        <a [routerLink]="['/members', p.user.id]">{{ 'skills.contributor.memberPage' | transloco }}</a>
      </p>

      <section class="card" aria-labelledby="contrib-counts">
        <h2 id="contrib-counts">{{ 'skills.contributor.counts' | transloco }}</h2>
        <dl class="counts">
          @for (m of metrics; track m) {
            <div>
              <dt>{{ 'skills.metric.' + m | transloco }}</dt>
              <dd>{{ number(p.counts[m]) }}</dd>
            </div>
          }
          <div>
            <dt>{{ 'skills.contributor.hours' | transloco }}</dt>
            <dd>{{ number(p.hoursGiven) }}</dd>
          </div>
        </dl>
      </section>

      <section class="card" aria-labelledby="contrib-badges">
        <h2 id="contrib-badges">{{ 'skills.contributor.badges' | transloco }}</h2>
        <ul class="badge-list">
          @for (b of p.badges; track b.id) {
            <li class="badge-item" [class.earned]="b.earned">
              <h3>{{ 'skills.badge.' + b.id | transloco }}</h3>
              <p class="hint">{{ 'skills.badgeRule.' + b.metric | transloco: { count: b.threshold } }}</p>
              <p class="state">
                {{ (b.earned ? 'skills.contributor.earned' : 'skills.contributor.notYet') | transloco }}
              </p>
              <p class="progress">
                {{
                  'skills.contributor.progress'
                    | transloco: { current: number(b.current), threshold: number(b.threshold) }
                }}
              </p>
              <div class="bar" aria-hidden="true">
                <span [style.inline-size.%]="percent(b.current, b.threshold)"></span>
              </div>
            </li>
          }
        </ul>
      </section>

      <section class="card" aria-labelledby="contrib-offers">
        <h2 id="contrib-offers">{{ 'skills.contributor.offers' | transloco }}</h2>
        @if (!p.offers.length) {
          <p class="muted">{{ 'skills.contributor.noOffers' | transloco }}</p>
        } @else {
          <ul class="plain-list">
            @for (o of p.offers; track o.id) {
              <li>
                <a [routerLink]="['/skills/offers', o.id]" dir="auto">{{ o.title }}</a>
                @let rp = rating(o.rating);
                — <span class="muted">{{ rp.key | transloco: rp.params }}</span>
              </li>
            }
          </ul>
        }
      </section>

      @if (p.isMe) {
        <section class="card" aria-labelledby="contrib-attestation">
          <h2 id="contrib-attestation">{{ 'skills.attestation.title' | transloco }}</h2>
          <p class="hint">{{ 'skills.attestation.intro' | transloco }}</p>
          <form class="stack" novalidate (submit)="$event.preventDefault(); download(p)">
            <div class="dates">
              <div class="field">
                <label [for]="fb.id('from')">{{ 'skills.attestation.from' | transloco }}</label>
                <input
                  type="date"
                  [id]="fb.id('from')"
                  [value]="from()"
                  [attr.aria-invalid]="fb.invalid('from')"
                  [attr.aria-describedby]="fb.describedBy('from')"
                  (input)="from.set($any($event.target).value)"
                />
                <pq-field-error [feedback]="fb" field="from" />
              </div>
              <div class="field">
                <label [for]="fb.id('to')">{{ 'skills.attestation.to' | transloco }}</label>
                <input
                  type="date"
                  [id]="fb.id('to')"
                  [value]="to()"
                  [attr.aria-invalid]="fb.invalid('to')"
                  [attr.aria-describedby]="fb.describedBy('to')"
                  (input)="to.set($any($event.target).value)"
                />
                <pq-field-error [feedback]="fb" field="to" />
              </div>
            </div>
            <pq-form-status [feedback]="fb" />
            <div class="actions">
              <button type="submit" class="btn btn-primary" [disabled]="fb.busy()">
                {{ (fb.busy() ? 'common.working' : 'skills.attestation.download') | transloco }}
              </button>
            </div>
          </form>
        </section>
      }
    } @else {
      <p class="muted" aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class ContributorPage {
  private readonly api = inject(SkillsApi);
  private readonly document = inject(DOCUMENT);
  private readonly lang = inject(LanguageService).current;
  protected readonly metrics = METRICS;
  protected readonly fb = new FormFeedback('attestation');

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly profile = signal<ContributorProfile | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly from = signal(`${new Date().getFullYear()}-01-01`);
  protected readonly to = signal(dateToDateInput(new Date()));

  constructor() {
    skillsPageTitle(() =>
      this.profile()
        ? { key: 'skills.contributor.pageTitle', params: { name: this.profile()?.user.displayName } }
        : { key: 'skills.contributor.heading' },
    );
    effect(() => {
      const id = this.id();
      untracked(() => {
        this.profile.set(null);
        this.loadError.set(null);
        this.api.contributor(id).subscribe({
          next: (p) => this.profile.set(p),
          error: (err) => this.loadError.set(messageKeyForStatus(err instanceof ApiError ? err.status : 0)),
        });
      });
    });
  }

  protected number(n: number): string {
    return formatNumber(n, this.lang());
  }
  protected percent(current: number, threshold: number): number {
    return threshold > 0 ? Math.min(100, Math.round((100 * current) / threshold)) : 100;
  }
  protected rating(r: SkillRatingSummary) {
    return ratingPhrase(r, this.lang());
  }

  /** Checks the period, then fetches the PDF and saves it as a file. */
  download(p: ContributorProfile): void {
    this.fb.clear();
    const from = this.from();
    const to = this.to();
    const fields: Record<string, UiMessage> = {};
    const valid = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d);
    if (!valid(from)) fields['from'] = { key: 'errors.required' };
    if (!valid(to)) fields['to'] = { key: 'errors.required' };
    else if (valid(from) && to < from) fields['to'] = { key: 'skills.attestation.toBeforeFrom' };
    else if (valid(from) && (Date.parse(to) - Date.parse(from)) / DAY > ATTESTATION_MAX_DAYS)
      fields['to'] = { key: 'skills.attestation.tooLong' };
    if (Object.keys(fields).length) {
      this.fb.fields.set(fields);
      this.fb.summary.set({ key: 'errors.formInvalid', params: { count: Object.keys(fields).length } });
      focusFirstInvalid();
      return;
    }
    this.fb.busy.set(true);
    this.api.attestation(p.user.id, { from, to }).subscribe({
      next: (blob) => {
        this.fb.busy.set(false);
        this.save(blob, `attestation-${from}-${to}.pdf`);
        this.fb.succeed('skills.attestation.ready');
      },
      error: (err) => {
        this.fb.busy.set(false);
        this.fb.fromError(err);
        focusFirstInvalid();
      },
    });
  }

  private save(blob: Blob, name: string): void {
    const url = URL.createObjectURL(blob);
    const a = this.document.createElement('a');
    a.href = url;
    a.download = name;
    a.hidden = true;
    this.document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
