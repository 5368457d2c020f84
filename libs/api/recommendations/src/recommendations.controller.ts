import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, Authorize, CurrentActor } from '@pratique/api/accounts';
import { Recommendations } from '@pratique/contracts';
import { RecommendationsService } from './recommendations.service';

@ApiTags('recommendations')
@Controller()
export class RecommendationsController {
  constructor(private readonly recommendations: RecommendationsService) {}

  /** SkillRoutes.recommendations: the signed-in member's "For you". */
  @Get('me/recommendations')
  @Authorize()
  forMe(@CurrentActor() actor: Actor): Promise<Recommendations> {
    return this.recommendations.forMember(actor);
  }
}
