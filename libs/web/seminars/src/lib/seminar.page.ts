import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  Eligibility,
  RegistrationStatus,
  RequirementState,
  SeminarDetail,
  SeminarStatus,
  pickLocalized,
} from '@pratique/contracts';
import {
  ApiError,
  LanguageService,
  SeminarsApi,
  UiMessage,
  UiMessagePipe,
  messageKeyForStatus,
} from '@pratique/web/core';
import { Observable } from 'rxjs';
import { seminarPageTitle } from './page-title';
import { RequirementBarComponent } from './requirement-bar.component';
import {
  NEXT_STATUSES,
  blockedReason,
  formatDateRange,
  formatPercent,
  myBadge,
  ruleSentence,
  seatsLeft,
} from './seminar-format';

/**
 * /seminars/:id — a seminar and the gate, explained: the rule in words, each required module with
 * the reader's percent against the minimum and the next lessons to take, then register / join the
 * waitlist / cancel. Staff also change its status (cancelling asks first) and reach the dashboard.
 */
@Component({
  selector: 'pq-seminar-page',
  imports: [RouterLink, TranslocoPipe, UiMessagePipe, RequirementBarComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (notFound()) {
      <h1>{{ 'seminars.notFoundTitle' | transloco }}</h1>
      <p>{{ 'seminars.notFoundText' | transloco }}</p>
      <p>
        <a routerLink="/seminars">{{ 'seminars.backToList' | transloco }}</a>
      </p>
    } @else if (loadError(); as key) {
      <h1>{{ 'seminars.list.title' | transloco }}</h1>
      <p class="alert alert-error">{{ key | transloco }}</p>
    } @else if (seminar(); as s) {
      <nav class="breadcrumb" [attr.aria-label]="'common.breadcrumb' | transloco">
        <a routerLink="/seminars">{{ 'seminars.list.title' | transloco }}</a>
      </nav>

      <header class="card">
        <h1 [attr.lang]="title().lang" [attr.dir]="title().dir">{{ title().text }}</h1>
        <p class="badges">
          <span class="badge badge-axis">{{ 'seminars.kind.' + s.kind | transloco }}</span>
          <span class="badge" [class.badge-muted]="s.status !== open">{{
            'seminars.status.' + s.status | transloco
          }}</span>
          @if (badge(); as b) {
            <span
              class="badge"
              [class.badge-member]="b.tone === 'member'"
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
          @if (s.venue || s.address) {
            <div>
              <dt>{{ 'seminars.where' | transloco }}</dt>
              <dd>
                {{ s.venue }}
                @if (s.address) {
                  <span class="address">{{ s.address }}</span>
                }
              </dd>
            </div>
          }
          @if (s.onlineUrl) {
            <div>
              <dt>{{ 'seminars.onlineLink' | transloco }}</dt>
              <dd>
                <a [href]="s.onlineUrl" target="_blank" rel="noopener noreferrer">{{ s.onlineUrl }}</a>
              </dd>
            </div>
          }
          <div>
            <dt>{{ 'seminars.seats' | transloco }}</dt>
            <dd>
              @if (left() > 0) {
                {{ 'seminars.seatsLeft' | transloco: { count: left(), capacity: s.capacity } }}
              } @else {
                {{ 'seminars.full' | transloco }}
              }
              @if (s.waitlistCount > 0) {
                · {{ 'seminars.waitlistCount' | transloco: { count: s.waitlistCount } }}
              }
            </dd>
          </div>
          <div>
            <dt>{{ 'seminars.registrationWindow' | transloco }}</dt>
            <dd>{{ registrationWindow() }}</dd>
          </div>
        </dl>
        @if (description().text) {
          <p
            class="prewrap"
            [attr.lang]="description().lang"
            [attr.dir]="description().dir"
            [textContent]="description().text"
          ></p>
        }
        <p class="actions">
          <a class="btn btn-secondary btn-small" [href]="icsUrl()" download>{{
            'seminars.addToCalendar' | transloco
          }}</a>
        </p>
      </header>

      <section class="card" aria-labelledby="gate-title">
        <h2 id="gate-title">{{ 'seminars.gate.title' | transloco }}</h2>
        <p class="rule">{{ rule().key | transloco: rule().params }}</p>
        @if (eligibility(); as e) {
          @if (!e.inAudience) {
            <p class="alert alert-error">{{ 'seminars.gate.notInAudience' | transloco }}</p>
          } @else if (e.n > 0) {
            <p class="gate-summary" [class.ok]="e.eligible">
              <span aria-hidden="true">{{ e.eligible ? '✓' : '✗' }}</span>
              {{ 'seminars.gate.metOf' | transloco: { met: e.met, k: e.k } }}
              —
              @if (e.eligible) {
                {{ 'seminars.gate.eligible' | transloco }}
              } @else {
                {{ 'seminars.gate.stillNeeded' | transloco: { count: e.stillNeeded } }}
              }
            </p>
            <ul class="requirements">
              @for (r of e.requirements; track r.moduleId) {
                @let t = moduleTitle(r);
                <li class="requirement" [class.met]="r.met">
                  <h3 class="req-title">
                    <span class="mark" aria-hidden="true">{{ r.met ? '✓' : '✗' }}</span>
                    <a [routerLink]="['/modules', r.moduleId]" [attr.lang]="t.lang" [attr.dir]="t.dir">{{
                      t.text
                    }}</a>
                  </h3>
                  <pq-requirement-bar
                    [current]="r.currentPercent"
                    [required]="r.requiredPercent"
                    [met]="r.met"
                    [label]="t.text"
                    [valueText]="
                      'seminars.gate.percentOf'
                        | transloco
                          : { current: percent(r.currentPercent), required: percent(r.requiredPercent) }
                    "
                  />
                  <p class="req-state">
                    @if (r.met) {
                      {{ 'seminars.gate.reqMet' | transloco }}
                    } @else {
                      {{
                        'seminars.gate.reqNotMet'
                          | transloco: { gap: percent(r.requiredPercent - r.currentPercent) }
                      }}
                    }
                  </p>
                  @if (!r.met && r.nextLessons.length) {
                    <p class="next-title">{{ 'seminars.gate.nextLessons' | transloco }}</p>
                    <ul class="next-lessons">
                      @for (l of r.nextLessons; track l.lessonId) {
                        @let lt = lessonTitle(l.title, r);
                        <li>
                          <a
                            [routerLink]="['/modules', r.moduleId, 'lessons', l.lessonId]"
                            [attr.lang]="lt.lang"
                            [attr.dir]="lt.dir"
                            >{{ lt.text }}</a
                          >
                        </li>
                      }
                    </ul>
                  }
                </li>
              }
            </ul>
          }
        }
      </section>

      <section class="card" aria-labelledby="registration-title">
        <h2 id="registration-title">{{ 'seminars.reg.title' | transloco }}</h2>
        @switch (s.myRegistration) {
          @case ('confirmed') {
            <p class="state ok">{{ 'seminars.reg.confirmed' | transloco }}</p>
          }
          @case ('pending') {
            <p class="state">{{ 'seminars.reg.pending' | transloco }}</p>
          }
          @case ('waitlisted') {
            <p class="state">
              {{ 'seminars.reg.waitlisted' | transloco: { position: s.myWaitlistPosition ?? '—' } }}
            </p>
          }
          @case ('attended') {
            <p class="state ok">{{ 'seminars.reg.attended' | transloco }}</p>
          }
          @case ('no_show') {
            <p class="state">{{ 'seminars.reg.noShow' | transloco }}</p>
          }
          @case ('declined') {
            <p class="state">{{ 'seminars.reg.declined' | transloco }}</p>
          }
        }
        @if (blocked(); as reason) {
          <p class="alert alert-error">{{ reason | uiMessage }}</p>
        }
        <div class="actions">
          @if (s.can.register) {
            <button type="button" class="btn btn-primary" [disabled]="busy()" (click)="register(s)">
              {{ (left() > 0 ? 'seminars.reg.register' : 'seminars.reg.joinWaitlist') | transloco }}
            </button>
          }
          @if (s.can.cancel) {
            <button
              type="button"
              class="btn btn-secondary"
              [disabled]="busy()"
              (click)="cancelRegistration(s)"
            >
              {{
                (s.myRegistration === waitlisted ? 'seminars.reg.leaveWaitlist' : 'seminars.reg.cancel')
                  | transloco
              }}
            </button>
          }
        </div>
        @if (
          !s.can.register &&
          !s.myRegistration &&
          eligibility()?.inAudience &&
          !eligibility()?.eligible &&
          !blocked()
        ) {
          <p class="muted">{{ 'seminars.reg.notEligibleYet' | transloco }}</p>
        }
        <div aria-live="polite" aria-atomic="true">
          @if (message(); as m) {
            <p class="alert" [class.alert-error]="messageIsError()" [class.alert-success]="!messageIsError()">
              {{ m | uiMessage }}
            </p>
          }
        </div>
      </section>

      @if (s.can.manage) {
        <section class="card" aria-labelledby="staff-title">
          <h2 id="staff-title">{{ 'seminars.staff.title' | transloco }}</h2>
          <p>
            {{ 'seminars.staff.current' | transloco }}
            <strong>{{ 'seminars.status.' + s.status | transloco }}</strong>
          </p>
          <div class="actions">
            <a class="btn btn-primary" [routerLink]="['/seminars', s.id, 'dashboard']">{{
              'seminars.staff.dashboard' | transloco
            }}</a>
            @if (s.can.edit) {
              <a class="btn btn-secondary" [routerLink]="['/seminars', s.id, 'edit']">{{
                'seminars.staff.edit' | transloco
              }}</a>
            }
          </div>
          @if (nextStatuses().length) {
            <h3 class="small-heading">{{ 'seminars.staff.changeStatus' | transloco }}</h3>
            <div class="actions">
              @for (st of nextStatuses(); track st) {
                <button
                  type="button"
                  class="btn"
                  [class.btn-danger]="st === cancelled"
                  [class.btn-secondary]="st !== cancelled"
                  [disabled]="busy() || confirmingCancel()"
                  (click)="setStatus(s, st)"
                >
                  {{ 'seminars.staff.to.' + st | transloco }}
                </button>
              }
            </div>
          }
          @if (confirmingCancel()) {
            <div class="confirm" role="group" aria-labelledby="confirm-cancel-text">
              <p id="confirm-cancel-text">{{ 'seminars.staff.confirmCancel' | transloco }}</p>
              <div class="actions">
                <button
                  #confirmButton
                  type="button"
                  class="btn btn-danger"
                  (click)="setStatus(s, cancelled, true)"
                >
                  {{ 'seminars.staff.confirmCancelYes' | transloco }}
                </button>
                <button type="button" class="btn btn-ghost-dark" (click)="confirmingCancel.set(false)">
                  {{ 'seminars.staff.confirmCancelNo' | transloco }}
                </button>
              </div>
            </div>
          }
          <div aria-live="polite" aria-atomic="true">
            @if (staffMessage(); as m) {
              <p class="alert" [class.alert-error]="staffIsError()" [class.alert-success]="!staffIsError()">
                {{ m | uiMessage }}
              </p>
            }
          </div>
        </section>
      }
    } @else {
      <p class="muted" aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
  styles: `
    .facts {
      margin: 0 0 0.8rem;
      display: grid;
      gap: 0.3rem;
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
      overflow-wrap: anywhere;
    }
    .address {
      display: block;
    }
    .rule {
      font-size: 1.1rem;
      font-weight: 600;
    }
    .gate-summary {
      padding: 0.6rem 0.8rem;
      border-radius: 8px;
      background: var(--c-danger-bg);
      color: #8a1a12;
      font-weight: 600;
    }
    .gate-summary.ok,
    .state.ok {
      background: var(--c-success-bg);
      color: var(--c-success);
    }
    .requirements {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 1rem;
    }
    .requirement {
      border: 1px solid var(--c-border);
      border-inline-start: 4px solid var(--c-danger);
      border-radius: 8px;
      padding: 0.7rem 0.9rem;
    }
    .requirement.met {
      border-inline-start-color: var(--c-success);
    }
    .req-title {
      display: flex;
      gap: 0.5rem;
      font-size: 1.05rem;
      margin-block: 0 0.5rem;
    }
    .mark {
      font-weight: 700;
      color: var(--c-danger);
    }
    .met .mark {
      color: var(--c-success);
    }
    .req-state,
    .next-title {
      margin-block: 0.4rem 0.2rem;
    }
    .next-title {
      font-weight: 600;
    }
    .next-lessons {
      margin: 0;
      padding-inline-start: 1.2rem;
    }
    .state {
      padding: 0.5rem 0.8rem;
      border-radius: 8px;
      background: var(--c-accent-bg);
      color: var(--c-accent-text);
      font-weight: 600;
    }
    .confirm {
      margin-block-start: 0.8rem;
      padding: 0.7rem 0.9rem;
      border: 2px solid var(--c-danger);
      border-radius: 8px;
    }
  `,
})
export class SeminarPage {
  private readonly api = inject(SeminarsApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(LanguageService);

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly open = SeminarStatus.Open;
  protected readonly cancelled = SeminarStatus.Cancelled;
  protected readonly waitlisted = RegistrationStatus.Waitlisted;

  protected readonly seminar = signal<SeminarDetail | null>(null);
  /** The explanation: from the seminar, or from a refused registration (403 carries it). */
  protected readonly eligibility = signal<Eligibility | null>(null);
  protected readonly notFound = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly message = signal<UiMessage | null>(null);
  protected readonly messageIsError = signal(false);
  protected readonly staffMessage = signal<UiMessage | null>(null);
  protected readonly staffIsError = signal(false);
  protected readonly confirmingCancel = signal(false);
  private readonly confirmButton = viewChild<ElementRef<HTMLButtonElement>>('confirmButton');

  private readonly lang = computed(() => this.language.current());
  protected readonly title = computed(() => {
    const s = this.seminar();
    return pickLocalized(s?.title, this.lang(), s?.originalLanguage ?? this.lang());
  });
  protected readonly description = computed(() => {
    const s = this.seminar();
    return pickLocalized(s?.description, this.lang(), s?.originalLanguage ?? this.lang());
  });
  protected readonly dates = computed(() => {
    const s = this.seminar();
    return s ? formatDateRange(s.startsAt, s.endsAt, this.lang()) : '';
  });
  protected readonly registrationWindow = computed(() => {
    const s = this.seminar();
    return s ? formatDateRange(s.registrationOpensAt, s.registrationClosesAt, this.lang()) : '';
  });
  protected readonly left = computed(() => {
    const s = this.seminar();
    return s ? seatsLeft(s) : 0;
  });
  protected readonly rule = computed(() =>
    ruleSentence(this.seminar()?.rule ?? { k: 0, requirements: [] }, this.lang()),
  );
  protected readonly badge = computed(() => {
    const s = this.seminar();
    const e = this.eligibility();
    return s
      ? myBadge(s, { waitlistPosition: s.myWaitlistPosition, met: e?.inAudience ? e.met : null, k: e?.k })
      : null;
  });
  protected readonly icsUrl = computed(() => this.api.icsUrl(this.seminar()?.id ?? ''));
  protected readonly nextStatuses = computed(() => {
    const s = this.seminar();
    return s ? NEXT_STATUSES[s.status] : [];
  });
  /** The reader's language when the API's reason is one we know, else its English text. */
  protected readonly blocked = computed<UiMessage | null>(() => {
    const s = this.seminar();
    if (!s || !s.registrationBlocked) return null;
    return blockedReason(s, this.lang()) ?? { text: s.registrationBlocked, lang: 'en' };
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
    seminarPageTitle(() =>
      this.notFound()
        ? { key: 'seminars.notFoundTitle' }
        : this.seminar()
          ? { text: this.title().text }
          : null,
    );
    effect(() => {
      if (this.confirmingCancel()) this.confirmButton()?.nativeElement.focus();
    });
  }

  protected percent(value: number): string {
    return formatPercent(value, this.lang());
  }
  protected moduleTitle(r: RequirementState) {
    return pickLocalized(r.title, this.lang(), r.originalLanguage);
  }
  protected lessonTitle(title: RequirementState['nextLessons'][number]['title'], r: RequirementState) {
    return pickLocalized(title, this.lang(), r.originalLanguage);
  }

  private load(id: string): void {
    this.notFound.set(false);
    this.loadError.set(null);
    this.seminar.set(null);
    this.message.set(null);
    this.staffMessage.set(null);
    this.api.get(id).subscribe({
      next: (s) => this.show(s),
      error: (err) => {
        if (err instanceof ApiError && (err.status === 404 || err.status === 400)) this.notFound.set(true);
        else this.loadError.set(messageKeyForStatus(err instanceof ApiError ? err.status : 0));
      },
    });
  }

  private show(s: SeminarDetail): void {
    this.seminar.set(s);
    this.eligibility.set(s.myEligibility);
  }

  private refresh(): void {
    const s = this.seminar();
    if (s) this.api.get(s.id).subscribe({ next: (fresh) => this.show(fresh), error: () => undefined });
  }

  register(s: SeminarDetail): void {
    this.run(this.api.register(s.id), (reg) => {
      if (reg.status === RegistrationStatus.Waitlisted)
        return { key: 'seminars.reg.done.waitlisted', params: { position: reg.waitlistPosition ?? '—' } };
      return { key: `seminars.reg.done.${reg.status}` };
    });
  }

  cancelRegistration(s: SeminarDetail): void {
    this.run(this.api.cancelMine(s.id), () => ({ key: 'seminars.reg.done.cancelled' }));
  }

  private run<T>(call: Observable<T>, success: (value: T) => UiMessage): void {
    this.busy.set(true);
    this.message.set(null);
    call.subscribe({
      next: (value) => {
        this.busy.set(false);
        this.messageIsError.set(false);
        this.message.set(success(value));
        this.refresh();
      },
      error: (err) => {
        this.busy.set(false);
        this.messageIsError.set(true);
        const body = err instanceof ApiError ? (err.body as { eligibility?: Eligibility } | null) : null;
        if (err instanceof ApiError && err.status === 403 && body?.eligibility) {
          // Refused by the gate: show the fresh explanation, never a bare "no".
          this.eligibility.set(body.eligibility);
          this.message.set({
            key: body.eligibility.inAudience ? 'seminars.reg.refused' : 'seminars.gate.notInAudience',
          });
        } else if (err instanceof ApiError && err.status === 409) {
          this.message.set({ key: 'seminars.reg.conflict' });
        } else {
          this.message.set({ key: messageKeyForStatus(err instanceof ApiError ? err.status : 0) });
        }
        this.refresh();
      },
    });
  }

  setStatus(s: SeminarDetail, status: SeminarStatus, confirmed = false): void {
    if (status === SeminarStatus.Cancelled && !confirmed) {
      this.confirmingCancel.set(true);
      return;
    }
    this.confirmingCancel.set(false);
    this.busy.set(true);
    this.staffMessage.set(null);
    this.api.update(s.id, { status }).subscribe({
      next: (updated) => {
        this.busy.set(false);
        this.show(updated);
        this.staffIsError.set(false);
        this.staffMessage.set({
          key: 'seminars.staff.statusChanged',
          params: { status: this.statusName(updated.status) },
        });
      },
      error: (err) => {
        this.busy.set(false);
        this.staffIsError.set(true);
        const reason = err instanceof ApiError ? err.fieldErrors['status'] : undefined;
        this.staffMessage.set(
          reason
            ? { text: reason, lang: 'en' }
            : { key: messageKeyForStatus(err instanceof ApiError ? err.status : 0) },
        );
      },
    });
  }

  private statusName(status: SeminarStatus): string {
    return this.transloco.translate(`seminars.status.${status}`);
  }
}
