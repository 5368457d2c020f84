import { Injectable } from '@nestjs/common';
import { Actor, assertAllowed } from '@pratique/api/accounts';
import { fieldError, renderMarkdown } from '@pratique/api/platform';
import { Page, ResourceStatus, ReviewResult, ReviewView } from '@pratique/contracts';
import { PageQuery, ReviewDto } from './dto/resource.dto';
import { ResourceAccess } from './resource-access';
import { ResourcePolicy } from './resource.policy';
import { ResourcesRepository } from './resources.repository';

/** Ratings with reviews (one per member, editable) and reports of published resources. */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly repo: ResourcesRepository,
    private readonly access: ResourceAccess,
  ) {}

  async list(actor: Actor | null, id: string, q: PageQuery): Promise<Page<ReviewView>> {
    const { resource } = await this.access.resource(actor, id);
    const { items, total } = await this.repo.reviews(resource.id, q.page, q.pageSize);
    return { items: items.map(withHtml), total, page: q.page, pageSize: q.pageSize };
  }

  async upsert(actor: Actor, id: string, dto: ReviewDto): Promise<ReviewResult> {
    const { resource } = await this.access.resource(actor, id);
    if (resource.authorId === actor.id)
      throw fieldError(400, 'rating', 'cannot be given to your own resource');
    if (resource.status !== ResourceStatus.Published)
      throw fieldError(409, 'status', 'is not published: only published resources are rated');
    assertAllowed(ResourcePolicy.review(actor, resource), actor);
    const result = await this.repo.upsertReview(resource.id, actor.id, dto.rating, dto.body ?? '');
    if (!result) throw fieldError(409, 'status', 'is not published: only published resources are rated');
    return {
      review: withHtml(result.review),
      ratingAverage: result.ratingAverage,
      ratingCount: result.ratingCount,
    };
  }

  async report(actor: Actor, id: string, reason: string): Promise<{ id: string }> {
    const { resource } = await this.access.resource(actor, id);
    if (!ResourcePolicy.report(actor, resource))
      throw fieldError(409, 'status', 'is not published: only published resources are reported');
    const reportId = await this.repo.insertReport(resource.id, actor.id, reason.trim());
    if (!reportId)
      throw fieldError(409, 'reason', 'you already reported this resource; moderators will look at it');
    return { id: reportId };
  }
}

const withHtml = (r: Omit<ReviewView, 'bodyHtml'>): ReviewView => ({
  ...r,
  bodyHtml: renderMarkdown(r.body),
});
