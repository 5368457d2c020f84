import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ModerationQueue } from '@pratique/contracts';
import { ApiError, LanguageService, ResourcesApi } from '@pratique/web/core';
import { Observable, lastValueFrom } from 'rxjs';
import { ResourceCardComponent } from './resource-card.component';
import {
  RESOURCE_STYLES,
  Failure,
  failureOf,
  formatDate,
  resourcePageTitle,
  routeParam,
} from './resource-format';

/**
 * /spaces/:slug/toolbox/moderation — for the space's animators and admins: pending contributions
 * (approve, or reject with a reason the author sees) and open reports (unpublish the resource,
 * or dismiss the report).
 */
@Component({
  selector: 'pq-moderation-page',
  imports: [RouterLink, TranslocoPipe, ResourceCardComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: [RESOURCE_STYLES],
  template: `
    <nav class="breadcrumb" [attr.aria-label]="'common.breadcrumb' | transloco">
      <a [routerLink]="['/spaces', slug, 'toolbox']">{{ 'resources.toolbox.title' | transloco }}</a>
    </nav>
    <h1>{{ 'resources.moderation.queueTitle' | transloco }}</h1>
    <div aria-live="polite" aria-atomic="true">
      @if (failure(); as f) {
        <p class="alert alert-error">
          {{ f.key | transloco }}
          @for (e of reasons(f); track e) {
            <span lang="en">{{ e }}</span>
          }
        </p>
      }
      @if (notice(); as n) {
        <p class="alert alert-success">{{ n | transloco }}</p>
      }
    </div>
    @if (forbidden()) {
      <p class="alert alert-error">{{ 'resources.moderation.forbidden' | transloco }}</p>
    } @else if (queue(); as q) {
      <section aria-labelledby="pending-title">
        <h2 id="pending-title">
          {{ 'resources.moderation.pending' | transloco: { count: q.pending.length } }}
        </h2>
        @if (q.pending.length) {
          <ul class="resource-list">
            @for (r of q.pending; track r.id) {
              <li class="stack">
                <pq-resource-card [resource]="r" [lang]="lang()" />
                <div class="card stack">
                  <p class="card-meta">
                    {{
                      'resources.byOn' | transloco: { author: r.author.displayName, date: date(r.createdAt) }
                    }}
                  </p>
                  <p class="actions">
                    <button type="button" class="btn btn-primary" [disabled]="busy()" (click)="approve(r.id)">
                      {{ 'resources.moderation.approve' | transloco
                      }}<span class="sr-only"> — {{ r.title }}</span>
                    </button>
                  </p>
                  <div class="field">
                    <label [for]="'reason-' + r.id"
                      >{{ 'resources.moderation.rejectReason' | transloco
                      }}<span class="sr-only"> — {{ r.title }}</span></label
                    >
                    <textarea [id]="'reason-' + r.id" dir="auto" #reason rows="2" maxlength="1000"></textarea>
                  </div>
                  <p class="actions">
                    <button
                      type="button"
                      class="btn btn-danger"
                      [disabled]="busy()"
                      (click)="reject(r.id, reason.value)"
                    >
                      {{ 'resources.moderation.reject' | transloco
                      }}<span class="sr-only"> — {{ r.title }}</span>
                    </button>
                  </p>
                </div>
              </li>
            }
          </ul>
        } @else {
          <p class="empty">{{ 'resources.moderation.noPending' | transloco }}</p>
        }
      </section>
      <section aria-labelledby="reports-title">
        <h2 id="reports-title">
          {{ 'resources.moderation.reports' | transloco: { count: q.reports.length } }}
        </h2>
        @if (q.reports.length) {
          <ul class="resource-list">
            @for (rep of q.reports; track rep.id) {
              <li class="card">
                <h3>
                  <a [routerLink]="['/resources', rep.resource.id]" class="user-text">{{
                    rep.resource.title
                  }}</a>
                </h3>
                <p class="card-meta">
                  {{
                    'resources.moderation.reportedBy'
                      | transloco: { name: rep.reporter.displayName, date: date(rep.createdAt) }
                  }}
                </p>
                <p class="user-text prewrap" dir="auto">{{ rep.reason }}</p>
                <p class="actions">
                  @if (rep.resource.status === 'published') {
                    <button
                      type="button"
                      class="btn btn-danger"
                      [disabled]="busy()"
                      (click)="unpublish(rep.resource.id)"
                    >
                      {{ 'resources.moderation.unpublish' | transloco
                      }}<span class="sr-only"> — {{ rep.resource.title }}</span>
                    </button>
                  }
                  <button
                    type="button"
                    class="btn btn-secondary"
                    [disabled]="busy()"
                    (click)="dismiss(rep.id)"
                  >
                    {{ 'resources.moderation.dismiss' | transloco
                    }}<span class="sr-only"> — {{ rep.resource.title }}</span>
                  </button>
                </p>
              </li>
            }
          </ul>
        } @else {
          <p class="empty">{{ 'resources.moderation.noReports' | transloco }}</p>
        }
      </section>
    } @else {
      <p class="muted">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class ModerationPage {
  private readonly api = inject(ResourcesApi);
  protected readonly lang = inject(LanguageService).current;
  protected readonly slug = routeParam('slug');
  protected readonly queue = signal<ModerationQueue | null>(null);
  protected readonly forbidden = signal(false);
  protected readonly busy = signal(false);
  protected readonly failure = signal<Failure | null>(null);
  protected readonly notice = signal<string | null>(null);

  constructor() {
    resourcePageTitle(() => ({ key: 'resources.moderation.queueTitle' }));
    this.load();
  }

  protected date(iso: string): string {
    return formatDate(iso, this.lang());
  }
  protected reasons(f: Failure): string[] {
    return Object.entries(f.fields).map(([k, v]) => `${k} ${v}`);
  }

  private load(): void {
    this.api.moderation(this.slug).subscribe({
      next: (q) => this.queue.set(q),
      error: (e) =>
        e instanceof ApiError && (e.status === 403 || e.status === 404)
          ? this.forbidden.set(true)
          : this.failure.set(failureOf(e)),
    });
  }

  private async act(call: Observable<unknown>, notice: string): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.failure.set(null);
    this.notice.set(null);
    try {
      await lastValueFrom(call, { defaultValue: null });
      this.notice.set(notice);
      this.load();
    } catch (e) {
      this.failure.set(failureOf(e));
    } finally {
      this.busy.set(false);
    }
  }

  protected approve(id: string) {
    return this.act(this.api.approve(id), 'resources.moderation.approved');
  }
  protected reject(id: string, reason: string) {
    return this.act(this.api.reject(id, reason), 'resources.moderation.rejected');
  }
  protected unpublish(id: string) {
    return this.act(this.api.unpublish(id), 'resources.moderation.unpublished');
  }
  protected dismiss(id: string) {
    return this.act(this.api.dismissReport(id), 'resources.moderation.dismissed');
  }
}
