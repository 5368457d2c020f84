import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, assertAllowed, LearningPolicy } from '@pratique/api/accounts';
import { fieldError } from '@pratique/api/platform';
import {
  LessonKind,
  ProgressResult,
  ScormCommitResult,
  ProgressStatus,
  QuizAttemptResult,
  QuizContent,
  VIDEO_WATCHED_PERCENT,
} from '@pratique/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { LessonRef, ModuleContext, ModulesRepository } from '../modules/modules.repository';
import { ModulesService, notFound } from '../modules/modules.service';
import { interpretScormCommit, ScormCommitError } from '../scorm/cmi';
import { EnrollmentState, ProgressRepository } from './progress.repository';
import { QuizAnswerError, scoreQuiz } from './quiz-scoring';

/**
 * Records progress. Every write is atomic with the enrollment refresh and its events (one
 * transaction that starts with the enrollment lock, or for "mark as done" one statement), so a
 * member's percent is exact the moment the request returns. Re-sending a completion changes nothing.
 */
@Injectable()
export class ProgressService {
  constructor(
    private readonly modules: ModulesService,
    private readonly moduleRepository: ModulesRepository,
    private readonly progress: ProgressRepository,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /**
   * "Mark as done" for pages and files; videos may also be marked done. One read (the lesson, its
   * module and the member's relation to them), then one statement records the completion,
   * refreshes the enrollment and writes its events (ProgressRepository.markDone).
   */
  async markDone(actor: Actor, lessonId: string): Promise<ProgressResult> {
    const { lesson, ctx } = await this.learnable(actor, lessonId, false);
    if (![LessonKind.Page, LessonKind.File, LessonKind.Video].includes(lesson.kind))
      throw fieldError(
        400,
        'kind',
        lesson.kind === LessonKind.Quiz
          ? 'a quiz is completed by passing it'
          : 'a SCORM lesson is completed by the package itself',
      );
    const enrollment = await this.progress.markDone(
      actor.id,
      lesson.moduleId,
      lesson.id,
      ctx.module.spaceId,
      {
        enrolled: ctx.me.enrolled,
        completed: lesson.completed,
      },
    );
    if (!enrollment) throw notFound('id', 'is not a known lesson');
    return toResult(lesson.id, ProgressStatus.Completed, enrollment);
  }

  async videoProgress(actor: Actor, lessonId: string, watchedPercent: number): Promise<ProgressResult> {
    const { lesson, ctx } = await this.learnable(actor, lessonId, false);
    if (lesson.kind !== LessonKind.Video)
      throw fieldError(400, 'kind', 'only video lessons report video progress');
    return this.db.transaction(async (tx) => {
      await this.lock(tx, actor, lesson);
      await this.progress.lockLesson(tx, actor.id, lessonId);
      await this.progress.touch(tx, actor.id, lessonId, { videoPercent: watchedPercent });
      if (watchedPercent >= VIDEO_WATCHED_PERCENT) await this.progress.complete(tx, actor.id, lessonId);
      return this.result(tx, actor, lesson, ctx.module.spaceId);
    });
  }

  async attemptQuiz(
    actor: Actor,
    lessonId: string,
    answers: Record<string, unknown>,
  ): Promise<QuizAttemptResult> {
    const { lesson, ctx } = await this.learnable(actor, lessonId, true);
    if (lesson.kind !== LessonKind.Quiz) throw fieldError(400, 'kind', 'this lesson is not a quiz');
    const quiz = lesson.content as QuizContent;
    let scored;
    try {
      scored = scoreQuiz(quiz, answers);
    } catch (e) {
      if (e instanceof QuizAnswerError) throw fieldError(400, e.field, e.reason);
      throw e;
    }
    return this.db.transaction(async (tx) => {
      // The enrollment and progress row locks make concurrent attempts count one after the other.
      await this.lock(tx, actor, lesson);
      await this.progress.lockLesson(tx, actor.id, lessonId);
      const [{ used }] = await tx.query(
        `SELECT count(*)::int AS used FROM quiz_attempt WHERE user_id = $1 AND lesson_id = $2`,
        [actor.id, lessonId],
      );
      if (quiz.attemptsAllowed > 0 && used >= quiz.attemptsAllowed)
        throw fieldError(409, 'attempts', `all ${quiz.attemptsAllowed} attempts are used`);
      await tx.query(
        `INSERT INTO quiz_attempt (user_id, lesson_id, answers, score, passed) VALUES ($1, $2, $3, $4, $5)`,
        [actor.id, lessonId, JSON.stringify(answers), scored.score, scored.passed],
      );
      await this.progress.touch(tx, actor.id, lessonId, { score: scored.score });
      if (scored.passed) await this.progress.complete(tx, actor.id, lessonId, scored.score);
      const result = await this.result(tx, actor, lesson, ctx.module.spaceId);
      return {
        score: scored.score,
        passed: scored.passed,
        attemptsUsed: used + 1,
        attemptsLeft: quiz.attemptsAllowed > 0 ? quiz.attemptsAllowed - used - 1 : null,
        questions: scored.questions,
        modulePercent: result.modulePercent,
      };
    });
  }

  /** A SCORM package commits its CMI for the member's own attempt; completion comes only from here. */
  async scormCommit(
    actor: Actor,
    attemptId: string,
    cmi: Record<string, unknown>,
  ): Promise<ScormCommitResult> {
    const rows = await this.db.query(`SELECT lesson_id FROM scorm_attempt WHERE id = $1 AND user_id = $2`, [
      attemptId,
      actor.id,
    ]);
    if (!rows[0]) throw notFound('attemptId', 'is not one of your SCORM attempts');
    const { lesson, ctx } = await this.learnable(actor, rows[0].lesson_id, true);
    const version = (lesson.content as { version: '1.2' | '2004' }).version;
    let state;
    try {
      state = interpretScormCommit(version, cmi);
    } catch (e) {
      if (e instanceof ScormCommitError) throw fieldError(400, e.field, e.reason);
      throw e;
    }
    return this.db.transaction(async (tx) => {
      await this.lock(tx, actor, lesson);
      await this.progress.lockLesson(tx, actor.id, lesson.id);
      await tx.query(
        `UPDATE scorm_attempt SET cmi = $2, completion_status = $3, success_status = $4, score = $5, updated_at = now() WHERE id = $1`,
        [
          attemptId,
          JSON.stringify(state.sanitizedCmi),
          state.completionStatus,
          state.successStatus,
          state.scorePercent,
        ],
      );
      await this.progress.touch(tx, actor.id, lesson.id, { score: state.scorePercent });
      if (state.completed) await this.progress.complete(tx, actor.id, lesson.id, state.scorePercent);
      return {
        ...(await this.result(tx, actor, lesson, ctx.module.spaceId)),
        result: true as const,
        errorCode: 0 as const,
      };
    });
  }

  /** First in every progress transaction: the enrollment lock (ProgressRepository.lockEnrollment). */
  private async lock(tx: EntityManager, actor: Actor, lesson: LessonRef): Promise<void> {
    if (!(await this.progress.lockEnrollment(tx, actor.id, lesson.moduleId, lesson.id)))
      throw notFound('id', 'is not a known lesson');
  }

  /** The module's refreshed percent and the lesson's status. */
  private async result(
    tx: EntityManager,
    actor: Actor,
    lesson: LessonRef,
    spaceId: string,
  ): Promise<ProgressResult> {
    const enrollment = await this.progress.refreshEnrollment(
      tx,
      actor.id,
      lesson.moduleId,
      spaceId,
      lesson.id,
    );
    const [row] = await tx.query(`SELECT status FROM lesson_progress WHERE user_id = $1 AND lesson_id = $2`, [
      actor.id,
      lesson.id,
    ]);
    return toResult(lesson.id, (row?.status as ProgressStatus) ?? ProgressStatus.InProgress, enrollment);
  }

  /**
   * The lesson (with its content when asked) if the member may record progress on it: published
   * module, member of its space. One query; the rules and answers are those of the module pages.
   */
  private async learnable(
    actor: Actor,
    lessonId: string,
    withContent: boolean,
  ): Promise<{ lesson: LessonRef; ctx: ModuleContext }> {
    const found = await this.moduleRepository.lessonContext(actor.id, lessonId, withContent);
    if (!found) throw notFound('id', 'is not a known lesson');
    const ctx = this.modules.ensureVisible(actor, found.ctx);
    assertAllowed(
      LearningPolicy.learn(actor, ctx.module, ctx.me),
      actor,
      ctx.module.status !== 'published'
        ? 'Progress is recorded only on published modules'
        : 'Join the space to record your progress',
    );
    return { lesson: found.lesson, ctx };
  }
}

function toResult(lessonId: string, status: ProgressStatus, enrollment: EnrollmentState): ProgressResult {
  return {
    lessonId,
    status,
    modulePercent: enrollment.percent,
    moduleCompletedAt: enrollment.completedAt ? new Date(enrollment.completedAt).toISOString() : null,
  };
}
