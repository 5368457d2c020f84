import { Signal, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';

/**
 * A signal that changes whenever a translation file finishes loading: a `computed` that calls
 * `translate()` (words drawn in a chart's canvas, which no pipe reaches) reads it so it runs again
 * once the scope's file for the current language has arrived. Call in an injection context.
 */
export function translationsTick(): Signal<number> {
  const tick = signal(0);
  inject(TranslocoService)
    .events$.pipe(takeUntilDestroyed())
    .subscribe((e) => {
      if (e.type === 'translationLoadSuccess') tick.update((n) => n + 1);
    });
  return tick;
}
