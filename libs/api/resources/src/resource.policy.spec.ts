import { Actor } from '@pratique/api/accounts';
import { ResourceStatus, SpaceRole, SpaceScope, SpaceStatus, SpaceVisibility } from '@pratique/contracts';
import { ResourcePolicy, ToolboxSpace } from './resource.policy';

const actor = (over: Partial<Actor> = {}): Actor =>
  ({
    id: 'u1',
    isAdmin: false,
    staffRegionIds: [],
    animatorSpaceIds: [],
    organisationRegionIds: [],
    regionId: 'r1',
    ...over,
  }) as Actor;
const space = (over: Partial<ToolboxSpace> = {}): ToolboxSpace => ({
  id: 's1',
  scope: SpaceScope.National,
  regionId: null,
  visibility: SpaceVisibility.Members,
  status: SpaceStatus.Open,
  ...over,
});
const res = (status: ResourceStatus, authorId = 'author') => ({ spaceId: 's1', authorId, status });

describe('ResourcePolicy', () => {
  it('hides a members-only toolbox from non-members, shows a public one to everyone', () => {
    expect(ResourcePolicy.viewToolbox(actor(), space(), null)).toBe(false);
    expect(ResourcePolicy.viewToolbox(null, space(), null)).toBe(false);
    expect(ResourcePolicy.viewToolbox(actor(), space(), SpaceRole.Member)).toBe(true);
    expect(ResourcePolicy.viewToolbox(actor({ isAdmin: true }), space(), null)).toBe(true);
    expect(ResourcePolicy.viewToolbox(null, space({ visibility: SpaceVisibility.Public }), null)).toBe(true);
  });
  it('lets members, animators and admins contribute to an open space only', () => {
    expect(ResourcePolicy.contribute(actor(), space({ visibility: SpaceVisibility.Public }), null)).toBe(
      false,
    );
    expect(ResourcePolicy.contribute(actor(), space(), SpaceRole.Member)).toBe(true);
    expect(
      ResourcePolicy.contribute(actor(), space({ status: SpaceStatus.Archived }), SpaceRole.Member),
    ).toBe(false);
    expect(ResourcePolicy.contribute(actor({ animatorSpaceIds: ['s1'] }), space(), null)).toBe(true);
  });
  it('moderation belongs to the space animators and admins', () => {
    expect(ResourcePolicy.moderate(actor({ animatorSpaceIds: ['s2'] }), 's1')).toBe(false);
    expect(ResourcePolicy.moderate(actor({ animatorSpaceIds: ['s1'] }), 's1')).toBe(true);
    expect(ResourcePolicy.moderate(actor({ isAdmin: true }), 's1')).toBe(true);
  });
  it('shows unpublished resources to their author and moderators only', () => {
    const member = actor();
    for (const st of [ResourceStatus.Pending, ResourceStatus.Rejected, ResourceStatus.Hidden]) {
      expect(ResourcePolicy.viewResource(member, space(), SpaceRole.Member, res(st))).toBe(false);
      expect(ResourcePolicy.viewResource(member, space(), SpaceRole.Member, res(st, 'u1'))).toBe(true);
      expect(ResourcePolicy.viewResource(actor({ animatorSpaceIds: ['s1'] }), space(), null, res(st))).toBe(
        true,
      );
    }
    expect(
      ResourcePolicy.viewResource(member, space(), SpaceRole.Member, res(ResourceStatus.Published)),
    ).toBe(true);
  });
  it('authors edit pending or rejected work; nobody rates their own resource', () => {
    expect(ResourcePolicy.edit(actor(), res(ResourceStatus.Rejected, 'u1'))).toBe(true);
    expect(ResourcePolicy.edit(actor(), res(ResourceStatus.Published, 'u1'))).toBe(false);
    expect(ResourcePolicy.edit(actor(), res(ResourceStatus.Pending))).toBe(false);
    expect(ResourcePolicy.review(actor(), res(ResourceStatus.Published, 'u1'))).toBe(false);
    expect(ResourcePolicy.review(actor(), res(ResourceStatus.Published))).toBe(true);
    expect(ResourcePolicy.review(null, res(ResourceStatus.Published))).toBe(false);
    expect(ResourcePolicy.report(actor(), res(ResourceStatus.Pending))).toBe(false);
  });
});
