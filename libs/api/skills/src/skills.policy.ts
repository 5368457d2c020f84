/**
 * Who may do what in skills donation, as pure functions of the actor and the object.
 *
 * - Offers: any signed-in member offers; the author (or an admin) edits and closes.
 * - Requests: posted by a member of the organisation; its members (or an admin) edit them.
 * - Sessions have two sides: the volunteer (the offer's author) and the organisation (any member
 *   of the request's organisation). The side that did not propose accepts or declines; either
 *   side cancels (proposed or accepted) and marks an accepted session done; each side rates a
 *   done session once (its rating can be replaced).
 * - A session is seen by its two sides, admins and staff of the region of the organisation or
 *   of the offer; for anyone else it does not exist (404).
 * - The rating flag of an offer is revealed to staff, admins and animators only.
 */
import { Actor, isAdmin, isStaffAnywhere, isStaffOf } from '@pratique/api/accounts';
import { SkillSessionStatus, SkillSide } from '@pratique/contracts';

export const isMemberOf = (actor: Actor | null, organisationId: string): boolean =>
  actor?.organisations.some((o) => o.id === organisationId) ?? false;

/** What the session rules need to know about a session. */
export interface SessionRef {
  status: SkillSessionStatus;
  proposedBy: SkillSide;
  offerAuthorId: string;
  organisationId: string;
  /** Regions of the organisation and of the offer (null when national). */
  regionIds: (string | null)[];
}

export const SkillPolicy = {
  editOffer: (actor: Actor | null, offer: { authorId: string }): boolean =>
    actor !== null && (actor.id === offer.authorId || isAdmin(actor)),
  postRequestFor: (actor: Actor | null, organisationId: string): boolean => isMemberOf(actor, organisationId),
  editRequest: (actor: Actor | null, request: { organisationId: string }): boolean =>
    isMemberOf(actor, request.organisationId) || isAdmin(actor),
  /** Staff (any region), admins and animators of any space see which offers the rating rule flags. */
  seeFlags: (actor: Actor | null): boolean =>
    isAdmin(actor) || isStaffAnywhere(actor) || (actor?.animatorSpaceIds.length ?? 0) > 0,

  /** The caller's side of the session; the volunteer's when they are both (never proposed so). */
  sideOf: (
    actor: Actor | null,
    s: Pick<SessionRef, 'offerAuthorId' | 'organisationId'>,
  ): SkillSide | null => {
    if (!actor) return null;
    if (actor.id === s.offerAuthorId) return SkillSide.Volunteer;
    if (isMemberOf(actor, s.organisationId)) return SkillSide.Organisation;
    return null;
  },
  viewSession: (actor: Actor | null, s: SessionRef): boolean =>
    SkillPolicy.sideOf(actor, s) !== null || isAdmin(actor) || s.regionIds.some((r) => isStaffOf(actor, r)),
  /** Accepting or declining: the side that did not propose, while proposed. */
  respond: (actor: Actor | null, s: SessionRef): boolean => {
    const side = SkillPolicy.sideOf(actor, s);
    return side !== null && side !== s.proposedBy && s.status === SkillSessionStatus.Proposed;
  },
  cancel: (actor: Actor | null, s: SessionRef): boolean =>
    SkillPolicy.sideOf(actor, s) !== null &&
    (s.status === SkillSessionStatus.Proposed || s.status === SkillSessionStatus.Accepted),
  markDone: (actor: Actor | null, s: SessionRef): boolean =>
    SkillPolicy.sideOf(actor, s) !== null && s.status === SkillSessionStatus.Accepted,
  rate: (actor: Actor | null, s: SessionRef): boolean =>
    SkillPolicy.sideOf(actor, s) !== null && s.status === SkillSessionStatus.Done,
} as const;
