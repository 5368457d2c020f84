/**
 * The directory's filters as they live in the URL query string (`/members?q=&skill=&regionId=
 * &organisationId=&followed=true&page=`), and the API query made from them. Anything malformed
 * in a hand-edited or old link is dropped rather than sent (the API would answer 400).
 */
import { DEFAULT_PAGE_SIZE, MemberSearchQuery, PROFILE_LIMITS } from '@pratique/contracts';

export interface MemberFilters {
  q: string;
  skill: string;
  regionId: string;
  organisationId: string;
  followed: boolean;
  page: number;
}

export type MemberFilterName = Exclude<keyof MemberFilters, 'page'>;

export const SEARCH_MAX_LENGTH = 100;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function filtersFromParams(params: Partial<Record<string, string | null | undefined>>): MemberFilters {
  const id = (v: string | null | undefined) => (v && UUID.test(v.trim()) ? v.trim() : '');
  const text = (v: string | null | undefined, max: number) =>
    (v ?? '').trim().replace(/\s+/g, ' ').slice(0, max);
  const page = Number(params['page'] ?? 1);
  return {
    q: text(params['q'], SEARCH_MAX_LENGTH),
    skill: text(params['skill'], PROFILE_LIMITS.tagLength),
    regionId: id(params['regionId']),
    organisationId: id(params['organisationId']),
    followed: params['followed'] === 'true',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function searchQueryOf(f: MemberFilters, pageSize = DEFAULT_PAGE_SIZE): MemberSearchQuery {
  return {
    q: f.q || undefined,
    skill: f.skill || undefined,
    regionId: f.regionId || undefined,
    organisationId: f.organisationId || undefined,
    followed: f.followed || undefined,
    page: f.page,
    pageSize,
  };
}

/**
 * Query params to merge into the URL when filters change: an empty value removes the param,
 * and any change goes back to page 1.
 */
export function filterParams(
  changes: Partial<Record<MemberFilterName, string | boolean>>,
): Record<string, string | null> {
  const out: Record<string, string | null> = { page: null };
  for (const [name, value] of Object.entries(changes)) {
    if (typeof value === 'boolean') out[name] = value ? 'true' : null;
    else out[name] = value.trim() ? value.trim() : null;
  }
  return out;
}

export function hasFilters(f: MemberFilters): boolean {
  return !!(f.q || f.skill || f.regionId || f.organisationId || f.followed);
}
