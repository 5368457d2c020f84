import { Actor } from '@pratique/api/accounts';
import { SpaceRole, SpaceStatus, SpaceVisibility } from '@pratique/contracts';
import { DiscussionSpace, DiscussionsPolicy as P } from './discussions.policy';

const actor = (over: Partial<Actor> = {}): Actor =>
  ({
    id: 'u1',
    isAdmin: false,
    staffRegionIds: [],
    organisationRegionIds: [],
    animatorSpaceIds: [],
    ...over,
  }) as Actor;
const space = (over: Partial<DiscussionSpace> = {}): DiscussionSpace => ({
  id: 's1',
  visibility: SpaceVisibility.Members,
  status: SpaceStatus.Open,
  myRole: null,
  ...over,
});

describe('DiscussionsPolicy', () => {
  it('reads a members-only space only as member, animator or admin; a public one as anyone', () => {
    expect(P.read(null, space())).toBe(false);
    expect(P.read(actor(), space())).toBe(false);
    expect(P.read(actor(), space({ myRole: SpaceRole.Member }))).toBe(true);
    expect(P.read(actor({ animatorSpaceIds: ['s1'] }), space())).toBe(true);
    expect(P.read(actor({ isAdmin: true }), space())).toBe(true);
    expect(P.read(null, space({ visibility: SpaceVisibility.Public }))).toBe(true);
  });

  it('posts as member of an open space; moderates as animator of that space or admin', () => {
    expect(P.post(actor(), space({ visibility: SpaceVisibility.Public }))).toBe(false);
    expect(P.post(actor(), space({ myRole: SpaceRole.Member }))).toBe(true);
    expect(P.post(actor(), space({ myRole: SpaceRole.Member, status: SpaceStatus.Archived }))).toBe(false);
    expect(P.moderate(actor({ animatorSpaceIds: ['other'] }), space({ myRole: SpaceRole.Member }))).toBe(
      false,
    );
    expect(P.moderate(actor({ animatorSpaceIds: ['s1'] }), space())).toBe(true);
    expect(P.moderate(actor({ isAdmin: true }), space())).toBe(true);
  });

  it('shows hidden items to their author and moderators; edits are the author’s only; no self-vote; locks stop members', () => {
    const member = space({ myRole: SpaceRole.Member });
    expect(P.see(actor(), member, { authorId: 'u2', hidden: true })).toBe(false);
    expect(P.see(actor(), member, { authorId: 'u1', hidden: true })).toBe(true);
    expect(P.see(actor({ animatorSpaceIds: ['s1'] }), member, { authorId: 'u2', hidden: true })).toBe(true);
    expect(P.edit(actor(), member, { authorId: 'u1', hidden: false })).toBe(true);
    expect(P.edit(actor({ isAdmin: true }), member, { authorId: 'u2', hidden: false })).toBe(false);
    expect(P.vote(actor(), member, { authorId: 'u1' })).toBe(false);
    expect(P.vote(actor(), member, { authorId: 'u2' })).toBe(true);
    expect(P.reply(actor(), member, { locked: true })).toBe(false);
    expect(P.reply(actor({ animatorSpaceIds: ['s1'] }), member, { locked: true })).toBe(true);
    expect(P.accept(actor(), member, { authorId: 'u1', kind: 'question' })).toBe(true);
    expect(P.accept(actor(), member, { authorId: 'u1', kind: 'discussion' })).toBe(false);
    expect(P.accept(actor(), member, { authorId: 'u2', kind: 'question' })).toBe(false);
  });
});
