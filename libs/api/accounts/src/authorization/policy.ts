/**
 * Every authorization rule of the platform, in one place, as pure functions of the actor and
 * the object. Controllers declare route-level rules with `@Authorize(...)`; services check
 * object-level rules with `assertAllowed(...)`. Nothing else decides who may do what.
 */
import { SpaceRole, SpaceScope, SpaceStatus, SpaceVisibility } from '@pratique/contracts';
import { Actor } from './actor';

export type Rule = (actor: Actor | null) => boolean;

/** What the rules need to know about a space. */
export interface SpaceRef {
  scope: SpaceScope;
  regionId: string | null;
  visibility: SpaceVisibility;
  status: SpaceStatus;
}

export const isSignedIn: Rule = (actor) => actor !== null;
export const isAdmin: Rule = (actor) => actor?.isAdmin === true;
export const isStaffOf = (actor: Actor | null, regionId: string | null): boolean =>
  regionId !== null && (actor?.staffRegionIds.includes(regionId) ?? false);
export const isStaffAnywhere: Rule = (actor) => (actor?.staffRegionIds.length ?? 0) > 0;

/** Regions a member belongs to: their home region and those of their organisations. */
export const belongsToRegion = (actor: Actor, regionId: string): boolean =>
  actor.regionId === regionId || actor.organisationRegionIds.includes(regionId);

export const Policy = {
  /** Regions and organisations: admin only. */
  manageDirectory: isAdmin,
  /** Granting and revoking staff/admin: admin only. */
  manageRoles: isAdmin,
  /** Suspending and reinstating accounts: admin only. */
  suspendAccounts: isAdmin,
  /** A national space is created by an admin; a regional one also by staff of its region. */
  createSpace: (actor: Actor | null, target: { scope: SpaceScope; regionId: string | null }): boolean =>
    isAdmin(actor) || (target.scope === SpaceScope.Regional && isStaffOf(actor, target.regionId)),
  editSpace: (actor: Actor | null, space: SpaceRef): boolean =>
    isAdmin(actor) || isStaffOf(actor, space.regionId),
  /** Animators are set by an admin or by staff of the space's region. */
  manageAnimators: (actor: Actor | null, space: SpaceRef): boolean =>
    isAdmin(actor) || isStaffOf(actor, space.regionId),
  /** Public spaces are seen by everyone; members-only ones by signed-in users (so they can join). */
  viewSpace: (actor: Actor | null, space: SpaceRef): boolean =>
    space.visibility === SpaceVisibility.Public || actor !== null,
  /** Who is in a space is seen by its members, and by admins and staff of its region. */
  seeMembers: (actor: Actor | null, space: SpaceRef, myRole: SpaceRole | null): boolean =>
    actor !== null && (myRole !== null || isAdmin(actor) || isStaffOf(actor, space.regionId)),
  /** Anyone signed in may join an open national space; a regional space is for members of that region. */
  joinSpace: (actor: Actor | null, space: SpaceRef, myRole: SpaceRole | null): boolean =>
    actor !== null &&
    myRole === null &&
    space.status === SpaceStatus.Open &&
    (space.scope === SpaceScope.National ||
      (space.regionId !== null && belongsToRegion(actor, space.regionId))),
  leaveSpace: (actor: Actor | null, _space: SpaceRef, myRole: SpaceRole | null): boolean =>
    actor !== null && myRole !== null,
} as const;

/** What the learning rules need to know about a module and its space. */
export interface ModuleRef {
  spaceId: string;
  status: 'draft' | 'published' | 'archived';
  space: SpaceRef;
}

/** The caller's relation to the module: role in its space, and whether they started it. */
export interface LearnerState {
  spaceRole: SpaceRole | null;
  enrolled: boolean;
}

export const isAnimatorOf = (actor: Actor | null, spaceId: string): boolean =>
  actor?.animatorSpaceIds.includes(spaceId) ?? false;

export const LearningPolicy = {
  /** Modules are written and published by the space's animators, and by admins. */
  authorModules: (actor: Actor | null, spaceId: string): boolean =>
    isAdmin(actor) || isAnimatorOf(actor, spaceId),
  /** Uploading lesson files and SCORM packages: anyone who animates a space, and admins. */
  upload: (actor: Actor | null): boolean => isAdmin(actor) || (actor?.animatorSpaceIds.length ?? 0) > 0,
  /**
   * Authors see every module; published ones are seen by whoever sees the space; archived ones
   * stay readable by those who started them.
   */
  viewModule: (actor: Actor | null, module: ModuleRef, me: LearnerState): boolean =>
    LearningPolicy.authorModules(actor, module.spaceId) ||
    (module.status === 'published' && Policy.viewSpace(actor, module.space)) ||
    (module.status === 'archived' && me.enrolled) ||
    (module.status !== 'draft' && isStaffOf(actor, module.space.regionId)),
  /** Progress is recorded only on published modules, by members of the space. */
  learn: (actor: Actor | null, module: ModuleRef, me: LearnerState): boolean =>
    actor !== null && module.status === 'published' && me.spaceRole !== null,
  /** A module's learners are seen by its authors and by staff of the space's region. */
  seeLearners: (actor: Actor | null, module: ModuleRef): boolean =>
    LearningPolicy.authorModules(actor, module.spaceId) || isStaffOf(actor, module.space.regionId),
} as const;

export const SeminarPolicy = {
  /** Seminars of a region are run by its regional office (staff) and by admins. */
  manage: (actor: Actor | null, regionId: string): boolean => isAdmin(actor) || isStaffOf(actor, regionId),
  /** Drafts are seen by those who manage them; other seminars by every signed-in member. */
  view: (actor: Actor | null, seminar: { regionId: string; status: string }): boolean =>
    SeminarPolicy.manage(actor, seminar.regionId) || (actor !== null && seminar.status !== 'draft'),
} as const;
