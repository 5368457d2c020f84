import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { writeAudit, writeOutbox } from '@pratique/api/platform';
import {
  AuditAction,
  DomainEventType,
  Page,
  SpaceMemberDto,
  SpaceRole,
  SpaceSummary,
} from '@pratique/contracts';
import { DataSource } from 'typeorm';
import { ListSpacesQuery } from './dto/space.dto';
import { SpaceEntity } from './space.entity';
import { SpaceMemberEntity } from './space-member.entity';

const SUMMARY_COLUMNS = `
  s.id, s.slug, s.title, s.description, s.original_language AS "originalLanguage", s.axis, s.scope,
  s.region_id AS "regionId", s.visibility, s.status,
  (SELECT count(*)::int FROM space_member sm WHERE sm.space_id = s.id) AS "memberCount",
  (SELECT sm.role FROM space_member sm WHERE sm.space_id = s.id AND sm.user_id = $1) AS "myRole"`;

@Injectable()
export class SpacesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Spaces the caller may see, filtered and paged, each with its member count and the caller's role.
   * Anonymous callers ($1 null) see public spaces only. `q` matches the title or description in any language.
   */
  async search(userId: string | null, query: ListSpacesQuery): Promise<Page<SpaceSummary>> {
    const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => '\\' + c)}%` : null;
    const rows: (SpaceSummary & { total: number })[] = await this.db.query(
      `SELECT ${SUMMARY_COLUMNS}, count(*) OVER ()::int AS total
         FROM space s
        WHERE ($1::uuid IS NOT NULL OR s.visibility = 'public')
          AND ($2::text IS NULL OR s.title::text ILIKE $2 OR s.description::text ILIKE $2 OR s.slug ILIKE $2)
          AND ($3::text IS NULL OR s.axis = $3)
          AND ($4::uuid IS NULL OR s.region_id = $4)
          AND (NOT $5::boolean OR EXISTS (SELECT 1 FROM space_member m WHERE m.space_id = s.id AND m.user_id = $1))
        ORDER BY s.status = 'archived', s.title->>s.original_language, s.id
        LIMIT $6 OFFSET $7`,
      [
        userId,
        pattern,
        query.axis ?? null,
        query.regionId ?? null,
        query.joined === true,
        query.pageSize,
        (query.page - 1) * query.pageSize,
      ],
    );
    return {
      items: rows.map(({ total: _t, ...s }) => s),
      total: rows[0]?.total ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async findSummary(userId: string | null, idOrSlug: string): Promise<SpaceSummary | null> {
    const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
    const rows: SpaceSummary[] = await this.db.query(
      `SELECT ${SUMMARY_COLUMNS} FROM space s WHERE ${isUuid ? 's.id = $2::uuid' : 's.slug = $2'}`,
      [userId, idOrSlug],
    );
    return rows[0] ?? null;
  }

  async members(spaceId: string, role?: SpaceRole): Promise<SpaceMemberDto[]> {
    return this.db.query(
      `SELECT m.user_id AS "userId", u.display_name AS "displayName", m.role, m.joined_at AS "joinedAt"
         FROM space_member m JOIN app_user u ON u.id = m.user_id
        WHERE m.space_id = $1 AND ($2::text IS NULL OR m.role = $2)
        ORDER BY m.role = 'animator' DESC, u.display_name, u.id`,
      [spaceId, role ?? null],
    );
  }

  async slugExists(slug: string): Promise<boolean> {
    return this.db.getRepository(SpaceEntity).existsBy({ slug });
  }

  async regionExists(regionId: string): Promise<boolean> {
    return (await this.db.query(`SELECT 1 FROM region WHERE id = $1`, [regionId])).length > 0;
  }

  async userExists(userId: string): Promise<boolean> {
    return (await this.db.query(`SELECT 1 FROM app_user WHERE id = $1`, [userId])).length > 0;
  }

  insert(space: Partial<SpaceEntity>): Promise<SpaceEntity> {
    const repo = this.db.getRepository(SpaceEntity);
    return repo.save(repo.create(space));
  }

  async update(id: string, patch: Partial<SpaceEntity>): Promise<void> {
    await this.db.getRepository(SpaceEntity).update({ id }, patch);
  }

  /** Idempotent join: a second join keeps the existing role. */
  async addMember(spaceId: string, userId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO space_member (space_id, user_id, role) VALUES ($1, $2, 'member') ON CONFLICT DO NOTHING`,
      [spaceId, userId],
    );
  }

  async removeMember(spaceId: string, userId: string): Promise<void> {
    await this.db.getRepository(SpaceMemberEntity).delete({ spaceId, userId });
  }

  /**
   * Sets the user's role in the space, adding them to it if needed; a member who becomes an
   * animator hears about it (`role.granted`, in the same transaction).
   */
  async setRole(spaceId: string, userId: string, role: SpaceRole, grantedBy: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [before] = await tx.query(
        `SELECT role FROM space_member WHERE space_id = $1 AND user_id = $2 FOR UPDATE`,
        [spaceId, userId],
      );
      await tx.query(
        `INSERT INTO space_member (space_id, user_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (space_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
        [spaceId, userId, role],
      );
      if (role === SpaceRole.Animator && before?.role !== SpaceRole.Animator)
        await writeOutbox(tx, {
          type: DomainEventType.RoleGranted,
          payload: { userId, role: 'animator', spaceId, grantedBy },
        });
      // Who made whom an animator, or took it back (only when the role changes).
      const animatorChange =
        role === SpaceRole.Animator && before?.role !== SpaceRole.Animator
          ? AuditAction.AnimatorAdded
          : role !== SpaceRole.Animator && before?.role === SpaceRole.Animator
            ? AuditAction.AnimatorRemoved
            : null;
      if (animatorChange)
        await writeAudit(tx, {
          actorId: grantedBy,
          action: animatorChange,
          targetType: 'user',
          targetId: userId,
          detail: { spaceId },
        });
    });
  }

  async roleOf(spaceId: string, userId: string): Promise<SpaceRole | null> {
    const rows: { role: SpaceRole }[] = await this.db.query(
      `SELECT role FROM space_member WHERE space_id = $1 AND user_id = $2`,
      [spaceId, userId],
    );
    return rows[0]?.role ?? null;
  }
}
