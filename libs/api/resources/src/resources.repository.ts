import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { returnedRows, writeAudit } from '@pratique/api/platform';
import {
  ActivityKind,
  AuditAction,
  DomainEventType,
  Language,
  RESOURCE_FILE_TYPES,
  ResourceKind,
  ResourceReportView,
  ResourceSort,
  ResourceStatus,
  ResourceSummary,
  SpaceRole,
} from '@pratique/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { ToolboxSpace } from './resource.policy';

/** A resource row with what the rules and the detail page need. */
export interface ResourceRow extends ResourceSummary {
  authorId: string | null;
  description: string;
  url: string | null;
  fileId: string | null;
  file: { id: string; filename: string; contentType: string; size: number } | null;
}

export interface SpaceContext {
  space: ToolboxSpace & { slug: string };
  myRole: SpaceRole | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const SUMMARY = `
  r.id, r.space_id AS "spaceId", r.kind, r.title,
  -- A plain-text start of the description: links keep their text, markdown marks and raw tags go.
  left(btrim(regexp_replace(regexp_replace(regexp_replace(regexp_replace(r.description,
    '!?\\[([^\\]]*)\\]\\([^)]*\\)', '\\1', 'g'), '<[^>]*>', '', 'g'), '[*_\`#>~|]+', '', 'g'), '\\s+', ' ', 'g')), 240) AS excerpt,
  r.tags, r.language, r.status,
  json_build_object('id', r.author_id, 'displayName', coalesce(u.display_name, '')) AS author,
  r.rating_avg::float8 AS "ratingAverage", r.rating_count AS "ratingCount", r.use_count AS "useCount",
  r.created_at AS "createdAt", r.published_at AS "publishedAt", r.rejection_reason AS "rejectionReason",
  (SELECT count(*)::int FROM resource_report rr WHERE rr.resource_id = r.id AND rr.status = 'open') AS "openReports"`;

const DETAIL = `${SUMMARY}, r.author_id AS "authorId", r.description, r.url, r.file_id AS "fileId",
  CASE WHEN f.id IS NULL THEN NULL
       ELSE json_build_object('id', f.id, 'filename', f.filename, 'contentType', f.content_type, 'size', f.size) END AS file`;

/** Sort orders of the toolbox; ties broken by id so pages never overlap. */
const ORDER: Record<ResourceSort, string> = {
  [ResourceSort.Rating]:
    'r.rating_avg DESC NULLS LAST, r.rating_count DESC, r.published_at DESC NULLS LAST, r.id',
  [ResourceSort.Newest]: 'coalesce(r.published_at, r.created_at) DESC, r.id',
  [ResourceSort.MostUsed]: 'r.use_count DESC, coalesce(r.published_at, r.created_at) DESC, r.id',
};

export interface NewResource {
  spaceId: string;
  authorId: string;
  kind: ResourceKind;
  title: string;
  description: string;
  tags: string[];
  language: Language;
  url: string | null;
  fileId: string | null;
  status: ResourceStatus;
}

/** The feed item of the published resources among `r` (a CTE or table alias), written once per resource. */
const FEED_ITEM_OF_PUBLISHED = (r: string) => `
  INSERT INTO activity (kind, actor_id, space_id, region_id, subject_id, title, original_language, dedupe_key)
  SELECT '${ActivityKind.ResourcePublished}', ${r}.author_id, ${r}.space_id, NULL, ${r}.id,
         jsonb_build_object(${r}.language, ${r}.title), ${r}.language, '${ActivityKind.ResourcePublished}:' || ${r}.id
    FROM ${r} WHERE ${r}.status = 'published'
  ON CONFLICT (dedupe_key) DO NOTHING`;
@Injectable()
export class ResourcesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The space (by id or slug) and the caller's role in it. */
  async spaceContext(idOrSlug: string, userId: string | null): Promise<SpaceContext | null> {
    const byId = UUID.test(idOrSlug);
    const rows = await this.db.query(
      `SELECT s.id, s.slug, s.scope, s.region_id AS "regionId", s.visibility, s.status,
              (SELECT sm.role FROM space_member sm WHERE sm.space_id = s.id AND sm.user_id = $2) AS "myRole"
         FROM space s WHERE ${byId ? 's.id = $1::uuid' : 's.slug = $1'}`,
      [idOrSlug, userId],
    );
    if (!rows[0]) return null;
    const { myRole, ...space } = rows[0];
    return { space, myRole };
  }

  async spaceContextOfResource(
    resourceId: string,
    userId: string | null,
  ): Promise<(SpaceContext & { resource: ResourceRow }) | null> {
    const resource = await this.detail(resourceId);
    if (!resource) return null;
    const ctx = await this.spaceContext(resource.spaceId, userId);
    return ctx ? { ...ctx, resource } : null;
  }

  async detail(id: string, tx: EntityManager | DataSource = this.db): Promise<ResourceRow | null> {
    const rows = await tx.query(
      `SELECT ${DETAIL} FROM resource r LEFT JOIN app_user u ON u.id = r.author_id LEFT JOIN stored_file f ON f.id = r.file_id WHERE r.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * A page of the toolbox: published resources, plus the caller's own contributions whatever
   * their status, filtered by tag / kind / language and sorted.
   */
  async list(
    spaceId: string,
    userId: string | null,
    q: {
      sort: ResourceSort;
      tag: string | null;
      kind: ResourceKind | null;
      language: Language | null;
      page: number;
      pageSize: number;
    },
  ): Promise<{ items: ResourceSummary[]; total: number }> {
    const where = `r.space_id = $1 AND (r.status = 'published' OR ($2::uuid IS NOT NULL AND r.author_id = $2::uuid))
      AND ($3::text IS NULL OR $3::text = ANY(r.tags)) AND ($4::text IS NULL OR r.kind = $4::text) AND ($5::text IS NULL OR r.language = $5::text)`;
    const params = [spaceId, userId, q.tag, q.kind, q.language];
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM resource r WHERE ${where}`,
      params,
    );
    const items = await this.db.query(
      `SELECT ${SUMMARY} FROM resource r LEFT JOIN app_user u ON u.id = r.author_id WHERE ${where}
        ORDER BY ${ORDER[q.sort]} LIMIT $6 OFFSET $7`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return { items, total };
  }

  /** The caller's contributions in the space, newest first, whatever their status. */
  async mine(spaceId: string, userId: string): Promise<ResourceSummary[]> {
    return this.db.query(
      `SELECT ${SUMMARY} FROM resource r LEFT JOIN app_user u ON u.id = r.author_id
        WHERE r.space_id = $1 AND r.author_id = $2 ORDER BY r.created_at DESC, r.id LIMIT 200`,
      [spaceId, userId],
    );
  }

  /** Pending contributions (oldest first) and open reports of the space. */
  async moderationQueue(
    spaceId: string,
  ): Promise<{ pending: ResourceSummary[]; reports: ResourceReportView[] }> {
    const pending = await this.db.query(
      `SELECT ${SUMMARY} FROM resource r LEFT JOIN app_user u ON u.id = r.author_id
        WHERE r.space_id = $1 AND r.status = 'pending' ORDER BY r.updated_at, r.id LIMIT 200`,
      [spaceId],
    );
    const reports = await this.db.query(
      `SELECT rr.id, json_build_object('id', r.id, 'title', r.title, 'status', r.status) AS resource,
              json_build_object('id', rr.reporter_id, 'displayName', coalesce(u.display_name, '')) AS reporter,
              rr.reason, rr.created_at AS "createdAt"
         FROM resource_report rr JOIN resource r ON r.id = rr.resource_id LEFT JOIN app_user u ON u.id = rr.reporter_id
        WHERE r.space_id = $1 AND rr.status = 'open' ORDER BY rr.created_at, rr.id LIMIT 200`,
      [spaceId],
    );
    return { pending, reports };
  }

  /** Is this an uploaded file of the user, of a toolbox type, not attached to another resource? */
  async fileUsable(fileId: string, userId: string, exceptResourceId: string | null = null): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT 1 FROM stored_file f WHERE f.id = $1 AND f.owner_id = $2 AND f.content_type = ANY($3::text[])
          AND NOT EXISTS (SELECT 1 FROM resource r WHERE r.file_id = f.id AND r.id IS DISTINCT FROM $4::uuid)`,
      [fileId, userId, [...RESOURCE_FILE_TYPES], exceptResourceId],
    );
    return rows.length > 0;
  }

  async insert(r: NewResource): Promise<string> {
    // One statement: a resource published at once (an animator's) gets its feed item with it.
    const [row] = await this.db.query(
      `WITH r AS (
         INSERT INTO resource (space_id, author_id, kind, title, description, tags, language, url, file_id, status, published_at)
         VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8, $9, $10::text, CASE WHEN $10::text = 'published' THEN now() END) RETURNING *),
       a AS (${FEED_ITEM_OF_PUBLISHED('r')})
       SELECT id FROM r`,
      [r.spaceId, r.authorId, r.kind, r.title, r.description, r.tags, r.language, r.url, r.fileId, r.status],
    );
    return row.id;
  }

  /**
   * The author's edit: only while pending or rejected (checked again in the UPDATE so a
   * moderator's decision in between wins); the resource goes back to pending.
   * @returns false when the status changed under us.
   */
  async updateByAuthor(
    id: string,
    authorId: string,
    patch: {
      title: string;
      description: string;
      tags: string[];
      language: Language;
      url: string | null;
      fileId: string | null;
    },
  ): Promise<boolean> {
    const res = await this.db.query(
      `UPDATE resource SET title = $3, description = $4, tags = $5::text[], language = $6, url = $7, file_id = $8,
              status = 'pending', rejection_reason = NULL, updated_at = now()
        WHERE id = $1 AND author_id = $2 AND status IN ('pending', 'rejected') RETURNING id`,
      [id, authorId, patch.title, patch.description, patch.tags, patch.language, patch.url, patch.fileId],
    );
    return returnedRows(res).length > 0;
  }

  /** A moderation decision, applied only from the expected status. @returns false if the status was not `from`. */
  async moderate(
    id: string,
    from: ResourceStatus[],
    to: ResourceStatus,
    moderatorId: string,
    reason: string | null,
  ): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const res = await tx.query(
        `UPDATE resource SET status = $3::text, rejection_reason = $4, moderated_by = $5, moderated_at = now(), updated_at = now(),
                published_at = CASE WHEN $3::text = 'published' THEN coalesce(published_at, now()) ELSE published_at END
          WHERE id = $1 AND status = ANY($2::text[]) RETURNING id, space_id`,
        [id, from, to, reason, moderatorId],
      );
      const [moderated] = returnedRows<{ id: string; space_id: string }>(res);
      if (!moderated) return false;
      if (to === ResourceStatus.Published)
        await tx.query(`WITH r AS (SELECT * FROM resource WHERE id = $1) ${FEED_ITEM_OF_PUBLISHED('r')}`, [
          id,
        ]);
      // The author hears of the decision on their contribution (not of their own).
      const told = {
        [ResourceStatus.Published]: DomainEventType.ResourceApproved,
        [ResourceStatus.Rejected]: DomainEventType.ResourceRejected,
      } as const;
      if (to === ResourceStatus.Published || to === ResourceStatus.Rejected)
        await tx.query(
          `INSERT INTO outbox (type, payload)
           SELECT $2, jsonb_build_object('resourceId', r.id, 'spaceId', r.space_id, 'userId', r.author_id)
             FROM resource r WHERE r.id = $1 AND r.author_id IS NOT NULL AND r.author_id <> $3`,
          [id, told[to], moderatorId],
        );
      // Hiding a resource settles its open reports.
      if (to === ResourceStatus.Hidden)
        await tx.query(
          `UPDATE resource_report SET status = 'actioned', resolved_by = $2, resolved_at = now() WHERE resource_id = $1 AND status = 'open'`,
          [id, moderatorId],
        );
      const audited = {
        [ResourceStatus.Published]: AuditAction.ResourceApproved,
        [ResourceStatus.Rejected]: AuditAction.ResourceRejected,
        [ResourceStatus.Hidden]: AuditAction.ResourceUnpublished,
      } as const;
      if (to in audited)
        await writeAudit(tx, {
          actorId: moderatorId,
          action: audited[to as keyof typeof audited],
          targetType: 'resource',
          targetId: id,
          detail: { spaceId: moderated.space_id, ...(reason ? { reason } : {}) },
        });
      return true;
    });
  }

  /** Counts one download or one visit of a published resource. */
  async countUse(id: string): Promise<void> {
    await this.db.query(
      `UPDATE resource SET use_count = use_count + 1 WHERE id = $1 AND status = 'published'`,
      [id],
    );
  }

  async fileData(
    fileId: string,
  ): Promise<{ filename: string; contentType: string; size: number; sha256: string; data: Buffer } | null> {
    const rows = await this.db.query(
      `SELECT filename, content_type AS "contentType", size, sha256, data FROM stored_file WHERE id = $1`,
      [fileId],
    );
    return rows[0] ?? null;
  }

  /**
   * Writes the member's review (insert or replace) and recomputes the resource's count and average
   * from every review, in one transaction. The resource row is locked first, so concurrent
   * reviews of one resource run one after the other and each recount sees the previous ones
   * (a recount inside a single UPDATE would use a snapshot taken before the lock was obtained).
   * @returns null when the resource is no longer published.
   */
  async upsertReview(resourceId: string, userId: string, rating: number, body: string) {
    return this.db.transaction(async (tx) => {
      const locked = await tx.query(
        `SELECT id FROM resource WHERE id = $1 AND status = 'published' FOR UPDATE`,
        [resourceId],
      );
      if (locked.length === 0) return null;
      await tx.query(
        `INSERT INTO resource_review (resource_id, user_id, rating, body) VALUES ($1, $2, $3, $4)
         ON CONFLICT (resource_id, user_id) DO UPDATE SET rating = EXCLUDED.rating, body = EXCLUDED.body, updated_at = now()`,
        [resourceId, userId, rating, body],
      );
      const [stats] = returnedRows<{ ratingAverage: number | null; ratingCount: number }>(
        await tx.query(
          `UPDATE resource r SET rating_count = s.n, rating_avg = s.avg
             FROM (SELECT count(*)::int AS n, round(avg(rating), 3) AS avg FROM resource_review WHERE resource_id = $1) s
            WHERE r.id = $1 RETURNING r.rating_avg::float8 AS "ratingAverage", r.rating_count AS "ratingCount"`,
          [resourceId],
        ),
      );
      const [review] = await tx.query(`${REVIEW_SELECT} WHERE rv.resource_id = $1 AND rv.user_id = $2`, [
        resourceId,
        userId,
      ]);
      return { review, ...stats };
    });
  }

  async review(resourceId: string, userId: string) {
    const rows = await this.db.query(`${REVIEW_SELECT} WHERE rv.resource_id = $1 AND rv.user_id = $2`, [
      resourceId,
      userId,
    ]);
    return rows[0] ?? null;
  }

  async reviews(resourceId: string, page: number, pageSize: number) {
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM resource_review WHERE resource_id = $1`,
      [resourceId],
    );
    const items = await this.db.query(
      `${REVIEW_SELECT} WHERE rv.resource_id = $1 ORDER BY rv.updated_at DESC, rv.user_id LIMIT $2 OFFSET $3`,
      [resourceId, pageSize, (page - 1) * pageSize],
    );
    return { items, total };
  }

  /** @returns false when the member already has an open report on it. */
  async insertReport(resourceId: string, reporterId: string, reason: string): Promise<string | null> {
    const rows = await this.db.query(
      `INSERT INTO resource_report (resource_id, reporter_id, reason) VALUES ($1, $2, $3)
       ON CONFLICT (resource_id, reporter_id) WHERE status = 'open' DO NOTHING RETURNING id`,
      [resourceId, reporterId, reason],
    );
    return rows[0]?.id ?? null;
  }

  async report(id: string): Promise<{ id: string; resourceId: string; status: string } | null> {
    const rows = await this.db.query(
      `SELECT id, resource_id AS "resourceId", status FROM resource_report WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Dismisses an open report, audited in the same transaction; false when it was not open. */
  async dismissReport(id: string, moderatorId: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [report] = returnedRows<{ resource_id: string }>(
        await tx.query(
          `UPDATE resource_report SET status = 'dismissed', resolved_by = $2, resolved_at = now() WHERE id = $1 AND status = 'open' RETURNING resource_id`,
          [id, moderatorId],
        ),
      );
      if (!report) return false;
      await writeAudit(tx, {
        actorId: moderatorId,
        action: AuditAction.ReportDismissed,
        targetType: 'resource_report',
        targetId: id,
        detail: { resourceId: report.resource_id },
      });
      return true;
    });
  }
}

const REVIEW_SELECT = `SELECT json_build_object('id', rv.user_id, 'displayName', u.display_name) AS user, rv.rating, rv.body,
  rv.created_at AS "createdAt", rv.updated_at AS "updatedAt"
  FROM resource_review rv JOIN app_user u ON u.id = rv.user_id`;
