import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuditAction, AuditEntry, AuditLogQuery, DELETED_MEMBER_NAME, formatDateTime } from '@pratique/contracts';
import { LanguageService, loadOnChange, PagerComponent } from '@pratique/web/core';
import { AuditLogApi } from './audit-log.api';
import { AUDIT_ACTIONS as ACTIONS, AUDIT_DETAILS as DETAILS, AUDIT_TARGETS as TARGETS } from './audit-labels';

const PAGE_SIZE = 25;
/**
 * /admin/audit-log — who granted roles, named animators, moderated, exported lists or data,
 * suspended or deleted accounts: newest first, filtered by action (in the URL, so a filtered
 * list can be shared), paged.
 */
@Component({
  selector: 'pq-audit-log-page',
  imports: [TranslocoPipe, PagerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'admin.audit.title' | transloco }}</h1>
    <p class="intro">{{ 'admin.audit.intro' | transloco }}</p>

    <form class="filters card" role="search" [attr.aria-label]="'admin.audit.filters' | transloco">
      <div class="field">
        <label for="audit-action">{{ 'admin.audit.action' | transloco }}</label>
        <select id="audit-action" (change)="setAction($any($event.target).value)">
          <option value="" [selected]="!actionFilter()">{{ 'admin.audit.allActions' | transloco }}</option>
          @for (a of actions; track a) {
            <option [value]="a" [selected]="a === actionFilter()">{{ 'admin.audit.actions.' + a | transloco }}</option>
          }
        </select>
      </div>
    </form>

    <div aria-live="polite">
      @switch (state().status) {
        @case ('loading') {
          <p class="muted">{{ 'common.loading' | transloco }}</p>
        }
        @case ('error') {
          <p class="alert alert-error">{{ errorKey() | transloco }}</p>
        }
        @case ('ready') {
          <p class="muted">{{ 'admin.audit.count' | transloco: { count: pageData()?.total ?? 0 } }}</p>
        }
      }
    </div>

    @if (pageData(); as p) {
      @if (p.items.length === 0) {
        <p class="empty">{{ 'admin.audit.empty' | transloco }}</p>
      } @else {
        <div class="table-wrap">
          <table class="table">
            <caption class="sr-only">{{ 'admin.audit.title' | transloco }}</caption>
            <thead>
              <tr>
                <th scope="col">{{ 'admin.audit.when' | transloco }}</th>
                <th scope="col">{{ 'admin.audit.actor' | transloco }}</th>
                <th scope="col">{{ 'admin.audit.action' | transloco }}</th>
                <th scope="col">{{ 'admin.audit.target' | transloco }}</th>
                <th scope="col">{{ 'admin.audit.detail' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (e of p.items; track e.id) {
                <tr>
                  <td class="nowrap">{{ when(e.at) }}</td>
                  <td>
                    @if (e.actor; as actor) {
                      <bdi>{{ actorName(actor.displayName) }}</bdi>
                    } @else {
                      {{ 'admin.audit.system' | transloco }}
                    }
                  </td>
                  <td>{{ 'admin.audit.actions.' + e.action | transloco }}</td>
                  <td>
                    @if (knownTarget(e.targetType)) {
                      {{ 'admin.audit.targets.' + e.targetType | transloco }}
                    } @else {
                      <span dir="ltr">{{ e.targetType }}</span>
                    }
                    @if (e.targetId) {
                      <code dir="ltr" [title]="e.targetId">{{ e.targetId.slice(0, 8) }}</code>
                    }
                  </td>
                  <td>
                    @if (details(e).length) {
                      <ul class="plain-list detail">
                        @for (d of details(e); track d.key) {
                          <li>
                            @if (d.known) {
                              <span class="detail-key">{{ 'admin.audit.details.' + d.key | transloco }}</span>
                            } @else {
                              <code dir="ltr">{{ d.key }}</code>
                            }
                            @if (d.flag !== null) {
                              {{ (d.flag ? 'common.yes' : 'common.no') | transloco }}
                            } @else {
                              <bdi>{{ d.value }}</bdi>
                            }
                          </li>
                        }
                      </ul>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
      <pq-pager [page]="p.page" [total]="p.total" [pageSize]="p.pageSize" [label]="'admin.audit.pagination' | transloco" />
    }
  `,
  styles: `
    .intro {
      max-inline-size: 46rem;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
      margin-block-end: 1rem;
    }
    .nowrap {
      white-space: nowrap;
    }
    .detail {
      font-size: 0.92rem;
    }
    .detail-key {
      color: var(--c-muted);
      margin-inline-end: 0.4rem;
    }
    td code {
      margin-inline-start: 0.3rem;
    }
  `,
})
export class AuditLogPage {
  private readonly api = inject(AuditLogApi);
  private readonly router = inject(Router);
  private readonly language = inject(LanguageService);

  /** Query string. */
  readonly action = input<string | undefined>();
  readonly pageParam = input<string | undefined>(undefined, { alias: 'page' });

  protected readonly actions = ACTIONS;
  protected readonly actionFilter = computed(() => {
    const a = this.action();
    return a && (ACTIONS as string[]).includes(a) ? (a as AuditAction) : undefined;
  });

  private readonly query = computed<AuditLogQuery>(() => {
    const page = Number(this.pageParam() ?? 1);
    return { action: this.actionFilter(), page: Number.isInteger(page) && page > 0 ? page : 1, pageSize: PAGE_SIZE };
  });
  private readonly loaded = loadOnChange(this.query, (q) => this.api.list(q));
  protected readonly state = this.loaded.state;
  protected readonly pageData = this.loaded.data;
  protected readonly errorKey = this.loaded.errorKey;

  setAction(value: string): void {
    void this.router.navigate([], { queryParams: { action: value || null, page: null }, queryParamsHandling: 'merge' });
  }

  protected when(iso: string): string {
    return formatDateTime(iso, this.language.current());
  }
  protected knownTarget(type: string): boolean {
    return TARGETS.includes(type);
  }
  /** A deleted account keeps one stored name (French): shown in the reader's language. */
  protected actorName(name: string): string {
    return name === DELETED_MEMBER_NAME.fr ? DELETED_MEMBER_NAME[this.language.current()] : name;
  }
  /** The entry's details as written (ids, reasons, filters), one line each. */
  protected details(e: AuditEntry): { key: string; known: boolean; flag: boolean | null; value: string }[] {
    return Object.entries(e.detail ?? {}).map(([key, value]) => ({
      key,
      known: DETAILS.includes(key),
      flag: typeof value === 'boolean' ? value : null,
      value: typeof value === 'string' ? value : JSON.stringify(value),
    }));
  }
}
