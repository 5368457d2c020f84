/**
 * What the skills pages share: the `<title>` from a key of the `skills` scope, `datetime-local`
 * values ↔ ISO, dates and ratings in the reader's language, regions by id, and the styles the
 * global stylesheet does not cover (logical properties only, so Arabic needs nothing more).
 */
import { effect, inject, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Title } from '@angular/platform-browser';
import { TranslocoService } from '@jsverse/transloco';
import { FORMAT_LOCALES, Language, SkillRatingSummary, parseIsoDate } from '@pratique/contracts';
import { APP_NAME, DirectoryApi, FormFeedback, LanguageService } from '@pratique/web/core';
import { catchError, of } from 'rxjs';

export { formatDateTime } from '@pratique/contracts';

/** A translation key of the skills scope, with its parameters. */
export interface Phrase {
  key: string;
  params?: Record<string, unknown>;
}

/** `<title>` from a key of the skills scope (loaded first: the title strategy knows only the root files) or a text. */
export function skillsPageTitle(source: () => Phrase | { text: string } | null): void {
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
    const sub = transloco.load(`skills/${lang}`).subscribe({
      next: () => title.setTitle(`${transloco.translate(p.key, p.params ?? {})} · ${APP_NAME}`),
      error: () => undefined,
    });
    onCleanup(() => sub.unsubscribe());
  });
}

/** The regions (id → name), loaded once per page; an empty list when they cannot be read. */
export function regionNames() {
  const regions = toSignal(
    inject(DirectoryApi)
      .regions()
      .pipe(catchError(() => of([]))),
    { initialValue: [] },
  );
  return {
    list: regions,
    name: (id: string | null | undefined): string | null =>
      id ? (regions().find((r) => r.id === id)?.name ?? null) : null,
  };
}

/** A `datetime-local` value (the reader's local time) → ISO UTC, or null. */
export function localInputToIso(value: string | null | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** A Date → the `datetime-local` value of the same instant in the reader's local time. */
export function dateToLocalInput(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "YYYY-MM-DD" of a Date in local time (for `<input type="date">`). */
export function dateToDateInput(d: Date): string {
  return dateToLocalInput(d).slice(0, 10);
}

/** "1 déc. 2026, 09:00 – 11:00" (the date once when both ends fall on the same day). */
export function formatDateRange(start: string, end: string, lang: Language): string {
  const a = parseIsoDate(start);
  const b = parseIsoDate(end);
  if (!a || !b) return '';
  return new Intl.DateTimeFormat(FORMAT_LOCALES[lang], {
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
  }).formatRange(a, b);
}

/** A `YYYY-MM-DD` date in the reader's language ("12 mars 2026"). */
export function formatDay(day: string | null | undefined, lang: Language): string {
  if (!day || !/^\d{4}-\d{2}-\d{2}/.test(day)) return '';
  const [y, m, d] = day.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(FORMAT_LOCALES[lang], { dateStyle: 'long' }).format(new Date(y, m - 1, d));
}

export function formatNumber(value: number | null | undefined, lang: Language, fraction = 0): string {
  if (value === null || value === undefined) return '';
  return new Intl.NumberFormat(FORMAT_LOCALES[lang], {
    minimumFractionDigits: fraction,
    maximumFractionDigits: Math.max(fraction, 1),
  }).format(value);
}

/** "Utilité 4,5 / 5 · Pédagogie 4,0 / 5 (2 avis)", or "not rated yet". */
export function ratingPhrase(rating: SkillRatingSummary, lang: Language): Phrase {
  if (!rating.count || rating.usefulness === null || rating.pedagogy === null)
    return { key: 'skills.rating.none' };
  return {
    key: 'skills.rating.summary',
    params: {
      usefulness: formatNumber(rating.usefulness, lang, 1),
      pedagogy: formatNumber(rating.pedagogy, lang, 1),
      count: rating.count,
    },
  };
}

/**
 * Drops a field's error as soon as the reader answers it (the value, read in `answered`, becomes
 * acceptable), so a corrected field stops saying it is wrong. Call in an injection context.
 */
export function clearWhenAnswered(fb: FormFeedback, answered: () => Record<string, boolean>): void {
  effect(() => {
    const ok = answered();
    untracked(() => {
      const fields = fb.fields();
      const keep = Object.fromEntries(Object.entries(fields).filter(([name]) => !ok[name]));
      if (Object.keys(keep).length !== Object.keys(fields).length) fb.fields.set(keep);
    });
  });
}

/** Server field paths ("skills.3", "formats.0") → the form's field names. */
export function baseField(field: string): string {
  return field.replace(/\.\d+$/, '');
}

/** Styles shared by the skills pages. */
export const SKILLS_STYLES = `
  :host { display: block; }
  .tags { list-style: none; padding: 0; margin: 0.35rem 0; display: flex; flex-wrap: wrap; gap: 0.35rem; }
  .meta { margin-block: 0.2rem; color: var(--c-muted); }
  .meta-label { font-weight: 600; color: var(--c-text); margin-inline-end: 0.3rem; }
  .user-text { white-space: pre-line; overflow-wrap: anywhere; }
  .item-list { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.9rem; }
  .item-list > li > .card { margin: 0; }
  .item-title { margin-block: 0 0.35rem; font-size: 1.15rem; overflow-wrap: anywhere; }
  .reasons { margin-block: 0.4rem; padding-inline-start: 1.25rem; }
  .reasons li { margin-block: 0.15rem; }
  .view-nav { display: flex; flex-wrap: wrap; gap: 0.25rem; border-block-end: 2px solid var(--c-border); margin-block-end: 1rem; }
  .view-nav a { padding: 0.55rem 0.85rem; font-weight: 600; color: var(--c-muted); text-decoration: none;
    border-block-end: 3px solid transparent; margin-block-end: -2px; }
  .view-nav a:hover { color: var(--c-text); }
  .view-nav a[aria-current='page'] { color: var(--c-primary-dark); border-block-end-color: var(--c-primary); }
  .check-row { display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; }
  .check-row label { font-weight: 400; display: inline-flex; gap: 0.4rem; align-items: center; }
  .check-row input { inline-size: 1.1rem; block-size: 1.1rem; margin: 0; }
  input[type='date'], input[type='datetime-local'], input[type='url'] {
    font: inherit; color: var(--c-text); background: #fff; border: 1px solid #6b7787; border-radius: 6px;
    padding: 0.45rem 0.6rem; inline-size: 100%; text-align: start;
  }
  .form { max-inline-size: 46rem; }
  .subsection { border-block-start: 1px solid var(--c-border); margin-block-start: 0.9rem; padding-block-start: 0.9rem; }
  .status-open { background: var(--c-success-bg); color: var(--c-success); }
  .status-closed { background: #ececec; color: #444; }
  h2 { margin-block-start: 0; }
  .page-title { margin-block: 0 0.5rem; overflow-wrap: anywhere; }
`;
