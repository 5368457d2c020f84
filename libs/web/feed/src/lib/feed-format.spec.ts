import { ActivityKind } from '@pratique/contracts';
import { activityAge, activityLink } from './feed-format';

describe('feed format', () => {
  it('leads each kind of item to its subject', () => {
    expect(activityLink({ kind: ActivityKind.ModulePublished, subjectId: 'm' })).toEqual(['/modules', 'm']);
    expect(activityLink({ kind: ActivityKind.CompletionShared, subjectId: 'm' })).toEqual(['/modules', 'm']);
    expect(activityLink({ kind: ActivityKind.SeminarOpened, subjectId: 's' })).toEqual(['/seminars', 's']);
    expect(activityLink({ kind: ActivityKind.ThreadStarted, subjectId: 't' })).toEqual(['/discussions', 't']);
    expect(activityLink({ kind: ActivityKind.AnswerAccepted, subjectId: 't' })).toEqual([
      '/discussions',
      't',
    ]);
    expect(activityLink({ kind: ActivityKind.ResourcePublished, subjectId: 'r' })).toEqual([
      '/resources',
      'r',
    ]);
  });

  it('says how long ago in the reader language, then the date after a week', () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    expect(activityAge('2026-11-23T11:55:00Z', 'fr', now)).toBe('il y a 5 minutes');
    expect(activityAge('2026-11-23T09:00:00Z', 'en', now)).toBe('3 hours ago');
    expect(activityAge('2026-11-22T12:00:00Z', 'fr', now)).toBe('hier');
    expect(activityAge('2026-11-23T11:59:40Z', 'en', now)).toBe('now');
    expect(activityAge('2026-11-01T12:00:00Z', 'fr', now)).toMatch(/1 nov\. 2026/);
    expect(activityAge('not a date', 'fr', now)).toBe('');
  });
});
