import { FORMAT_LOCALES, Language } from '@pratique/contracts';

/** CLDR plural categories; Arabic uses all six, French and English `one` and `other`. */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

const rules = new Map<Language, Intl.PluralRules>();

/**
 * The translation key of `base` for `n` in `lang`: `base.one`, `base.few`… as the language's
 * plural rules say (Arabic: 0 zero, 1 one, 2 two, 3–10 few, 11–99 many). Every language's file
 * holds the six keys, so no sentence ever falls back to "(s)".
 */
export function pluralKey(base: string, n: number, lang: Language): string {
  let r = rules.get(lang);
  if (!r) {
    r = new Intl.PluralRules(FORMAT_LOCALES[lang]);
    rules.set(lang, r);
  }
  return `${base}.${r.select(n) as PluralCategory}`;
}
