import type { Actor } from '@pratique/api/accounts';
import { HomePolicy } from './homes.policy';

const actor = (over: Partial<Actor> = {}): Actor => ({
  id: 'u1',
  email: 'u@x.tn',
  displayName: 'U',
  preferredLanguage: 'fr',
  regionId: 'region-a',
  organisations: [],
  organisationRegionIds: ['region-a'],
  isAdmin: false,
  staffRegionIds: [],
  animatorSpaceIds: [],
  ...over,
});
const member = actor();
const animator = actor({ animatorSpaceIds: ['space-1'] });
const staff = actor({ staffRegionIds: ['region-a'] });
const admin = actor({ isAdmin: true });

describe('HomePolicy', () => {
  it('gives every signed-in user the seminar outlook', () => {
    expect([null, member, animator, staff, admin].map(HomePolicy.seminarOutlook)).toEqual([
      false,
      true,
      true,
      true,
      true,
    ]);
  });

  it('opens the animator home to whoever animates a space, and to no one else (admins included)', () => {
    expect([null, member, animator, staff, admin].map(HomePolicy.animatorHome)).toEqual([
      false,
      false,
      true,
      false,
      false,
    ]);
  });

  it('opens the staff home to staff of a region and to admins', () => {
    expect([null, member, animator, staff, admin].map(HomePolicy.staffHome)).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
  });
});
