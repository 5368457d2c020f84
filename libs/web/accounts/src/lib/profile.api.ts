import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ApiRoutes, CurrentUser } from '@pratique/contracts';
import { Observable } from 'rxjs';

/**
 * The member's own organisations (`/api/auth/me/organisations/:id`). Profile changes
 * (`PATCH /api/auth/me`) go through `AccountsApi.updateMe`.
 */
@Injectable({ providedIn: 'root' })
export class ProfileApi {
  private readonly http = inject(HttpClient);

  joinOrganisation(organisationId: string): Observable<CurrentUser> {
    return this.http.put<CurrentUser>(ApiRoutes.myOrganisation(organisationId), {});
  }
  /** 409 when it is the member's last organisation. */
  leaveOrganisation(organisationId: string): Observable<CurrentUser> {
    return this.http.delete<CurrentUser>(ApiRoutes.myOrganisation(organisationId));
  }
}
