import { ApiRoutes, HomeRoutes } from '@pratique/contracts';
import type { CurrentUser } from '@pratique/contracts';

/** The homes a person has: every signed-in person learns; some animate spaces; some staff a regional office. */
export type Persona = 'member' | 'animator' | 'staff';

/** In the order of the tabs: their own learning first, then what they look after. */
export function personasOf(
  user: Pick<CurrentUser, 'animatesSpaces' | 'staffRegionIds' | 'isAdmin'>,
): Persona[] {
  const out: Persona[] = ['member'];
  if (user.animatesSpaces) out.push('animator');
  if (user.staffRegionIds.length > 0 || user.isAdmin) out.push('staff');
  return out;
}

/**
 * The home `/` opens on: the most specific role, since it is what the person comes to do every
 * day (a regional office's staff look at their seminars; an animator at their spaces).
 */
export function primaryPersona(
  user: Pick<CurrentUser, 'animatesSpaces' | 'staffRegionIds' | 'isAdmin'>,
): Persona {
  const all = personasOf(user);
  return all[all.length - 1];
}

/** The member home's preview of unread notifications (its URL, so it can be fetched ahead). */
export const UNREAD_PREVIEW_URL = `${ApiRoutes.notifications}?unread=true&pageSize=3`;

/** What each home reads first: the `/` shell starts these requests while the home's code loads. */
export const HOME_REQUESTS: Readonly<Record<Persona, readonly string[]>> = {
  member: [ApiRoutes.myHome, HomeRoutes.seminarOutlook, UNREAD_PREVIEW_URL],
  animator: [HomeRoutes.animator],
  staff: [HomeRoutes.staff],
};
