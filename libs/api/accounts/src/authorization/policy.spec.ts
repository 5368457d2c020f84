import { SpaceRole, SpaceScope, SpaceStatus, SpaceVisibility } from '@pratique/contracts';
import { Actor } from './actor';
import { LearningPolicy, Policy, SeminarPolicy, SpaceRef } from './policy';

const A = 'region-a';
const B = 'region-b';
const actor = (over: Partial<Actor> = {}): Actor => ({
  id: 'u1',
  email: 'u@x.tn',
  displayName: 'U',
  preferredLanguage: 'fr',
  regionId: A,
  organisations: [],
  organisationRegionIds: [A],
  isAdmin: false,
  staffRegionIds: [],
  animatorSpaceIds: [],
  ...over,
});
const member = actor();
const admin = actor({ isAdmin: true });
const staffA = actor({ staffRegionIds: [A] });
const staffB = actor({ regionId: B, organisationRegionIds: [B], staffRegionIds: [B] });
const space = (over: Partial<SpaceRef> = {}): SpaceRef => ({
  scope: SpaceScope.Regional,
  regionId: A,
  visibility: SpaceVisibility.Public,
  status: SpaceStatus.Open,
  ...over,
});
const national = space({ scope: SpaceScope.National, regionId: null });

describe('Policy', () => {
  it('lets only admins manage regions, organisations and roles', () => {
    for (const rule of [Policy.manageDirectory, Policy.manageRoles]) {
      expect([null, member, staffA, admin].map(rule)).toEqual([false, false, false, true]);
    }
  });

  it('lets admins create any space and staff only regional spaces of their region', () => {
    const regionalA = { scope: SpaceScope.Regional, regionId: A };
    expect([null, member, staffA, staffB, admin].map((a) => Policy.createSpace(a, regionalA))).toEqual([
      false,
      false,
      true,
      false,
      true,
    ]);
    expect(
      [staffA, admin].map((a) => Policy.createSpace(a, { scope: SpaceScope.National, regionId: null })),
    ).toEqual([false, true]);
  });

  it('lets admins and staff of the region edit a space and set its animators; nobody else', () => {
    for (const rule of [Policy.editSpace, Policy.manageAnimators]) {
      expect([null, member, staffA, staffB, admin].map((a) => rule(a, space()))).toEqual([
        false,
        false,
        true,
        false,
        true,
      ]);
      expect([staffA, admin].map((a) => rule(a, national))).toEqual([false, true]);
    }
  });

  it('shows public spaces to everyone and members-only spaces to signed-in users', () => {
    expect(Policy.viewSpace(null, space())).toBe(true);
    expect(Policy.viewSpace(null, space({ visibility: SpaceVisibility.Members }))).toBe(false);
    expect(Policy.viewSpace(member, space({ visibility: SpaceVisibility.Members }))).toBe(true);
  });

  it('shows the member list to members of the space, admins and staff of its region', () => {
    expect(Policy.seeMembers(null, space(), null)).toBe(false);
    expect(Policy.seeMembers(member, space(), null)).toBe(false);
    expect(Policy.seeMembers(member, space(), SpaceRole.Member)).toBe(true);
    expect(Policy.seeMembers(staffA, space(), null)).toBe(true);
    expect(Policy.seeMembers(staffB, space(), null)).toBe(false);
    expect(Policy.seeMembers(admin, space(), null)).toBe(true);
  });

  it('lets members join open national spaces and regional spaces of their regions only', () => {
    expect(Policy.joinSpace(null, national, null)).toBe(false);
    expect(Policy.joinSpace(member, national, null)).toBe(true);
    expect(Policy.joinSpace(member, national, SpaceRole.Member)).toBe(false);
    expect(Policy.joinSpace(member, space(), null)).toBe(true);
    expect(Policy.joinSpace(member, space({ regionId: B }), null)).toBe(false);
    expect(Policy.joinSpace(actor({ organisationRegionIds: [A, B] }), space({ regionId: B }), null)).toBe(
      true,
    );
    expect(Policy.joinSpace(member, space({ status: SpaceStatus.Archived }), null)).toBe(false);
  });

  it('lets members leave only spaces they are in', () => {
    expect(Policy.leaveSpace(member, space(), SpaceRole.Animator)).toBe(true);
    expect(Policy.leaveSpace(member, space(), null)).toBe(false);
    expect(Policy.leaveSpace(null, space(), null)).toBe(false);
  });
});

describe('LearningPolicy', () => {
  const animator = actor({ animatorSpaceIds: ['s1'] });
  const mod = (status: 'draft' | 'published' | 'archived', over: Partial<SpaceRef> = {}) => ({
    spaceId: 's1',
    status,
    space: space(over),
  });
  const none = { spaceRole: null, enrolled: false };
  const joined = { spaceRole: SpaceRole.Member, enrolled: false };

  it('lets animators of the space and admins author modules', () => {
    expect([null, member, staffA, animator, admin].map((a) => LearningPolicy.authorModules(a, 's1'))).toEqual(
      [false, false, false, true, true],
    );
    expect(LearningPolicy.authorModules(animator, 's2')).toBe(false);
  });

  it('hides drafts from everyone but authors', () => {
    expect(
      [member, staffA, animator, admin].map((a) => LearningPolicy.viewModule(a, mod('draft'), joined)),
    ).toEqual([false, false, true, true]);
  });

  it('keeps archived modules readable by those who started them', () => {
    expect(
      LearningPolicy.viewModule(member, mod('archived'), { spaceRole: SpaceRole.Member, enrolled: false }),
    ).toBe(false);
    expect(LearningPolicy.viewModule(member, mod('archived'), { spaceRole: null, enrolled: true })).toBe(
      true,
    );
  });

  it('records progress only for members of the space on published modules', () => {
    expect(LearningPolicy.learn(member, mod('published'), joined)).toBe(true);
    expect(LearningPolicy.learn(member, mod('published'), none)).toBe(false);
    expect(LearningPolicy.learn(member, mod('draft'), joined)).toBe(false);
    expect(
      LearningPolicy.learn(member, mod('archived'), { spaceRole: SpaceRole.Member, enrolled: true }),
    ).toBe(false);
    expect(LearningPolicy.learn(null, mod('published'), joined)).toBe(false);
  });

  it('shows learners to authors and staff of the region only', () => {
    expect(
      [member, staffA, staffB, animator, admin].map((a) => LearningPolicy.seeLearners(a, mod('published'))),
    ).toEqual([false, true, false, true, true]);
  });
});

describe('SeminarPolicy', () => {
  it('lets staff of the region and admins manage seminars; nobody else', () => {
    expect([null, member, staffA, staffB, admin].map((a) => SeminarPolicy.manage(a, A))).toEqual([
      false,
      false,
      true,
      false,
      true,
    ]);
  });
  it('shows drafts only to those who manage them, other seminars to signed-in members', () => {
    expect(
      [null, member, staffA, staffB].map((a) => SeminarPolicy.view(a, { regionId: A, status: 'draft' })),
    ).toEqual([false, false, true, false]);
    expect([null, member, staffB].map((a) => SeminarPolicy.view(a, { regionId: A, status: 'open' }))).toEqual(
      [false, true, true],
    );
  });
});
