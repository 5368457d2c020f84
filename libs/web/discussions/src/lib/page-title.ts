import { effect, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { TranslocoService } from '@jsverse/transloco';
import { APP_NAME, LanguageService } from '@pratique/web/core';

/**
 * Sets `<title>` to "<page> · Pratique" from a key of the discussions scope (loaded first) or a
 * text written by someone (a thread's title). Follows language switches. Call in an injection context.
 */
export function discussionPageTitle(
  source: () => { key: string; params?: Record<string, unknown> } | { text: string } | null,
): void {
  const transloco = inject(TranslocoService);
  const title = inject(Title);
  const language = inject(LanguageService);
  effect((onCleanup) => {
    const lang = language.current();
    const p = source();
    if (!p) return;
    if ('text' in p) {
      if (p.text) title.setTitle(`${p.text} · ${APP_NAME}`);
      return;
    }
    const sub = transloco.load(`discussions/${lang}`).subscribe({
      next: () =>
        title.setTitle(`${transloco.translate(`discussions.${p.key}`, p.params ?? {})} · ${APP_NAME}`),
      error: () => undefined,
    });
    onCleanup(() => sub.unsubscribe());
  });
}
