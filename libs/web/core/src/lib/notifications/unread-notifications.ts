import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router } from '@angular/router';
import {
  EMPTY,
  Subject,
  catchError,
  distinctUntilChanged,
  filter,
  fromEvent,
  merge,
  switchMap,
  tap,
  timer,
} from 'rxjs';
import { NotificationsApi } from '../api/notifications.api';
import { SessionStore } from '../auth/session.store';
import { UNREAD_POLL_MS, unreadChange } from './unread';

/**
 * The reader's unread notification count, for the header's bell. While someone is signed in it
 * asks the API at once, every `UNREAD_POLL_MS`, after each navigation, when the tab becomes
 * visible again and whenever a page calls `refresh()` (after marking read); a hidden tab does
 * not poll. Signing out stops it and forgets the count.
 */
@Injectable({ providedIn: 'root' })
export class UnreadNotifications {
  private readonly api = inject(NotificationsApi);
  private readonly document = inject(DOCUMENT);
  private readonly refresh$ = new Subject<void>();

  /** Null until the first answer after sign-in. */
  readonly count = signal<number | null>(null);
  /** The count to announce politely (new notifications arrived), or null for silence. */
  readonly announced = signal<number | null>(null);

  constructor() {
    const router = inject(Router);
    const navigations = router.events.pipe(filter((e) => e instanceof NavigationEnd));
    const visible = fromEvent(this.document, 'visibilitychange').pipe(filter(() => !this.document.hidden));
    const ticks = timer(0, UNREAD_POLL_MS).pipe(filter(() => !this.document.hidden));

    toObservable(inject(SessionStore).signedIn)
      .pipe(
        distinctUntilChanged(),
        tap(() => {
          this.count.set(null);
          this.announced.set(null);
        }),
        switchMap((signedIn) =>
          signedIn
            ? merge(ticks, navigations, visible, this.refresh$).pipe(
                switchMap(() => this.api.unreadCount().pipe(catchError(() => EMPTY))),
              )
            : EMPTY,
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ unread }) => this.apply(unread));
  }

  /** Asks the API now (e.g. after marking notifications read). */
  refresh(): void {
    this.refresh$.next();
  }

  private apply(unread: number): void {
    const change = unreadChange(this.count(), unread);
    if (change === 'announce') this.announced.set(unread);
    else if (change === 'clear') this.announced.set(null);
    this.count.set(unread);
  }
}
