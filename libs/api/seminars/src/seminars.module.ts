import { Module } from '@nestjs/common';
import { AttendanceService } from './attendance/attendance.service';
import { DashboardRepository } from './dashboard/dashboard.repository';
import { DashboardService } from './dashboard/dashboard.service';
import { EligibilityRepository } from './eligibility/eligibility.repository';
import { EligibilityService } from './eligibility/eligibility.service';
import { RegistrationsService } from './registrations/registrations.service';
import { SeminarsController } from './seminars.controller';
import { SeminarsRepository } from './seminars/seminars.repository';
import { SeminarsService } from './seminars/seminars.service';

/** Seminars and the gate: rules, eligibility, registrations and waitlists, the staff dashboard, attendance. */
@Module({
  controllers: [SeminarsController],
  providers: [SeminarsRepository, SeminarsService, EligibilityRepository, EligibilityService, RegistrationsService, DashboardRepository, DashboardService, AttendanceService],
  exports: [EligibilityService, RegistrationsService, SeminarsService],
})
export class SeminarsModule {}
