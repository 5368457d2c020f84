import { ApiPropertyOptional } from '@nestjs/swagger';
import { DashboardQuery, DashboardStatus, RegistrationStatus } from '@pratique/contracts';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class DashboardQueryDto implements DashboardQuery {
  @ApiPropertyOptional({ enum: ['eligible', 'in_progress', 'not_started'] })
  @IsOptional()
  @IsIn(['eligible', 'in_progress', 'not_started'], { message: 'must be eligible, in_progress or not_started' })
  status?: DashboardStatus;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'must be an organisation id' }) organisationId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  oneAway?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsIn([...Object.values(RegistrationStatus), 'none'], { message: 'must be a registration status or none' })
  registration?: RegistrationStatus | 'none';

  @ApiPropertyOptional({ enum: ['name', 'met', 'status'] }) @IsOptional() @IsIn(['name', 'met', 'status'], { message: 'must be name, met or status' }) sort: 'name' | 'met' | 'status' = 'status';
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) page = 1;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize = 50;
}
