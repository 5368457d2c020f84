import { Signal, computed } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Observable, catchError, map, of, startWith, switchMap } from 'rxjs';
import { ApiError, messageKeyForStatus } from '../http/api-error';

export type LoadState<T> =
  { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; messageKey: string };

export interface Loaded<T> {
  state: Signal<LoadState<T>>;
  /** The data once loaded, else null. */
  data: Signal<T | null>;
  /** The translation key of the error (a generic one while there is none). */
  errorKey: Signal<string>;
}

/**
 * Loads `load(query)` each time the query signal changes (the previous request is dropped),
 * exposing loading / ready / error as signals. Call in an injection context (a field initialiser).
 */
export function loadOnChange<Q, T>(query: Signal<Q>, load: (q: Q) => Observable<T>): Loaded<T> {
  const state = toSignal(
    toObservable(query).pipe(
      switchMap((q) =>
        load(q).pipe(
          map((data): LoadState<T> => ({ status: 'ready', data })),
          catchError((err) =>
            of<LoadState<T>>({
              status: 'error',
              messageKey: messageKeyForStatus(err instanceof ApiError ? err.status : 0),
            }),
          ),
          startWith<LoadState<T>>({ status: 'loading' }),
        ),
      ),
    ),
    { initialValue: { status: 'loading' } as LoadState<T> },
  );
  return {
    state,
    data: computed(() => {
      const s = state();
      return s.status === 'ready' ? s.data : null;
    }),
    errorKey: computed(() => {
      const s = state();
      return s.status === 'error' ? s.messageKey : 'errors.generic';
    }),
  };
}
