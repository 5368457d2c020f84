import { Injectable } from '@nestjs/common';
import { Eligibility } from '@pratique/contracts';
import { EntityManager } from 'typeorm';
import { EligibilityRepository } from './eligibility.repository';
import { evaluateRule } from './rule';

/** `eligibility(user, seminar)`: the answer and its explanation (DESIGN.md "The gate"). */
@Injectable()
export class EligibilityService {
  constructor(private readonly repo: EligibilityRepository) {}

  async explain(userId: string, seminarId: string, tx?: EntityManager): Promise<Eligibility | null> {
    const row = await this.repo.load(userId, seminarId, tx);
    if (!row) return null;
    const outcome = evaluateRule(
      row.k,
      row.requirements.map((r) => ({ moduleId: r.moduleId, minPercent: r.minPercent, currentPercent: r.currentPercent })),
    );
    const met = new Set(outcome.metModuleIds);
    return {
      eligible: row.inAudience && outcome.eligible,
      inAudience: row.inAudience,
      k: outcome.k,
      n: outcome.n,
      met: outcome.met,
      stillNeeded: outcome.stillNeeded,
      requirements: row.requirements.map((r) => ({
        moduleId: r.moduleId,
        title: r.title,
        originalLanguage: r.originalLanguage,
        requiredPercent: r.minPercent,
        currentPercent: r.currentPercent,
        met: met.has(r.moduleId),
        nextLessons: met.has(r.moduleId) ? [] : r.nextLessons,
      })),
    };
  }
}
