import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, Authorize, CurrentActor } from '@pratique/api/accounts';
import { AnimatorHome, SeminarOutlook, StaffHome } from '@pratique/contracts';
import { HomePolicy } from './homes.policy';
import { HomesService } from './homes.service';

/** HomeRoutes: what the member, animator and staff homes show beside `GET /api/me/home`. */
@ApiTags('me')
@Controller('me')
export class HomesController {
  constructor(private readonly homes: HomesService) {}

  @Get('seminar-outlook')
  @Authorize(HomePolicy.seminarOutlook)
  @ApiOkResponse({
    description:
      'Seminars the member may register for now, and those within reach with the cheapest way to their gate',
  })
  seminarOutlook(@CurrentActor() actor: Actor): Promise<SeminarOutlook> {
    return this.homes.seminarOutlook(actor);
  }

  @Get('animator-home')
  @Authorize(HomePolicy.animatorHome)
  @ApiOkResponse({
    description: 'The spaces the caller animates: waiting work, modules and learners, unanswered questions',
  })
  animatorHome(@CurrentActor() actor: Actor): Promise<AnimatorHome> {
    return this.homes.animatorHome(actor);
  }

  @Get('staff-home')
  @Authorize(HomePolicy.staffHome)
  @ApiOkResponse({
    description:
      "The caller's regions (every region for an admin): upcoming seminars, attendance to mark, eligibility over time",
  })
  staffHome(@CurrentActor() actor: Actor): Promise<StaffHome> {
    return this.homes.staffHome(actor);
  }
}
