import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ApiRoutes, CurrentUser, DeleteAccountRequest } from '@pratique/contracts';
import { Observable } from 'rxjs';

/**
 * The member's own organisations (`/api/auth/me/organisations/:id`) and account (download all
 * their data, delete the account). Profile changes (`PATCH /api/auth/me`) go through
 * `AccountsApi.updateMe`.
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
  /** The data export is a plain download (a link to this URL: the browser saves the JSON file). */
  readonly dataExportUrl = ApiRoutes.myDataExport;
  /** Deletes the account (anonymised, every session ended). 400: not the password; 409: the last admin. */
  deleteAccount(body: DeleteAccountRequest): Observable<void> {
    return this.http.delete<void>(ApiRoutes.myAccount, { body });
  }
}
