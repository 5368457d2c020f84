import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CreateModuleRequest, Language, LANGUAGES, LocalizedText, ModuleStatus, UpdateModuleRequest } from '@pratique/contracts';
import { Type } from 'class-transformer';
import { IsEnum, IsIn, IsInt, IsObject, IsOptional, IsUUID, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { SummaryText, TitleText } from '../../localized';

const languageMessage = { message: `must be one of ${LANGUAGES.join(', ')}` };

export class CreateModuleDto implements CreateModuleRequest {
  @ApiProperty({ type: TitleText })
  @IsObject({ message: 'must be an object with fr, ar and/or en' })
  @ValidateNested()
  @Type(() => TitleText)
  title!: LocalizedText;

  @ApiPropertyOptional({ type: SummaryText })
  @IsOptional()
  @IsObject({ message: 'must be an object with fr, ar and/or en' })
  @ValidateNested()
  @Type(() => SummaryText)
  summary?: LocalizedText;

  @ApiProperty({ enum: LANGUAGES }) @IsIn(LANGUAGES, languageMessage) originalLanguage!: Language;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt({ message: 'must be a whole number of minutes' })
  @Min(1)
  @Max(10_000)
  estimatedMinutes?: number | null;
}

export class UpdateModuleDto implements UpdateModuleRequest {
  @ApiPropertyOptional({ type: TitleText })
  @IsOptional()
  @IsObject({ message: 'must be an object with fr, ar and/or en' })
  @ValidateNested()
  @Type(() => TitleText)
  title?: LocalizedText;

  @ApiPropertyOptional({ type: SummaryText })
  @IsOptional()
  @IsObject({ message: 'must be an object with fr, ar and/or en' })
  @ValidateNested()
  @Type(() => SummaryText)
  summary?: LocalizedText;

  @ApiPropertyOptional({ enum: LANGUAGES }) @IsOptional() @IsIn(LANGUAGES, languageMessage) originalLanguage?: Language;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt({ message: 'must be a whole number of minutes' })
  @Min(1)
  @Max(10_000)
  estimatedMinutes?: number | null;

  @ApiPropertyOptional({ nullable: true, format: 'uuid' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'must be the id of an uploaded image' })
  coverFileId?: string | null;

  @ApiPropertyOptional({ enum: ModuleStatus })
  @IsOptional()
  @IsEnum(ModuleStatus, { message: 'must be draft, published or archived' })
  status?: ModuleStatus;
}
