import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  AttendanceRequest,
  CheckInCode,
  CreateSeminarRequest,
  DashboardPage,
  DashboardQuery,
  Eligibility,
  Page,
  RegistrationDto,
  RegistrationStatus,
  SeminarDetail,
  SeminarListQuery,
  SeminarStats,
  SeminarSummary,
  UpdateSeminarRequest,
} from '@pratique/contracts';
import { Observable } from 'rxjs';

/** Query parameters without the empty ones (undefined, null, '', false). */
export function seminarQueryParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    params = params.set(key, String(value));
  }
  return params;
}

/** Seminars and the gate: listing, eligibility, registration, the staff dashboard, attendance. */
@Injectable({ providedIn: 'root' })
export class SeminarsApi {
  private readonly http = inject(HttpClient);

  // ---------- seminars ----------
  list(query: SeminarListQuery = {}): Observable<Page<SeminarSummary>> {
    return this.http.get<Page<SeminarSummary>>(ApiRoutes.seminars, { params: seminarQueryParams(query) });
  }
  get(id: string): Observable<SeminarDetail> {
    return this.http.get<SeminarDetail>(ApiRoutes.seminar(id));
  }
  create(body: CreateSeminarRequest): Observable<SeminarDetail> {
    return this.http.post<SeminarDetail>(ApiRoutes.seminars, body);
  }
  update(id: string, body: UpdateSeminarRequest): Observable<SeminarDetail> {
    return this.http.patch<SeminarDetail>(ApiRoutes.seminar(id), body);
  }

  // ---------- members ----------
  eligibility(id: string): Observable<Eligibility> {
    return this.http.get<Eligibility>(ApiRoutes.seminarEligibility(id));
  }
  register(id: string): Observable<RegistrationDto> {
    return this.http.post<RegistrationDto>(ApiRoutes.seminarRegistrations(id), {});
  }
  cancelMine(id: string): Observable<void> {
    return this.http.delete<void>(ApiRoutes.myRegistration(id));
  }
  checkIn(id: string, code: string): Observable<{ status: RegistrationStatus }> {
    return this.http.post<{ status: RegistrationStatus }>(ApiRoutes.seminarCheckIn(id), { code });
  }
  /** A link target (`<a download>`), not fetched by the app. */
  icsUrl(id: string): string {
    return ApiRoutes.seminarIcs(id);
  }

  // ---------- staff ----------
  dashboard(id: string, query: DashboardQuery): Observable<DashboardPage> {
    return this.http.get<DashboardPage>(ApiRoutes.seminarDashboard(id), {
      params: seminarQueryParams(query),
    });
  }
  /** The CSV export of the same filters (a link; page and pageSize do not apply). */
  dashboardCsvUrl(id: string, query: DashboardQuery): string {
    const { page: _page, pageSize: _size, ...filters } = query;
    const qs = seminarQueryParams(filters).toString();
    return `${ApiRoutes.seminarDashboardCsv(id)}${qs ? `?${qs}` : ''}`;
  }
  confirmRegistration(registrationId: string): Observable<RegistrationDto> {
    return this.http.post<RegistrationDto>(ApiRoutes.registrationConfirm(registrationId), {});
  }
  declineRegistration(registrationId: string): Observable<RegistrationDto> {
    return this.http.post<RegistrationDto>(ApiRoutes.registrationDecline(registrationId), {});
  }
  markAttendance(id: string, body: AttendanceRequest): Observable<{ updated: number }> {
    return this.http.post<{ updated: number }>(ApiRoutes.seminarAttendance(id), body);
  }
  checkInCode(id: string): Observable<CheckInCode> {
    return this.http.get<CheckInCode>(ApiRoutes.seminarCheckInCode(id));
  }
  stats(id: string): Observable<SeminarStats> {
    return this.http.get<SeminarStats>(ApiRoutes.seminarStats(id));
  }
  regionStats(regionId: string): Observable<SeminarStats[]> {
    return this.http.get<SeminarStats[]>(ApiRoutes.regionSeminarStats(regionId));
  }
}
