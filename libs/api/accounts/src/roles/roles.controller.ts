import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Page, RoleGrantDto, UserSummary } from '@pratique/contracts';
import { UuidPipe } from '@pratique/api/platform';
import { Actor } from '../authorization/actor';
import { Authorize, CurrentActor } from '../authorization/authorize.decorator';
import { Policy } from '../authorization/policy';
import { GrantRoleDto } from './dto/grant-role.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { RolesService } from './roles.service';

@ApiTags('roles')
@Controller('users')
@Authorize(Policy.manageRoles)
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @Get()
  list(@Query() query: ListUsersQuery): Promise<Page<UserSummary>> {
    return this.roles.list(query.q, query.page, query.pageSize);
  }

  @Get(':userId/roles')
  grants(@Param('userId', new UuidPipe()) userId: string): Promise<RoleGrantDto[]> {
    return this.roles.grantsOf(userId);
  }

  @Post(':userId/roles')
  grant(
    @CurrentActor() actor: Actor,
    @Param('userId', new UuidPipe()) userId: string,
    @Body() dto: GrantRoleDto,
  ): Promise<RoleGrantDto> {
    return this.roles.grant(actor, userId, dto);
  }

  @Delete(':userId/roles/:grantId')
  @HttpCode(204)
  revoke(
    @CurrentActor() actor: Actor,
    @Param('userId', new UuidPipe()) userId: string,
    @Param('grantId', new UuidPipe()) grantId: string,
  ): Promise<void> {
    return this.roles.revoke(actor, userId, grantId);
  }
}
