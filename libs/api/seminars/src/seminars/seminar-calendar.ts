import { pickLocalized, SeminarSummary } from '@pratique/contracts';
import { createEvent, DateArray } from 'ics';

const toDateArray = (iso: string): DateArray => {
  const d = new Date(iso);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
};

/** The seminar as an iCalendar event (the `ics` package), in the reader's language. */
export function seminarIcs(s: SeminarSummary, lang: 'fr' | 'ar' | 'en', url: string): string {
  const { error, value } = createEvent({
    uid: `seminar-${s.id}@pratique`,
    title: pickLocalized(s.title, lang, s.originalLanguage).text,
    description: pickLocalized(s.description, lang, s.originalLanguage).text,
    start: toDateArray(s.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: toDateArray(s.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    location: [s.venue, s.address].filter(Boolean).join(', ') || s.onlineUrl || undefined,
    url,
    status: s.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    productId: 'pratique/seminars',
  });
  if (error || !value) throw error ?? new Error('could not build the calendar event');
  return value;
}
