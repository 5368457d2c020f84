/**
 * Pure helpers of the admin "Queues" page (no Angular, unit-tested in node): how long the oldest
 * outbox event has waited, in words of the reader's language, and whether that is late.
 */
import { FORMAT_LOCALES, Language, OutboxStats, QueueName } from '@pratique/contracts';

const LOCALES = FORMAT_LOCALES;

/** The relay runs about every second: an event older than this means it is not running. */
export const OUTBOX_LATE_SECONDS = 60;

/** 42 → "42 secondes", 200 → "3 minutes", 7300 → "2 heures", 200000 → "2 jours" (rounded down). */
export function formatAge(seconds: number, lang: Language): string {
  const s = Math.max(0, Math.floor(seconds));
  const [value, unit] =
    s < 60
      ? [s, 'second']
      : s < 3600
        ? [Math.floor(s / 60), 'minute']
        : s < 86400
          ? [Math.floor(s / 3600), 'hour']
          : [Math.floor(s / 86400), 'day'];
  return new Intl.NumberFormat(LOCALES[lang], { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

export function formatCount(value: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALES[lang]).format(value);
}

/** "14:05:09" in the reader's language. */
export function formatTime(at: Date, lang: Language): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { timeStyle: 'medium', hourCycle: 'h23' }).format(at);
}

/** True when events wait longer than the relay should ever take (the worker is down or stuck). */
export function outboxLate(stats: Pick<OutboxStats, 'oldestUnrelayedAgeSeconds'>): boolean {
  return (stats.oldestUnrelayedAgeSeconds ?? 0) > OUTBOX_LATE_SECONDS;
}

/** The translation key naming a queue we know, else null (the page shows the raw name). */
export function queueLabelKey(name: string): string | null {
  return (Object.values(QueueName) as string[]).includes(name) ? `admin.queues.names.${name}` : null;
}
