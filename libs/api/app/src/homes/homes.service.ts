import { Injectable } from '@nestjs/common';
import { Actor } from '@pratique/api/accounts';
import { SeminarsService } from '@pratique/api/seminars';
import { AnimatorHome, SeminarOutlook, StaffHome } from '@pratique/contracts';
import { HomesRepository, RegionScope } from './homes.repository';

/**
 * What each persona's home shows first (issue 10). Who may see which home is decided at the
 * route (HomePolicy); the scope comes from the actor: the spaces they animate, the regions they
 * are staff of (every region for an admin).
 */
@Injectable()
export class HomesService {
  constructor(
    private readonly homes: HomesRepository,
    private readonly seminars: SeminarsService,
  ) {}

  /** The member's seminars to register for now and those within reach, side by side. */
  async seminarOutlook(actor: Actor): Promise<SeminarOutlook> {
    const [ids, withinReach] = await Promise.all([
      this.homes.seminarsToRegisterNow(actor.id),
      this.homes.seminarsWithinReach(actor.id),
    ]);
    // The same summaries and visibility as every seminar list, in one statement.
    return { registerNow: await this.seminars.visibleMany(actor, ids), withinReach };
  }

  async animatorHome(actor: Actor): Promise<AnimatorHome> {
    const spaceIds = actor.animatorSpaceIds;
    const [spaces, modules, unanswered] = await Promise.all([
      this.homes.animatedSpaces(spaceIds),
      this.homes.animatedModules(spaceIds),
      this.homes.unansweredQuestions(spaceIds),
    ]);
    return { spaces, modules, unanswered };
  }

  async staffHome(actor: Actor): Promise<StaffHome> {
    const scope: RegionScope = { regionIds: actor.staffRegionIds, all: actor.isAdmin };
    const [regions, seminars, attendanceToMark, eligibilityOverTime] = await Promise.all([
      this.homes.staffRegions(scope),
      this.homes.staffSeminars(scope),
      this.homes.attendanceToMark(scope),
      this.homes.eligibilityOverTime(scope),
    ]);
    return {
      regions,
      seminars: seminars.map((s) => ({ ...s, fillRate: s.capacity > 0 ? s.seatsTaken / s.capacity : 0 })),
      attendanceToMark,
      eligibilityOverTime,
    };
  }
}
