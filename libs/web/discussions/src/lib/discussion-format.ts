/** Pure helpers of the discussion pages (no Angular): dates in the reader's language, page title. */
import { FORMAT_LOCALES, Language } from '@pratique/contracts';

const LOCALES = FORMAT_LOCALES;

export function formatDate(iso: string | null | undefined, lang: Language): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(LOCALES[lang], {
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
  }).format(date);
}
