import { ApiProperty } from '@nestjs/swagger';
import { PASSWORD_MAX_LENGTH, SignInRequest } from '@pratique/contracts';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class SignInDto implements SignInRequest {
  @ApiProperty() @IsEmail({}, { message: 'must be a valid e-mail address' }) @MaxLength(254) email!: string;
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}
