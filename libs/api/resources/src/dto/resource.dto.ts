import { PageQueryDto } from '@pratique/api/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CreateResourceRequest,
  Language,
  LANGUAGES,
  RESOURCE_KINDS,
  RESOURCE_LIMITS as L,
  ReasonRequest,
  ResourceKind,
  ResourceListQuery,
  ResourceSort,
  ReviewRequest,
  UpdateResourceRequest,
} from '@pratique/contracts';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

const LANG = { message: `must be one of ${LANGUAGES.join(', ')}` };
const URL_OPTIONS = {
  protocols: ['http', 'https'],
  require_protocol: true,
  require_tld: false,
  allow_underscores: true,
};
const URL_MESSAGE = { message: 'must be an http or https URL' };
const NOT_BLANK = /\S/;

export class CreateResourceDto implements CreateResourceRequest {
  @ApiProperty({ enum: RESOURCE_KINDS })
  @IsIn(RESOURCE_KINDS, { message: 'must be file, link or template' })
  kind!: ResourceKind;
  @ApiProperty({ maxLength: L.titleChars })
  @IsString({ message: 'must be text' })
  @Matches(NOT_BLANK, { message: 'must not be empty' })
  @MaxLength(L.titleChars, { message: `must be at most ${L.titleChars} characters` })
  title!: string;
  @ApiPropertyOptional({ description: 'Markdown' })
  @IsOptional()
  @IsString({ message: 'must be text (markdown)' })
  @MaxLength(L.descriptionChars, { message: `must be at most ${L.descriptionChars} characters` })
  description?: string;
  @ApiPropertyOptional({ type: [String], maxItems: L.tags })
  @IsOptional()
  @IsArray({ message: 'must be a list of words' })
  @ArrayMaxSize(L.tags, { message: `must hold at most ${L.tags} tags` })
  @IsString({ each: true, message: 'must be a list of words' })
  @MinLength(1, { each: true, message: 'must not hold an empty tag' })
  @MaxLength(L.tagChars, { each: true, message: `must hold tags of at most ${L.tagChars} characters` })
  tags?: string[];
  @ApiProperty({ enum: LANGUAGES }) @IsIn(LANGUAGES, LANG) language!: Language;
  @ApiPropertyOptional({ description: 'For links' })
  @IsOptional()
  @IsString({ message: 'must be an http or https URL' })
  @MaxLength(L.urlChars, { message: `must be at most ${L.urlChars} characters` })
  @IsUrl(URL_OPTIONS, URL_MESSAGE)
  url?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'For files and templates: the id from the upload route',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be the id of an uploaded file' })
  fileId?: string;
}

export class UpdateResourceDto implements UpdateResourceRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'must be text' })
  @Matches(NOT_BLANK, { message: 'must not be empty' })
  @MaxLength(L.titleChars, { message: `must be at most ${L.titleChars} characters` })
  title?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'must be text (markdown)' })
  @MaxLength(L.descriptionChars, { message: `must be at most ${L.descriptionChars} characters` })
  description?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray({ message: 'must be a list of words' })
  @ArrayMaxSize(L.tags, { message: `must hold at most ${L.tags} tags` })
  @IsString({ each: true, message: 'must be a list of words' })
  @MinLength(1, { each: true, message: 'must not hold an empty tag' })
  @MaxLength(L.tagChars, { each: true, message: `must hold tags of at most ${L.tagChars} characters` })
  tags?: string[];
  @ApiPropertyOptional({ enum: LANGUAGES }) @IsOptional() @IsIn(LANGUAGES, LANG) language?: Language;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'must be an http or https URL' })
  @MaxLength(L.urlChars, { message: `must be at most ${L.urlChars} characters` })
  @IsUrl(URL_OPTIONS, URL_MESSAGE)
  url?: string;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be the id of an uploaded file' })
  fileId?: string;
}

export class ListResourcesQuery extends PageQueryDto implements ResourceListQuery {
  @ApiPropertyOptional({ enum: ResourceSort })
  @IsOptional()
  @IsIn(Object.values(ResourceSort), { message: 'must be rating, newest or used' })
  sort?: ResourceSort;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(L.tagChars, { message: `must be at most ${L.tagChars} characters` })
  tag?: string;
  @ApiPropertyOptional({ enum: RESOURCE_KINDS })
  @IsOptional()
  @IsIn(RESOURCE_KINDS, { message: 'must be file, link or template' })
  kind?: ResourceKind;
  @ApiPropertyOptional({ enum: LANGUAGES }) @IsOptional() @IsIn(LANGUAGES, LANG) language?: Language;
}

/** `?page=&pageSize=`: the platform's. */
export { PageQueryDto as PageQuery };

export class ReviewDto implements ReviewRequest {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt({ message: 'must be a whole number from 1 to 5' })
  @Min(1, { message: 'must be a whole number from 1 to 5' })
  @Max(5, { message: 'must be a whole number from 1 to 5' })
  rating!: number;
  @ApiPropertyOptional({ description: 'Markdown' })
  @IsOptional()
  @IsString({ message: 'must be text (markdown)' })
  @MaxLength(L.reviewChars, { message: `must be at most ${L.reviewChars} characters` })
  body?: string;
}

export class ReasonDto implements ReasonRequest {
  @ApiProperty()
  @IsString({ message: 'must be text' })
  @Matches(NOT_BLANK, { message: 'must not be empty' })
  @MaxLength(L.reasonChars, { message: `must be at most ${L.reasonChars} characters` })
  reason!: string;
}

export class OptionalReasonDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(L.reasonChars, { message: `must be at most ${L.reasonChars} characters` })
  reason?: string;
}
