import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, assertAllowed, SeminarPolicy } from '@pratique/api/accounts';
import { writeAudit } from '@pratique/api/platform';
import { AuditAction, DashboardPage } from '@pratique/contracts';
import { DataSource } from 'typeorm';
import { SeminarsService } from '../seminars/seminars.service';
import { DashboardRepository } from './dashboard.repository';
import { DashboardQueryDto } from './dto/dashboard.query';

@Injectable()
export class DashboardService {
  constructor(
    private readonly seminars: SeminarsService,
    private readonly dashboard: DashboardRepository,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async page(actor: Actor, seminarId: string, q: DashboardQueryDto): Promise<DashboardPage> {
    await this.assertStaff(actor, seminarId);
    const [{ items, total, counts }, modules] = await Promise.all([this.dashboard.page(seminarId, q), this.dashboard.modules(seminarId)]);
    return { modules, items, total, counts, page: q.page, pageSize: q.pageSize };
  }

  /** Every row for the CSV export: a list of people leaves the platform, so it is audited. */
  async rows(actor: Actor, seminarId: string, q: DashboardQueryDto) {
    const seminar = await this.assertStaff(actor, seminarId);
    const { status, organisationId, oneAway, registration } = q;
    await writeAudit(this.db, {
      actorId: actor.id,
      action: AuditAction.CsvExported,
      targetType: 'seminar',
      targetId: seminarId,
      detail: { export: 'dashboard.csv', filters: { status, organisationId, oneAway, registration } },
    });
    return { seminar, modules: await this.dashboard.modules(seminarId), batches: this.dashboard.stream(seminarId, q) };
  }

  private async assertStaff(actor: Actor, seminarId: string) {
    const s = await this.seminars.visible(actor, seminarId);
    assertAllowed(SeminarPolicy.manage(actor, s.regionId), actor, 'Only staff of this region and admins see the eligibility dashboard');
    return s;
  }
}
