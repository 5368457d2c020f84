import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, shareReplay } from 'rxjs';

/** An answer fetched ahead is used only this soon after it was asked for. */
const FRESH_MS = 10_000;

/**
 * GET requests started before the page that needs them has loaded (the `/` shell asks for a
 * home's data while the home's code is still on its way): the page's first `get` of that URL
 * takes the answer — once, and only while fresh — and any other `get` goes to the network.
 */
@Injectable({ providedIn: 'root' })
export class Prefetch {
  private readonly http = inject(HttpClient);
  private readonly ahead = new Map<string, { at: number; answer: Observable<unknown> }>();

  warm(urls: readonly string[]): void {
    const now = Date.now();
    for (const url of urls) {
      const known = this.ahead.get(url);
      if (known && now - known.at < FRESH_MS) continue;
      const answer = this.http.get(url).pipe(shareReplay(1));
      answer.subscribe({ error: () => undefined });
      this.ahead.set(url, { at: now, answer });
    }
  }

  get<T>(url: string): Observable<T> {
    const known = this.ahead.get(url);
    this.ahead.delete(url);
    return known && Date.now() - known.at < FRESH_MS
      ? (known.answer as Observable<T>)
      : this.http.get<T>(url);
  }
}
