import {
  formatAge,
  formatCount,
  formatDay,
  formatPercent,
  formatRatio,
  formatWeek,
  seatsLeft,
} from './home-format';

describe('home formats, in each language', () => {
  it('writes a fill rate as a whole percent with each locale’s sign and spacing', () => {
    expect(formatRatio(0.854, 'en')).toBe('85%');
    expect(formatRatio(0.854, 'fr')).toMatch(/^85\s%$/);
    expect(formatRatio(0.854, 'ar')).toMatch(/85|٨٥/);
    expect(formatRatio(1.7, 'en')).toBe('100%');
    expect(formatRatio(Number.NaN, 'en')).toBe('0%');
  });
  it('floors a percent like the gate (2 of 3 is 66 %)', () => {
    expect(formatPercent(66.67, 'en')).toBe('66%');
  });
  it('groups thousands as the locale does', () => {
    expect(formatCount(20000, 'en')).toBe('20,000');
    expect(formatCount(20000, 'fr')).toMatch(/^20\s000$/);
  });
  it('writes dates with the locale’s month names', () => {
    expect(formatDay('2026-12-07T10:00:00Z', 'fr')).toMatch(/déc/);
    expect(formatDay('2026-12-07T10:00:00Z', 'en')).toMatch(/Dec/);
    expect(formatDay('2026-12-07T10:00:00Z', 'ar')).toMatch(/ديسمبر|كانون/);
    expect(formatDay(null, 'fr')).toBe('');
    expect(formatWeek('2026-12-07', 'en')).toBe('7 Dec');
    expect(formatWeek('2026-01-01', 'fr')).toMatch(/^1 janv/);
  });
  it('says how long ago in words', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    expect(formatAge('2026-12-04T11:00:00Z', 'en', now)).toBe('3 days ago');
    expect(formatAge('2026-12-07T08:00:00Z', 'en', now)).toBe('today');
    expect(formatAge('2026-12-06T08:00:00Z', 'fr', now)).toBe('hier');
  });
  it('never shows negative seats', () => {
    expect(seatsLeft(10, 12)).toBe(0);
    expect(seatsLeft(10, 4)).toBe(6);
  });
});
