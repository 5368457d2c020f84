import { ApiProperty } from '@nestjs/swagger';
import { AttendanceRequest, RegistrationStatus } from '@pratique/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';

export class AttendanceEntryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'must be a member id' }) userId!: string;
  @ApiProperty({ enum: ['attended', 'no_show'] })
  @IsIn([RegistrationStatus.Attended, RegistrationStatus.NoShow], { message: 'must be attended or no_show' })
  status!: RegistrationStatus.Attended | RegistrationStatus.NoShow;
}

export class AttendanceDto implements AttendanceRequest {
  @ApiProperty({ type: [AttendanceEntryDto] })
  @IsArray({ message: 'must be a list of { userId, status }' })
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => AttendanceEntryDto)
  entries!: AttendanceEntryDto[];
}

export class CheckInDto {
  @ApiProperty() @IsString() @MaxLength(100) code!: string;
}
