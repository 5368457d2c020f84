/**
 * The member directory: profiles with skills and interests, what each member lets others see,
 * and following people. Only signed-in members see the directory.
 */
import { OrganisationRef } from './accounts';
import { Language, LocalizedText } from './i18n';

export const PROFILE_LIMITS = { bio: 1000, tags: 20, tagLength: 40 } as const;

/** What of a member's profile other members see (the member always sees everything). */
export interface ProfileVisibility {
  /** Appears in the directory and can be opened by others. */
  listed: boolean;
  showOrganisations: boolean;
  showRegion: boolean;
  showSkills: boolean;
  showSpaces: boolean;
}

export const DEFAULT_PROFILE_VISIBILITY: Readonly<ProfileVisibility> = {
  listed: true,
  showOrganisations: true,
  showRegion: true,
  showSkills: true,
  showSpaces: true,
};

/** A member in the directory list; a field the member hides is null. */
export interface MemberCard {
  id: string;
  displayName: string;
  regionId: string | null;
  organisations: OrganisationRef[] | null;
  skills: string[] | null;
  followed: boolean;
}

export interface MemberSpaceRef {
  id: string;
  slug: string;
  title: LocalizedText;
  originalLanguage: Language;
}

/** A member's page; hidden fields are null. */
export interface MemberProfileDto extends MemberCard {
  bio: string;
  interests: string[] | null;
  spaces: MemberSpaceRef[] | null;
  followers: number;
  isMe: boolean;
}

/** The signed-in member's own directory profile and its visibility. */
export interface MyProfile extends ProfileVisibility {
  bio: string;
  skills: string[];
  interests: string[];
}
export type UpdateMyProfileRequest = Partial<MyProfile>;

export interface MemberSearchQuery {
  q?: string;
  skill?: string;
  regionId?: string;
  organisationId?: string;
  followed?: boolean;
  page?: number;
  pageSize?: number;
}

/** Trims, lower-cases (locale-independent) and de-duplicates tags, keeping their first order. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const raw of tags) {
    const t = raw.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
    if (t) seen.add(t);
  }
  return [...seen];
}
