import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Language, Page, UserSummary } from '@pratique/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../authorization/actor';
import { MembershipEntity } from './membership.entity';
import { UserEntity } from './user.entity';

interface ActorRow {
  id: string;
  email: string;
  display_name: string;
  preferred_language: Language;
  region_id: string;
  organisations: { id: string; name: string; regionId: string }[];
  is_admin: boolean;
  staff_region_ids: string[];
  animator_space_ids: string[];
}

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The user with organisations and roles, in one round trip (run for every signed-in request). */
  async loadActor(userId: string): Promise<Actor | null> {
    const rows: ActorRow[] = await this.db.query(
      `SELECT u.id, u.email, u.display_name, u.preferred_language, u.region_id,
              COALESCE((SELECT json_agg(json_build_object('id', o.id, 'name', o.name, 'regionId', o.region_id) ORDER BY o.name)
                          FROM membership m JOIN organisation o ON o.id = m.organisation_id
                         WHERE m.user_id = u.id), '[]') AS organisations,
              EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = u.id AND g.role = 'admin') AS is_admin,
              COALESCE((SELECT array_agg(g.region_id ORDER BY g.region_id) FROM role_grant g
                         WHERE g.user_id = u.id AND g.role = 'staff'), '{}') AS staff_region_ids,
              COALESCE((SELECT array_agg(sm.space_id) FROM space_member sm
                         WHERE sm.user_id = u.id AND sm.role = 'animator'), '{}') AS animator_space_ids
         FROM app_user u WHERE u.id = $1 AND u.suspended_at IS NULL AND u.deleted_at IS NULL`,
      [userId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      preferredLanguage: row.preferred_language,
      regionId: row.region_id,
      organisations: row.organisations.map(({ id, name }) => ({ id, name })),
      organisationRegionIds: [...new Set(row.organisations.map((o) => o.regionId))],
      isAdmin: row.is_admin,
      staffRegionIds: row.staff_region_ids,
      animatorSpaceIds: row.animator_space_ids,
    };
  }

  /** Credentials of a live account (a deleted one is unknown); `suspendedAt` refuses sign-in. */
  findCredentialsByEmail(
    email: string,
  ): Promise<Pick<UserEntity, 'id' | 'passwordHash' | 'suspendedAt'> | null> {
    return this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .select(['u.id', 'u.passwordHash', 'u.suspendedAt'])
      .where('lower(u.email) = lower(:email)', { email })
      .andWhere('u.deleted_at IS NULL')
      .getOne();
  }

  async emailExists(email: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM app_user WHERE lower(email) = lower($1)`, [email]);
    return rows.length > 0;
  }

  async organisationRegion(organisationId: string): Promise<string | null> {
    const rows: { region_id: string }[] = await this.db.query(
      `SELECT region_id FROM organisation WHERE id = $1`,
      [organisationId],
    );
    return rows[0]?.region_id ?? null;
  }

  async regionExists(regionId: string): Promise<boolean> {
    return (await this.db.query(`SELECT 1 FROM region WHERE id = $1`, [regionId])).length > 0;
  }

  /** Creates the user and their first membership in one transaction. */
  createWithMembership(
    user: Omit<UserEntity, 'id' | 'createdAt' | 'updatedAt' | 'suspendedAt' | 'deletedAt'>,
    organisationId: string,
  ): Promise<string> {
    return this.db.transaction(async (tx: EntityManager) => {
      const saved = await tx.getRepository(UserEntity).save(tx.getRepository(UserEntity).create(user));
      await tx.getRepository(MembershipEntity).insert({ userId: saved.id, organisationId });
      return saved.id;
    });
  }

  async updateProfile(
    userId: string,
    patch: Partial<Pick<UserEntity, 'displayName' | 'preferredLanguage'>>,
  ): Promise<void> {
    if (Object.keys(patch).length) await this.db.getRepository(UserEntity).update({ id: userId }, patch);
  }

  async addMembership(userId: string, organisationId: string): Promise<void> {
    await this.db
      .getRepository(MembershipEntity)
      .upsert({ userId, organisationId }, ['userId', 'organisationId']);
  }

  /** Removes a membership unless it is the user's last one. Returns false when it was the last. */
  async removeMembership(userId: string, organisationId: string): Promise<'removed' | 'last' | 'absent'> {
    return this.db.transaction(async (tx) => {
      const rows: { organisation_id: string }[] = await tx.query(
        `SELECT organisation_id FROM membership WHERE user_id = $1 FOR UPDATE`,
        [userId],
      );
      if (!rows.some((r) => r.organisation_id === organisationId)) return 'absent';
      if (rows.length === 1) return 'last';
      await tx.query(`DELETE FROM membership WHERE user_id = $1 AND organisation_id = $2`, [
        userId,
        organisationId,
      ]);
      return 'removed';
    });
  }

  /** Users with their grants, for the admin roles page. */
  async search(q: string | undefined, page: number, pageSize: number): Promise<Page<UserSummary>> {
    const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%` : null;
    const rows: (UserSummary & { total: string })[] = await this.db.query(
      `SELECT u.id, u.email, u.display_name AS "displayName", u.region_id AS "regionId",
              u.suspended_at AS "suspendedAt", u.suspension_reason AS "suspensionReason",
              COALESCE((SELECT json_agg(json_build_object('id', g.id, 'userId', g.user_id, 'role', g.role,
                                         'regionId', g.region_id, 'createdAt', g.created_at) ORDER BY g.created_at)
                          FROM role_grant g WHERE g.user_id = u.id), '[]') AS roles,
              count(*) OVER () AS total
         FROM app_user u
        WHERE u.deleted_at IS NULL AND ($1::text IS NULL OR u.email ILIKE $1 OR u.display_name ILIKE $1)
        ORDER BY u.display_name, u.id
        LIMIT $2 OFFSET $3`,
      [pattern, pageSize, (page - 1) * pageSize],
    );
    return {
      items: rows.map(({ total: _t, suspendedAt, ...u }) => ({
        ...u,
        suspendedAt: suspendedAt && new Date(suspendedAt).toISOString(),
      })),
      total: Number(rows[0]?.total ?? 0),
      page,
      pageSize,
    };
  }

  async exists(userId: string): Promise<boolean> {
    return (await this.db.query(`SELECT 1 FROM app_user WHERE id = $1`, [userId])).length > 0;
  }
}
