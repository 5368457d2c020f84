import type { MyModule } from './learning';
import { Language, LocalizedText } from './i18n';

/** Seminars and workshops run by regional offices, and the gate that opens them (DESIGN.md). */
export enum SeminarKind {
  Seminar = 'seminar',
  Workshop = 'workshop',
}
export enum SeminarStatus {
  Draft = 'draft',
  Open = 'open',
  Closed = 'closed',
  Cancelled = 'cancelled',
  Done = 'done',
}
/** Who the seminar is for: every member of its region, some organisations, or a space's members. */
export enum SeminarAudience {
  Region = 'region',
  Organisations = 'organisations',
  Space = 'space',
}
export enum RegistrationStatus {
  Pending = 'pending',
  Confirmed = 'confirmed',
  Waitlisted = 'waitlisted',
  Cancelled = 'cancelled',
  Declined = 'declined',
  Attended = 'attended',
  NoShow = 'no_show',
}
/** Registrations that hold a seat. */
export const SEAT_HOLDING: readonly RegistrationStatus[] = [
  RegistrationStatus.Pending,
  RegistrationStatus.Confirmed,
  RegistrationStatus.Attended,
  RegistrationStatus.NoShow,
];
/** Registrations a member still has (or had, once the seminar took place): not cancelled nor declined. */
export const ACTIVE_REGISTRATION: readonly RegistrationStatus[] = [
  RegistrationStatus.Pending,
  RegistrationStatus.Confirmed,
  RegistrationStatus.Waitlisted,
  RegistrationStatus.Attended,
  RegistrationStatus.NoShow,
];

export interface Requirement {
  moduleId: string;
  /** 1–100 */
  minPercent: number;
}
/** k of N requirements; k = N means all; no requirement means open to the whole audience. */
export interface EligibilityRule {
  k: number;
  requirements: Requirement[];
}

export interface RequirementState {
  moduleId: string;
  title: LocalizedText;
  originalLanguage: Language;
  requiredPercent: number;
  currentPercent: number;
  met: boolean;
  /** The next lessons to take in this module (first ones not completed), when not met. */
  nextLessons: { lessonId: string; title: LocalizedText }[];
}

/** The explanation members get instead of a bare "no". */
export interface Eligibility {
  eligible: boolean;
  inAudience: boolean;
  k: number;
  n: number;
  met: number;
  stillNeeded: number;
  requirements: RequirementState[];
}

export interface SeminarInput {
  kind: SeminarKind;
  title: LocalizedText;
  description?: LocalizedText;
  originalLanguage: Language;
  regionId: string;
  spaceId?: string | null;
  venue?: string | null;
  address?: string | null;
  onlineUrl?: string | null;
  startsAt: string;
  endsAt: string;
  capacity: number;
  registrationOpensAt: string;
  registrationClosesAt: string;
  audience: SeminarAudience;
  audienceOrganisationIds?: string[];
  requiresConfirmation: boolean;
  rule: EligibilityRule;
}
export type CreateSeminarRequest = SeminarInput;
export type UpdateSeminarRequest = Partial<Omit<SeminarInput, 'regionId'>> & { status?: SeminarStatus };

export interface SeminarSummary {
  id: string;
  kind: SeminarKind;
  title: LocalizedText;
  description: LocalizedText;
  originalLanguage: Language;
  regionId: string;
  spaceId: string | null;
  venue: string | null;
  address: string | null;
  onlineUrl: string | null;
  startsAt: string;
  endsAt: string;
  capacity: number;
  seatsTaken: number;
  waitlistCount: number;
  registrationOpensAt: string;
  registrationClosesAt: string;
  audience: SeminarAudience;
  audienceOrganisationIds: string[];
  requiresConfirmation: boolean;
  status: SeminarStatus;
  rule: EligibilityRule;
  /** For a signed-in member: am I eligible, and my registration, if any. */
  myEligible: boolean | null;
  /** How many requirements the caller meets (null when anonymous). */
  myMet: number | null;
  myRegistration: RegistrationStatus | null;
  myWaitlistPosition: number | null;
}

/** Why registering is refused, as a code the web app translates. */
export type RegistrationBlockedCode = 'cancelled' | 'past' | 'not_open' | 'opens_later' | 'closed';

export interface SeminarDetail extends SeminarSummary {
  myEligibility: Eligibility | null;
  /** Why registering is refused right now, if it is (closed, not yet open…), in English and as a code. */
  registrationBlocked: string | null;
  registrationBlockedCode: RegistrationBlockedCode | null;
  can: { edit: boolean; register: boolean; cancel: boolean; manage: boolean };
}

export interface SeminarListQuery {
  kind?: SeminarKind;
  regionId?: string;
  spaceId?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export interface RegistrationDto {
  id: string;
  seminarId: string;
  userId: string;
  status: RegistrationStatus;
  waitlistPosition: number | null;
  createdAt: string;
  eligibilitySnapshot: Eligibility;
}

export type DashboardStatus = 'eligible' | 'in_progress' | 'not_started';
export interface DashboardRow {
  userId: string;
  displayName: string;
  organisations: string[];
  status: DashboardStatus;
  met: number;
  /** The member is one requirement short of eligibility. */
  oneAway: boolean;
  percents: { moduleId: string; percent: number }[];
  registration: RegistrationStatus | null;
  registrationId: string | null;
}
export interface DashboardQuery {
  status?: DashboardStatus;
  organisationId?: string;
  oneAway?: boolean;
  registration?: RegistrationStatus | 'none';
  sort?: 'name' | 'met' | 'status';
  page?: number;
  pageSize?: number;
}
export interface DashboardPage {
  /** The rule's modules, in order: the columns of `percents`. */
  modules: { moduleId: string; title: LocalizedText; originalLanguage: Language; minPercent: number }[];
  items: DashboardRow[];
  total: number;
  page: number;
  pageSize: number;
  counts: Record<DashboardStatus, number>;
}

export interface AttendanceRequest {
  entries: { userId: string; status: RegistrationStatus.Attended | RegistrationStatus.NoShow }[];
}
export interface CheckInCode {
  code: string;
  expiresAt: string;
  url: string;
}
export interface SeminarStats {
  seminarId: string;
  capacity: number;
  confirmed: number;
  pending: number;
  waitlisted: number;
  attended: number;
  noShow: number;
  attendanceRate: number | null;
  noShowRate: number | null;
}

/** The member's home in one request: the modules they follow and the seminars coming up for them. */
export interface MemberHome {
  /** Modules the member has started, unfinished first, most recent first (as `GET /api/me/modules`). */
  modules: MyModule[];
  /** The next upcoming seminars the member may see, soonest first, each with their eligibility badge and registration. */
  seminars: SeminarSummary[];
}

/** How many upcoming seminars the member home lists. */
export const MEMBER_HOME_SEMINARS = 6;
