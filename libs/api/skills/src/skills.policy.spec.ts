import { Actor } from '@pratique/api/accounts';
import { SkillSessionStatus as S, SkillSide } from '@pratique/contracts';
import { SessionRef, SkillPolicy } from './skills.policy';

const actor = (id: string, o: Partial<Actor> = {}): Actor =>
  ({
    id,
    organisations: [],
    isAdmin: false,
    staffRegionIds: [],
    animatorSpaceIds: [],
    organisationRegionIds: [],
    ...o,
  }) as unknown as Actor;

describe('skills policy', () => {
  const volunteer = actor('vol');
  const orgMember = actor('org', { organisations: [{ id: 'o1', name: 'Association' }] });
  const outsider = actor('out');
  const session = (status: S, proposedBy = SkillSide.Volunteer): SessionRef => ({
    status,
    proposedBy,
    offerAuthorId: 'vol',
    organisationId: 'o1',
    regionIds: ['r1', null],
  });

  it('gives each party its side, and no side to others', () => {
    expect(SkillPolicy.sideOf(volunteer, session(S.Proposed))).toBe(SkillSide.Volunteer);
    expect(SkillPolicy.sideOf(orgMember, session(S.Proposed))).toBe(SkillSide.Organisation);
    expect(SkillPolicy.sideOf(outsider, session(S.Proposed))).toBeNull();
    expect(SkillPolicy.sideOf(null, session(S.Proposed))).toBeNull();
  });

  it('lets the other side answer, either side cancel or finish, parties rate once done', () => {
    expect(SkillPolicy.respond(orgMember, session(S.Proposed))).toBe(true);
    expect(SkillPolicy.respond(volunteer, session(S.Proposed))).toBe(false);
    expect(SkillPolicy.respond(volunteer, session(S.Proposed, SkillSide.Organisation))).toBe(true);
    expect(SkillPolicy.respond(orgMember, session(S.Accepted))).toBe(false);
    expect(SkillPolicy.cancel(volunteer, session(S.Accepted))).toBe(true);
    expect(SkillPolicy.cancel(orgMember, session(S.Done))).toBe(false);
    expect(SkillPolicy.markDone(orgMember, session(S.Accepted))).toBe(true);
    expect(SkillPolicy.markDone(outsider, session(S.Accepted))).toBe(false);
    expect(SkillPolicy.rate(volunteer, session(S.Done))).toBe(true);
    expect(SkillPolicy.rate(volunteer, session(S.Accepted))).toBe(false);
  });

  it('shows a session to parties, admins and staff of its regions; flags to staff, admins and animators', () => {
    expect(SkillPolicy.viewSession(actor('s', { staffRegionIds: ['r1'] }), session(S.Proposed))).toBe(true);
    expect(SkillPolicy.viewSession(actor('s', { staffRegionIds: ['r2'] }), session(S.Proposed))).toBe(false);
    expect(SkillPolicy.viewSession(actor('a', { isAdmin: true }), session(S.Proposed))).toBe(true);
    expect(SkillPolicy.viewSession(outsider, session(S.Proposed))).toBe(false);
    expect(SkillPolicy.seeFlags(actor('s', { staffRegionIds: ['r9'] }))).toBe(true);
    expect(SkillPolicy.seeFlags(actor('an', { animatorSpaceIds: ['sp'] }))).toBe(true);
    expect(SkillPolicy.seeFlags(orgMember)).toBe(false);
    expect(SkillPolicy.editRequest(orgMember, { organisationId: 'o1' })).toBe(true);
    expect(SkillPolicy.editRequest(volunteer, { organisationId: 'o1' })).toBe(false);
    expect(SkillPolicy.editOffer(actor('a', { isAdmin: true }), { authorId: 'vol' })).toBe(true);
  });
});
