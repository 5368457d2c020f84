import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  MemberCard,
  MemberProfileDto,
  MemberSearchQuery,
  MyProfile,
  Page,
  UpdateMyProfileRequest,
} from '@pratique/contracts';
import { Observable } from 'rxjs';

/** The member directory (signed-in members only): search, a member's page, following, my profile. */
@Injectable({ providedIn: 'root' })
export class MembersApi {
  private readonly http = inject(HttpClient);

  search(query: MemberSearchQuery = {}): Observable<Page<MemberCard>> {
    let params = new HttpParams();
    if (query.q) params = params.set('q', query.q);
    if (query.skill) params = params.set('skill', query.skill);
    if (query.regionId) params = params.set('regionId', query.regionId);
    if (query.organisationId) params = params.set('organisationId', query.organisationId);
    if (query.followed) params = params.set('followed', 'true');
    if (query.page) params = params.set('page', query.page);
    if (query.pageSize) params = params.set('pageSize', query.pageSize);
    return this.http.get<Page<MemberCard>>(ApiRoutes.members, { params });
  }
  get(id: string): Observable<MemberProfileDto> {
    return this.http.get<MemberProfileDto>(ApiRoutes.member(id));
  }
  follow(id: string): Observable<void> {
    return this.http.put<void>(ApiRoutes.memberFollow(id), {});
  }
  unfollow(id: string): Observable<void> {
    return this.http.delete<void>(ApiRoutes.memberFollow(id));
  }
  myProfile(): Observable<MyProfile> {
    return this.http.get<MyProfile>(ApiRoutes.myProfile);
  }
  updateMyProfile(body: UpdateMyProfileRequest): Observable<MyProfile> {
    return this.http.put<MyProfile>(ApiRoutes.myProfile, body);
  }
}
