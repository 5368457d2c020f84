/**
 * Pure language rules of the web app (no Angular here, so they are unit-tested in node):
 * which language to start in, and which `lang`/`dir` the document gets.
 */
import { DEFAULT_LANGUAGE, Language, LANGUAGES, directionOf } from '@pratique/contracts';

export const LANGUAGE_STORAGE_KEY = 'pratique.language';

/** Names of the languages in themselves (never translated: a reader looks for their own). */
export const LANGUAGE_ENDONYMS: Record<Language, string> = {
  fr: 'Français',
  ar: 'العربية',
  en: 'English',
};

/** `'ar'`, `'AR'`, `'ar-TN'`, `'fr_FR'` → the supported language, anything else → null. */
export function parseLanguage(value: unknown): Language | null {
  if (typeof value !== 'string') return null;
  const base = value.trim().toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : null;
}

/**
 * The language to start in: the one the reader chose last time on this device, else French
 * (the community's default, whatever the browser says).
 */
export function initialLanguage(stored: string | null | undefined): Language {
  return parseLanguage(stored) ?? DEFAULT_LANGUAGE;
}

/** Attributes of `<html>` for a language. */
export function documentAttributesFor(lang: Language): { lang: Language; dir: 'rtl' | 'ltr' } {
  return { lang, dir: directionOf(lang) };
}

/**
 * Arrow keys in a horizontal widget (tabs) follow the reading direction: in Arabic the
 * "next" tab is on the left. Returns +1, -1 or 0.
 */
export function arrowStep(key: string, dir: 'rtl' | 'ltr'): number {
  if (key === 'ArrowRight') return dir === 'rtl' ? -1 : 1;
  if (key === 'ArrowLeft') return dir === 'rtl' ? 1 : -1;
  return 0;
}
