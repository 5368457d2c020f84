import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  Language,
  LANGUAGES,
  SKILL_FORMATS,
  SKILL_LIMITS as L,
  SkillFormat,
  SkillPostStatus,
  SkillRequestInput,
  UpdateSkillRequestInput,
} from '@pratique/contracts';
import { applyDecorators } from '@nestjs/common';
import { IsIn, IsISO8601, IsOptional, IsUUID, Matches, ValidateIf } from 'class-validator';
import { Formats, Languages, NullableRegion, Skills, Text, Title } from './skill-fields';

const STATUSES = Object.values(SkillPostStatus);
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DEADLINE = { message: 'must be a date (YYYY-MM-DD) or null' };
const Deadline = () =>
  applyDecorators(
    ValidateIf((_, v) => v !== null),
    Matches(DATE, DEADLINE),
    IsISO8601({ strict: true }, DEADLINE),
  );

export class CreateSkillRequestDto implements SkillRequestInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be an organisation id' })
  organisationId!: string;
  @ApiProperty({ maxLength: L.titleChars }) @Title() title!: string;
  @ApiPropertyOptional({ maxLength: L.textChars }) @IsOptional() @Text(L.textChars) why = '';
  @ApiPropertyOptional({ maxLength: L.textChars }) @IsOptional() @Text(L.textChars) expectedOutcome = '';
  @ApiPropertyOptional({ format: 'date', nullable: true }) @IsOptional() @Deadline() deadline: string | null =
    null;
  @ApiProperty({ enum: SKILL_FORMATS, isArray: true }) @Formats() formats!: SkillFormat[];
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @NullableRegion() regionId:
    string | null = null;
  @ApiProperty({ type: [String], minItems: 1, maxItems: L.skills }) @Skills() skills!: string[];
  @ApiProperty({ enum: LANGUAGES, isArray: true }) @Languages() languages!: Language[];
}

export class UpdateSkillRequestDto implements UpdateSkillRequestInput {
  @ApiPropertyOptional() @IsOptional() @Title() title?: string;
  @ApiPropertyOptional() @IsOptional() @Text(L.textChars) why?: string;
  @ApiPropertyOptional() @IsOptional() @Text(L.textChars) expectedOutcome?: string;
  @ApiPropertyOptional({ format: 'date', nullable: true }) @IsOptional() @Deadline() deadline?: string | null;
  @ApiPropertyOptional({ enum: SKILL_FORMATS, isArray: true })
  @IsOptional()
  @Formats()
  formats?: SkillFormat[];
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @NullableRegion() regionId?:
    string | null;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @Skills() skills?: string[];
  @ApiPropertyOptional({ enum: LANGUAGES, isArray: true }) @IsOptional() @Languages() languages?: Language[];
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: `must be ${STATUSES.join(' or ')}` })
  status?: SkillPostStatus;
}
