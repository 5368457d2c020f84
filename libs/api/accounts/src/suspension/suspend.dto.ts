import { ApiProperty } from '@nestjs/swagger';
import { SuspendRequest } from '@pratique/contracts';
import { IsString, Length } from 'class-validator';

export class SuspendDto implements SuspendRequest {
  @ApiProperty({
    description: 'Why the account is suspended (kept in the audit log)',
    minLength: 3,
    maxLength: 500,
  })
  @IsString()
  @Length(3, 500)
  reason!: string;
}
