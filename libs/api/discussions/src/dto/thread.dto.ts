import { PageQueryDto } from '@pratique/api/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AcceptAnswerRequest,
  CreateReplyRequest,
  CreateThreadRequest,
  DISCUSSION_BODY_MAX_LENGTH,
  DISCUSSION_SEARCH_MAX_LENGTH,
  ModerateReplyRequest,
  ModerateThreadRequest,
  THREAD_KINDS,
  THREAD_TITLE_MAX_LENGTH,
  ThreadKind,
  ThreadListQuery,
  UpdateReplyRequest,
  UpdateThreadRequest,
} from '@pratique/contracts';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';

const NOT_BLANK = /\S/;
const text = (max: number) => [
  IsString({ message: 'must be text' }),
  Matches(NOT_BLANK, { message: 'must not be empty' }),
  MaxLength(max, { message: `must be at most ${max} characters` }),
];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));
const toBoolean = Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

export class CreateThreadDto implements CreateThreadRequest {
  @ApiProperty({ enum: ThreadKind })
  @IsIn(THREAD_KINDS, { message: 'must be discussion or question' })
  kind!: ThreadKind;
  @ApiProperty({ maxLength: THREAD_TITLE_MAX_LENGTH }) @apply(text(THREAD_TITLE_MAX_LENGTH)) title!: string;
  @ApiProperty({ description: 'Markdown', maxLength: DISCUSSION_BODY_MAX_LENGTH })
  @apply(text(DISCUSSION_BODY_MAX_LENGTH))
  body!: string;
}

export class UpdateThreadDto implements UpdateThreadRequest {
  @ApiPropertyOptional() @IsOptional() @apply(text(THREAD_TITLE_MAX_LENGTH)) title?: string;
  @ApiPropertyOptional({ description: 'Markdown' })
  @IsOptional()
  @apply(text(DISCUSSION_BODY_MAX_LENGTH))
  body?: string;
}

export class CreateReplyDto implements CreateReplyRequest {
  @ApiProperty({ description: 'Markdown', maxLength: DISCUSSION_BODY_MAX_LENGTH })
  @apply(text(DISCUSSION_BODY_MAX_LENGTH))
  body!: string;
}

export class UpdateReplyDto implements UpdateReplyRequest {
  @ApiProperty({ description: 'Markdown', maxLength: DISCUSSION_BODY_MAX_LENGTH })
  @apply(text(DISCUSSION_BODY_MAX_LENGTH))
  body!: string;
}

export class AcceptAnswerDto implements AcceptAnswerRequest {
  @ApiProperty({ format: 'uuid', nullable: true, description: 'null withdraws the accepted answer' })
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'must be a reply id or null' })
  replyId!: string | null;
}

export class ModerateThreadDto implements ModerateThreadRequest {
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'must be true or false' }) pinned?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'must be true or false' }) locked?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'must be true or false' }) hidden?: boolean;
}

export class ModerateReplyDto implements ModerateReplyRequest {
  @ApiProperty() @IsBoolean({ message: 'must be true or false' }) hidden!: boolean;
}

/** `?page=&pageSize=`: the platform's. */
export { PageQueryDto as PageQuery };

export class ListThreadsQuery extends PageQueryDto implements ThreadListQuery {
  @ApiPropertyOptional({ enum: ThreadKind })
  @IsOptional()
  @IsIn(THREAD_KINDS, { message: 'must be discussion or question' })
  kind?: ThreadKind;
  @ApiPropertyOptional({ description: 'Full-text search (French and Arabic)' })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(DISCUSSION_SEARCH_MAX_LENGTH, {
    message: `must be at most ${DISCUSSION_SEARCH_MAX_LENGTH} characters`,
  })
  q?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @toBoolean
  @IsBoolean({ message: 'must be true or false' })
  unanswered?: boolean;
}
