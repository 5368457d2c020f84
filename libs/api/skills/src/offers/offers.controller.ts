import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, Authorize, CurrentActor } from '@pratique/api/accounts';
import { UuidPipe } from '@pratique/api/platform';
import { Page, SkillOffer } from '@pratique/contracts';
import { CreateSkillOfferDto, SkillListQueryDto, UpdateSkillOfferDto } from '../dto/skill-offer.dto';
import { OffersService } from './offers.service';

@ApiTags('skills')
@Controller('skill-offers')
@Authorize()
export class OffersController {
  constructor(private readonly offers: OffersService) {}

  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateSkillOfferDto): Promise<SkillOffer> {
    return this.offers.create(actor, dto);
  }

  @Get()
  list(@CurrentActor() actor: Actor, @Query() q: SkillListQueryDto): Promise<Page<SkillOffer>> {
    return this.offers.list(actor, q);
  }

  /** Before `:id`: offers flagged by the rating rule (staff, admins, animators). */
  @Get('flagged')
  flagged(@CurrentActor() actor: Actor): Promise<SkillOffer[]> {
    return this.offers.flagged(actor);
  }

  @Get(':id')
  detail(@CurrentActor() actor: Actor, @Param('id', new UuidPipe()) id: string): Promise<SkillOffer> {
    return this.offers.detail(actor, id);
  }

  @Patch(':id')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: UpdateSkillOfferDto,
  ): Promise<SkillOffer> {
    return this.offers.update(actor, id, dto);
  }
}
