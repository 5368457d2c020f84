/**
 * Pure rules of recognition: who sees a contributor's page or their attestation, hours rounded
 * to the half hour, the attestation's period (calendar dates, UTC) and its file name.
 */
import { Actor, isAdmin, isStaffAnywhere } from '@pratique/api/accounts';

/** What the rules need to know about the member being looked at. */
export interface ContributorRef {
  id: string;
  /** `member_profile.listed` (true without a profile row). */
  listed: boolean;
  /** Deleted or suspended: not shown to anyone. */
  gone: boolean;
}

export const RecognitionPolicy = {
  /** Signed-in members see listed contributors; an unlisted one is seen by themself, staff and admins. */
  view: (actor: Actor | null, member: ContributorRef): boolean =>
    actor !== null &&
    !member.gone &&
    (member.listed || actor.id === member.id || isAdmin(actor) || isStaffAnywhere(actor)),
  /** The attestation is the member's own document: themself, or an admin. */
  attest: (actor: Actor | null, member: ContributorRef): boolean =>
    actor !== null && !member.gone && (actor.id === member.id || isAdmin(actor)),
} as const;

/** Seconds as hours, rounded to the nearest half hour (1 h 14 → 1, 1 h 15 → 1.5). */
export function toHalfHours(seconds: number): number {
  return Math.round(Math.max(0, seconds) / 1800) / 2;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` as midnight UTC, or null when it is not a real date (2025-02-30). */
export function parseCalendarDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value ? d : null;
}

const DAY_MS = 24 * 3600 * 1000;

/** Whole days from `from` to `to` (both calendar dates); null when either is not a date. */
export function daysBetween(from: unknown, to: unknown): number | null {
  const a = parseCalendarDate(from);
  const b = parseCalendarDate(to);
  return a && b ? Math.round((b.getTime() - a.getTime()) / DAY_MS) : null;
}

/** The half-open instant range `[from 00:00 UTC, to + 1 day 00:00 UTC)` of an inclusive period. */
export function periodBounds(from: string, to: string): { start: Date; end: Date } {
  const start = parseCalendarDate(from);
  const last = parseCalendarDate(to);
  if (!start || !last) throw new Error(`periodBounds: not calendar dates: ${from}, ${to}`);
  return { start, end: new Date(last.getTime() + DAY_MS) };
}

/**
 * The attestation's file name: `attestation-<name>-<from>_<to>.pdf`. `ascii` is for the plain
 * `filename=` parameter (accents folded, anything else a dash; "membre" when nothing is left, as
 * for an Arabic name); `utf8` keeps the name's letters, for `filename*=` (RFC 6266).
 */
export function attestationFilename(name: string, from: string, to: string): { ascii: string; utf8: string } {
  const period = `${from}_${to}`;
  const ascii =
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()
      .slice(0, 60) || 'membre';
  const utf8 =
    name
      .normalize('NFC')
      // Controls, format characters (bidi overrides), and what file systems or the header refuse.
      .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu, '')
      .replace(/[/\\<>:"|?*%;,'`]/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .slice(0, 60) || ascii;
  return { ascii: `attestation-${ascii}-${period}.pdf`, utf8: `attestation-${utf8}-${period}.pdf` };
}

/** The `Content-Disposition` header of the attestation. */
export function attestationDisposition(name: string, from: string, to: string): string {
  const { ascii, utf8 } = attestationFilename(name, from, to);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(utf8)}`;
}
