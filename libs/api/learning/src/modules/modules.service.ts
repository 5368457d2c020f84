import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, assertAllowed, LearningPolicy, Policy } from '@pratique/api/accounts';
import { fieldError, writeActivity, writeAudit, writeOutbox } from '@pratique/api/platform';
import {
  ActivityKind,
  AuditAction,
  DomainEventType,
  ModuleDetail,
  ModuleLearner,
  ModuleStatus,
  ModuleSummary,
  MyModule,
} from '@pratique/contracts';
import { DataSource } from 'typeorm';
import { compactLocalized, hasText, mergeLocalized } from '../localized';
import { CreateModuleDto, UpdateModuleDto } from './dto/module.dto';
import { ModuleEntity } from './module.entity';
import { ModuleContext, ModulesRepository } from './modules.repository';

/** Allowed status changes. Publishing needs at least one lesson. */
const TRANSITIONS: Record<ModuleStatus, ModuleStatus[]> = {
  [ModuleStatus.Draft]: [ModuleStatus.Published],
  [ModuleStatus.Published]: [ModuleStatus.Archived, ModuleStatus.Draft],
  [ModuleStatus.Archived]: [ModuleStatus.Published],
};

@Injectable()
export class ModulesService {
  constructor(
    private readonly modules: ModulesRepository,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async listForSpace(actor: Actor | null, spaceId: string): Promise<ModuleSummary[]> {
    const space = await this.modules.spaceRef(spaceId);
    if (!space || !Policy.viewSpace(actor, space)) throw notFound('spaceId', 'is not a known space');
    const author = LearningPolicy.authorModules(actor, spaceId);
    const statuses = author ? Object.values(ModuleStatus) : [ModuleStatus.Published];
    return this.modules.listBySpace(actor?.id ?? null, spaceId, statuses, true);
  }

  async create(actor: Actor, spaceId: string, dto: CreateModuleDto): Promise<ModuleDetail> {
    const space = await this.modules.spaceRef(spaceId);
    if (!space || !Policy.viewSpace(actor, space)) throw notFound('spaceId', 'is not a known space');
    assertAllowed(
      LearningPolicy.authorModules(actor, spaceId),
      actor,
      'Only animators of this space and admins write its modules',
    );
    const title = compactLocalized(dto.title);
    if (!hasText(title, dto.originalLanguage))
      throw fieldError(400, `title.${dto.originalLanguage}`, 'is required in the original language');
    const repo = this.db.getRepository(ModuleEntity);
    const saved = await repo.save(
      repo.create({
        spaceId,
        title,
        summary: compactLocalized(dto.summary),
        originalLanguage: dto.originalLanguage,
        estimatedMinutes: dto.estimatedMinutes ?? null,
        status: ModuleStatus.Draft,
        createdBy: actor.id,
      }),
    );
    return this.detail(actor, saved.id);
  }

  async detail(actor: Actor | null, moduleId: string): Promise<ModuleDetail> {
    const ctx = await this.visible(actor, moduleId);
    const [summary, lessons] = await Promise.all([
      this.modules.summary(actor?.id ?? null, moduleId),
      this.modules.outline(actor?.id ?? null, moduleId),
    ]);
    const continueLessonId = lessons.find((l) => l.myStatus !== 'completed')?.id ?? null;
    return {
      ...summary,
      lessons,
      continueLessonId,
      can: {
        edit: LearningPolicy.authorModules(actor, ctx.module.spaceId),
        learn: LearningPolicy.learn(actor, ctx.module, ctx.me),
        seeLearners: LearningPolicy.seeLearners(actor, ctx.module),
      },
    };
  }

  async update(actor: Actor, moduleId: string, dto: UpdateModuleDto): Promise<ModuleDetail> {
    const ctx = await this.visible(actor, moduleId);
    assertAllowed(
      LearningPolicy.authorModules(actor, ctx.module.spaceId),
      actor,
      'Only animators of this space and admins edit its modules',
    );
    await this.db.transaction(async (tx) => {
      // Lock the module so two publishes cannot both write a "published" event.
      const [current] = await tx.query(`SELECT * FROM module WHERE id = $1 FOR UPDATE`, [moduleId]);
      const title = mergeLocalized(current.title, dto.title);
      const original = dto.originalLanguage ?? current.original_language;
      if (!hasText(title, original))
        throw fieldError(400, `title.${original}`, 'is required in the original language');
      if (dto.coverFileId) {
        const [file] = await tx.query(`SELECT content_type FROM stored_file WHERE id = $1`, [
          dto.coverFileId,
        ]);
        if (!file) throw fieldError(400, 'coverFileId', 'is not an uploaded file');
        if (!String(file.content_type).startsWith('image/'))
          throw fieldError(400, 'coverFileId', 'must be an image');
      }
      const changes: Partial<ModuleEntity> = {
        title,
        summary: mergeLocalized(current.summary, dto.summary),
        originalLanguage: original,
      };
      if (dto.estimatedMinutes !== undefined) changes.estimatedMinutes = dto.estimatedMinutes;
      if (dto.coverFileId !== undefined) changes.coverFileId = dto.coverFileId;
      if (dto.status && dto.status !== current.status) {
        if (!TRANSITIONS[current.status as ModuleStatus].includes(dto.status))
          throw fieldError(400, 'status', `cannot go from ${current.status} to ${dto.status}`);
        if (dto.status === ModuleStatus.Published && (await this.modules.lessonCount(moduleId, tx)) === 0)
          throw fieldError(400, 'status', 'a module with no lesson cannot be published: add a lesson first');
        changes.status = dto.status;
        if (dto.status === ModuleStatus.Published && !current.published_at) {
          changes.publishedAt = new Date();
          await writeOutbox(tx, {
            type: DomainEventType.ModulePublished,
            payload: { moduleId, spaceId: ctx.module.spaceId, publishedBy: actor.id },
          });
          await writeActivity(tx, {
            kind: ActivityKind.ModulePublished,
            actorId: actor.id,
            spaceId: ctx.module.spaceId,
            regionId: null,
            subjectId: moduleId,
            title,
            originalLanguage: original,
            dedupeKey: `module.published:${moduleId}`,
          });
        }
      }
      await tx.getRepository(ModuleEntity).update({ id: moduleId }, changes);
    });
    return this.detail(actor, moduleId);
  }

  myModules(actor: Actor): Promise<MyModule[]> {
    return this.modules.myModules(actor.id);
  }

  async learners(actor: Actor, moduleId: string): Promise<ModuleLearner[]> {
    const ctx = await this.visible(actor, moduleId);
    assertAllowed(
      LearningPolicy.seeLearners(actor, ctx.module),
      actor,
      'Only animators of this space, staff of its region and admins see learners',
    );
    return this.modules.learners(moduleId);
  }

  /** The learners for the CSV export: a list of people leaves the platform, so it is audited. */
  async learnersExport(actor: Actor, moduleId: string): Promise<ModuleLearner[]> {
    const learners = await this.learners(actor, moduleId);
    await writeAudit(this.db, {
      actorId: actor.id,
      action: AuditAction.CsvExported,
      targetType: 'module',
      targetId: moduleId,
      detail: { export: 'learners.csv', rows: learners.length },
    });
    return learners;
  }

  /** The module if the caller may see it; 404 otherwise, so drafts are not revealed. */
  async visible(actor: Actor | null, moduleId: string): Promise<ModuleContext> {
    return this.ensureVisible(actor, await this.modules.context(actor?.id ?? null, moduleId));
  }

  /** The context if the caller may see its module (as `visible`, for a context read another way). */
  ensureVisible(actor: Actor | null, ctx: ModuleContext | null): ModuleContext {
    if (!ctx || !LearningPolicy.viewModule(actor, ctx.module, ctx.me))
      throw notFound('id', 'is not a known module');
    return ctx;
  }
}

export function notFound(field: string, reason: string): NotFoundException {
  return new NotFoundException({
    statusCode: 404,
    error: 'Not Found',
    message: `${field} ${reason}`,
    errors: [{ field, reason }],
  });
}
