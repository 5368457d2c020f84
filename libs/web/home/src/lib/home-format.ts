import { FORMAT_LOCALES, Language, parseIsoDate } from '@pratique/contracts';

/** "7 déc. 2026", "7 Dec 2026", "7 ديسمبر 2026": the month in words, in the reader's locale; "" when absent. */
export function formatDay(iso: string | null | undefined, lang: Language): string {
  const d = parseIsoDate(iso);
  return d
    ? new Intl.DateTimeFormat(FORMAT_LOCALES[lang], {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
      }).format(d)
    : '';
}

/** A YYYY-MM-DD week end as a short day and month ("7 déc."), read as a calendar date (no time zone shift). */
export function formatWeek(day: string, lang: Language): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Intl.DateTimeFormat(FORMAT_LOCALES[lang], {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** An integer in the reader's locale (grouping as the locale does). */
export function formatCount(n: number, lang: Language): string {
  return new Intl.NumberFormat(FORMAT_LOCALES[lang]).format(n);
}

/** A 0–1 ratio as a whole percent in the reader's locale ("85 %", "85%"). */
export function formatRatio(ratio: number, lang: Language): string {
  const r = Number.isFinite(ratio) ? Math.min(Math.max(ratio, 0), 1) : 0;
  return new Intl.NumberFormat(FORMAT_LOCALES[lang], { style: 'percent', maximumFractionDigits: 0 }).format(
    r,
  );
}

/** A 0–100 percent, floored like the gate, in the reader's locale. */
export function formatPercent(percent: number, lang: Language): string {
  return formatRatio(Math.floor(Math.min(Math.max(percent, 0), 100)) / 100, lang);
}

/** "il y a 3 jours" / "3 days ago", from `now`; whole days, "today" below one. */
export function formatAge(iso: string, lang: Language, now: Date = new Date()): string {
  const d = parseIsoDate(iso);
  if (!d) return '';
  const days = Math.floor((now.getTime() - d.getTime()) / 86_400_000);
  return new Intl.RelativeTimeFormat(FORMAT_LOCALES[lang], { numeric: 'auto' }).format(
    -Math.max(days, 0),
    'day',
  );
}

/** Seats left, never negative. */
export function seatsLeft(capacity: number, taken: number): number {
  return Math.max(capacity - taken, 0);
}
