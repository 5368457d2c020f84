import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  GrantRoleRequest,
  Page,
  RoleGrantDto,
  SuspensionResult,
  UserSummary,
} from '@pratique/contracts';
import { Observable } from 'rxjs';

/** Users and their role grants (admin). */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  search(q: string, page = 1, pageSize = 20): Observable<Page<UserSummary>> {
    let params = new HttpParams().set('page', page).set('pageSize', pageSize);
    if (q.trim()) params = params.set('q', q.trim());
    return this.http.get<Page<UserSummary>>(ApiRoutes.users, { params });
  }
  grant(userId: string, body: GrantRoleRequest): Observable<RoleGrantDto> {
    return this.http.post<RoleGrantDto>(ApiRoutes.userRoles(userId), body);
  }
  revoke(userId: string, grantId: string): Observable<void> {
    return this.http.delete<void>(ApiRoutes.userRole(userId, grantId));
  }
  suspend(userId: string, reason: string): Observable<SuspensionResult> {
    return this.http.put<SuspensionResult>(ApiRoutes.userSuspension(userId), { reason });
  }
  reinstate(userId: string): Observable<SuspensionResult> {
    return this.http.delete<SuspensionResult>(ApiRoutes.userSuspension(userId));
  }
}
