import { Language } from './i18n';

/** Platform-wide roles. Every signed-up user is a member; staff is scoped to regions. */
export enum GlobalRole {
  Staff = 'staff',
  Admin = 'admin',
}

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
export const DISPLAY_NAME_MAX_LENGTH = 80;

export interface SignUpRequest {
  email: string;
  password: string;
  displayName: string;
  preferredLanguage: Language;
  regionId: string;
  organisationId: string;
}

export interface SignInRequest {
  email: string;
  password: string;
}

export interface UpdateProfileRequest {
  displayName?: string;
  preferredLanguage?: Language;
}

export interface OrganisationRef {
  id: string;
  name: string;
}

/** The signed-in user as the web app sees them (GET /api/auth/me). */
export interface CurrentUser {
  id: string;
  email: string;
  displayName: string;
  preferredLanguage: Language;
  regionId: string;
  organisations: OrganisationRef[];
  isAdmin: boolean;
  /** Regions where the user is staff (regional office). */
  staffRegionIds: string[];
  /** Animates at least one space (sees what animators look after, such as flagged skill offers). */
  animatesSpaces: boolean;
}

export interface RoleGrantDto {
  id: string;
  userId: string;
  role: GlobalRole;
  regionId: string | null;
  createdAt: string;
}

export interface GrantRoleRequest {
  role: GlobalRole;
  /** Required for staff, absent for admin. */
  regionId?: string;
}

/** A user as an admin sees them in the roles page. */
export interface UserSummary {
  id: string;
  email: string;
  displayName: string;
  regionId: string;
  roles: RoleGrantDto[];
  /** Set while an admin has suspended the account. */
  suspendedAt: string | null;
  suspensionReason: string | null;
}

/** PUT /api/users/:id/suspension. */
export interface SuspendRequest {
  reason: string;
}

/** The answer to a suspension or reinstatement: how many open sessions were ended at once. */
export interface SuspensionResult {
  userId: string;
  suspendedAt: string | null;
  sessionsEnded: number;
}
