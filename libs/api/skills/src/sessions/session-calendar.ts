import { SkillSession } from '@pratique/contracts';
import { createEvent, DateArray } from 'ics';

const toDateArray = (iso: string | Date): DateArray => {
  const d = new Date(iso);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
};

/** The accepted session as an iCalendar event (the `ics` package). */
export function sessionIcs(s: SkillSession): string {
  const { error, value } = createEvent({
    uid: `skill-session-${s.id}@pratique`,
    title: `${s.offer.title} — ${s.request.organisation.name}`,
    description: [s.request.title, s.message].filter(Boolean).join('\n\n'),
    start: toDateArray(s.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: toDateArray(s.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    location: s.place || undefined,
    status: 'CONFIRMED',
    productId: 'pratique/skills',
  });
  if (error || !value) throw error ?? new Error('could not build the calendar event');
  return value;
}
