import { Module } from '@nestjs/common';
import { AccountsModule } from '@pratique/api/accounts';
import { SeminarsModule } from '@pratique/api/seminars';
import { AuditLogController } from './audit/audit-log.controller';
import { AuditLogRepository } from './audit/audit-log.repository';
import { AccountDeletionService } from './deletion/account-deletion.service';
import { DataExportService } from './export/data-export.service';
import { PrivacyController } from './privacy.controller';

/** The member's data (export, account deletion) and the admins' audit log. */
@Module({
  imports: [AccountsModule, SeminarsModule],
  controllers: [PrivacyController, AuditLogController],
  providers: [DataExportService, AccountDeletionService, AuditLogRepository],
})
export class PrivacyModule {}
