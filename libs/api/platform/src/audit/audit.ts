import { AuditAction } from '@pratique/contracts';
import { DataSource, EntityManager } from 'typeorm';

export interface AuditRecord {
  actorId: string | null;
  action: AuditAction;
  targetType: string;
  targetId?: string | null;
  detail?: Record<string, unknown>;
}

/**
 * Appends to the audit log. Pass the transaction's manager when the audited change is a write, so
 * the entry exists if and only if the change was committed.
 */
export async function writeAudit(db: EntityManager | DataSource, entry: AuditRecord): Promise<void> {
  await db.query(`INSERT INTO audit_log (actor_id, action, target_type, target_id, detail) VALUES ($1, $2, $3, $4, $5::jsonb)`, [
    entry.actorId,
    entry.action,
    entry.targetType,
    entry.targetId ?? null,
    JSON.stringify(entry.detail ?? {}),
  ]);
}
