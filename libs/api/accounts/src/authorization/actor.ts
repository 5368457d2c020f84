import { CurrentUser } from '@pratique/contracts';

/** The signed-in user as the API's rules see them; `null` is an anonymous visitor. */
export interface Actor extends Omit<CurrentUser, 'animatesSpaces'> {
  /** Regions of the user's organisations (a member may belong to CSOs of several regions). */
  organisationRegionIds: string[];
  /** Spaces where the user is an animator. */
  animatorSpaceIds: string[];
}

export function toCurrentUser(actor: Actor): CurrentUser {
  const { organisationRegionIds: _regions, animatorSpaceIds: spaces, ...user } = actor;
  return { ...user, animatesSpaces: spaces.length > 0 };
}
