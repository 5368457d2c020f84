import { Injectable } from '@nestjs/common';
import { Actor, assertAllowed, SeminarPolicy } from '@pratique/api/accounts';
import { DashboardPage } from '@pratique/contracts';
import { SeminarsService } from '../seminars/seminars.service';
import { DashboardRepository } from './dashboard.repository';
import { DashboardQueryDto } from './dto/dashboard.query';

@Injectable()
export class DashboardService {
  constructor(
    private readonly seminars: SeminarsService,
    private readonly dashboard: DashboardRepository,
  ) {}

  async page(actor: Actor, seminarId: string, q: DashboardQueryDto): Promise<DashboardPage> {
    await this.assertStaff(actor, seminarId);
    const [{ items, total, counts }, modules] = await Promise.all([this.dashboard.page(seminarId, q), this.dashboard.modules(seminarId)]);
    return { modules, items, total, counts, page: q.page, pageSize: q.pageSize };
  }

  async rows(actor: Actor, seminarId: string, q: DashboardQueryDto) {
    const seminar = await this.assertStaff(actor, seminarId);
    return { seminar, modules: await this.dashboard.modules(seminarId), batches: this.dashboard.stream(seminarId, q) };
  }

  private async assertStaff(actor: Actor, seminarId: string) {
    const s = await this.seminars.visible(actor, seminarId);
    assertAllowed(SeminarPolicy.manage(actor, s.regionId), actor, 'Only staff of this region and admins see the eligibility dashboard');
    return s;
  }
}
