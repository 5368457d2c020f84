import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, assertAllowed, LearningPolicy } from '@pratique/api/accounts';
import { fieldError, renderMarkdown } from '@pratique/api/platform';
import {
  ApiRoutes,
  FileContent,
  LessonKind,
  LessonView,
  LocalizedText,
  ModuleDetail,
  PageContent,
  ProgressStatus,
  QuizContent,
  ScormContent,
  ScormRoutes,
  VideoContent,
} from '@pratique/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { compactLocalized, hasText, mergeLocalized } from '../localized';
import { ModulesService, notFound } from '../modules/modules.service';
import { ProgressRepository } from '../progress/progress.repository';
import { CreateLessonDto, ReorderLessonsDto, UpdateLessonDto } from './dto/lesson.dto';
import { LessonEntity } from './lesson.entity';
import { validateLessonContent } from './lesson-content';
import { LessonsRepository } from './lessons.repository';

@Injectable()
export class LessonsService {
  constructor(
    private readonly lessons: LessonsRepository,
    private readonly modules: ModulesService,
    private readonly progress: ProgressRepository,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async create(actor: Actor, moduleId: string, dto: CreateLessonDto): Promise<LessonView> {
    const ctx = await this.authorable(actor, moduleId);
    const title = compactLocalized(dto.title);
    if (!hasText(title, ctx.module.originalLanguage))
      throw fieldError(400, `title.${ctx.module.originalLanguage}`, "is required in the module's original language");
    const content = await validateLessonContent(dto.kind, dto.content);
    const id = await this.db.transaction(async (tx) => {
      const resolved = await this.resolveReferences(tx, dto.kind, content);
      const repo = tx.getRepository(LessonEntity);
      const saved = await repo.save(
        repo.create({
          moduleId,
          position: await this.lessons.nextPosition(moduleId, tx),
          kind: dto.kind,
          title,
          required: dto.required ?? true,
          content: resolved,
        }),
      );
      await this.progress.refreshModule(tx, moduleId, ctx.module.spaceId);
      return saved.id;
    });
    return this.view(actor, id);
  }

  async update(actor: Actor, lessonId: string, dto: UpdateLessonDto): Promise<LessonView> {
    const lesson = await this.findOr404(lessonId);
    const ctx = await this.authorable(actor, lesson.moduleId);
    const title = mergeLocalized(lesson.title, dto.title);
    if (!hasText(title, ctx.module.originalLanguage))
      throw fieldError(400, `title.${ctx.module.originalLanguage}`, "is required in the module's original language");
    const content = dto.content ? await validateLessonContent(lesson.kind, dto.content) : undefined;
    await this.db.transaction(async (tx) => {
      const changes: Partial<LessonEntity> = { title };
      if (content) changes.content = await this.resolveReferences(tx, lesson.kind, content);
      if (dto.required !== undefined) changes.required = dto.required;
      await tx.getRepository(LessonEntity).update({ id: lessonId }, changes);
      if (dto.required !== undefined && dto.required !== lesson.required) await this.progress.refreshModule(tx, lesson.moduleId, ctx.module.spaceId);
    });
    return this.view(actor, lessonId);
  }

  async remove(actor: Actor, lessonId: string): Promise<void> {
    const lesson = await this.findOr404(lessonId);
    const ctx = await this.authorable(actor, lesson.moduleId);
    await this.db.transaction(async (tx) => {
      const ids = await this.lessons.orderedIds(lesson.moduleId, tx);
      if (ctx.module.status === 'published' && ids.length === 1)
        throw fieldError(409, 'id', 'is the last lesson of a published module: archive the module instead');
      await tx.query(`DELETE FROM lesson WHERE id = $1`, [lessonId]);
      await this.lessons.reorder(lesson.moduleId, ids.filter((id) => id !== lessonId), tx);
      await this.progress.refreshModule(tx, lesson.moduleId, ctx.module.spaceId);
    });
  }

  async reorder(actor: Actor, moduleId: string, dto: ReorderLessonsDto): Promise<ModuleDetail> {
    await this.authorable(actor, moduleId);
    await this.db.transaction(async (tx) => {
      const current = await this.lessons.orderedIds(moduleId, tx);
      const given = new Set(dto.lessonIds);
      if (given.size !== dto.lessonIds.length || given.size !== current.length || current.some((id) => !given.has(id)))
        throw fieldError(400, 'lessonIds', `must list each of the module's ${current.length} lessons exactly once`);
      await this.lessons.reorder(moduleId, dto.lessonIds, tx);
    });
    return this.modules.detail(actor, moduleId);
  }

  /** The lesson for the player: quiz answers stay on the server; authors also get the raw content. */
  async view(actor: Actor | null, lessonId: string): Promise<LessonView> {
    const lesson = await this.findOr404(lessonId);
    const ctx = await this.modules.visible(actor, lesson.moduleId);
    const author = LearningPolicy.authorModules(actor, ctx.module.spaceId);
    const learner = LearningPolicy.learn(actor, ctx.module, ctx.me);
    const [neighbours, progress] = await Promise.all([
      this.lessons.neighbours(lesson),
      actor ? this.lessons.progress(actor.id, lessonId) : null,
    ]);
    const view: LessonView = {
      id: lesson.id,
      moduleId: lesson.moduleId,
      position: lesson.position,
      kind: lesson.kind,
      title: lesson.title,
      required: lesson.required,
      progress: {
        status: (progress?.status as ProgressStatus) ?? ProgressStatus.NotStarted,
        score: progress?.score ?? null,
        videoPercent: progress?.videoPercent ?? null,
      },
      previousLessonId: neighbours.previous,
      nextLessonId: neighbours.next,
      ...(author ? { content: lesson.content } : {}),
    };
    switch (lesson.kind) {
      case LessonKind.Page:
        view.html = renderLocalized((lesson.content as PageContent).markdown);
        break;
      case LessonKind.Video: {
        const c = lesson.content as VideoContent;
        view.video = { embedUrl: c.embedUrl ?? null, fileUrl: c.fileId ? ApiRoutes.file(c.fileId) : null };
        break;
      }
      case LessonKind.File: {
        const info = await this.lessons.fileInfo((lesson.content as FileContent).fileId);
        if (info) view.file = { url: ApiRoutes.file(info.id), filename: info.filename, size: info.size, contentType: info.contentType };
        break;
      }
      case LessonKind.Quiz: {
        const quiz = lesson.content as QuizContent;
        const stats = actor ? await this.lessons.quizStats(actor.id, lessonId) : { used: 0, best: null };
        view.quiz = {
          passingScore: quiz.passingScore,
          attemptsAllowed: quiz.attemptsAllowed,
          attemptsUsed: stats.used,
          bestScore: stats.best,
          questions: quiz.questions.map((q) => ({
            id: q.id,
            text: q.text,
            multiple: q.multiple,
            choices: q.choices.map((c) => ({ id: c.id, text: c.text })),
          })),
        };
        break;
      }
      case LessonKind.Scorm: {
        const c = lesson.content as ScormContent;
        // The attempt (and so the right to commit) exists only for members who may learn.
        const attempt = learner && actor ? await this.lessons.scormAttempt(actor.id, lessonId) : { id: '', cmi: {} };
        view.scorm = { version: c.version, launchUrl: ScormRoutes.asset(c.packageId, c.launchPath), attemptId: attempt.id, cmi: attempt.cmi };
        break;
      }
    }
    return view;
  }

  async findOr404(lessonId: string): Promise<LessonEntity> {
    const lesson = await this.lessons.find(lessonId);
    if (!lesson) throw notFound('id', 'is not a known lesson');
    return lesson;
  }

  private async authorable(actor: Actor, moduleId: string) {
    const ctx = await this.modules.visible(actor, moduleId);
    assertAllowed(LearningPolicy.authorModules(actor, ctx.module.spaceId), actor, 'Only animators of this space and admins edit its lessons');
    return ctx;
  }

  /** Checks that referenced uploads exist and fills a SCORM lesson's version and launch path from its package. */
  private async resolveReferences(tx: EntityManager, kind: LessonKind, content: unknown): Promise<LessonView['content'] & object> {
    if (kind === LessonKind.File || kind === LessonKind.Video) {
      const fileId = (content as FileContent | VideoContent).fileId;
      if (fileId && !(await this.lessons.fileExists(fileId, tx))) throw fieldError(400, 'content.fileId', 'is not an uploaded file');
    }
    if (kind === LessonKind.Video) {
      const v = content as VideoContent;
      return { embedUrl: v.fileId ? null : (v.embedUrl ?? null), fileId: v.fileId ?? null };
    }
    if (kind === LessonKind.Scorm) {
      const c = content as ScormContent;
      const pkg = await this.lessons.scormPackage(c.packageId, tx);
      if (!pkg) throw fieldError(400, 'content.packageId', 'is not an uploaded SCORM package');
      return { packageId: c.packageId, version: pkg.version, launchPath: pkg.launchPath, title: pkg.title ?? undefined };
    }
    return content as LessonView['content'] & object;
  }
}

function renderLocalized(markdown: LocalizedText): LocalizedText {
  return Object.fromEntries(Object.entries(markdown ?? {}).map(([lang, md]) => [lang, renderMarkdown(md ?? '')]));
}
