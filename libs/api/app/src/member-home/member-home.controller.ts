import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, Authorize, CurrentActor } from '@pratique/api/accounts';
import { ModulesService } from '@pratique/api/learning';
import { SeminarsService } from '@pratique/api/seminars';
import { MEMBER_HOME_SEMINARS, MemberHome } from '@pratique/contracts';

/**
 * `GET /api/me/home`: what a member's home shows — their modules with percent and their next
 * seminars with eligibility — in one request, two queries run side by side.
 */
@ApiTags('me')
@Controller('me/home')
export class MemberHomeController {
  constructor(
    private readonly modules: ModulesService,
    private readonly seminars: SeminarsService,
  ) {}

  @Get()
  @Authorize()
  async home(@CurrentActor() actor: Actor): Promise<MemberHome> {
    const [modules, seminars] = await Promise.all([
      this.modules.myModules(actor),
      this.seminars.upcoming(actor, MEMBER_HOME_SEMINARS),
    ]);
    return { modules, seminars };
  }
}
