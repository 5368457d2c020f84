import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { OutboxStats, QUEUE_DASHBOARD_PATH } from '@pratique/contracts';
import { FormFeedback, FormStatusComponent, LanguageService, NotificationsApi } from '@pratique/web/core';
import { formatAge, formatCount, formatTime, outboxLate, queueLabelKey } from './queue-format';

/**
 * Admin: the notification pipeline at a glance — the outbox backlog (events not yet relayed to
 * Redis and how long the oldest has waited), each Bull queue's job counts, why they are missing
 * when Redis does not answer, and a link to the queue dashboard where failed jobs are retried.
 */
@Component({
  selector: 'pq-queues-page',
  imports: [TranslocoPipe, FormStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-head">
      <h1>{{ 'admin.queues.title' | transloco }}</h1>
      <button type="button" class="btn btn-secondary" [disabled]="fb.busy()" (click)="load()">
        {{ (fb.busy() ? 'common.loading' : 'admin.queues.refresh') | transloco }}
      </button>
    </div>
    <p class="intro">{{ 'admin.queues.intro' | transloco }}</p>
    <pq-form-status [feedback]="fb" />
    <p class="muted" aria-live="polite">
      @if (updatedAt(); as at) {
        {{ 'admin.queues.updatedAt' | transloco: { time: time(at) } }}
      }
    </p>

    @if (stats(); as s) {
      <section class="card" aria-labelledby="outbox-title">
        <h2 id="outbox-title">{{ 'admin.queues.outbox' | transloco }}</h2>
        <dl class="figures">
          <div>
            <dt>{{ 'admin.queues.unrelayed' | transloco }}</dt>
            <dd>{{ count(s.unrelayed) }}</dd>
          </div>
          <div>
            <dt>{{ 'admin.queues.oldest' | transloco }}</dt>
            @if (s.oldestUnrelayedAgeSeconds === null) {
              <dd class="figure-text">{{ 'admin.queues.nothingWaits' | transloco }}</dd>
            } @else {
              <dd>{{ age(s.oldestUnrelayedAgeSeconds) }}</dd>
            }
          </div>
        </dl>
        @if (late()) {
          <p class="alert alert-error">{{ 'admin.queues.late' | transloco }}</p>
        }
      </section>

      <section aria-labelledby="queues-title">
        <h2 id="queues-title">{{ 'admin.queues.jobs' | transloco }}</h2>
        @if (s.queuesError) {
          <div class="alert alert-error">
            <p>{{ 'admin.queues.redisDown' | transloco }}</p>
            <p class="error-detail">
              {{ 'admin.queues.errorDetail' | transloco }}
              <code lang="en" dir="ltr">{{ s.queuesError }}</code>
            </p>
          </div>
        }
        @if (s.queues.length > 0) {
          <div class="table-wrap">
            <table class="table">
              <caption class="sr-only">
                {{
                  'admin.queues.jobs' | transloco
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'admin.queues.queue' | transloco }}</th>
                  <th scope="col" class="num">{{ 'admin.queues.waiting' | transloco }}</th>
                  <th scope="col" class="num">{{ 'admin.queues.active' | transloco }}</th>
                  <th scope="col" class="num">{{ 'admin.queues.delayed' | transloco }}</th>
                  <th scope="col" class="num">{{ 'admin.queues.failed' | transloco }}</th>
                  <th scope="col" class="num">{{ 'admin.queues.completed' | transloco }}</th>
                </tr>
              </thead>
              <tbody>
                @for (q of s.queues; track q.name) {
                  @let key = labelKey(q.name);
                  <tr>
                    <th scope="row">
                      @if (key) {
                        {{ key | transloco }}
                      }
                      <code dir="ltr">{{ q.name }}</code>
                    </th>
                    <td class="num">{{ count(q.waiting) }}</td>
                    <td class="num">{{ count(q.active) }}</td>
                    <td class="num">{{ count(q.delayed) }}</td>
                    <td class="num" [class.failed]="q.failed > 0">
                      @if (q.failed > 0) {
                        <strong>{{ count(q.failed) }}</strong>
                        <span class="sr-only"> — {{ 'admin.queues.failedHint' | transloco }}</span>
                        <span aria-hidden="true"> ⚠</span>
                      } @else {
                        {{ count(q.failed) }}
                      }
                    </td>
                    <td class="num">{{ count(q.completed) }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        } @else if (!s.queuesError) {
          <p class="muted">{{ 'admin.queues.noQueues' | transloco }}</p>
        }
        <p>
          <a class="dashboard-link" [href]="dashboardPath">{{ 'admin.queues.dashboard' | transloco }}</a>
        </p>
        <p class="hint">{{ 'admin.queues.dashboardHint' | transloco }}</p>
      </section>
    } @else if (!fb.summary()) {
      <p class="muted" aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
  styles: `
    .intro {
      max-inline-size: 46rem;
    }
    .figures {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 2.5rem;
      margin: 0 0 0.5rem;
    }
    .figures dt {
      color: var(--c-muted);
      font-size: 0.92rem;
    }
    .figures dd {
      margin: 0;
      font-size: 1.4rem;
      font-weight: 700;
    }
    .figures dd.figure-text {
      font-size: 1rem;
      font-weight: 600;
      padding-block-start: 0.3rem;
    }
    .num {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    .table th[scope='row'] {
      font-weight: 600;
      background: transparent;
      font-size: 1rem;
    }
    .table tbody tr:last-child th {
      border-block-end: 0;
    }
    .table th[scope='row'] code {
      margin-inline-start: 0.4rem;
    }
    td.failed {
      color: var(--c-danger);
    }
    .alert p {
      margin: 0;
    }
    .error-detail {
      margin-block-start: 0.4rem;
      font-size: 0.92rem;
    }
  `,
})
export class QueuesPage {
  private readonly api = inject(NotificationsApi);
  private readonly language = inject(LanguageService);
  protected readonly fb = new FormFeedback('queues');
  protected readonly stats = signal<OutboxStats | null>(null);
  protected readonly updatedAt = signal<Date | null>(null);
  protected readonly late = computed(() => {
    const s = this.stats();
    return s ? outboxLate(s) : false;
  });
  /** Served by the API (bull-board), not an Angular route: a plain link that leaves the app. */
  protected readonly dashboardPath = QUEUE_DASHBOARD_PATH;
  protected readonly labelKey = queueLabelKey;

  constructor() {
    this.load();
  }

  load(): void {
    this.fb.clear();
    this.fb.busy.set(true);
    this.api.outboxStats().subscribe({
      next: (stats) => {
        this.fb.busy.set(false);
        this.stats.set(stats);
        this.updatedAt.set(new Date());
      },
      error: (err) => {
        this.fb.busy.set(false);
        this.fb.fromError(err);
      },
    });
  }

  protected count(value: number): string {
    return formatCount(value, this.language.current());
  }
  protected time(at: Date): string {
    return formatTime(at, this.language.current());
  }
  protected age(seconds: number): string {
    return formatAge(seconds, this.language.current());
  }
}
