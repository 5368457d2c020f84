import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  SKILL_FORMATS,
  SKILL_LIMITS as L,
  SkillFormat,
  SkillSessionProposal,
  SkillSessionRatingInput,
} from '@pratique/contracts';
import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { Text } from './skill-fields';

const ONE_TO_FIVE = { message: 'must be a whole number from 1 to 5' };

export class SkillSessionProposalDto implements SkillSessionProposal {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'must be an offer id' }) offerId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'must be a request id' }) requestId!: string;
  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true }, { message: 'must be an ISO date-time' })
  startsAt!: string;
  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true }, { message: 'must be an ISO date-time' })
  endsAt!: string;
  @ApiProperty({ enum: SKILL_FORMATS })
  @IsIn(SKILL_FORMATS, { message: `must be one of ${SKILL_FORMATS.join(', ')}` })
  format!: SkillFormat;
  @ApiPropertyOptional({ maxLength: L.placeChars }) @IsOptional() @Text(L.placeChars) place = '';
  @ApiPropertyOptional({ maxLength: L.messageChars }) @IsOptional() @Text(L.messageChars) message = '';
}

export class SkillSessionRatingDto implements SkillSessionRatingInput {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt(ONE_TO_FIVE)
  @Min(1, ONE_TO_FIVE)
  @Max(5, ONE_TO_FIVE)
  usefulness!: number;
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt(ONE_TO_FIVE)
  @Min(1, ONE_TO_FIVE)
  @Max(5, ONE_TO_FIVE)
  pedagogy!: number;
  @ApiPropertyOptional({ maxLength: L.reviewChars }) @IsOptional() @Text(L.reviewChars) review = '';
}
