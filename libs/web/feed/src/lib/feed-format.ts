/**
 * Pure rules of the feed page (no Angular, unit-tested in node): where an item leads and how
 * long ago it happened, in the reader's language.
 */
import {
  ActivityItem,
  ActivityKind,
  FORMAT_LOCALES,
  Language,
  formatDateTime,
  parseIsoDate,
} from '@pratique/contracts';

/** Route segments of the item's subject. */
export function activityLink(item: Pick<ActivityItem, 'kind' | 'subjectId'>): string[] {
  switch (item.kind) {
    case ActivityKind.SeminarOpened:
      return ['/seminars', item.subjectId];
    case ActivityKind.ThreadStarted:
    case ActivityKind.AnswerAccepted:
      return ['/discussions', item.subjectId];
    case ActivityKind.ResourcePublished:
      return ['/resources', item.subjectId];
    case ActivityKind.ModulePublished:
    case ActivityKind.CompletionShared:
      return ['/modules', item.subjectId];
  }
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60],
  ['hour', 3600],
  ['day', 86400],
];

/** "il y a 5 minutes", "hier", "قبل 3 ساعات" up to a week; then the date. */
export function activityAge(iso: string, lang: Language, now = Date.now()): string {
  const d = parseIsoDate(iso);
  if (!d) return '';
  const seconds = Math.round((now - d.getTime()) / 1000);
  if (seconds < 0 || seconds >= 7 * 86400) return formatDateTime(iso, lang);
  const rtf = new Intl.RelativeTimeFormat(FORMAT_LOCALES[lang], { numeric: 'auto' });
  if (seconds < 60) return rtf.format(0, 'second');
  let chosen: [Intl.RelativeTimeFormatUnit, number] = UNITS[0];
  for (const u of UNITS) if (seconds >= u[1]) chosen = u;
  return rtf.format(-Math.floor(seconds / chosen[1]), chosen[0]);
}
