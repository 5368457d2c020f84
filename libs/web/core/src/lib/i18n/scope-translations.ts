import { inject } from '@angular/core';
import { ResolveFn } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { Observable, catchError, forkJoin, map, of } from 'rxjs';

/**
 * Loads a lazy feature's translation scopes (in the current language) before its page shows:
 * the page then paints with its words, not empty and then pushed around by them (layout shift).
 * A scope that fails to load does not block the page (transloco falls back to the keys).
 */
export function loadScopes(transloco: TranslocoService, scopes: readonly string[]): Observable<true> {
  const lang = transloco.getActiveLang();
  return forkJoin(
    scopes.map((scope) => transloco.load(`${scope}/${lang}`).pipe(catchError(() => of(null)))),
  ).pipe(map(() => true as const));
}

/** A route `resolve` entry: `resolve: { translations: scopeTranslations('seminars') }`. */
export function scopeTranslations(...scopes: string[]): ResolveFn<true> {
  return () => loadScopes(inject(TranslocoService), scopes);
}
