import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, Authorize, CurrentActor } from '@pratique/api/accounts';
import { UuidPipe } from '@pratique/api/platform';
import { SkillMatch, SkillOffer, SkillRequest } from '@pratique/contracts';
import { MatchingService } from './matching.service';

@ApiTags('skills')
@Controller()
@Authorize()
export class MatchingController {
  constructor(private readonly matching: MatchingService) {}

  /** Offers suggested for the request, best first. */
  @Get('skill-requests/:id/matches')
  offersFor(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidPipe()) id: string,
  ): Promise<SkillMatch<SkillOffer>[]> {
    return this.matching.offersFor(actor, id);
  }

  /** Requests the offer fits, best first. */
  @Get('skill-offers/:id/matches')
  requestsFor(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidPipe()) id: string,
  ): Promise<SkillMatch<SkillRequest>[]> {
    return this.matching.requestsFor(actor, id);
  }
}
