import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authorize, isAdmin } from '@pratique/api/accounts';
import { AuditEntry, Page } from '@pratique/contracts';
import { AuditLogRepository } from './audit-log.repository';
import { AuditLogQueryDto } from './dto/audit-log.query';

/** The audit log (role grants, moderation, exports, suspensions, deletions): admins only. */
@ApiTags('admin')
@Controller('admin/audit-log')
@Authorize(isAdmin)
export class AuditLogController {
  constructor(private readonly audit: AuditLogRepository) {}

  @Get()
  list(@Query() q: AuditLogQueryDto): Promise<Page<AuditEntry>> {
    return this.audit.page(q);
  }
}
