import { Body, Controller, Delete, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SuspensionResult } from '@pratique/contracts';
import { UuidPipe } from '@pratique/api/platform';
import { Actor } from '../authorization/actor';
import { Authorize, CurrentActor } from '../authorization/authorize.decorator';
import { Policy } from '../authorization/policy';
import { SuspendDto } from './suspend.dto';
import { SuspensionService } from './suspension.service';

@ApiTags('roles')
@Controller('users/:userId/suspension')
@Authorize(Policy.suspendAccounts)
export class SuspensionController {
  constructor(private readonly suspension: SuspensionService) {}

  @Put()
  suspend(
    @CurrentActor() actor: Actor,
    @Param('userId', new UuidPipe()) userId: string,
    @Body() dto: SuspendDto,
  ): Promise<SuspensionResult> {
    return this.suspension.suspend(actor, userId, dto.reason);
  }

  @Delete()
  reinstate(
    @CurrentActor() actor: Actor,
    @Param('userId', new UuidPipe()) userId: string,
  ): Promise<SuspensionResult> {
    return this.suspension.reinstate(actor, userId);
  }
}
