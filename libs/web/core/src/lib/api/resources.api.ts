import { HttpClient, HttpEvent, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  CreateResourceRequest,
  ModerationQueue,
  Page,
  ResourceDetail,
  ResourceListQuery,
  ResourceSummary,
  ReviewRequest,
  ReviewResult,
  ReviewView,
  UpdateResourceRequest,
  UploadedFile,
} from '@pratique/contracts';
import { Observable } from 'rxjs';

function params(query: object): HttpParams {
  let p = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    p = p.set(key, String(value));
  }
  return p;
}

/** The toolbox of a space: resources, moderation, reviews and reports. `space` is an id or a slug. */
@Injectable({ providedIn: 'root' })
export class ResourcesApi {
  private readonly http = inject(HttpClient);

  list(space: string, query: ResourceListQuery = {}): Observable<Page<ResourceSummary>> {
    return this.http.get<Page<ResourceSummary>>(ApiRoutes.spaceResources(space), { params: params(query) });
  }
  mine(space: string): Observable<ResourceSummary[]> {
    return this.http.get<ResourceSummary[]>(`${ApiRoutes.spaceResources(space)}/mine`);
  }
  get(id: string): Observable<ResourceDetail> {
    return this.http.get<ResourceDetail>(ApiRoutes.resource(id));
  }
  /** Uploads a file for a future file/template resource; emits progress events. */
  upload(space: string, file: File): Observable<HttpEvent<UploadedFile>> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<UploadedFile>(ApiRoutes.spaceResourceFiles(space), form, {
      reportProgress: true,
      observe: 'events',
    });
  }
  create(space: string, body: CreateResourceRequest): Observable<ResourceDetail> {
    return this.http.post<ResourceDetail>(ApiRoutes.spaceResources(space), body);
  }
  update(id: string, body: UpdateResourceRequest): Observable<ResourceDetail> {
    return this.http.patch<ResourceDetail>(ApiRoutes.resource(id), body);
  }
  reviews(id: string, page = 1): Observable<Page<ReviewView>> {
    return this.http.get<Page<ReviewView>>(ApiRoutes.resourceReviews(id), { params: params({ page }) });
  }
  review(id: string, body: ReviewRequest): Observable<ReviewResult> {
    return this.http.put<ReviewResult>(ApiRoutes.resourceMyReview(id), body);
  }
  report(id: string, reason: string): Observable<{ id: string }> {
    return this.http.post<{ id: string }>(ApiRoutes.resourceReports(id), { reason });
  }
  moderation(space: string): Observable<ModerationQueue> {
    return this.http.get<ModerationQueue>(ApiRoutes.spaceResourceModeration(space));
  }
  approve(id: string): Observable<ResourceDetail> {
    return this.http.post<ResourceDetail>(ApiRoutes.resourceApprove(id), {});
  }
  reject(id: string, reason: string): Observable<ResourceDetail> {
    return this.http.post<ResourceDetail>(ApiRoutes.resourceReject(id), { reason });
  }
  unpublish(id: string, reason?: string): Observable<ResourceDetail> {
    return this.http.post<ResourceDetail>(ApiRoutes.resourceUnpublish(id), reason ? { reason } : {});
  }
  dismissReport(reportId: string): Observable<void> {
    return this.http.post<void>(ApiRoutes.resourceReportDismiss(reportId), {});
  }
}
