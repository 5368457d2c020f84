import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { NotificationDto, Page } from '@pratique/contracts';
import {
  ApiError,
  FormFeedback,
  FormStatusComponent,
  LanguageService,
  NotificationsApi,
  UnreadNotifications,
  messageKeyForStatus,
} from '@pratique/web/core';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import {
  appendPage,
  formatDateTime,
  notificationLink,
  notificationWhen,
  relativeTime,
} from './notification-format';
import { NotificationSentenceComponent } from './notification-sentence.component';

const PAGE_SIZE = 20;

type ListState =
  | { status: 'loading' }
  | { status: 'ready'; page: Page<NotificationDto> }
  | { status: 'error'; messageKey: string };

/**
 * /notifications — the reader's notifications, newest first, 20 at a time ("show more"), the
 * unread ones marked in words and by a bar; "unread only" lives in the URL (`?unread=true`).
 * Opening a notification's link marks it read; so do its button and "mark all as read".
 */
@Component({
  selector: 'pq-notifications-page',
  imports: [RouterLink, TranslocoPipe, FormStatusComponent, NotificationSentenceComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-head">
      <h1 id="notifications-title">{{ 'notifications.list.title' | transloco }}</h1>
      <a class="btn btn-secondary" routerLink="/notifications/preferences">{{
        'notifications.list.preferences' | transloco
      }}</a>
    </div>

    <div class="toolbar">
      <div class="field-check">
        <input
          id="notifications-unread-only"
          type="checkbox"
          [checked]="unreadOnly()"
          (change)="setUnreadOnly($any($event.target).checked)"
        />
        <label for="notifications-unread-only">{{ 'notifications.list.unreadOnly' | transloco }}</label>
      </div>
      @if (hasUnread()) {
        <button type="button" class="btn btn-secondary" [disabled]="fb.busy()" (click)="markAllRead()">
          {{ 'notifications.list.markAllRead' | transloco }}
        </button>
      }
    </div>

    <pq-form-status [feedback]="fb" />
    <div aria-live="polite" class="results-status">
      @switch (state().status) {
        @case ('loading') {
          <p class="muted">{{ 'common.loading' | transloco }}</p>
        }
        @case ('error') {
          <p class="alert alert-error">{{ errorKey() | transloco }}</p>
        }
        @case ('ready') {
          @if (items().length > 0) {
            <p class="muted">
              {{
                (unreadOnly() ? 'notifications.list.countUnread' : 'notifications.list.count')
                  | transloco: { shown: items().length, total: total() }
              }}
            </p>
          }
        }
      }
    </div>

    @if (state().status === 'ready') {
      @if (items().length === 0) {
        <p class="empty">
          {{ (unreadOnly() ? 'notifications.list.emptyUnread' : 'notifications.list.empty') | transloco }}
        </p>
      } @else {
        <ul class="notification-list" aria-labelledby="notifications-title">
          @for (n of items(); track n.id) {
            @let link = linkOf(n);
            @let when = whenOf(n);
            <li class="notification" [class.unread]="!n.readAt" [id]="'notification-' + n.id" tabindex="-1">
              <div class="notification-body">
                @if (!n.readAt) {
                  <span class="badge badge-unread">{{ 'notifications.list.unread' | transloco }}</span>
                }
                <p class="notification-text" [id]="'notification-text-' + n.id">
                  @if (link) {
                    <a [routerLink]="link" (click)="open(n)"
                      ><pq-notification-sentence [notification]="n" [lang]="language.current()"
                    /></a>
                  } @else {
                    <pq-notification-sentence [notification]="n" [lang]="language.current()" />
                  }
                </p>
                <p class="notification-meta">
                  <time [attr.datetime]="n.createdAt">{{ relative(n.createdAt) }}</time>
                  @if (when) {
                    <span class="notification-when">{{
                      when.key | transloco: { date: date(when.iso) }
                    }}</span>
                  }
                </p>
              </div>
              @if (!n.readAt) {
                <button
                  type="button"
                  class="btn btn-small btn-ghost-dark"
                  [attr.aria-describedby]="'notification-text-' + n.id"
                  (click)="markRead(n)"
                >
                  {{ 'notifications.list.markRead' | transloco }}
                </button>
              }
            </li>
          }
        </ul>
        @if (items().length < total()) {
          <p class="more">
            <button type="button" class="btn btn-secondary" [disabled]="loadingMore()" (click)="loadMore()">
              {{ (loadingMore() ? 'common.loading' : 'notifications.list.more') | transloco }}
            </button>
          </p>
        }
      }
    }
  `,
  styles: `
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 1.25rem;
      align-items: center;
      justify-content: space-between;
      margin-block-end: 1rem;
    }
    .toolbar .field-check {
      display: flex;
      align-self: center;
      padding: 0;
    }
    .notification-list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 0.6rem;
    }
    .notification {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: flex-start;
      justify-content: space-between;
      background: var(--c-surface);
      border: 1px solid var(--c-border);
      border-inline-start: 4px solid var(--c-border);
      border-radius: var(--radius);
      padding: 0.75rem 1rem;
    }
    .notification.unread {
      border-inline-start-color: var(--c-primary);
      background: #f2f8fb;
    }
    .notification-body {
      flex: 1 1 18rem;
      min-inline-size: 0;
    }
    .notification-text {
      margin: 0 0 0.25rem;
      overflow-wrap: anywhere;
    }
    .notification.unread .notification-text {
      font-weight: 600;
    }
    .notification-meta {
      margin: 0;
      color: var(--c-muted);
      font-size: 0.9rem;
      display: flex;
      flex-wrap: wrap;
      gap: 0.2rem 1rem;
    }
    .badge-unread {
      background: var(--c-primary);
      color: #fff;
      margin-block-end: 0.3rem;
    }
    .more {
      text-align: center;
      margin-block: 1.25rem 0;
    }
  `,
})
export class NotificationsPage {
  protected readonly language = inject(LanguageService);
  private readonly api = inject(NotificationsApi);
  private readonly unread = inject(UnreadNotifications);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** Query string: `?unread=true`. */
  readonly unreadParam = input<string | undefined>(undefined, { alias: 'unread' });
  protected readonly unreadOnly = computed(() => this.unreadParam() === 'true');

  protected readonly fb = new FormFeedback('notifications');
  protected readonly state = signal<ListState>({ status: 'loading' });
  protected readonly items = signal<NotificationDto[]>([]);
  protected readonly total = signal(0);
  protected readonly loadingMore = signal(false);
  private page = 1;
  private readonly now = signal(new Date());

  protected readonly hasUnread = computed(
    () => this.items().some((n) => !n.readAt) || (this.unread.count() ?? 0) > 0,
  );
  protected readonly errorKey = computed(() => {
    const s = this.state();
    return s.status === 'error' ? s.messageKey : 'errors.generic';
  });

  constructor() {
    toObservable(this.unreadOnly)
      .pipe(
        switchMap((unread) =>
          this.api.list({ unread, page: 1, pageSize: PAGE_SIZE }).pipe(
            map((page): ListState => ({ status: 'ready', page })),
            catchError((err) => of<ListState>({ status: 'error', messageKey: keyOf(err) })),
            startWith<ListState>({ status: 'loading' }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((state) => this.show(state));
  }

  private show(state: ListState): void {
    this.state.set(state);
    if (state.status !== 'ready') return;
    this.page = 1;
    this.now.set(new Date());
    this.items.set(state.page.items);
    this.total.set(state.page.total);
  }

  protected linkOf(n: NotificationDto): string[] | null {
    return notificationLink(n.payload);
  }
  protected whenOf(n: NotificationDto) {
    return notificationWhen(n);
  }
  protected relative(iso: string): string {
    return relativeTime(iso, this.language.current(), this.now());
  }
  protected date(iso: string): string {
    return formatDateTime(iso, this.language.current());
  }

  setUnreadOnly(checked: boolean): void {
    this.fb.clear();
    void this.router.navigate([], { queryParams: { unread: checked ? 'true' : null }, replaceUrl: true });
  }

  /** Following a notification's link marks it read (the request outlives this page). */
  open(n: NotificationDto): void {
    if (n.readAt) return;
    this.api.markRead(n.id).subscribe({ next: () => this.unread.refresh(), error: () => undefined });
  }

  markRead(n: NotificationDto): void {
    this.fb.clear();
    this.api.markRead(n.id).subscribe({
      next: () => {
        this.setRead([n.id]);
        this.fb.succeed('notifications.list.markedRead');
        this.unread.refresh();
        // The button is gone: keep the keyboard on the notification itself.
        this.focus(`notification-${n.id}`);
      },
      error: (err) => this.fb.fromError(err),
    });
  }

  markAllRead(): void {
    this.fb.clear();
    this.fb.busy.set(true);
    this.api.markAllRead().subscribe({
      next: ({ updated }) => {
        this.fb.busy.set(false);
        this.setRead(this.items().map((n) => n.id));
        this.fb.succeed('notifications.list.allMarkedRead', { count: updated });
        this.unread.refresh();
        this.focus('notifications-title');
      },
      error: (err) => {
        this.fb.busy.set(false);
        this.fb.fromError(err);
      },
    });
  }

  loadMore(): void {
    const first = this.items().length;
    this.loadingMore.set(true);
    this.api.list({ unread: this.unreadOnly(), page: this.page + 1, pageSize: PAGE_SIZE }).subscribe({
      next: (next) => {
        this.loadingMore.set(false);
        this.page = next.page;
        this.items.set(appendPage(this.items(), next.items));
        this.total.set(next.total);
        // Keyboard and screen-reader users continue from the first notification just added.
        const added = this.items()[first];
        if (added) this.focus(`notification-${added.id}`);
      },
      error: (err) => {
        this.loadingMore.set(false);
        this.fb.fromError(err);
      },
    });
  }

  private setRead(ids: string[]): void {
    const at = new Date().toISOString();
    const set = new Set(ids);
    this.items.update((list) => list.map((n) => (set.has(n.id) && !n.readAt ? { ...n, readAt: at } : n)));
  }

  private focus(id: string): void {
    setTimeout(() => {
      const el = this.host.nativeElement.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
      if (!el) return;
      if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
      el.focus();
    });
  }
}

function keyOf(err: unknown): string {
  return messageKeyForStatus(err instanceof ApiError ? err.status : 0);
}
