/**
 * Pure rules of the header's notification bell (no Angular, unit-tested in node): the badge text
 * and when a change of the unread count is worth telling a screen reader.
 */
import { FORMAT_LOCALES, Language } from '@pratique/contracts';

/** Above this, the badge says "9+" (the accessible name still gives the exact count). */
export const UNREAD_BADGE_CAP = 9;

/** How often the bell asks for the unread count while someone is signed in. */
export const UNREAD_POLL_MS = 30_000;

const LOCALES = FORMAT_LOCALES;

/** The badge on the bell: null at 0 (no badge), "1"…"9", then "9+". */
export function unreadBadge(count: number | null | undefined, lang: Language): string | null {
  if (typeof count !== 'number' || !Number.isFinite(count) || count <= 0) return null;
  const format = new Intl.NumberFormat(LOCALES[lang]);
  const n = Math.floor(count);
  return n > UNREAD_BADGE_CAP ? `${format.format(UNREAD_BADGE_CAP)}+` : format.format(n);
}

/**
 * What the polite live region does when the count goes from `previous` to `next`:
 * `announce` only when new notifications arrived after the first count of the session (the
 * bell's name already says the count on arrival), `clear` when it went down (read elsewhere),
 * so that the next rise is announced again even if it reaches the same number; else `keep`.
 */
export function unreadChange(previous: number | null, next: number): 'announce' | 'clear' | 'keep' {
  if (previous === null) return 'keep';
  if (next > previous) return 'announce';
  if (next < previous) return 'clear';
  return 'keep';
}
