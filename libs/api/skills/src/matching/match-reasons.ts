/**
 * Why a pair is suggested, from what the two items share (computed in SQL by
 * `matching.repository.ts`): skills first, then region, language and format — each reason only
 * when something is shared, carrying the shared values.
 */
import { Language, MATCH_WEIGHTS, MatchReason, SkillFormat } from '@pratique/contracts';

export interface Shared {
  skills: string[];
  regionId: string | null;
  languages: Language[];
  formats: SkillFormat[];
}

export function reasonsOf(shared: Shared): MatchReason[] {
  const reasons: MatchReason[] = [];
  if (shared.skills.length) reasons.push({ kind: 'skills', skills: shared.skills });
  if (shared.regionId !== null) reasons.push({ kind: 'region', regionId: shared.regionId });
  if (shared.languages.length) reasons.push({ kind: 'language', languages: shared.languages });
  if (shared.formats.length) reasons.push({ kind: 'format', formats: shared.formats });
  return reasons;
}

/** The score the reasons are worth (`MATCH_WEIGHTS`); the SQL computes the same to order the pairs. */
export function scoreOf(reasons: readonly MatchReason[]): number {
  return reasons.reduce((sum, r) => {
    switch (r.kind) {
      case 'skills':
        return sum + MATCH_WEIGHTS.skill * r.skills.length;
      case 'region':
        return sum + MATCH_WEIGHTS.region;
      case 'language':
        return sum + MATCH_WEIGHTS.language;
      case 'format':
        return sum + MATCH_WEIGHTS.format;
    }
  }, 0);
}
