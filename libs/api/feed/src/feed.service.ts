import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, assertAllowed, isAdmin } from '@pratique/api/accounts';
import { fieldError, writeActivity } from '@pratique/api/platform';
import { ActivityItem, ActivityKind, FeedPage } from '@pratique/contracts';
import { DataSource } from 'typeorm';
import { FeedQueryDto } from './dto/feed.dto';
import { FeedRepository } from './feed.repository';

const page = (items: ActivityItem[], limit: number): FeedPage => ({
  items: items.map((i) => ({ ...i, createdAt: new Date(i.createdAt).toISOString() })),
  nextBefore: items.length === limit ? items[items.length - 1].id : null,
});

@Injectable()
export class FeedService {
  constructor(
    private readonly feed: FeedRepository,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async mine(actor: Actor, q: FeedQueryDto): Promise<FeedPage> {
    return page(await this.feed.forMember(actor.id, q.before ?? null, q.limit), q.limit);
  }

  /** Staff of the region and admins. */
  async region(actor: Actor, regionId: string, q: FeedQueryDto): Promise<FeedPage> {
    assertAllowed(
      isAdmin(actor) || actor.staffRegionIds.includes(regionId),
      actor,
      'Only staff of this region and admins see its feed',
    );
    if (!(await this.feed.regionExists(regionId))) throw fieldError(404, 'regionId', 'is not a known region');
    return page(await this.feed.forRegion(regionId, q.before ?? null, q.limit), q.limit);
  }

  /** Shares (or stops sharing) my completion of a module in the feed of its space and of my followers. */
  async shareCompletion(actor: Actor, moduleId: string, shared: boolean): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [row] = await tx.query(
        `SELECT m.space_id, m.title, m.original_language, e.completed_at
           FROM enrollment e JOIN module m ON m.id = e.module_id
          WHERE e.user_id = $1 AND e.module_id = $2 FOR UPDATE OF e`,
        [actor.id, moduleId],
      );
      if (!row?.completed_at)
        throw new NotFoundException({
          statusCode: 404,
          error: 'Not Found',
          message: 'You have not completed this module',
          errors: [{ field: 'moduleId', reason: 'is not a module you completed' }],
        });
      const key = `completion.shared:${moduleId}:${actor.id}`;
      if (shared) {
        await tx.query(
          `UPDATE enrollment SET completion_shared_at = COALESCE(completion_shared_at, now()) WHERE user_id = $1 AND module_id = $2`,
          [actor.id, moduleId],
        );
        await writeActivity(tx, {
          kind: ActivityKind.CompletionShared,
          actorId: actor.id,
          spaceId: row.space_id,
          regionId: null,
          subjectId: moduleId,
          title: row.title,
          originalLanguage: row.original_language,
          dedupeKey: key,
        });
      } else {
        await tx.query(
          `UPDATE enrollment SET completion_shared_at = NULL WHERE user_id = $1 AND module_id = $2`,
          [actor.id, moduleId],
        );
        await tx.query(`DELETE FROM activity WHERE dedupe_key = $1`, [key]);
      }
    });
  }
}
