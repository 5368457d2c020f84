/**
 * Pure rules of the notification pages (no Angular, unit-tested in node): the sentence of each
 * notification type with the title of what it is about, where it leads, its dates in the
 * reader's language, and which preference rows changed.
 */
import {
  DomainEventType,
  Language,
  NotificationChannel,
  NotificationDto,
  NotificationPayload,
  NotificationPreference,
  NotificationType,
  notificationPath,
  pickLocalized,
  FORMAT_LOCALES,
  formatDateTime,
  parseIsoDate,
} from '@pratique/contracts';

const LOCALES = FORMAT_LOCALES;
const valid = parseIsoDate;

/** A translation key of the notifications scope, with its parameters. */
export interface Phrase {
  key: string;
  params?: Record<string, unknown>;
}

/** The four channels, in the order the preferences page shows them. */
export const CHANNELS: readonly NotificationChannel[] = [
  NotificationChannel.InApp,
  NotificationChannel.Email,
  NotificationChannel.Digest,
  NotificationChannel.Off,
];

/**
 * Stands for the title in a translated sentence: the page translates the sentence with this as
 * `{{title}}`, then cuts it there and puts the real title in a `<bdi>` with its own language and
 * direction (never HTML built from user text).
 */
export const TITLE_MARK = '\uE000';

export type TypeText = 'label' | 'help' | 'sentence' | 'untitled';

/** `seminar.starts-soon`, `label` → `notifications.type.seminar.starts-soon.label`. */
export function typeKey(type: NotificationType, text: TypeText): string {
  return `notifications.type.${type}.${text}`;
}

export interface PickedTitle {
  text: string;
  lang: Language;
  dir: 'ltr' | 'rtl';
}

export interface NotificationSentence extends Phrase {
  /** The title to put where `TITLE_MARK` is; null when the sentence has none. */
  title: PickedTitle | null;
}

/**
 * The sentence of a notification in the reader's language: "A seat became free: your
 * registration for «title» is confirmed." A role says which role (and where); without a title
 * (a deleted seminar) the type's sentence without one.
 */
export function notificationSentence(
  n: Pick<NotificationDto, 'type' | 'payload'>,
  lang: Language,
): NotificationSentence {
  const picked = pickLocalized(n.payload.title, lang, n.payload.originalLanguage ?? 'fr');
  const title = picked.text ? picked : null;
  if (n.type === DomainEventType.RoleGranted && n.payload.role) {
    if (n.payload.role === 'admin') return { key: 'notifications.roleGranted.admin', title: null };
    if (title)
      return { key: `notifications.roleGranted.${n.payload.role}`, params: { title: TITLE_MARK }, title };
  }
  return title
    ? { key: typeKey(n.type, 'sentence'), params: { title: TITLE_MARK }, title }
    : { key: typeKey(n.type, 'untitled'), title: null };
}

/** A translated sentence cut around `TITLE_MARK` (no mark: all of it before, no title). */
export function splitAtTitle(text: string): { before: string; after: string; hasTitle: boolean } {
  const at = text.indexOf(TITLE_MARK);
  if (at < 0) return { before: text, after: '', hasTitle: false };
  return {
    before: text.slice(0, at),
    after: text
      .slice(at + TITLE_MARK.length)
      .split(TITLE_MARK)
      .join(''),
    hasTitle: true,
  };
}

/** Where a notification leads in the app (router commands), or null when nowhere. */
export function notificationLink(p: NotificationPayload): string[] | null {
  return notificationPath(p);
}

/** The skills donation types: their date is the session's (not a start to wait for once it is done). */
const SKILL_SESSION_TYPES: ReadonlySet<NotificationType> = new Set([
  DomainEventType.SkillSessionProposed,
  DomainEventType.SkillSessionAccepted,
  DomainEventType.SkillSessionDeclined,
  DomainEventType.SkillSessionCancelled,
  DomainEventType.SkillSessionDone,
]);

/**
 * The date worth showing with a notification (a seminar's start, a registration deadline, when
 * a skill session is or was).
 */
export function notificationWhen(
  n: Pick<NotificationDto, 'type' | 'payload'>,
): (Phrase & { iso: string }) | null {
  const p = n.payload;
  if (n.type === DomainEventType.SeminarRegistrationClosesSoon && p.at)
    return { key: 'notifications.when.closes', iso: p.at };
  if (SKILL_SESSION_TYPES.has(n.type))
    return p.startsAt ? { key: 'notifications.when.session', iso: p.startsAt } : null;
  const start = n.type === DomainEventType.SeminarStartsSoon ? (p.at ?? p.startsAt) : p.startsAt;
  return start ? { key: 'notifications.when.starts', iso: start } : null;
}

/** "1 déc. 2026, 09:00" in the reader's language and time zone (written once in the contracts). */
export { formatDateTime };

/**
 * When a notification arrived, said relatively up to a week ("il y a 5 minutes", "hier",
 * "قبل 3 ساعات"), then as a date.
 */
export function relativeTime(iso: string, lang: Language, now: Date = new Date()): string {
  const d = valid(iso);
  if (!d) return '';
  const seconds = Math.round((d.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  const rtf = new Intl.RelativeTimeFormat(LOCALES[lang], { numeric: 'auto' });
  if (abs < 45) return rtf.format(0, 'second');
  if (abs < 45 * 60) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 22 * 3600) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86400) return rtf.format(Math.round(seconds / 86400), 'day');
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium' }).format(d);
}

/**
 * The rows to send: the types whose chosen channel differs from what the server holds, in the
 * order of `saved` (unknown types in `chosen` are ignored).
 */
export function changedPreferences(
  saved: readonly NotificationPreference[],
  chosen: Readonly<Partial<Record<NotificationType, NotificationChannel>>>,
): { type: NotificationType; channel: NotificationChannel }[] {
  return saved
    .filter((p) => chosen[p.type] !== undefined && chosen[p.type] !== p.channel)
    .map((p) => ({ type: p.type, channel: chosen[p.type] as NotificationChannel }));
}

/** Adds a page of notifications after those shown, leaving out any already there (new arrivals shift pages). */
export function appendPage(
  shown: readonly NotificationDto[],
  next: readonly NotificationDto[],
): NotificationDto[] {
  const ids = new Set(shown.map((n) => n.id));
  return [...shown, ...next.filter((n) => !ids.has(n.id))];
}
