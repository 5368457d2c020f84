import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, Authorize, CurrentActor } from '@pratique/api/accounts';
import { UuidPipe } from '@pratique/api/platform';
import { Page, SkillRequest } from '@pratique/contracts';
import { SkillListQueryDto } from '../dto/skill-offer.dto';
import { CreateSkillRequestDto, UpdateSkillRequestDto } from '../dto/skill-request.dto';
import { RequestsService } from './requests.service';

@ApiTags('skills')
@Controller('skill-requests')
@Authorize()
export class RequestsController {
  constructor(private readonly requests: RequestsService) {}

  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateSkillRequestDto): Promise<SkillRequest> {
    return this.requests.create(actor, dto);
  }

  @Get()
  list(@CurrentActor() actor: Actor, @Query() q: SkillListQueryDto): Promise<Page<SkillRequest>> {
    return this.requests.list(actor, q);
  }

  @Get(':id')
  detail(@CurrentActor() actor: Actor, @Param('id', new UuidPipe()) id: string): Promise<SkillRequest> {
    return this.requests.detail(actor, id);
  }

  @Patch(':id')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: UpdateSkillRequestDto,
  ): Promise<SkillRequest> {
    return this.requests.update(actor, id, dto);
  }
}
