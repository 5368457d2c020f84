import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, Authorize, CurrentActor } from '@pratique/api/accounts';
import { fieldError } from '@pratique/api/platform';
import { FeedPage } from '@pratique/contracts';
import { FeedQueryDto } from './dto/feed.dto';
import { FeedService } from './feed.service';

const uuid = (field: string) =>
  new ParseUUIDPipe({ exceptionFactory: () => fieldError(400, field, 'must be a uuid') });

@ApiTags('feed')
@Controller()
export class FeedController {
  constructor(private readonly feed: FeedService) {}

  @Get('feed')
  @Authorize()
  mine(@CurrentActor() actor: Actor, @Query() q: FeedQueryDto): Promise<FeedPage> {
    return this.feed.mine(actor, q);
  }

  @Get('regions/:regionId/feed')
  @Authorize()
  region(
    @CurrentActor() actor: Actor,
    @Param('regionId', uuid('regionId')) regionId: string,
    @Query() q: FeedQueryDto,
  ): Promise<FeedPage> {
    return this.feed.region(actor, regionId, q);
  }

  @Put('me/completions/:moduleId/shared')
  @HttpCode(204)
  @Authorize()
  share(@CurrentActor() actor: Actor, @Param('moduleId', uuid('moduleId')) moduleId: string): Promise<void> {
    return this.feed.shareCompletion(actor, moduleId, true);
  }

  @Delete('me/completions/:moduleId/shared')
  @HttpCode(204)
  @Authorize()
  unshare(
    @CurrentActor() actor: Actor,
    @Param('moduleId', uuid('moduleId')) moduleId: string,
  ): Promise<void> {
    return this.feed.shareCompletion(actor, moduleId, false);
  }
}
