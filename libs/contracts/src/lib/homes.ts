/**
 * The three people's home screens (issue 10): what a member, an animator and a regional office's
 * staff see first. The member's modules and next seminars stay in `MemberHome` (seminars.ts,
 * `GET /api/me/home`, a benchmarked hot path); what the member could register for now and the
 * seminars within reach come from `GET /api/me/seminar-outlook`, loaded beside it.
 */
import type { Language, LocalizedText } from './i18n';
import type { SeminarKind, SeminarStatus, SeminarSummary } from './seminars';

// ── Member ──────────────────────────────────────────────────────────────────────────────────

/** One module on the cheapest way to a seminar's gate, and the lessons still needed in it. */
export interface GateStep {
  moduleId: string;
  title: LocalizedText;
  originalLanguage: Language;
  /** Lessons still needed in this module for its requirement (≥ 1). */
  lessons: number;
  /** The first counted lesson not completed yet, where "continue" leads. */
  continueLessonId: string | null;
}

/** A seminar the member does not meet yet, and what remains (DESIGN.md: never a bare "no"). */
export interface SeminarWithinReach {
  seminar: {
    id: string;
    kind: SeminarKind;
    title: LocalizedText;
    originalLanguage: Language;
    startsAt: string;
    registrationClosesAt: string;
  };
  /** Requirements met, out of `k` needed (`n` in the rule). */
  met: number;
  k: number;
  n: number;
  /** Lessons still needed along the cheapest way to the gate. */
  lessonsToGate: number;
  /** That cheapest way: the k − met unmet requirements needing the fewest lessons. */
  steps: GateStep[];
}

export interface SeminarOutlook {
  /** Taking registrations now, the member meets the gate and has no registration: soonest first. */
  registerNow: SeminarSummary[];
  /** Taking registrations now, the member does not meet the gate yet: fewest lessons to the gate first. */
  withinReach: SeminarWithinReach[];
}
/** At most this many of each list. */
export const SEMINAR_OUTLOOK_LIMIT = 5;

// ── Animator ────────────────────────────────────────────────────────────────────────────────

export interface AnimatedSpace {
  id: string;
  slug: string;
  title: LocalizedText;
  originalLanguage: Language;
  members: number;
  /** Resources suggested and waiting for a decision. */
  pendingResources: number;
  /** Open reports on published resources. */
  openReports: number;
  /** Questions with no reply at all. */
  unansweredQuestions: number;
}

/** A published or draft module of an animated space, and how its learners are doing. */
export interface ModuleProgressSummary {
  moduleId: string;
  spaceSlug: string;
  title: LocalizedText;
  originalLanguage: Language;
  status: string;
  /** Members who started it. */
  learners: number;
  /** Learners by percent: 0–49, 50–99, 100 (completed). */
  below50: number;
  from50: number;
  completed: number;
  /** Mean percent of the learners, floored (0 when none). */
  averagePercent: number;
}

export interface UnansweredQuestion {
  threadId: string;
  spaceSlug: string;
  spaceTitle: LocalizedText;
  spaceOriginalLanguage: Language;
  title: string;
  authorName: string;
  createdAt: string;
}

export interface AnimatorHome {
  /** The spaces the caller animates, most waiting work first. */
  spaces: AnimatedSpace[];
  /** Modules of those spaces, most learners first (at most HOME_LIST_LIMIT × 2). */
  modules: ModuleProgressSummary[];
  /** Oldest first: the ones waiting longest (at most HOME_LIST_LIMIT × 2). */
  unanswered: UnansweredQuestion[];
}

// ── Staff (regional office) ─────────────────────────────────────────────────────────────────

export interface StaffSeminarRow {
  id: string;
  kind: SeminarKind;
  title: LocalizedText;
  originalLanguage: Language;
  regionId: string;
  status: SeminarStatus;
  startsAt: string;
  registrationClosesAt: string;
  capacity: number;
  /** Seats held (pending, confirmed). */
  seatsTaken: number;
  waitlisted: number;
  /** seatsTaken / capacity, 0–1. */
  fillRate: number;
  /** Members of the audience who meet the gate and have no active registration: the people to call. */
  eligibleNotRegistered: number;
}

export interface AttendanceToMark {
  seminarId: string;
  title: LocalizedText;
  originalLanguage: Language;
  endsAt: string;
  /** Registrations still pending or confirmed after the seminar ended. */
  unmarked: number;
}

/** Eligible members per seminar at the end of each week, from when lessons were completed. */
export interface EligibilityOverTime {
  /** ISO dates (YYYY-MM-DD) of the week ends, oldest first; the last one is today. */
  weeks: string[];
  series: { seminarId: string; title: LocalizedText; originalLanguage: Language; eligible: number[] }[];
}
/** Weeks the chart covers. */
export const ELIGIBILITY_WEEKS = 8;

export interface StaffHome {
  regions: { id: string; name: string }[];
  /** Upcoming seminars of those regions (not cancelled), soonest first. */
  seminars: StaffSeminarRow[];
  /** Ended seminars of those regions with attendance still to mark, most recent first. */
  attendanceToMark: AttendanceToMark[];
  /** For the upcoming seminars with a gate (at most HOME_LIST_LIMIT). */
  eligibilityOverTime: EligibilityOverTime;
}

/** How many rows each list of a home holds. */
export const HOME_LIST_LIMIT = 5;

export const HomeRoutes = {
  seminarOutlook: '/api/me/seminar-outlook',
  animator: '/api/me/animator-home',
  staff: '/api/me/staff-home',
} as const;
