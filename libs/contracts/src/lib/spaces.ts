import { Language, LocalizedText } from './i18n';

/** The thematic axes of the community of practice. */
export const THEMATIC_AXES = [
  'governance',
  'gender_equality',
  'environment',
  'youth_participation',
  'project_management',
  'human_rights',
  'local_development',
] as const;
export type ThematicAxis = (typeof THEMATIC_AXES)[number];

export enum SpaceScope {
  National = 'national',
  Regional = 'regional',
}
export enum SpaceVisibility {
  Public = 'public',
  Members = 'members',
}
export enum SpaceStatus {
  Open = 'open',
  Archived = 'archived',
}
export enum SpaceRole {
  Member = 'member',
  Animator = 'animator',
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 60;
export const SPACE_TITLE_MAX_LENGTH = 120;
export const SPACE_DESCRIPTION_MAX_LENGTH = 4000;

export interface SpaceSummary {
  id: string;
  slug: string;
  title: LocalizedText;
  description: LocalizedText;
  originalLanguage: Language;
  axis: ThematicAxis;
  scope: SpaceScope;
  regionId: string | null;
  visibility: SpaceVisibility;
  status: SpaceStatus;
  memberCount: number;
  /** The caller's role in the space, or null when not a member (or anonymous). */
  myRole: SpaceRole | null;
}

export interface SpaceDetail extends SpaceSummary {
  animators: SpaceMemberDto[];
  /** What the caller may do here; the web app shows buttons from this, the API enforces it. */
  can: { edit: boolean; manageAnimators: boolean; join: boolean; leave: boolean; seeMembers: boolean };
}

export interface SpaceMemberDto {
  userId: string;
  displayName: string;
  role: SpaceRole;
  joinedAt: string;
}

export interface CreateSpaceRequest {
  slug: string;
  title: LocalizedText;
  description?: LocalizedText;
  originalLanguage: Language;
  axis: ThematicAxis;
  scope: SpaceScope;
  /** Required when scope is regional. */
  regionId?: string | null;
  visibility: SpaceVisibility;
}
export interface UpdateSpaceRequest {
  title?: LocalizedText;
  description?: LocalizedText;
  originalLanguage?: Language;
  axis?: ThematicAxis;
  visibility?: SpaceVisibility;
  status?: SpaceStatus;
}

export interface SpaceListQuery {
  q?: string;
  axis?: ThematicAxis;
  regionId?: string;
  joined?: boolean;
  page?: number;
  pageSize?: number;
}
