import { ApiProperty } from '@nestjs/swagger';
import { DeleteAccountRequest, PASSWORD_MAX_LENGTH } from '@pratique/contracts';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class DeleteAccountDto implements DeleteAccountRequest {
  @ApiProperty({ description: 'The password of the account, to confirm' })
  @IsString({ message: 'must be a string' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}
