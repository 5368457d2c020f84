import { ApiProperty } from '@nestjs/swagger';
import {
  DISPLAY_NAME_MAX_LENGTH,
  Language,
  LANGUAGES,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  SignUpRequest,
} from '@pratique/contracts';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsString, IsUUID, Length, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class SignUpDto implements SignUpRequest {
  @ApiProperty({ example: 'amina@association.tn' })
  @Transform(trim)
  @IsEmail({}, { message: 'must be a valid e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, {
    message: `must be between ${PASSWORD_MIN_LENGTH} and ${PASSWORD_MAX_LENGTH} characters`,
  })
  password!: string;

  @ApiProperty({ example: 'Amina Ben Salah' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(DISPLAY_NAME_MAX_LENGTH)
  displayName!: string;

  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES, { message: `must be one of ${LANGUAGES.join(', ')}` })
  preferredLanguage!: Language;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a region id' })
  regionId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be an organisation id' })
  organisationId!: string;
}
