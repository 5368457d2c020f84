import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, Authorize, CurrentActor } from '@pratique/api/accounts';
import { Page, SpaceDetail, SpaceMemberDto, SpaceSummary } from '@pratique/contracts';
import { UuidPipe } from '@pratique/api/platform';
import { CreateSpaceDto, ListSpacesQuery, UpdateSpaceDto } from './dto/space.dto';
import { SpacesService } from './spaces.service';

@ApiTags('spaces')
@Controller('spaces')
export class SpacesController {
  constructor(private readonly spaces: SpacesService) {}

  @Get()
  list(@CurrentActor() actor: Actor | null, @Query() query: ListSpacesQuery): Promise<Page<SpaceSummary>> {
    return this.spaces.list(actor, query);
  }

  @Post()
  @Authorize()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateSpaceDto): Promise<SpaceDetail> {
    return this.spaces.create(actor, dto);
  }

  /** By id or by slug. */
  @Get(':idOrSlug')
  get(@CurrentActor() actor: Actor | null, @Param('idOrSlug') idOrSlug: string): Promise<SpaceDetail> {
    return this.spaces.get(actor, idOrSlug.slice(0, 100));
  }

  @Patch(':id')
  @Authorize()
  update(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: UpdateSpaceDto,
  ): Promise<SpaceDetail> {
    return this.spaces.update(actor, id, dto);
  }

  @Post(':id/membership')
  @Authorize()
  join(@CurrentActor() actor: Actor, @Param('id', new UuidPipe()) id: string): Promise<SpaceDetail> {
    return this.spaces.join(actor, id);
  }

  @Delete(':id/membership')
  @HttpCode(204)
  @Authorize()
  leave(@CurrentActor() actor: Actor, @Param('id', new UuidPipe()) id: string): Promise<void> {
    return this.spaces.leave(actor, id);
  }

  @Get(':id/members')
  members(
    @CurrentActor() actor: Actor | null,
    @Param('id', new UuidPipe()) id: string,
  ): Promise<SpaceMemberDto[]> {
    return this.spaces.members(actor, id);
  }

  @Put(':id/animators/:userId')
  @Authorize()
  addAnimator(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidPipe()) id: string,
    @Param('userId', new UuidPipe()) userId: string,
  ): Promise<SpaceDetail> {
    return this.spaces.setAnimator(actor, id, userId, true);
  }

  @Delete(':id/animators/:userId')
  @HttpCode(204)
  @Authorize()
  async removeAnimator(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidPipe()) id: string,
    @Param('userId', new UuidPipe()) userId: string,
  ): Promise<void> {
    await this.spaces.setAnimator(actor, id, userId, false);
  }
}
