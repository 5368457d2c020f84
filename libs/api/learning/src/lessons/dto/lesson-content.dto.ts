/**
 * The content of each lesson kind, validated per kind (the API rejects a quiz payload on a page
 * lesson, a video URL off the allow-list, a quiz without a correct answer…).
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LocalizedText, VIDEO_EMBED_HOSTS } from '@pratique/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
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
import { LongText, ShortText } from '../../localized';

const embedUrl = new RegExp(`^https://(${VIDEO_EMBED_HOSTS.map((h) => h.replace(/\./g, '\\.')).join('|')})/[^\\s"'<>]*$`);

export class PageContentDto {
  @ApiProperty({ type: LongText })
  @IsObject({ message: 'must be an object with fr, ar and/or en' })
  @ValidateNested()
  @Type(() => LongText)
  markdown!: LocalizedText;
}

export class VideoContentDto {
  @ApiPropertyOptional({ nullable: true, description: `https URL on ${VIDEO_EMBED_HOSTS.join(', ')}` })
  @ValidateIf((o: VideoContentDto) => !o.fileId)
  @IsString({ message: 'is required unless a video file is uploaded' })
  @MaxLength(500)
  @Matches(embedUrl, { message: `must be an https embed URL on ${VIDEO_EMBED_HOSTS.join(', ')}` })
  embedUrl?: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'uuid' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'must be the id of an uploaded video' })
  fileId?: string | null;
}

export class FileContentDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'must be the id of an uploaded file' }) fileId!: string;
}

export class QuizChoiceDto {
  @ApiProperty() @IsString() @Matches(/^[\w-]{1,64}$/, { message: 'must be 1–64 letters, digits, - or _' }) id!: string;
  @ApiProperty({ type: ShortText }) @IsObject() @ValidateNested() @Type(() => ShortText) text!: LocalizedText;
  @ApiProperty() @IsBoolean({ message: 'must be true or false' }) correct!: boolean;
  @ApiPropertyOptional({ type: ShortText }) @IsOptional() @IsObject() @ValidateNested() @Type(() => ShortText) feedback?: LocalizedText;
}

export class QuizQuestionDto {
  @ApiProperty() @IsString() @Matches(/^[\w-]{1,64}$/, { message: 'must be 1–64 letters, digits, - or _' }) id!: string;
  @ApiProperty({ type: ShortText }) @IsObject() @ValidateNested() @Type(() => ShortText) text!: LocalizedText;
  @ApiProperty() @IsBoolean({ message: 'must be true or false' }) multiple!: boolean;

  @ApiProperty({ type: [QuizChoiceDto] })
  @IsArray({ message: 'must be a list of choices' })
  @ArrayMinSize(2, { message: 'must have at least 2 choices' })
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => QuizChoiceDto)
  choices!: QuizChoiceDto[];
}

export class QuizContentDto {
  @ApiProperty({ minimum: 1, maximum: 100 }) @IsInt({ message: 'must be a whole percent' }) @Min(1) @Max(100) passingScore!: number;
  @ApiProperty({ description: '0 = unlimited' }) @IsInt({ message: 'must be a whole number (0 = unlimited)' }) @Min(0) @Max(100) attemptsAllowed!: number;

  @ApiProperty({ type: [QuizQuestionDto] })
  @IsArray({ message: 'must be a list of questions' })
  @ArrayMinSize(1, { message: 'must have at least one question' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => QuizQuestionDto)
  questions!: QuizQuestionDto[];
}

export class ScormContentDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'must be the id of an uploaded SCORM package' }) packageId!: string;
  @ApiPropertyOptional() @IsOptional() @IsIn(['1.2', '2004']) version?: '1.2' | '2004';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1024) launchPath?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) title?: string;
}
