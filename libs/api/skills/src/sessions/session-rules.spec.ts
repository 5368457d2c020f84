import { DomainEventType, SkillSessionStatus, SkillSide } from '@pratique/contracts';
import { recipientOf, TRANSITIONS } from './session-rules';

describe('skill sessions: transitions and who is told', () => {
  const parties = { proposerId: 'vol', offerAuthorId: 'vol', requestAuthorId: 'orgAuthor' };

  it('answers go to the proposer; other changes to the other side', () => {
    expect(recipientOf('propose', SkillSide.Volunteer, parties, 'vol')).toBe('orgAuthor');
    expect(
      recipientOf('propose', SkillSide.Organisation, { ...parties, proposerId: 'orgMember' }, 'orgMember'),
    ).toBe('vol');
    expect(recipientOf('accept', SkillSide.Organisation, parties, 'orgMember')).toBe('vol');
    expect(recipientOf('decline', SkillSide.Organisation, parties, 'orgMember')).toBe('vol');
    expect(recipientOf('cancel', SkillSide.Organisation, parties, 'orgMember')).toBe('vol');
    expect(recipientOf('done', SkillSide.Volunteer, parties, 'vol')).toBe('orgAuthor');
  });

  it('tells nobody when the member to tell is gone, or is the one who acted', () => {
    expect(
      recipientOf('propose', SkillSide.Volunteer, { ...parties, requestAuthorId: null }, 'vol'),
    ).toBeNull();
    expect(recipientOf('accept', SkillSide.Organisation, { ...parties, proposerId: null }, 'x')).toBeNull();
    expect(recipientOf('cancel', SkillSide.Organisation, { ...parties, requestAuthorId: 'me' }, 'me')).toBe(
      'vol',
    );
    expect(
      recipientOf('cancel', SkillSide.Volunteer, { ...parties, requestAuthorId: 'vol' }, 'vol'),
    ).toBeNull();
  });

  it('allows answers only while proposed, done only once accepted, cancel from both', () => {
    expect(TRANSITIONS.accept.from).toEqual([SkillSessionStatus.Proposed]);
    expect(TRANSITIONS.decline.by).toBe('other');
    expect(TRANSITIONS.cancel.from).toEqual([SkillSessionStatus.Proposed, SkillSessionStatus.Accepted]);
    expect(TRANSITIONS.done).toEqual({
      from: [SkillSessionStatus.Accepted],
      to: SkillSessionStatus.Done,
      by: 'either',
      event: DomainEventType.SkillSessionDone,
    });
  });
});
