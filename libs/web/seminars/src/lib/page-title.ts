import { effect, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { TranslocoService } from '@jsverse/transloco';
import { APP_NAME, LanguageService } from '@pratique/web/core';
import { Phrase } from './seminar-format';

/**
 * Sets `<title>` to "<page> · Pratique" from a key of the seminars scope (loaded first, since the
 * app's title strategy only knows the global translations) or from a text (a seminar's title).
 * Follows language switches. Call in an injection context.
 */
export function seminarPageTitle(source: () => Phrase | { text: string } | null): void {
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
    const sub = transloco.load(`seminars/${lang}`).subscribe({
      next: () => title.setTitle(`${transloco.translate(p.key, p.params ?? {})} · ${APP_NAME}`),
      error: () => undefined,
    });
    onCleanup(() => sub.unsubscribe());
  });
}
