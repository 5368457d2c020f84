import { Injectable } from '@nestjs/common';
import { Actor } from '@pratique/api/accounts';
import { SkillMatch, SkillOffer, SkillRequest } from '@pratique/contracts';
import { OffersRepository } from '../offers/offers.repository';
import { OffersService, unknownOffer } from '../offers/offers.service';
import { RequestsRepository } from '../requests/requests.repository';
import { RequestsService, unknownRequest } from '../requests/requests.service';
import { reasonsOf } from './match-reasons';
import { MatchingRepository, MatchRow } from './matching.repository';

/** Suggestions: offers for a request, requests for an offer, each with its score and reasons. */
@Injectable()
export class MatchingService {
  constructor(
    private readonly matching: MatchingRepository,
    private readonly offersRepo: OffersRepository,
    private readonly offers: OffersService,
    private readonly requestsRepo: RequestsRepository,
    private readonly requests: RequestsService,
  ) {}

  async offersFor(actor: Actor, requestId: string): Promise<SkillMatch<SkillOffer>[]> {
    if (!(await this.requestsRepo.organisationOf(requestId))) throw unknownRequest();
    const rows = await this.matching.offersFor(requestId);
    const items = await this.offers.forViewer(actor, await this.offersRepo.byIds(rows.map((r) => r.id)));
    return withItems(rows, items);
  }

  async requestsFor(actor: Actor, offerId: string): Promise<SkillMatch<SkillRequest>[]> {
    if (!(await this.offersRepo.authorOf(offerId))) throw unknownOffer();
    const rows = await this.matching.requestsFor(offerId);
    const items = await this.requests.forViewer(actor, await this.requestsRepo.byIds(rows.map((r) => r.id)));
    return withItems(rows, items);
  }
}

function withItems<T extends { id: string }>(rows: MatchRow[], items: T[]): SkillMatch<T>[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  return rows.flatMap((row) => {
    const item = byId.get(row.id);
    return item ? [{ item, score: row.score, reasons: reasonsOf(row) }] : [];
  });
}
