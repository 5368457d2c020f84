import { Injectable } from '@nestjs/common';
import { Actor } from '@pratique/api/accounts';
import { RECOMMENDATION_LIMIT, Recommendations } from '@pratique/contracts';
import { RecommendationsRepository } from './recommendations.repository';

/**
 * "For you": each recommendation carries its reason (the seminar and lessons to its gate, the
 * skills or interests a space matches, the offer and skills a request shares); the UI words it.
 */
@Injectable()
export class RecommendationsService {
  constructor(private readonly recommendations: RecommendationsRepository) {}

  async forMember(actor: Actor): Promise<Recommendations> {
    const [modules, spaces, requests] = await Promise.all([
      this.recommendations.modules(actor.id, RECOMMENDATION_LIMIT),
      this.recommendations.spaces(actor.id, RECOMMENDATION_LIMIT),
      this.recommendations.requests(actor.id, RECOMMENDATION_LIMIT),
    ]);
    return { modules, spaces, requests };
  }
}
