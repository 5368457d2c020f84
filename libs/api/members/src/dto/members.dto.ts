import { PageQueryDto } from '@pratique/api/platform';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { MemberSearchQuery, PROFILE_LIMITS, UpdateMyProfileRequest } from '@pratique/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class MemberSearchQueryDto extends PageQueryDto implements MemberSearchQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'must be at most 100 characters' })
  q?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(PROFILE_LIMITS.tagLength, { message: `must be at most ${PROFILE_LIMITS.tagLength} characters` })
  skill?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'must be a region id' }) regionId?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'must be an organisation id' })
  organisationId?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  followed?: boolean;
}

const tags = (field: string) => [
  IsOptional(),
  IsArray({ message: 'must be a list of words' }),
  ArrayMaxSize(PROFILE_LIMITS.tags, { message: `must have at most ${PROFILE_LIMITS.tags} entries` }),
  IsString({ each: true, message: `each ${field} must be text` }),
  MinLength(1, { each: true, message: `each ${field} must not be empty` }),
  MaxLength(PROFILE_LIMITS.tagLength, {
    each: true,
    message: `each ${field} must be at most ${PROFILE_LIMITS.tagLength} characters`,
  }),
];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

export class UpdateMyProfileDto implements UpdateMyProfileRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(PROFILE_LIMITS.bio, { message: `must be at most ${PROFILE_LIMITS.bio} characters` })
  bio?: string;
  @ApiPropertyOptional({ type: [String] }) @apply(tags('skill')) skills?: string[];
  @ApiPropertyOptional({ type: [String] }) @apply(tags('interest')) interests?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'must be true or false' }) listed?: boolean;
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  showOrganisations?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'must be true or false' }) showRegion?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'must be true or false' }) showSkills?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'must be true or false' }) showSpaces?: boolean;
}
