import { Injectable } from '@nestjs/common';
import { Actor, assertAllowed } from '@pratique/api/accounts';
import { fieldError } from '@pratique/api/platform';
import { ResourceStatus, ResourceSummary } from '@pratique/contracts';
import { ResourcePolicy } from './resource.policy';
import { ResourceRow, ResourcesRepository, SpaceContext } from './resources.repository';

export const unknownSpace = () => fieldError(404, 'space', 'is not a known space');
export const unknownResource = () => fieldError(404, 'id', 'is not a known resource');

/** Loads spaces and resources for the caller, answering 404 for what they may not see. */
@Injectable()
export class ResourceAccess {
  constructor(private readonly repo: ResourcesRepository) {}

  async toolbox(actor: Actor | null, idOrSlug: string): Promise<SpaceContext> {
    const ctx = await this.repo.spaceContext(idOrSlug, actor?.id ?? null);
    if (!ctx || !ResourcePolicy.viewToolbox(actor, ctx.space, ctx.myRole)) throw unknownSpace();
    return ctx;
  }

  async resource(actor: Actor | null, id: string): Promise<SpaceContext & { resource: ResourceRow }> {
    const ctx = await this.repo.spaceContextOfResource(id, actor?.id ?? null);
    if (!ctx || !ResourcePolicy.viewResource(actor, ctx.space, ctx.myRole, ctx.resource))
      throw unknownResource();
    return ctx;
  }

  async moderatedSpace(actor: Actor, idOrSlug: string): Promise<SpaceContext> {
    const ctx = await this.toolbox(actor, idOrSlug);
    assertAllowed(
      ResourcePolicy.moderate(actor, ctx.space.id),
      actor,
      "Only the space's animators and admins moderate its toolbox",
    );
    return ctx;
  }
}

/** Hides what only the author and moderators may read (the rejection reason, report counts). */
export function forViewer<T extends ResourceSummary>(actor: Actor | null, r: T): T {
  const moderator = ResourcePolicy.moderate(actor, r.spaceId);
  const author = actor !== null && r.author.id === actor.id;
  return {
    ...r,
    rejectionReason: moderator || author ? r.rejectionReason : null,
    openReports: moderator ? r.openReports : 0,
    status: r.status as ResourceStatus,
  };
}
