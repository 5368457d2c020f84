import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditEntry, Page } from '@pratique/contracts';
import { DataSource } from 'typeorm';
import { AuditLogQueryDto } from './dto/audit-log.query';

@Injectable()
export class AuditLogRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Newest first (served by `audit_log_created_idx`), optionally one action, with the actor's name. */
  async page(q: AuditLogQueryDto): Promise<Page<AuditEntry>> {
    const rows: (AuditEntry & { total: number })[] = await this.db.query(
      `SELECT a.id::text, a.created_at AS at,
              CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'displayName', u.display_name) END AS actor,
              a.action, a.target_type AS "targetType", a.target_id AS "targetId", a.detail,
              count(*) OVER ()::int AS total
         FROM audit_log a LEFT JOIN app_user u ON u.id = a.actor_id
        WHERE $1::text IS NULL OR a.action = $1
        ORDER BY a.created_at DESC, a.id DESC
        LIMIT $2 OFFSET $3`,
      [q.action ?? null, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return {
      items: rows.map(({ total: _t, at, ...entry }) => ({ ...entry, at: new Date(at).toISOString() })),
      total: rows[0]?.total ?? 0,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}
