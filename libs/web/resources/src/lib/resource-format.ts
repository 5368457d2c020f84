import { effect, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { ActivatedRoute } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { FORMAT_LOCALES, Language, RTL_LANGUAGES } from '@pratique/contracts';
import { APP_NAME, ApiError, LanguageService, messageKeyForStatus } from '@pratique/web/core';

/** "★★★★☆" for an average (rounded to the nearest star); empty stars when unrated. */
export function starsText(average: number | null): string {
  const full = average === null ? 0 : Math.round(average);
  return '★'.repeat(full) + '☆'.repeat(5 - full);
}

export function formatAverage(average: number | null, lang: Language): string {
  if (average === null) return '';
  return new Intl.NumberFormat(FORMAT_LOCALES[lang], {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(average);
}

export function formatDate(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(FORMAT_LOCALES[lang], { dateStyle: 'medium' }).format(new Date(iso));
}

export const dirOf = (lang: Language): 'rtl' | 'ltr' => (RTL_LANGUAGES.includes(lang) ? 'rtl' : 'ltr');

/** A route parameter from this route or any parent (the space slug lives on the parent). */
export function routeParam(name: string): string {
  const route = inject(ActivatedRoute);
  for (const r of [...route.snapshot.pathFromRoot].reverse()) {
    const v = r.paramMap.get(name);
    if (v) return v;
  }
  return '';
}

/** What a failed request tells the reader: a translated general message and the server's reasons per field. */
export interface Failure {
  key: string;
  fields: Record<string, string>;
}
export function failureOf(err: unknown): Failure {
  if (err instanceof ApiError)
    return { key: messageKeyForStatus(err.status), fields: { ...err.fieldErrors } };
  return { key: 'errors.generic', fields: {} };
}

/** `<title>` from a key of the resources scope, or a text; follows language switches. */
export function resourcePageTitle(source: () => { key: string } | { text: string } | null): void {
  const transloco = inject(TranslocoService);
  const title = inject(Title);
  const language = inject(LanguageService);
  effect((onCleanup) => {
    const lang = language.current();
    const p = source();
    if (!p) return;
    if ('text' in p) {
      title.setTitle(`${p.text} · ${APP_NAME}`);
      return;
    }
    const sub = transloco.load(`resources/${lang}`).subscribe({
      next: () => title.setTitle(`${transloco.translate(p.key)} · ${APP_NAME}`),
      error: () => undefined,
    });
    onCleanup(() => sub.unsubscribe());
  });
}

/** Styles shared by the toolbox pages; logical properties only. */
export const RESOURCE_STYLES = `
  .stars { color: #7a4f00; letter-spacing: 0.05em; }
  .rating-line { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: baseline; margin: 0; }
  .tags { display: flex; flex-wrap: wrap; gap: 0.35rem; list-style: none; padding: 0; margin: 0.4rem 0 0; }
  .tag { background: #eef2f7; color: #1f2d3d; border-radius: 999px; padding: 0.1rem 0.6rem; font-size: 0.88rem; overflow-wrap: anywhere; }
  .resource-list { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.9rem; }
  .resource-card h3 { margin-block: 0 0.35rem; overflow-wrap: anywhere; }
  .resource-card p { margin-block: 0.25rem; }
  .status-pending { background: #fff4d6; color: #5c4100; }
  .status-rejected, .status-hidden { background: #fde8e8; color: #7a1010; }
  .status-published { background: #e3f4e8; color: #14532d; }
  .excerpt { color: #3d4a5c; overflow-wrap: anywhere; }
  .head-actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-block: 0.5rem 1rem; }
  textarea { font: inherit; inline-size: 100%; min-block-size: 6rem; padding: 0.45rem 0.6rem; border: 1px solid #6b7787; border-radius: 6px; }
  input[type='url'], input[type='file'] { font: inherit; inline-size: 100%; }
  input[type='url'] { padding: 0.45rem 0.6rem; border: 1px solid #6b7787; border-radius: 6px; }
  progress { inline-size: 100%; }
  .radio-row { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; }
  .radio-row label { font-weight: 400; display: inline-flex; gap: 0.35rem; align-items: center; }
  .description :is(p, ul, ol) { margin-block: 0.5rem; }
  .description { overflow-wrap: anywhere; }
  .review { border-block-start: 1px solid #d9dee5; padding-block: 0.6rem; }
  .review:first-child { border-block-start: 0; }
  .user-text { overflow-wrap: anywhere; }
`;
