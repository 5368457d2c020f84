/** Normalising what members type into offers and requests (tags, lists without duplicates). */
import { fieldError } from '@pratique/api/platform';
import { normaliseTags, SKILL_LIMITS } from '@pratique/contracts';

/** Skills as normalised tags (`normaliseTags`): at least one, each within the length limit. */
export function skillsOf(skills: readonly string[]): string[] {
  const out = normaliseTags(skills);
  if (!out.length) throw fieldError(400, 'skills', 'must hold at least one skill');
  if (out.some((s) => s.length > SKILL_LIMITS.skillChars))
    throw fieldError(400, 'skills', `must hold skills of at most ${SKILL_LIMITS.skillChars} characters`);
  return out;
}

/** The list without repeats, in the order given. */
export const distinct = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** The value given, or the current one when the field was left out of a partial update. */
export const orCurrent = <T>(given: T | undefined, current: T): T => (given === undefined ? current : given);
