import { personasOf, primaryPersona } from './personas';

const user = (
  over: Partial<{ animatesSpaces: boolean; staffRegionIds: string[]; isAdmin: boolean }> = {},
) => ({
  animatesSpaces: false,
  staffRegionIds: [] as string[],
  isAdmin: false,
  ...over,
});

describe('personas', () => {
  it('a member has only the member home, and opens on it', () => {
    expect(personasOf(user())).toEqual(['member']);
    expect(primaryPersona(user())).toBe('member');
  });
  it('an animator also has the animator home, and opens on it', () => {
    expect(personasOf(user({ animatesSpaces: true }))).toEqual(['member', 'animator']);
    expect(primaryPersona(user({ animatesSpaces: true }))).toBe('animator');
  });
  it('staff of a region (or an admin) have the staff home, and open on it even when they animate', () => {
    expect(personasOf(user({ staffRegionIds: ['r1'], animatesSpaces: true }))).toEqual([
      'member',
      'animator',
      'staff',
    ]);
    expect(primaryPersona(user({ staffRegionIds: ['r1'] }))).toBe('staff');
    expect(primaryPersona(user({ isAdmin: true }))).toBe('staff');
  });
});
