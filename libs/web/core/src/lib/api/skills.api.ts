import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  AttestationQuery,
  ContributorProfile,
  Recommendations,
  SkillListQuery,
  SkillMatch,
  SkillOffer,
  SkillOfferInput,
  SkillOfferPage,
  SkillRequest,
  SkillRequestInput,
  SkillRequestPage,
  SkillRoutes,
  SkillSession,
  SkillSessionProposal,
  SkillSessionRatingInput,
  UpdateSkillOfferInput,
  UpdateSkillRequestInput,
} from '@pratique/contracts';
import { Observable } from 'rxjs';

function params(query: object): HttpParams {
  let p = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    p = p.set(key, String(value));
  }
  return p;
}

/**
 * Skills donation: offers and requests (with their suggested matches), sessions between the two
 * and their ratings, a contributor's recognition (counts, badges, attestation) and the signed-in
 * member's "For you" recommendations.
 */
@Injectable({ providedIn: 'root' })
export class SkillsApi {
  private readonly http = inject(HttpClient);

  offers(query: SkillListQuery = {}): Observable<SkillOfferPage> {
    return this.http.get<SkillOfferPage>(SkillRoutes.offers, { params: params(query) });
  }
  offer(id: string): Observable<SkillOffer> {
    return this.http.get<SkillOffer>(SkillRoutes.offer(id));
  }
  createOffer(body: SkillOfferInput): Observable<SkillOffer> {
    return this.http.post<SkillOffer>(SkillRoutes.offers, body);
  }
  updateOffer(id: string, body: UpdateSkillOfferInput): Observable<SkillOffer> {
    return this.http.patch<SkillOffer>(SkillRoutes.offer(id), body);
  }
  /** Requests the offer fits, best first. */
  offerMatches(id: string): Observable<SkillMatch<SkillRequest>[]> {
    return this.http.get<SkillMatch<SkillRequest>[]>(SkillRoutes.offerMatches(id));
  }
  flaggedOffers(): Observable<SkillOffer[]> {
    return this.http.get<SkillOffer[]>(SkillRoutes.flaggedOffers);
  }

  requests(query: SkillListQuery = {}): Observable<SkillRequestPage> {
    return this.http.get<SkillRequestPage>(SkillRoutes.requests, { params: params(query) });
  }
  request(id: string): Observable<SkillRequest> {
    return this.http.get<SkillRequest>(SkillRoutes.request(id));
  }
  createRequest(body: SkillRequestInput): Observable<SkillRequest> {
    return this.http.post<SkillRequest>(SkillRoutes.requests, body);
  }
  updateRequest(id: string, body: UpdateSkillRequestInput): Observable<SkillRequest> {
    return this.http.patch<SkillRequest>(SkillRoutes.request(id), body);
  }
  /** Offers suggested for the request, best first. */
  requestMatches(id: string): Observable<SkillMatch<SkillOffer>[]> {
    return this.http.get<SkillMatch<SkillOffer>[]>(SkillRoutes.requestMatches(id));
  }

  /** The caller's sessions, both sides. */
  sessions(): Observable<SkillSession[]> {
    return this.http.get<SkillSession[]>(SkillRoutes.sessions);
  }
  propose(body: SkillSessionProposal): Observable<SkillSession> {
    return this.http.post<SkillSession>(SkillRoutes.sessions, body);
  }
  accept(id: string): Observable<SkillSession> {
    return this.http.post<SkillSession>(SkillRoutes.sessionAccept(id), {});
  }
  decline(id: string): Observable<SkillSession> {
    return this.http.post<SkillSession>(SkillRoutes.sessionDecline(id), {});
  }
  cancel(id: string): Observable<SkillSession> {
    return this.http.post<SkillSession>(SkillRoutes.sessionCancel(id), {});
  }
  markDone(id: string): Observable<SkillSession> {
    return this.http.post<SkillSession>(SkillRoutes.sessionDone(id), {});
  }
  rate(id: string, body: SkillSessionRatingInput): Observable<SkillSession> {
    return this.http.put<SkillSession>(SkillRoutes.sessionRating(id), body);
  }
  /** The .ics file of an accepted session (a plain link in the page; here for completeness). */
  calendarUrl(id: string): string {
    return SkillRoutes.sessionIcs(id);
  }

  contributor(userId: string): Observable<ContributorProfile> {
    return this.http.get<ContributorProfile>(SkillRoutes.contributor(userId));
  }
  /** The attestation PDF's address for a period (a download link; the browser sends the cookie). */
  attestationUrl(userId: string, query: AttestationQuery): string {
    return `${SkillRoutes.attestation(userId)}?${params(query).toString()}`;
  }
  /** The attestation PDF for a period, as a file to save (errors come back as `ApiError`). */
  attestation(userId: string, query: AttestationQuery): Observable<Blob> {
    return this.http.get(SkillRoutes.attestation(userId), { params: params(query), responseType: 'blob' });
  }

  recommendations(): Observable<Recommendations> {
    return this.http.get<Recommendations>(SkillRoutes.recommendations);
  }
}
