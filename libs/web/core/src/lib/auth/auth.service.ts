import { Injectable, inject } from '@angular/core';
import { CurrentUser, SignInRequest, SignUpRequest } from '@pratique/contracts';
import { Observable, finalize, firstValueFrom, tap } from 'rxjs';
import { AccountsApi } from '../api/accounts.api';
import { LanguageService } from '../i18n/language.service';
import { SessionStore } from './session.store';

/** Signs in/up/out and restores the session cookie's user at start. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly api = inject(AccountsApi);
  private readonly session = inject(SessionStore);
  private readonly language = inject(LanguageService);

  signUp(body: SignUpRequest): Observable<CurrentUser> {
    return this.api.signUp(body).pipe(tap((user) => this.signedIn(user)));
  }

  signIn(body: SignInRequest): Observable<CurrentUser> {
    return this.api.signIn(body).pipe(tap((user) => this.signedIn(user)));
  }

  signOut(): Observable<void> {
    return this.api.signOut().pipe(finalize(() => this.session.user.set(null)));
  }

  /** `GET /api/auth/me`: 200 → signed in, 401 (or anything else) → anonymous. */
  async restore(): Promise<void> {
    try {
      this.signedIn(await firstValueFrom(this.api.me()));
    } catch {
      this.session.user.set(null);
    }
  }

  /** Replaces the current user after a profile change made elsewhere. */
  refresh(): Promise<void> {
    return this.restore();
  }

  private signedIn(user: CurrentUser): void {
    this.session.user.set(user);
    if (user.preferredLanguage) void this.language.apply(user.preferredLanguage);
  }
}
