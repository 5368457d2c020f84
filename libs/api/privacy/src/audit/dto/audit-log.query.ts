import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@pratique/api/platform';
import { AuditAction, AuditLogQuery } from '@pratique/contracts';
import { IsIn, IsOptional } from 'class-validator';

const ACTIONS = Object.values(AuditAction);

export class AuditLogQueryDto extends PageQueryDto implements AuditLogQuery {
  @ApiPropertyOptional({ enum: ACTIONS })
  @IsOptional()
  @IsIn(ACTIONS, { message: `must be one of ${ACTIONS.join(', ')}` })
  action?: AuditAction;
}
