import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  CreateSpaceRequest,
  Page,
  SpaceDetail,
  SpaceListQuery,
  SpaceMemberDto,
  SpaceSummary,
  UpdateSpaceRequest,
} from '@pratique/contracts';
import { Observable } from 'rxjs';

/** Thematic spaces, membership and animators. */
@Injectable({ providedIn: 'root' })
export class SpacesApi {
  private readonly http = inject(HttpClient);

  list(query: SpaceListQuery): Observable<Page<SpaceSummary>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined || value === null || value === '' || value === false) continue;
      params = params.set(key, String(value));
    }
    return this.http.get<Page<SpaceSummary>>(ApiRoutes.spaces, { params });
  }
  get(idOrSlug: string): Observable<SpaceDetail> {
    return this.http.get<SpaceDetail>(ApiRoutes.space(encodeURIComponent(idOrSlug)));
  }
  create(body: CreateSpaceRequest): Observable<SpaceDetail> {
    return this.http.post<SpaceDetail>(ApiRoutes.spaces, body);
  }
  update(id: string, body: UpdateSpaceRequest): Observable<SpaceDetail> {
    return this.http.patch<SpaceDetail>(ApiRoutes.space(id), body);
  }
  join(id: string): Observable<unknown> {
    return this.http.post(ApiRoutes.spaceMembership(id), {});
  }
  leave(id: string): Observable<void> {
    return this.http.delete<void>(ApiRoutes.spaceMembership(id));
  }
  members(id: string): Observable<SpaceMemberDto[]> {
    return this.http.get<SpaceMemberDto[]>(ApiRoutes.spaceMembers(id));
  }
  makeAnimator(id: string, userId: string): Observable<unknown> {
    return this.http.put(ApiRoutes.spaceAnimator(id, userId), {});
  }
  removeAnimator(id: string, userId: string): Observable<void> {
    return this.http.delete<void>(ApiRoutes.spaceAnimator(id, userId));
  }
}
