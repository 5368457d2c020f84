import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { fieldError, returnedRows, writeAudit } from '@pratique/api/platform';
import { AuditAction, SuspensionResult } from '@pratique/contracts';
import { DataSource } from 'typeorm';
import { Actor } from '../authorization/actor';
import { SessionsRepository } from '../sessions/sessions.repository';
import { ActorCache } from '../users/actor-cache';

/**
 * An admin suspends an account: it can no longer sign in, and every open session ends at once
 * (server-side, in the same transaction), so the next request of any of its browsers is anonymous.
 */
@Injectable()
export class SuspensionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionsRepository,
    private readonly actors: ActorCache,
  ) {}

  async suspend(admin: Actor, userId: string, reason: string): Promise<SuspensionResult> {
    if (userId === admin.id) throw fieldError(409, 'userId', 'is your own account: ask another admin');
    const result = await this.db.transaction(async (tx) => {
      const rows = returnedRows<{ suspended_at: Date }>(
        await tx.query(
          `UPDATE app_user SET suspended_at = COALESCE(suspended_at, now()), suspension_reason = $2
            WHERE id = $1 AND deleted_at IS NULL RETURNING suspended_at`,
          [userId, reason],
        ),
      );
      if (!rows[0]) throw fieldError(404, 'userId', 'does not exist');
      const sessionsEnded = await this.sessions.endAllOf(userId, { tx });
      await writeAudit(tx, {
        actorId: admin.id,
        action: AuditAction.UserSuspended,
        targetType: 'user',
        targetId: userId,
        detail: { reason, sessionsEnded },
      });
      return { userId, suspendedAt: new Date(rows[0].suspended_at).toISOString(), sessionsEnded };
    });
    this.actors.changed(userId);
    return result;
  }

  async reinstate(admin: Actor, userId: string): Promise<SuspensionResult> {
    const result = await this.db.transaction(async (tx) => {
      const rows = returnedRows<{ was: Date | null }>(
        await tx.query(
          `UPDATE app_user u SET suspended_at = NULL, suspension_reason = NULL
             FROM (SELECT id, suspended_at AS was FROM app_user WHERE id = $1 AND deleted_at IS NULL FOR UPDATE) old
            WHERE u.id = old.id RETURNING old.was`,
          [userId],
        ),
      );
      if (!rows[0]) throw fieldError(404, 'userId', 'does not exist');
      if (rows[0].was)
        await writeAudit(tx, {
          actorId: admin.id,
          action: AuditAction.UserReinstated,
          targetType: 'user',
          targetId: userId,
        });
      return { userId, suspendedAt: null, sessionsEnded: 0 };
    });
    this.actors.changed(userId);
    return result;
  }
}
