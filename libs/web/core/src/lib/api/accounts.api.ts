import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  CurrentUser,
  SignInRequest,
  SignUpRequest,
  UpdateProfileRequest,
} from '@pratique/contracts';
import { Observable } from 'rxjs';

/** Sign-up, sign-in, session and profile (`/api/auth/*`). */
@Injectable({ providedIn: 'root' })
export class AccountsApi {
  private readonly http = inject(HttpClient);

  signUp(body: SignUpRequest): Observable<CurrentUser> {
    return this.http.post<CurrentUser>(ApiRoutes.auth.signUp, body);
  }
  signIn(body: SignInRequest): Observable<CurrentUser> {
    return this.http.post<CurrentUser>(ApiRoutes.auth.signIn, body);
  }
  signOut(): Observable<void> {
    return this.http.post<void>(ApiRoutes.auth.signOut, {});
  }
  me(): Observable<CurrentUser> {
    return this.http.get<CurrentUser>(ApiRoutes.auth.me);
  }
  updateMe(body: UpdateProfileRequest): Observable<CurrentUser> {
    return this.http.patch<CurrentUser>(ApiRoutes.auth.me, body);
  }
}
