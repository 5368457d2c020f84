/** Languages of the interface and of what people write. French is the default. */
export const LANGUAGES = ['fr', 'ar', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fr';
export const RTL_LANGUAGES: readonly Language[] = ['ar'];

/** A text people write, given per language, field by field (never markup filters inside one text). */
export type LocalizedText = Partial<Record<Language, string>>;

/**
 * Picks the text to show: the reader's language, else the item's original language, else any.
 * Returns the language actually used so the caller can set `dir`/`lang` on the element.
 */
export function pickLocalized(
  text: LocalizedText | null | undefined,
  wanted: Language,
  original: Language,
): { text: string; lang: Language; dir: 'rtl' | 'ltr' } {
  const order: Language[] = [wanted, original, ...LANGUAGES];
  for (const lang of order) {
    const value = text?.[lang];
    if (value && value.trim() !== '') return { text: value, lang, dir: directionOf(lang) };
  }
  return { text: '', lang: original, dir: directionOf(original) };
}

export function directionOf(lang: Language): 'rtl' | 'ltr' {
  return RTL_LANGUAGES.includes(lang) ? 'rtl' : 'ltr';
}

/** The locale each UI language formats dates and numbers with. */
export const FORMAT_LOCALES: Readonly<Record<Language, string>> = { fr: 'fr-TN', ar: 'ar-TN', en: 'en-GB' };

/** An ISO date-time as a Date, or null when absent or malformed. */
export function parseIsoDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "1 déc. 2026, 09:00" in the reader's language (and the runtime's time zone); "" when no date. */
export function formatDateTime(iso: string | null | undefined, lang: Language): string {
  const d = parseIsoDate(iso);
  return d ? new Intl.DateTimeFormat(FORMAT_LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(d) : '';
}
