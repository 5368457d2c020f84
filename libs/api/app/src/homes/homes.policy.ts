/**
 * Who sees which home (route-level rules, in the shape of `Policy`): every signed-in user has a
 * member's outlook; the animator's home is for whoever animates a space; the staff home for staff
 * of a region and admins (who see every region).
 */
import { isAdmin, isSignedIn, isStaffAnywhere, Rule } from '@pratique/api/accounts';

const animatesASpace: Rule = (actor) => (actor?.animatorSpaceIds.length ?? 0) > 0;
const staffOrAdmin: Rule = (actor) => isAdmin(actor) || isStaffAnywhere(actor);

export const HomePolicy = {
  seminarOutlook: isSignedIn,
  animatorHome: animatesASpace,
  staffHome: staffOrAdmin,
} as const;
