import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, Authorize, CurrentActor } from '@pratique/api/accounts';
import { fieldError, RateLimit, hasSearchQuery } from '@pratique/api/platform';
import { MemberCard, MemberProfileDto, MyProfile, Page } from '@pratique/contracts';
import { MemberSearchQueryDto, UpdateMyProfileDto } from './dto/members.dto';
import { MembersService } from './members.service';

const memberId = new ParseUUIDPipe({
  exceptionFactory: () => fieldError(400, 'id', 'must be a member id (uuid)'),
});

/** The directory is for signed-in members only. */
@ApiTags('members')
@Controller()
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get('members')
  @RateLimit('search', hasSearchQuery)
  @Authorize()
  search(@CurrentActor() actor: Actor, @Query() q: MemberSearchQueryDto): Promise<Page<MemberCard>> {
    return this.members.search(actor, q);
  }

  @Get('members/:id')
  @Authorize()
  profile(@CurrentActor() actor: Actor, @Param('id', memberId) id: string): Promise<MemberProfileDto> {
    return this.members.profile(actor, id);
  }

  @Put('members/:id/follow')
  @HttpCode(204)
  @Authorize()
  follow(@CurrentActor() actor: Actor, @Param('id', memberId) id: string): Promise<void> {
    return this.members.follow(actor, id);
  }

  @Delete('members/:id/follow')
  @HttpCode(204)
  @Authorize()
  unfollow(@CurrentActor() actor: Actor, @Param('id', memberId) id: string): Promise<void> {
    return this.members.unfollow(actor, id);
  }

  @Get('me/profile')
  @Authorize()
  myProfile(@CurrentActor() actor: Actor): Promise<MyProfile> {
    return this.members.myProfile(actor);
  }

  @Put('me/profile')
  @Authorize()
  updateMyProfile(@CurrentActor() actor: Actor, @Body() dto: UpdateMyProfileDto): Promise<MyProfile> {
    return this.members.updateMyProfile(actor, dto);
  }
}
