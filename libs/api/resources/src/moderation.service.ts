import { Injectable } from '@nestjs/common';
import { Actor, assertAllowed } from '@pratique/api/accounts';
import { fieldError } from '@pratique/api/platform';
import { ModerationQueue, ResourceDetail, ResourceStatus } from '@pratique/contracts';
import { forViewer, ResourceAccess } from './resource-access';
import { ResourcePolicy } from './resource.policy';
import { ResourcesRepository } from './resources.repository';
import { ResourcesService } from './resources.service';

/** The space's animators (and admins): approve or reject contributions, act on reports. */
@Injectable()
export class ModerationService {
  constructor(
    private readonly repo: ResourcesRepository,
    private readonly access: ResourceAccess,
    private readonly resources: ResourcesService,
  ) {}

  async queue(actor: Actor, space: string): Promise<ModerationQueue> {
    const ctx = await this.access.moderatedSpace(actor, space);
    const q = await this.repo.moderationQueue(ctx.space.id);
    return { pending: q.pending.map((r) => forViewer(actor, r)), reports: q.reports };
  }

  approve(actor: Actor, id: string): Promise<ResourceDetail> {
    return this.decide(actor, id, [ResourceStatus.Pending], ResourceStatus.Published, null, 'is not pending');
  }

  reject(actor: Actor, id: string, reason: string): Promise<ResourceDetail> {
    return this.decide(
      actor,
      id,
      [ResourceStatus.Pending],
      ResourceStatus.Rejected,
      reason.trim(),
      'is not pending',
    );
  }

  /** Hides a published resource (after a report); its open reports are settled. */
  unpublish(actor: Actor, id: string, reason: string | undefined): Promise<ResourceDetail> {
    return this.decide(
      actor,
      id,
      [ResourceStatus.Published],
      ResourceStatus.Hidden,
      reason?.trim() || null,
      'is not published',
    );
  }

  async dismissReport(actor: Actor, reportId: string): Promise<void> {
    const report = await this.repo.report(reportId);
    const notFound = fieldError(404, 'id', 'is not a known report');
    if (!report) throw notFound;
    const ctx = await this.repo.spaceContextOfResource(report.resourceId, actor.id);
    if (!ctx || !ResourcePolicy.viewResource(actor, ctx.space, ctx.myRole, ctx.resource)) throw notFound;
    assertAllowed(
      ResourcePolicy.moderate(actor, ctx.space.id),
      actor,
      "Only the space's animators and admins moderate its toolbox",
    );
    if (!(await this.repo.dismissReport(reportId, actor.id)))
      throw fieldError(409, 'status', 'is not open: the report was already handled');
  }

  private async decide(
    actor: Actor,
    id: string,
    from: ResourceStatus[],
    to: ResourceStatus,
    reason: string | null,
    wrongStatus: string,
  ): Promise<ResourceDetail> {
    const { resource } = await this.access.resource(actor, id);
    assertAllowed(
      ResourcePolicy.moderate(actor, resource.spaceId),
      actor,
      "Only the space's animators and admins moderate its toolbox",
    );
    if (!(await this.repo.moderate(resource.id, from, to, actor.id, reason)))
      throw fieldError(409, 'status', wrongStatus);
    return this.resources.detail(actor, id);
  }
}
