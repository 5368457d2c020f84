import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CreateSpaceRequest,
  DEFAULT_PAGE_SIZE,
  Language,
  LANGUAGES,
  LocalizedText,
  MAX_PAGE_SIZE,
  SLUG_MAX_LENGTH,
  SLUG_PATTERN,
  SpaceListQuery,
  SpaceScope,
  SpaceStatus,
  SpaceVisibility,
  THEMATIC_AXES,
  ThematicAxis,
  UpdateSpaceRequest,
} from '@pratique/contracts';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { SpaceDescriptionDto, SpaceTitleDto } from './localized-text.dto';

const axisMessage = { message: `must be one of ${THEMATIC_AXES.join(', ')}` };
const languageMessage = { message: `must be one of ${LANGUAGES.join(', ')}` };

export class CreateSpaceDto implements CreateSpaceRequest {
  @ApiProperty({ example: 'gouvernance-locale' })
  @IsString()
  @MaxLength(SLUG_MAX_LENGTH)
  @Matches(SLUG_PATTERN, { message: 'must be lowercase words joined by hyphens (e.g. gouvernance-locale)' })
  slug!: string;

  @ApiProperty({ type: SpaceTitleDto })
  @IsObject({ message: 'must be an object with fr, ar and/or en' })
  @ValidateNested()
  @Type(() => SpaceTitleDto)
  title!: LocalizedText;

  @ApiPropertyOptional({ type: SpaceDescriptionDto })
  @IsOptional()
  @IsObject({ message: 'must be an object with fr, ar and/or en' })
  @ValidateNested()
  @Type(() => SpaceDescriptionDto)
  description?: LocalizedText;

  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES, languageMessage)
  originalLanguage!: Language;

  @ApiProperty({ enum: THEMATIC_AXES })
  @IsIn(THEMATIC_AXES, axisMessage)
  axis!: ThematicAxis;

  @ApiProperty({ enum: SpaceScope })
  @IsEnum(SpaceScope, { message: 'must be national or regional' })
  scope!: SpaceScope;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @ValidateIf(
    (o: CreateSpaceDto) =>
      o.scope === SpaceScope.Regional || (o.regionId !== undefined && o.regionId !== null),
  )
  @IsUUID('all', { message: 'must be a region id (required for a regional space)' })
  regionId?: string | null;

  @ApiProperty({ enum: SpaceVisibility })
  @IsEnum(SpaceVisibility, { message: 'must be public or members' })
  visibility!: SpaceVisibility;
}

export class UpdateSpaceDto implements UpdateSpaceRequest {
  @ApiPropertyOptional({ type: SpaceTitleDto })
  @IsOptional()
  @IsObject({ message: 'must be an object with fr, ar and/or en' })
  @ValidateNested()
  @Type(() => SpaceTitleDto)
  title?: LocalizedText;

  @ApiPropertyOptional({ type: SpaceDescriptionDto })
  @IsOptional()
  @IsObject({ message: 'must be an object with fr, ar and/or en' })
  @ValidateNested()
  @Type(() => SpaceDescriptionDto)
  description?: LocalizedText;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES, languageMessage)
  originalLanguage?: Language;

  @ApiPropertyOptional({ enum: THEMATIC_AXES })
  @IsOptional()
  @IsIn(THEMATIC_AXES, axisMessage)
  axis?: ThematicAxis;

  @ApiPropertyOptional({ enum: SpaceVisibility })
  @IsOptional()
  @IsEnum(SpaceVisibility, { message: 'must be public or members' })
  visibility?: SpaceVisibility;

  @ApiPropertyOptional({ enum: SpaceStatus })
  @IsOptional()
  @IsEnum(SpaceStatus, { message: 'must be open or archived' })
  status?: SpaceStatus;
}

export class ListSpacesQuery implements SpaceListQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ enum: THEMATIC_AXES })
  @IsOptional()
  @IsIn(THEMATIC_AXES, axisMessage)
  axis?: ThematicAxis;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a region id' })
  regionId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  joined?: boolean;

  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10_000) page = 1;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE) pageSize =
    DEFAULT_PAGE_SIZE;
}
