import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  CreateSeminarRequest,
  DEFAULT_PAGE_SIZE,
  EligibilityRule,
  Language,
  LANGUAGES,
  LocalizedText,
  MAX_PAGE_SIZE,
  Requirement,
  SeminarAudience,
  SeminarKind,
  SeminarListQuery,
  SeminarStatus,
} from '@pratique/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { SeminarDescription, SeminarTitle } from '../../localized';

export class RequirementDto implements Requirement {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'must be a module id' }) moduleId!: string;
  @ApiProperty({ minimum: 1, maximum: 100 }) @IsInt({ message: 'must be a whole percent' }) @Min(1, { message: 'must be at least 1' }) @Max(100, { message: 'must be at most 100' }) minPercent!: number;
}

export class RuleDto implements EligibilityRule {
  @ApiProperty() @IsInt({ message: 'must be a whole number' }) @Min(0) @Max(50) k!: number;

  @ApiProperty({ type: [RequirementDto] })
  @IsArray({ message: 'must be a list of requirements' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RequirementDto)
  requirements!: RequirementDto[];
}

const iso = { message: 'must be an ISO 8601 date-time (e.g. 2026-12-01T09:00:00Z)' };

export class CreateSeminarDto implements CreateSeminarRequest {
  @ApiProperty({ enum: SeminarKind }) @IsEnum(SeminarKind, { message: 'must be seminar or workshop' }) kind!: SeminarKind;
  @ApiProperty({ type: SeminarTitle }) @IsObject({ message: 'must be an object with fr, ar and/or en' }) @ValidateNested() @Type(() => SeminarTitle) title!: LocalizedText;
  @ApiPropertyOptional({ type: SeminarDescription }) @IsOptional() @IsObject({ message: 'must be an object with fr, ar and/or en' }) @ValidateNested() @Type(() => SeminarDescription) description?: LocalizedText;
  @ApiProperty({ enum: LANGUAGES }) @IsIn(LANGUAGES, { message: `must be one of ${LANGUAGES.join(', ')}` }) originalLanguage!: Language;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'must be a region id' }) regionId!: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID('all', { message: 'must be a space id' }) spaceId?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(200) venue?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(500) address?: string | null;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'must be an https URL' })
  @MaxLength(500)
  onlineUrl?: string | null;
  @ApiProperty() @IsISO8601({ strict: true }, iso) startsAt!: string;
  @ApiProperty() @IsISO8601({ strict: true }, iso) endsAt!: string;
  @ApiProperty({ minimum: 1 }) @IsInt({ message: 'must be a whole number of seats' }) @Min(1) @Max(100_000) capacity!: number;
  @ApiProperty() @IsISO8601({ strict: true }, iso) registrationOpensAt!: string;
  @ApiProperty() @IsISO8601({ strict: true }, iso) registrationClosesAt!: string;
  @ApiProperty({ enum: SeminarAudience }) @IsEnum(SeminarAudience, { message: 'must be region, organisations or space' }) audience!: SeminarAudience;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'must contain organisation ids' })
  audienceOrganisationIds?: string[];
  @ApiProperty() @IsBoolean({ message: 'must be true or false' }) requiresConfirmation!: boolean;
  @ApiProperty({ type: RuleDto }) @IsObject({ message: 'must be { k, requirements }' }) @ValidateNested() @Type(() => RuleDto) rule!: RuleDto;
}

export class UpdateSeminarDto extends PartialType(OmitType(CreateSeminarDto, ['regionId'] as const)) {
  @ApiPropertyOptional({ enum: SeminarStatus }) @IsOptional() @IsEnum(SeminarStatus, { message: 'must be draft, open, closed, cancelled or done' }) status?: SeminarStatus;
}

export class ListSeminarsQuery implements SeminarListQuery {
  @ApiPropertyOptional({ enum: SeminarKind }) @IsOptional() @IsEnum(SeminarKind, { message: 'must be seminar or workshop' }) kind?: SeminarKind;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'must be a region id' }) regionId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'must be a space id' }) spaceId?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }, iso) from?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }, iso) to?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10_000) page = 1;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE) pageSize = DEFAULT_PAGE_SIZE;
}
