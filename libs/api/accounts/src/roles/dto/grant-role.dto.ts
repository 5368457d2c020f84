import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GlobalRole, GrantRoleRequest } from '@pratique/contracts';
import { IsEnum, IsUUID, ValidateIf } from 'class-validator';

export class GrantRoleDto implements GrantRoleRequest {
  @ApiProperty({ enum: GlobalRole })
  @IsEnum(GlobalRole, { message: `must be one of ${Object.values(GlobalRole).join(', ')}` })
  role!: GlobalRole;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for staff, absent for admin' })
  @ValidateIf((o: GrantRoleDto) => o.role === GlobalRole.Staff || o.regionId !== undefined)
  @IsUUID('all', { message: 'must be a region id (staff is scoped to a region)' })
  regionId?: string;
}
