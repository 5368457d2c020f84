/**
 * The session's state machine and who is told of each change, as pure data and functions:
 * proposed → accepted | declined (by the side that did not propose) | cancelled (either side);
 * accepted → done | cancelled (either side). A change is told to the other side: the proposal to
 * the offer's author (the organisation proposed) or to the request's author (the volunteer did);
 * an answer to the member who proposed.
 */
import { DomainEventType, SkillSessionStatus as S, SkillSide } from '@pratique/contracts';

export type SessionAction = 'accept' | 'decline' | 'cancel' | 'done';

export interface Transition {
  from: readonly S[];
  to: S;
  /** `other`: only the side that did not propose; `either`: both sides. */
  by: 'other' | 'either';
  event:
    | DomainEventType.SkillSessionAccepted
    | DomainEventType.SkillSessionDeclined
    | DomainEventType.SkillSessionCancelled
    | DomainEventType.SkillSessionDone;
}

export const TRANSITIONS: Record<SessionAction, Transition> = {
  accept: { from: [S.Proposed], to: S.Accepted, by: 'other', event: DomainEventType.SkillSessionAccepted },
  decline: { from: [S.Proposed], to: S.Declined, by: 'other', event: DomainEventType.SkillSessionDeclined },
  cancel: {
    from: [S.Proposed, S.Accepted],
    to: S.Cancelled,
    by: 'either',
    event: DomainEventType.SkillSessionCancelled,
  },
  done: { from: [S.Accepted], to: S.Done, by: 'either', event: DomainEventType.SkillSessionDone },
};

/** The people a session involves, as the rules need them. */
export interface SessionParties {
  proposerId: string | null;
  offerAuthorId: string;
  requestAuthorId: string | null;
}

/** Who hears of a change made by `actorSide` (null: nobody left to tell, e.g. a deleted author). */
export function recipientOf(
  change: SessionAction | 'propose',
  actorSide: SkillSide,
  parties: SessionParties,
  actorId: string,
): string | null {
  const to =
    change === 'accept' || change === 'decline'
      ? parties.proposerId
      : actorSide === SkillSide.Volunteer
        ? parties.requestAuthorId
        : parties.offerAuthorId;
  return to === actorId ? null : to;
}
