import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CreateLessonRequest, LessonContent, LessonKind, LocalizedText, ReorderLessonsRequest, UpdateLessonRequest } from '@pratique/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsObject, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { TitleText } from '../../localized';

export class CreateLessonDto implements CreateLessonRequest {
  @ApiProperty({ enum: LessonKind }) @IsEnum(LessonKind, { message: 'must be page, video, file, quiz or scorm' }) kind!: LessonKind;

  @ApiProperty({ type: TitleText })
  @IsObject({ message: 'must be an object with fr, ar and/or en' })
  @ValidateNested()
  @Type(() => TitleText)
  title!: LocalizedText;

  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean({ message: 'must be true or false' }) required?: boolean;

  /** Validated per kind by the service (see lesson-content.dto.ts). */
  @ApiProperty({ type: Object }) @IsObject({ message: 'must be an object (its fields depend on the lesson kind)' }) content!: LessonContent;
}

export class UpdateLessonDto implements UpdateLessonRequest {
  @ApiPropertyOptional({ type: TitleText })
  @IsOptional()
  @IsObject({ message: 'must be an object with fr, ar and/or en' })
  @ValidateNested()
  @Type(() => TitleText)
  title?: LocalizedText;

  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'must be true or false' }) required?: boolean;
  @ApiPropertyOptional({ type: Object }) @IsOptional() @IsObject({ message: 'must be an object (its fields depend on the lesson kind)' }) content?: LessonContent;
}

export class ReorderLessonsDto implements ReorderLessonsRequest {
  @ApiProperty({ type: [String] })
  @IsArray({ message: 'must list every lesson id of the module' })
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'must contain lesson ids' })
  lessonIds!: string[];
}
