import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@pratique/api/platform';
import {
  Language,
  LANGUAGES,
  SKILL_FORMATS,
  SKILL_LIMITS as L,
  SkillFormat,
  SkillListQuery,
  SkillOfferInput,
  SkillPostStatus,
  UpdateSkillOfferInput,
} from '@pratique/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Formats, Languages, NullableRegion, Skills, Text, Title } from './skill-fields';

const STATUSES = Object.values(SkillPostStatus);
const STATUS = { message: `must be ${STATUSES.join(' or ')}` };

export class CreateSkillOfferDto implements SkillOfferInput {
  @ApiProperty({ maxLength: L.titleChars }) @Title() title!: string;
  @ApiPropertyOptional({ maxLength: L.textChars }) @IsOptional() @Text(L.textChars) description = '';
  @ApiProperty({ type: [String], minItems: 1, maxItems: L.skills }) @Skills() skills!: string[];
  @ApiProperty({ enum: SKILL_FORMATS, isArray: true }) @Formats() formats!: SkillFormat[];
  @ApiPropertyOptional({ maxLength: L.availabilityChars })
  @IsOptional()
  @Text(L.availabilityChars)
  availability = '';
  @ApiProperty({ enum: LANGUAGES, isArray: true }) @Languages() languages!: Language[];
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @NullableRegion() regionId:
    string | null = null;
}

export class UpdateSkillOfferDto implements UpdateSkillOfferInput {
  @ApiPropertyOptional() @IsOptional() @Title() title?: string;
  @ApiPropertyOptional() @IsOptional() @Text(L.textChars) description?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @Skills() skills?: string[];
  @ApiPropertyOptional({ enum: SKILL_FORMATS, isArray: true })
  @IsOptional()
  @Formats()
  formats?: SkillFormat[];
  @ApiPropertyOptional() @IsOptional() @Text(L.availabilityChars) availability?: string;
  @ApiPropertyOptional({ enum: LANGUAGES, isArray: true }) @IsOptional() @Languages() languages?: Language[];
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @NullableRegion() regionId?:
    string | null;
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES, STATUS) status?: SkillPostStatus;
}

/** `?q=&skill=&regionId=&format=&mine=&status=&page=&pageSize=` of the offers and requests lists. */
export class SkillListQueryDto extends PageQueryDto implements SkillListQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(100, { message: 'must be at most 100 characters' })
  q?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(L.skillChars, { message: `must be at most ${L.skillChars} characters` })
  skill?: string;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a region id' })
  regionId?: string;
  @ApiPropertyOptional({ enum: SKILL_FORMATS })
  @IsOptional()
  @IsIn(SKILL_FORMATS, { message: `must be one of ${SKILL_FORMATS.join(', ')}` })
  format?: SkillFormat;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  mine?: boolean;
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES, STATUS) status?: SkillPostStatus;
}
