import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { preparedQuery } from '@pratique/api/platform';
import {
  AnimatedSpace,
  AttendanceToMark,
  EligibilityOverTime,
  ModuleProgressSummary,
  SeminarWithinReach,
  StaffHome,
  StaffSeminarRow,
  UnansweredQuestion,
} from '@pratique/contracts';
import { DataSource } from 'typeorm';
import {
  ANIMATED_MODULES,
  ANIMATED_SPACES,
  ATTENDANCE_TO_MARK,
  ELIGIBILITY_OVER_TIME,
  ELIGIBILITY_WEEK_ENDS,
  SEMINARS_TO_REGISTER_NOW,
  SEMINARS_WITHIN_REACH,
  STAFF_REGIONS,
  STAFF_SEMINARS,
  UNANSWERED_QUESTIONS,
} from './homes.sql';

type WithinReachRow = SeminarWithinReach['seminar'] & Omit<SeminarWithinReach, 'seminar'>;
/** The regions a staff home covers: these, or every one (an admin). */
export interface RegionScope {
  regionIds: string[];
  all: boolean;
}

/** The homes' statements (homes.sql.ts); each method is one round trip. */
@Injectable()
export class HomesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Ids of the seminars the member may register for now and meets, soonest first (prepared: loaded with every member home). */
  async seminarsToRegisterNow(userId: string): Promise<string[]> {
    const rows = await preparedQuery<{ id: string }>(this.db, SEMINARS_TO_REGISTER_NOW, [userId]);
    return rows.map((r) => r.id);
  }

  /** The seminars within reach and the cheapest way to each gate (prepared, as above). */
  async seminarsWithinReach(userId: string): Promise<SeminarWithinReach[]> {
    const rows = await preparedQuery<WithinReachRow>(this.db, SEMINARS_WITHIN_REACH, [userId]);
    return rows.map(({ id, kind, title, originalLanguage, startsAt, registrationClosesAt, ...way }) => ({
      seminar: { id, kind, title, originalLanguage, startsAt, registrationClosesAt },
      ...way,
    }));
  }

  animatedSpaces(spaceIds: string[]): Promise<AnimatedSpace[]> {
    return this.db.query(ANIMATED_SPACES, [spaceIds]);
  }

  animatedModules(spaceIds: string[]): Promise<ModuleProgressSummary[]> {
    return this.db.query(ANIMATED_MODULES, [spaceIds]);
  }

  unansweredQuestions(spaceIds: string[]): Promise<UnansweredQuestion[]> {
    return this.db.query(UNANSWERED_QUESTIONS, [spaceIds]);
  }

  staffRegions(scope: RegionScope): Promise<StaffHome['regions']> {
    return this.db.query(STAFF_REGIONS, [scope.regionIds, scope.all]);
  }

  /** Upcoming seminars with their figures; `fillRate` is added by the service. */
  staffSeminars(scope: RegionScope): Promise<Omit<StaffSeminarRow, 'fillRate'>[]> {
    return this.db.query(STAFF_SEMINARS, [scope.regionIds, scope.all]);
  }

  attendanceToMark(scope: RegionScope): Promise<AttendanceToMark[]> {
    return this.db.query(ATTENDANCE_TO_MARK, [scope.regionIds, scope.all]);
  }

  async eligibilityOverTime(scope: RegionScope): Promise<EligibilityOverTime> {
    const rows: (EligibilityOverTime['series'][number] & { weeks: string[] })[] = await this.db.query(
      ELIGIBILITY_OVER_TIME,
      [scope.regionIds, scope.all],
    );
    const weeks = rows[0]?.weeks ?? (await this.db.query(ELIGIBILITY_WEEK_ENDS))[0].weeks;
    return { weeks, series: rows.map(({ weeks: _w, ...series }) => series) };
  }
}
