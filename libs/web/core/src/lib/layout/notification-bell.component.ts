import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language.service';
import { UnreadNotifications } from '../notifications/unread-notifications';
import { unreadBadge } from '../notifications/unread';

/**
 * The header's bell: a link to /notifications named "Notifications (unread: n)", a "1"…"9+"
 * badge (hidden at 0, not read out: the name has the exact count), and a polite live region
 * that speaks only when new notifications arrive — not on each poll, not on page load.
 */
@Component({
  selector: 'pq-notification-bell',
  imports: [RouterLink, RouterLinkActive, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="bell" routerLink="/notifications" routerLinkActive="active" ariaCurrentWhenActive="page">
      <svg class="bell-icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24">
        <path
          fill="currentColor"
          d="M12 22a2 2 0 0 0 2-2h-4a2 2 0 0 0 2 2Zm6-6v-5c0-3.07-1.64-5.64-4.5-6.32V4a1.5 1.5 0 0 0-3 0v.68C7.63 5.36 6 7.92 6 11v5l-2 2v1h16v-1l-2-2Z"
        />
      </svg>
      <span class="sr-only">{{
        count()
          ? ('shell.notificationsUnread' | transloco: { count: count() })
          : ('shell.notifications' | transloco)
      }}</span>
      @if (badge(); as b) {
        <span class="bell-badge" aria-hidden="true">{{ b }}</span>
      }
    </a>
    <span class="sr-only" aria-live="polite" aria-atomic="true">
      @if (unread.announced(); as n) {
        {{ 'shell.notificationsArrived' | transloco: { count: n } }}
      }
    </span>
  `,
  styles: `
    :host {
      display: inline-flex;
    }
    .bell {
      position: relative;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      min-inline-size: 2.75rem;
      min-block-size: 2.75rem;
      border-radius: 8px;
      color: #fff;
    }
    .bell:hover,
    .bell.active {
      background: rgba(255, 255, 255, 0.16);
      color: #fff;
    }
    .bell.active {
      box-shadow: inset 0 -3px 0 #fff;
    }
    .bell-badge {
      position: absolute;
      inset-block-start: 0.1rem;
      inset-inline-end: 0.05rem;
      min-inline-size: 1.3rem;
      padding-inline: 0.3rem;
      border-radius: 999px;
      background: #ffd166;
      color: #1c2430;
      border: 2px solid var(--c-header);
      font-size: 0.75rem;
      font-weight: 800;
      line-height: 1.1rem;
      text-align: center;
    }
  `,
})
export class NotificationBellComponent {
  protected readonly unread = inject(UnreadNotifications);
  private readonly language = inject(LanguageService);
  protected readonly count = computed(() => this.unread.count() ?? 0);
  protected readonly badge = computed(() => unreadBadge(this.unread.count(), this.language.current()));
}
