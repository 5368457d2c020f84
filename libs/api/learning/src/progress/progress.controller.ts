import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, Authorize, CurrentActor } from '@pratique/api/accounts';
import { ProgressResult, QuizAttemptResult, ScormCommitResult } from '@pratique/contracts';
import { UuidPipe } from '@pratique/api/platform';
import { QuizAttemptDto, ScormCommitDto, VideoProgressDto } from './dto/progress.dto';
import { ProgressService } from './progress.service';

@ApiTags('progress')
@Controller()
@Authorize()
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  @Post('lessons/:id/complete')
  @HttpCode(200)
  complete(@CurrentActor() actor: Actor, @Param('id', new UuidPipe()) id: string): Promise<ProgressResult> {
    return this.progress.markDone(actor, id);
  }

  @Post('lessons/:id/video-progress')
  @HttpCode(200)
  video(@CurrentActor() actor: Actor, @Param('id', new UuidPipe()) id: string, @Body() dto: VideoProgressDto): Promise<ProgressResult> {
    return this.progress.videoProgress(actor, id, dto.watchedPercent);
  }

  @Post('lessons/:id/quiz-attempts')
  attempt(@CurrentActor() actor: Actor, @Param('id', new UuidPipe()) id: string, @Body() dto: QuizAttemptDto): Promise<QuizAttemptResult> {
    return this.progress.attemptQuiz(actor, id, dto.answers);
  }

  @Post('scorm-attempts/:attemptId/commit')
  @HttpCode(200)
  commit(@CurrentActor() actor: Actor, @Param('attemptId', new UuidPipe()) attemptId: string, @Body() dto: ScormCommitDto): Promise<ScormCommitResult> {
    return this.progress.scormCommit(actor, attemptId, dto.cmi);
  }
}
