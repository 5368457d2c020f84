import { Injectable, NotFoundException } from '@nestjs/common';
import { Actor, SeminarPolicy } from '@pratique/api/accounts';
import { Eligibility } from '@pratique/contracts';
import { EntityManager } from 'typeorm';
import { EligibilityRepository, EligibilityRow } from './eligibility.repository';
import { evaluateRule } from './rule';

/** `eligibility(user, seminar)`: the answer and its explanation (DESIGN.md "The gate"). */
@Injectable()
export class EligibilityService {
  constructor(private readonly repo: EligibilityRepository) {}

  async explain(userId: string, seminarId: string, tx?: EntityManager): Promise<Eligibility | null> {
    const row = await this.repo.load(userId, seminarId, tx);
    return row ? this.explanation(row) : null;
  }

  /** The caller's own eligibility, in one query; 404 for a seminar they may not see (as `GET /seminars/:id`). */
  async mine(actor: Actor, seminarId: string): Promise<Eligibility> {
    const row = await this.repo.load(actor.id, seminarId);
    if (!row || !SeminarPolicy.view(actor, row))
      throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: 'This seminar does not exist', errors: [{ field: 'id', reason: 'is not a known seminar' }] });
    return this.explanation(row);
  }

  private explanation(row: EligibilityRow): Eligibility {
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
