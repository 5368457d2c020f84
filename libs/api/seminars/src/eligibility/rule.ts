/**
 * The gate, as pure functions: a rule is k of N requirements { module, minPercent }.
 * `evaluateRule` explains the outcome; `checkRule` lists what makes a rule impossible.
 */
import { ApiFieldError, EligibilityRule } from '@pratique/contracts';

export interface RequirementProgress {
  moduleId: string;
  minPercent: number;
  currentPercent: number;
}

export interface RuleOutcome {
  eligible: boolean;
  k: number;
  n: number;
  met: number;
  stillNeeded: number;
  metModuleIds: string[];
}

/** A requirement is met when the member's percent reaches the minimum. No requirement: open to all. */
export function evaluateRule(k: number, requirements: RequirementProgress[]): RuleOutcome {
  const metModuleIds = requirements.filter((r) => r.currentPercent >= r.minPercent).map((r) => r.moduleId);
  const met = metModuleIds.length;
  const needed = requirements.length === 0 ? 0 : k;
  return { eligible: met >= needed, k: needed, n: requirements.length, met, stillNeeded: Math.max(0, needed - met), metModuleIds };
}

/** Field errors for an impossible rule (publication of the modules is checked against the database). */
export function checkRule(rule: EligibilityRule): ApiFieldError[] {
  const errors: ApiFieldError[] = [];
  const n = rule.requirements.length;
  if (!Number.isInteger(rule.k)) errors.push({ field: 'rule.k', reason: 'must be a whole number' });
  else if (n === 0 && rule.k !== 0) errors.push({ field: 'rule.k', reason: 'must be 0 when there is no requirement' });
  else if (n > 0 && rule.k < 1) errors.push({ field: 'rule.k', reason: 'must be at least 1' });
  else if (rule.k > n) errors.push({ field: 'rule.k', reason: `cannot exceed the number of requirements (${n})` });
  const seen = new Set<string>();
  rule.requirements.forEach((r, i) => {
    if (seen.has(r.moduleId)) errors.push({ field: `rule.requirements.${i}.moduleId`, reason: 'is already required: each module appears once' });
    seen.add(r.moduleId);
    if (!Number.isInteger(r.minPercent) || r.minPercent < 1 || r.minPercent > 100)
      errors.push({ field: `rule.requirements.${i}.minPercent`, reason: 'must be a whole percent between 1 and 100' });
  });
  return errors;
}
