import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, ActorCache, SessionsRepository, verifyPassword } from '@pratique/api/accounts';
import { fieldError, returnedRows, writeAudit } from '@pratique/api/platform';
import { RegistrationsService } from '@pratique/api/seminars';
import { AuditAction, DELETED_MEMBER_NAME, GlobalRole } from '@pratique/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { ACCOUNT, PERSONAL_DATA } from '../registry/personal-data.registry';
import { DeleteAccountDto } from './dto/delete-account.dto';

/**
 * A member deletes their account, in one transaction: upcoming registrations cancelled (seats
 * passed on to the waitlist), the registry's personal rows removed, the account row anonymised,
 * every session ended, and the deletion audited. What stays (attendance, discussions, resources,
 * reviews, votes, the audit log) points at the anonymised row and no longer identifies them.
 */
@Injectable()
export class AccountDeletionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionsRepository,
    private readonly registrations: RegistrationsService,
    private readonly actors: ActorCache,
  ) {}

  async delete(actor: Actor, dto: DeleteAccountDto): Promise<void> {
    // argon2 takes its time: checked before the transaction, so no lock is held meanwhile.
    const [user] = await this.db.query(
      `SELECT password_hash FROM app_user WHERE id = $1 AND deleted_at IS NULL`,
      [actor.id],
    );
    if (!user || !(await verifyPassword(user.password_hash, dto.password)))
      throw fieldError(400, 'password', 'is not the password of this account');

    await this.db.transaction(async (tx) => {
      await this.assertNotLastAdmin(tx, actor.id);
      const registrationsCancelled = await this.registrations.cancelUpcomingOf(tx, actor.id);
      for (const { erase } of PERSONAL_DATA)
        if (erase.action === 'delete') await tx.query(erase.sql, [actor.id]);
      const anonymised = returnedRows(await tx.query(ACCOUNT.anonymise, [actor.id, DELETED_MEMBER_NAME.fr]));
      if (anonymised.length !== 1) throw fieldError(409, 'account', 'is already deleted');
      const sessionsEnded = await this.sessions.endAllOf(actor.id, { tx });
      await writeAudit(tx, {
        actorId: actor.id,
        action: AuditAction.UserDeleted,
        targetType: 'user',
        targetId: actor.id,
        detail: { registrationsCancelled, sessionsEnded },
      });
    });
    this.actors.changed(actor.id);
  }

  /**
   * The platform keeps at least one admin who can act: the last one must hand over first. The
   * admin grants are locked, so two admins deleting themselves at once cannot both pass.
   */
  private async assertNotLastAdmin(tx: EntityManager, userId: string): Promise<void> {
    const admins: { user_id: string }[] = await tx.query(
      `SELECT g.user_id FROM role_grant g JOIN app_user u ON u.id = g.user_id
        WHERE g.role = $1 AND u.deleted_at IS NULL AND u.suspended_at IS NULL
          FOR UPDATE OF g`,
      [GlobalRole.Admin],
    );
    if (admins.some((a) => a.user_id === userId) && admins.every((a) => a.user_id === userId))
      throw fieldError(
        409,
        'account',
        'is the only admin account: grant the admin role to someone else first',
      );
  }
}
