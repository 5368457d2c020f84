import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ApiRoutes, FeedPage, FeedQuery } from '@pratique/contracts';
import { Observable } from 'rxjs';

/** The activity feed (mine, or a region's for its staff) and sharing a completion in it. */
@Injectable({ providedIn: 'root' })
export class FeedApi {
  private readonly http = inject(HttpClient);

  mine(query: FeedQuery = {}): Observable<FeedPage> {
    return this.http.get<FeedPage>(ApiRoutes.feed, { params: params(query) });
  }
  region(regionId: string, query: FeedQuery = {}): Observable<FeedPage> {
    return this.http.get<FeedPage>(ApiRoutes.regionFeed(regionId), { params: params(query) });
  }
  shareCompletion(moduleId: string, shared: boolean): Observable<void> {
    return shared
      ? this.http.put<void>(ApiRoutes.completionShare(moduleId), {})
      : this.http.delete<void>(ApiRoutes.completionShare(moduleId));
  }
}

function params(query: FeedQuery): HttpParams {
  let p = new HttpParams();
  if (query.before) p = p.set('before', query.before);
  if (query.limit) p = p.set('limit', String(query.limit));
  return p;
}
