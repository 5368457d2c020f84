/**
 * Who may do what in a space's toolbox, as pure functions (the platform's rules live in
 * accounts/policy.ts; these build on them).
 *
 * - Seeing the toolbox: a public space's toolbox is seen by everyone; a members-only space's only
 *   by its members and animators, and admins (others get 404, as if it did not exist).
 * - Contributing: members and animators of an open space, and admins.
 * - Moderating: the space's animators and admins.
 * - A resource: published ones by whoever sees the toolbox; pending/rejected/hidden ones by their
 *   author and the moderators.
 * - Editing: the author, while pending or rejected (editing a rejected one resubmits it).
 * - Reviewing: signed-in viewers of a published resource, not its author.
 * - Reporting: signed-in viewers of a published resource.
 */
import { Actor, isAdmin, isAnimatorOf, SpaceRef } from '@pratique/api/accounts';
import { ResourceStatus, SpaceRole, SpaceStatus, SpaceVisibility } from '@pratique/contracts';

export interface ToolboxSpace extends SpaceRef {
  id: string;
}

export interface ResourceRef {
  spaceId: string;
  authorId: string | null;
  status: ResourceStatus;
}

export const ResourcePolicy = {
  viewToolbox: (actor: Actor | null, space: ToolboxSpace, myRole: SpaceRole | null): boolean =>
    space.visibility === SpaceVisibility.Public ||
    isAdmin(actor) ||
    myRole !== null ||
    isAnimatorOf(actor, space.id),
  contribute: (actor: Actor | null, space: ToolboxSpace, myRole: SpaceRole | null): boolean =>
    actor !== null &&
    space.status === SpaceStatus.Open &&
    (myRole !== null || isAdmin(actor) || isAnimatorOf(actor, space.id)),
  moderate: (actor: Actor | null, spaceId: string): boolean => isAdmin(actor) || isAnimatorOf(actor, spaceId),
  /** A contribution by a moderator of the space is published at once. */
  publishesDirectly: (actor: Actor, spaceId: string): boolean => ResourcePolicy.moderate(actor, spaceId),
  viewResource: (
    actor: Actor | null,
    space: ToolboxSpace,
    myRole: SpaceRole | null,
    r: ResourceRef,
  ): boolean =>
    ResourcePolicy.viewToolbox(actor, space, myRole) &&
    (r.status === ResourceStatus.Published ||
      (actor !== null && r.authorId === actor.id) ||
      ResourcePolicy.moderate(actor, r.spaceId)),
  edit: (actor: Actor | null, r: ResourceRef): boolean =>
    actor !== null &&
    r.authorId === actor.id &&
    (r.status === ResourceStatus.Pending || r.status === ResourceStatus.Rejected),
  review: (actor: Actor | null, r: ResourceRef): boolean =>
    actor !== null && r.status === ResourceStatus.Published && r.authorId !== actor.id,
  report: (actor: Actor | null, r: ResourceRef): boolean =>
    actor !== null && r.status === ResourceStatus.Published,
} as const;
