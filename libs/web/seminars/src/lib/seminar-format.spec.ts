import { RegistrationStatus, SeminarStatus } from '@pratique/contracts';
import {
  blockedReason,
  isoToLocalInput,
  localInputToIso,
  myBadge,
  ruleSentence,
  seatsLeft,
} from './seminar-format';

const req = (minPercent: number) => ({ moduleId: `m${minPercent}-${Math.random()}`, minPercent });

describe('seminar format rules', () => {
  it('says the rule in words', () => {
    expect(ruleSentence({ k: 0, requirements: [] }, 'en')).toEqual({ key: 'seminars.rule.none' });
    expect(ruleSentence({ k: 2, requirements: [req(50), req(50), req(50)] }, 'en')).toEqual({
      key: 'seminars.rule.kSame',
      params: { k: 2, n: 3, percent: '50%' },
    });
    expect(ruleSentence({ k: 2, requirements: [req(50), req(50)] }, 'en').key).toBe('seminars.rule.allSame');
    expect(ruleSentence({ k: 1, requirements: [req(80), req(50)] }, 'en')).toEqual({
      key: 'seminars.rule.kMixed',
      params: { k: 1, n: 2 },
    });
    expect(ruleSentence({ k: 1, requirements: [req(30)] }, 'en')).toEqual({
      key: 'seminars.rule.one',
      params: { percent: '30%' },
    });
  });

  it('round-trips datetime-local values through ISO UTC', () => {
    const iso = localInputToIso('2026-12-01T09:30');
    expect(iso).toMatch(/^2026-12-01T\d{2}:30:00\.000Z$/);
    expect(isoToLocalInput(iso)).toBe('2026-12-01T09:30');
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('tomorrow')).toBeNull();
  });

  it('gives the reader a badge: registration first, then eligibility', () => {
    expect(myBadge({ myEligible: true, myRegistration: RegistrationStatus.Confirmed })?.key).toBe(
      'seminars.badge.registered',
    );
    expect(
      myBadge({ myEligible: true, myRegistration: RegistrationStatus.Waitlisted }, { waitlistPosition: 3 }),
    ).toMatchObject({ key: 'seminars.badge.waitlistedAt', params: { position: 3 } });
    expect(myBadge({ myEligible: true, myRegistration: null })?.key).toBe('seminars.badge.eligible');
    expect(myBadge({ myEligible: false, myRegistration: null }, { met: 1, k: 2 })).toMatchObject({
      key: 'seminars.badge.notYetMet',
      params: { met: 1, k: 2 },
    });
    expect(myBadge({ myEligible: false, myRegistration: RegistrationStatus.Cancelled })?.key).toBe(
      'seminars.badge.notYet',
    );
  });

  it('explains why registering is refused', () => {
    const now = new Date('2026-06-01T12:00:00Z');
    const base = {
      status: SeminarStatus.Open,
      registrationOpensAt: '2026-05-01T00:00:00Z',
      registrationClosesAt: '2026-06-10T00:00:00Z',
      startsAt: '2026-06-15T09:00:00Z',
    };
    expect(blockedReason(base, 'en', now)).toBeNull();
    expect(blockedReason({ ...base, status: SeminarStatus.Draft }, 'en', now)?.key).toBe(
      'seminars.blocked.notOpen',
    );
    expect(blockedReason({ ...base, status: SeminarStatus.Cancelled }, 'en', now)?.key).toBe(
      'seminars.blocked.cancelled',
    );
    expect(blockedReason({ ...base, registrationClosesAt: '2026-05-30T00:00:00Z' }, 'en', now)?.key).toBe(
      'seminars.blocked.closed',
    );
    expect(blockedReason({ ...base, registrationOpensAt: '2026-06-05T00:00:00Z' }, 'en', now)?.key).toBe(
      'seminars.blocked.opensOn',
    );
    expect(blockedReason({ ...base, startsAt: '2026-05-31T00:00:00Z' }, 'en', now)?.key).toBe(
      'seminars.blocked.past',
    );
  });

  it('counts seats left, never below zero', () => {
    expect(seatsLeft({ capacity: 10, seatsTaken: 3 })).toBe(7);
    expect(seatsLeft({ capacity: 2, seatsTaken: 5 })).toBe(0);
  });
});
