import { FORMAT_LOCALES, Language } from '@pratique/contracts';

/** Dates in the reader's language (Intl, so no Angular locale data to register). */
export function formatDate(iso: string, lang: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(FORMAT_LOCALES[lang], { dateStyle: 'medium' }).format(date);
}
