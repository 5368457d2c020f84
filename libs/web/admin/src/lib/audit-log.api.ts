import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ApiRoutes, AuditEntry, AuditLogQuery, Page } from '@pratique/contracts';
import { Observable } from 'rxjs';

/** The audit log (admins): `GET /api/admin/audit-log`, newest first. */
@Injectable({ providedIn: 'root' })
export class AuditLogApi {
  private readonly http = inject(HttpClient);

  list(q: AuditLogQuery): Observable<Page<AuditEntry>> {
    let params = new HttpParams().set('page', q.page ?? 1).set('pageSize', q.pageSize ?? 20);
    if (q.action) params = params.set('action', q.action);
    return this.http.get<Page<AuditEntry>>(ApiRoutes.adminAuditLog, { params });
  }
}
