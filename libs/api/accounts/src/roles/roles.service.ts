import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { fieldError, writeAudit, writeOutbox } from '@pratique/api/platform';
import {
  AuditAction,
  DomainEventType,
  GlobalRole,
  Page,
  RoleGrantDto,
  UserSummary,
} from '@pratique/contracts';
import { DataSource } from 'typeorm';
import { Actor } from '../authorization/actor';
import { RoleGrantEntity } from '../users/role-grant.entity';
import { ActorCache } from '../users/actor-cache';
import { UsersRepository } from '../users/users.repository';
import { GrantRoleDto } from './dto/grant-role.dto';

@Injectable()
export class RolesService {
  constructor(
    private readonly users: UsersRepository,
    @InjectDataSource() private readonly db: DataSource,
    private readonly actors: ActorCache,
  ) {}

  list(q: string | undefined, page: number, pageSize: number): Promise<Page<UserSummary>> {
    return this.users.search(q, page, pageSize);
  }

  async grantsOf(userId: string): Promise<RoleGrantDto[]> {
    await this.assertUser(userId);
    const grants = await this.db
      .getRepository(RoleGrantEntity)
      .find({ where: { userId }, order: { createdAt: 'ASC' } });
    return grants.map(toDto);
  }

  async grant(granter: Actor, userId: string, dto: GrantRoleDto): Promise<RoleGrantDto> {
    await this.assertUser(userId);
    if (dto.role === GlobalRole.Admin && dto.regionId)
      throw fieldError(400, 'regionId', 'must be absent for the admin role');
    const regionId = dto.role === GlobalRole.Staff ? dto.regionId! : null;
    if (regionId && !(await this.users.regionExists(regionId)))
      throw fieldError(400, 'regionId', 'does not exist');
    const saved = await this.db.transaction(async (tx) => {
      const repo = tx.getRepository(RoleGrantEntity);
      const grant = await repo.save(repo.create({ userId, role: dto.role, regionId, grantedBy: granter.id }));
      await writeOutbox(tx, {
        type: DomainEventType.RoleGranted,
        payload: { userId, role: dto.role, ...(regionId ? { regionId } : {}), grantedBy: granter.id },
      });
      await writeAudit(tx, {
        actorId: granter.id,
        action: AuditAction.RoleGranted,
        targetType: 'user',
        targetId: userId,
        detail: { grantId: grant.id, role: dto.role, regionId },
      });
      return grant;
    });
    this.actors.changed(userId);
    return toDto(saved);
  }

  async revoke(granter: Actor, userId: string, grantId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const repo = tx.getRepository(RoleGrantEntity);
      const grant = await repo.findOne({ where: { id: grantId, userId } });
      if (!grant) throw fieldError(404, 'grantId', 'does not exist for this user');
      if (grant.role === GlobalRole.Admin && userId === granter.id)
        throw fieldError(409, 'grantId', 'is your own admin role: ask another admin to revoke it');
      const { affected } = await repo.delete({ id: grantId });
      if (!affected) throw fieldError(404, 'grantId', 'does not exist for this user'); // revoked meanwhile
      await writeAudit(tx, {
        actorId: granter.id,
        action: AuditAction.RoleRevoked,
        targetType: 'user',
        targetId: userId,
        detail: { grantId, role: grant.role, regionId: grant.regionId },
      });
    });
    this.actors.changed(userId);
  }

  private async assertUser(userId: string): Promise<void> {
    if (!(await this.users.exists(userId))) throw fieldError(404, 'userId', 'does not exist');
  }
}

function toDto(g: RoleGrantEntity): RoleGrantDto {
  return {
    id: g.id,
    userId: g.userId,
    role: g.role,
    regionId: g.regionId,
    createdAt: g.createdAt.toISOString(),
  };
}
