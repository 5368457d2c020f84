import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor } from '@pratique/api/accounts';
import { writeAudit } from '@pratique/api/platform';
import { AuditAction, DataExport } from '@pratique/contracts';
import { DataSource } from 'typeorm';
import { ACCOUNT, PERSONAL_DATA } from '../registry/personal-data.registry';

/**
 * The member's data export: their account row and, for every table of the registry, the rows
 * that refer to them — one statement per table, each reading only this member's rows, all in
 * one snapshot (REPEATABLE READ) so the sections agree with each other. The export is audited
 * in the same transaction.
 */
@Injectable()
export class DataExportService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  exportOf(actor: Actor): Promise<DataExport> {
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      const [{ row: account }] = await tx.query(ACCOUNT.export, [actor.id]);
      const tables: DataExport['tables'] = {};
      for (const section of PERSONAL_DATA) tables[section.table] = await tx.query(section.export, [actor.id]);
      await writeAudit(tx, {
        actorId: actor.id,
        action: AuditAction.DataExported,
        targetType: 'user',
        targetId: actor.id,
        detail: { tables: PERSONAL_DATA.length, rows: Object.values(tables).reduce((n, rows) => n + rows.length, 0) },
      });
      return { format: 'pratique-data-export', version: 1, exportedAt: new Date().toISOString(), account, tables };
    });
  }
}
