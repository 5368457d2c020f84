import { QueueName } from '@pratique/contracts';
import { OUTBOX_LATE_SECONDS, formatAge, formatCount, outboxLate, queueLabelKey } from './queue-format';

describe('admin queue figures', () => {
  it('says an age in the largest whole unit, in the reader’s language', () => {
    expect(formatAge(0, 'en')).toBe('0 seconds');
    expect(formatAge(42.7, 'en')).toBe('42 seconds');
    expect(formatAge(200, 'fr').replace(/\s/g, ' ')).toBe('3 minutes');
    expect(formatAge(7300, 'en')).toBe('2 hours');
    expect(formatAge(200_000, 'fr').replace(/\s/g, ' ')).toBe('2 jours');
    expect(formatAge(-5, 'en')).toBe('0 seconds');
    expect(formatAge(300, 'ar')).toMatch(/دقائق/);
  });

  it('flags an outbox whose oldest event waits longer than the relay ever should', () => {
    expect(outboxLate({ oldestUnrelayedAgeSeconds: null })).toBe(false);
    expect(outboxLate({ oldestUnrelayedAgeSeconds: 2 })).toBe(false);
    expect(outboxLate({ oldestUnrelayedAgeSeconds: OUTBOX_LATE_SECONDS + 1 })).toBe(true);
  });

  it('names the queues it knows and leaves others raw', () => {
    expect(queueLabelKey(QueueName.Notifications)).toBe('admin.queues.names.notifications');
    expect(queueLabelKey('mystery')).toBeNull();
    expect(formatCount(1234, 'en')).toBe('1,234');
  });
});
