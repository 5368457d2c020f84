import { UNREAD_BADGE_CAP, unreadBadge, unreadChange } from './unread';

describe('notification bell', () => {
  it('hides the badge at 0, shows 1 to 9, then caps at "9+"', () => {
    expect(unreadBadge(0, 'fr')).toBeNull();
    expect(unreadBadge(null, 'fr')).toBeNull();
    expect(unreadBadge(-3, 'en')).toBeNull();
    expect(unreadBadge(Number.NaN, 'en')).toBeNull();
    expect(unreadBadge(1, 'fr')).toBe('1');
    expect(unreadBadge(UNREAD_BADGE_CAP, 'ar')).toBe('9');
    expect(unreadBadge(UNREAD_BADGE_CAP + 1, 'en')).toBe('9+');
    expect(unreadBadge(250, 'ar')).toBe('9+');
  });

  it('announces only new arrivals after the first count, and re-arms when the count goes down', () => {
    expect(unreadChange(null, 4)).toBe('keep'); // first answer after sign-in: the bell's name says it
    expect(unreadChange(2, 2)).toBe('keep'); // each poll with nothing new: silence
    expect(unreadChange(2, 3)).toBe('announce');
    expect(unreadChange(3, 0)).toBe('clear');
    expect(unreadChange(0, 3)).toBe('announce');
  });
});
