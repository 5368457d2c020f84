import { ChangeDetectionStrategy, Component, DestroyRef, inject } from '@angular/core';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { filter } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { SessionStore } from '../auth/session.store';
import { LanguageSwitcherComponent } from './language-switcher.component';
import { NotificationBellComponent } from './notification-bell.component';

/** Skip link, header (name, navigation, language, notifications, account), `<main id="main">`, footer. */
@Component({
  selector: 'pq-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    TranslocoPipe,
    LanguageSwitcherComponent,
    NotificationBellComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="skip-link" href="#main" (click)="skipToMain($event)">{{ 'shell.skipToMain' | transloco }}</a>
    <header class="site-header">
      <div class="container header-inner">
        <a class="brand" routerLink="/">Pratique</a>
        <nav class="main-nav" [attr.aria-label]="'shell.mainNav' | transloco">
          <ul>
            <li>
              <a routerLink="/spaces" routerLinkActive="active" ariaCurrentWhenActive="page">{{
                'nav.spaces' | transloco
              }}</a>
            </li>
            @if (session.signedIn()) {
              <li>
                <a routerLink="/my-spaces" routerLinkActive="active" ariaCurrentWhenActive="page">{{
                  'nav.mySpaces' | transloco
                }}</a>
              </li>
              <li>
                <a routerLink="/my-modules" routerLinkActive="active" ariaCurrentWhenActive="page">{{
                  'nav.myModules' | transloco
                }}</a>
              </li>
              <li>
                <a routerLink="/seminars" routerLinkActive="active" ariaCurrentWhenActive="page">{{
                  'nav.seminars' | transloco
                }}</a>
              </li>
              <li>
                <a routerLink="/feed" routerLinkActive="active" ariaCurrentWhenActive="page">{{
                  'nav.feed' | transloco
                }}</a>
              </li>
              <li>
                <a routerLink="/members" routerLinkActive="active" ariaCurrentWhenActive="page">{{
                  'nav.members' | transloco
                }}</a>
              </li>
              <li>
                <a routerLink="/skills" routerLinkActive="active" ariaCurrentWhenActive="page">{{
                  'nav.skills' | transloco
                }}</a>
              </li>
            }
            @if (session.isAdmin()) {
              <li>
                <a routerLink="/admin" routerLinkActive="active">{{ 'nav.admin' | transloco }}</a>
              </li>
            } @else if (session.canCreateSpaces()) {
              <li>
                <a routerLink="/admin/spaces/new" routerLinkActive="active" ariaCurrentWhenActive="page">{{
                  'nav.newSpace' | transloco
                }}</a>
              </li>
            }
          </ul>
        </nav>
        <div class="header-tools">
          <pq-language-switcher />
          @if (session.user(); as user) {
            <pq-notification-bell />
            <a class="user-name" routerLink="/profile" routerLinkActive="active" ariaCurrentWhenActive="page"
              ><span class="sr-only">{{ 'shell.signedInAs' | transloco }}</span> {{ user.displayName }}</a
            >
            <button type="button" class="btn btn-ghost" (click)="signOut()">
              {{ 'nav.signOut' | transloco }}
            </button>
          } @else {
            <a class="btn btn-ghost" routerLink="/sign-in">{{ 'nav.signIn' | transloco }}</a>
            <a class="btn btn-light" routerLink="/sign-up">{{ 'nav.signUp' | transloco }}</a>
          }
        </div>
      </div>
    </header>
    <main id="main" tabindex="-1" class="container">
      <router-outlet />
    </main>
    <footer class="site-footer">
      <div class="container">{{ 'shell.footer' | transloco }}</div>
    </footer>
  `,
  styles: `
    /* The name links to the profile: white on the dark header, underlined as a link. */
    .site-header a.user-name {
      color: #fff;
      text-decoration: underline;
      text-underline-offset: 0.25em;
      padding: 0.4rem 0.25rem;
    }
    .site-header a.user-name:hover,
    .site-header a.user-name.active {
      text-decoration-thickness: 2px;
    }
  `,
})
export class ShellComponent {
  protected readonly session = inject(SessionStore);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  constructor() {
    // After an in-app navigation, move focus to the new page so screen readers start there.
    let first = true;
    const sub = this.router.events.pipe(filter((e) => e instanceof NavigationEnd)).subscribe(() => {
      if (first) {
        first = false;
        return;
      }
      setTimeout(() => {
        const main = document.getElementById('main');
        const heading = main?.querySelector<HTMLElement>('h1');
        if (heading) {
          heading.setAttribute('tabindex', '-1');
          heading.focus({ preventScroll: false });
        } else main?.focus();
      });
    });
    inject(DestroyRef).onDestroy(() => sub.unsubscribe());
  }

  skipToMain(event: Event): void {
    event.preventDefault();
    document.getElementById('main')?.focus();
  }

  signOut(): void {
    this.auth.signOut().subscribe({
      complete: () => void this.router.navigateByUrl('/'),
      error: () => void this.router.navigateByUrl('/'),
    });
  }
}
