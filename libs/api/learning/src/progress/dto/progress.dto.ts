import { ApiProperty } from '@nestjs/swagger';
import { QuizAttemptRequest, ScormCommitRequest, VideoProgressRequest } from '@pratique/contracts';
import { IsInt, IsObject, Max, Min } from 'class-validator';

export class VideoProgressDto implements VideoProgressRequest {
  @ApiProperty({ minimum: 0, maximum: 100 }) @IsInt({ message: 'must be a whole percent' }) @Min(0) @Max(100) watchedPercent!: number;
}

export class QuizAttemptDto implements QuizAttemptRequest {
  /** questionId → chosen choice ids; checked against the quiz by the service. */
  @ApiProperty({ type: Object, example: { q1: ['a'] } })
  @IsObject({ message: 'must map each question id to the list of chosen choice ids' })
  answers!: Record<string, string[]>;
}

export class ScormCommitDto implements ScormCommitRequest {
  @ApiProperty({ type: Object }) @IsObject({ message: 'must be the CMI data model as an object' }) cmi!: Record<string, unknown>;
}
