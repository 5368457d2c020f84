/**
 * Pure helpers of the seminar pages (no Angular, unit-tested in node): dates and percents in the
 * reader's language, `datetime-local` values ↔ ISO UTC, the rule in words, the reader's badge
 * and why registering is refused — said in the reader's language rather than the API's English.
 */
import {
  EligibilityRule,
  Language,
  RegistrationStatus,
  SeminarStatus,
  SeminarSummary,
  FORMAT_LOCALES,
  formatDateTime,
  parseIsoDate,
} from '@pratique/contracts';

const LOCALES = FORMAT_LOCALES;
const valid = parseIsoDate;

/** A translation key of the seminars scope, with its parameters. */
export interface Phrase {
  key: string;
  params?: Record<string, unknown>;
}

/** "1 déc. 2026, 09:00" in the reader's language and time zone (written once in the contracts). */
export { formatDateTime };

/** "1 déc. 2026, 09:00 – 13:00" (the date once when both ends fall on the same day). */
export function formatDateRange(start: string, end: string, lang: Language): string {
  const a = valid(start);
  const b = valid(end);
  if (!a || !b) return formatDateTime(start, lang);
  return new Intl.DateTimeFormat(LOCALES[lang], {
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
  }).formatRange(a, b);
}

export function formatPercent(percent: number | null | undefined, lang: Language): string {
  const value = typeof percent === 'number' && Number.isFinite(percent) ? percent : 0;
  return new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 1 }).format(
    Math.min(100, Math.max(0, value)) / 100,
  );
}

export function formatNumber(value: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALES[lang]).format(value);
}

/** A `datetime-local` value ("2026-12-01T09:00", the reader's local time) → ISO UTC, or null. */
export function localInputToIso(value: string | null | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const d = new Date(value); // no offset: parsed as local time
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** ISO → the `datetime-local` value of the same instant in the reader's local time. */
export function isoToLocalInput(iso: string | null | undefined): string {
  const d = valid(iso);
  if (!d) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}`
  );
}

/** A `YYYY-MM-DD` date input → ISO at the local start (or end) of that day. */
export function dateInputToIso(value: string | null | undefined, endOfDay = false): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  return localInputToIso(`${value}T${endOfDay ? '23:59:59' : '00:00'}`) ?? undefined;
}

/**
 * The rule in words: "Complete at least 50 % of 2 of these 3 modules". Same minimum everywhere →
 * the percent is said once; different minimums → "meet 2 of these 3 requirements".
 */
export function ruleSentence(rule: EligibilityRule, lang: Language): Phrase {
  const n = rule.requirements.length;
  if (n === 0) return { key: 'seminars.rule.none' };
  const k = Math.min(Math.max(rule.k, 1), n);
  const minimums = new Set(rule.requirements.map((r) => r.minPercent));
  const same = minimums.size === 1;
  const percent = formatPercent(rule.requirements[0].minPercent, lang);
  if (n === 1) return { key: 'seminars.rule.one', params: { percent } };
  if (same)
    return { key: k === n ? 'seminars.rule.allSame' : 'seminars.rule.kSame', params: { k, n, percent } };
  return { key: k === n ? 'seminars.rule.allMixed' : 'seminars.rule.kMixed', params: { k, n } };
}

export function seatsLeft(s: Pick<SeminarSummary, 'capacity' | 'seatsTaken'>): number {
  return Math.max(0, s.capacity - s.seatsTaken);
}

export type BadgeTone = 'member' | 'accent' | 'muted' | 'plain';

/** The reader's badge on a seminar: their registration if any, else eligible / not yet. */
export function myBadge(
  s: Pick<SeminarSummary, 'myEligible' | 'myRegistration'>,
  extra: { waitlistPosition?: number | null; met?: number | null; k?: number } = {},
): (Phrase & { tone: BadgeTone }) | null {
  switch (s.myRegistration) {
    case RegistrationStatus.Confirmed:
      return { key: 'seminars.badge.registered', tone: 'member' };
    case RegistrationStatus.Attended:
      return { key: 'seminars.badge.attended', tone: 'member' };
    case RegistrationStatus.Pending:
      return { key: 'seminars.badge.pending', tone: 'accent' };
    case RegistrationStatus.Waitlisted:
      return extra.waitlistPosition
        ? { key: 'seminars.badge.waitlistedAt', params: { position: extra.waitlistPosition }, tone: 'accent' }
        : { key: 'seminars.badge.waitlisted', tone: 'accent' };
    case RegistrationStatus.NoShow:
      return { key: 'seminars.badge.noShow', tone: 'muted' };
    case RegistrationStatus.Declined:
      return { key: 'seminars.badge.declined', tone: 'muted' };
    default:
      break;
  }
  if (s.myEligible === true) return { key: 'seminars.badge.eligible', tone: 'member' };
  if (s.myEligible === false) {
    return typeof extra.met === 'number' && extra.k
      ? { key: 'seminars.badge.notYetMet', params: { met: extra.met, k: extra.k }, tone: 'muted' }
      : { key: 'seminars.badge.notYet', tone: 'muted' };
  }
  return null;
}

/**
 * Why registering is refused now, in the reader's language (the same checks as the API's
 * `registrationBlocked`); null when registrations are open.
 */
export function blockedReason(
  s: Pick<SeminarSummary, 'status' | 'registrationOpensAt' | 'registrationClosesAt' | 'startsAt'>,
  lang: Language,
  now = new Date(),
): Phrase | null {
  if (s.status === SeminarStatus.Cancelled) return { key: 'seminars.blocked.cancelled' };
  if (s.status === SeminarStatus.Done || new Date(s.startsAt) <= now) return { key: 'seminars.blocked.past' };
  if (s.status !== SeminarStatus.Open) return { key: 'seminars.blocked.notOpen' };
  if (new Date(s.registrationOpensAt) > now)
    return { key: 'seminars.blocked.opensOn', params: { date: formatDateTime(s.registrationOpensAt, lang) } };
  if (new Date(s.registrationClosesAt) <= now) return { key: 'seminars.blocked.closed' };
  return null;
}

/** Status changes staff may make from each status (mirrors the API's transitions). */
export const NEXT_STATUSES: Record<SeminarStatus, SeminarStatus[]> = {
  [SeminarStatus.Draft]: [SeminarStatus.Open, SeminarStatus.Cancelled],
  [SeminarStatus.Open]: [
    SeminarStatus.Closed,
    SeminarStatus.Done,
    SeminarStatus.Draft,
    SeminarStatus.Cancelled,
  ],
  [SeminarStatus.Closed]: [SeminarStatus.Open, SeminarStatus.Done, SeminarStatus.Cancelled],
  [SeminarStatus.Cancelled]: [],
  [SeminarStatus.Done]: [],
};
