/**
 * Skills donation (« don de compétences »): members offer expertise, organisations post needs,
 * the platform suggests who fits and why; either side proposes a session, the other accepts, it
 * is scheduled (.ics), done, then rated by both sides. Contributors are recognised (counts,
 * badges, a PDF attestation) and every member gets "For you" recommendations, each with a reason.
 */
import { OrganisationRef } from './accounts';
import { Language, LocalizedText } from './i18n';
import { Page } from './pagination';

/** How expertise is given: at a regional office, remotely, or to a group. */
export enum SkillFormat {
  InPerson = 'in_person',
  Remote = 'remote',
  Group = 'group',
}
export const SKILL_FORMATS = [SkillFormat.InPerson, SkillFormat.Remote, SkillFormat.Group] as const;

/** Offers and requests: open (listed, matched) or closed by their owner (kept for history). */
export enum SkillPostStatus {
  Open = 'open',
  Closed = 'closed',
}

export const SKILL_LIMITS = {
  titleChars: 160,
  textChars: 4000,
  availabilityChars: 500,
  skills: 10,
  skillChars: 40,
  reviewChars: 1000,
  messageChars: 1000,
  placeChars: 300,
  /** A session lasts at most this long. */
  sessionHours: 12,
} as const;

/** A member's offer of expertise. */
export interface SkillOffer {
  id: string;
  author: { id: string; displayName: string };
  title: string;
  description: string;
  /** Normalised tags (`normaliseTags`). */
  skills: string[];
  formats: SkillFormat[];
  availability: string;
  languages: Language[];
  /** Where the volunteer can meet in person; null: anywhere (remote only, or national). */
  regionId: string | null;
  status: SkillPostStatus;
  /** Averages of the ratings given by the organisations helped (null until rated). */
  rating: SkillRatingSummary;
  /** Shown to staff, admins and animators only (false for everyone else). */
  flagged: boolean;
  createdAt: string;
  can: { edit: boolean; propose: boolean };
}

/** An organisation's need, posted by one of its members. */
export interface SkillRequest {
  id: string;
  organisation: OrganisationRef;
  author: { id: string | null; displayName: string };
  /** What is needed. */
  title: string;
  /** Why it is needed. */
  why: string;
  expectedOutcome: string;
  /** ISO date (YYYY-MM-DD) or null. */
  deadline: string | null;
  formats: SkillFormat[];
  regionId: string | null;
  skills: string[];
  languages: Language[];
  status: SkillPostStatus;
  createdAt: string;
  /** `edit`: the caller is a member of the organisation. */
  can: { edit: boolean; propose: boolean };
}

export interface SkillOfferInput {
  title: string;
  description: string;
  skills: string[];
  formats: SkillFormat[];
  availability: string;
  languages: Language[];
  regionId: string | null;
}
export type UpdateSkillOfferInput = Partial<SkillOfferInput> & { status?: SkillPostStatus };

export interface SkillRequestInput {
  organisationId: string;
  title: string;
  why: string;
  expectedOutcome: string;
  deadline: string | null;
  formats: SkillFormat[];
  regionId: string | null;
  skills: string[];
  languages: Language[];
}
export type UpdateSkillRequestInput = Partial<Omit<SkillRequestInput, 'organisationId'>> & {
  status?: SkillPostStatus;
};

export interface SkillListQuery {
  q?: string;
  skill?: string;
  regionId?: string;
  format?: SkillFormat;
  /** Only the caller's own offers, or the requests of the caller's organisations. */
  mine?: boolean;
  status?: SkillPostStatus;
  page?: number;
  pageSize?: number;
}
export type SkillOfferPage = Page<SkillOffer>;
export type SkillRequestPage = Page<SkillRequest>;

/**
 * Why an offer is suggested for a request (or a request for an offer), strongest first. The UI
 * turns each into a sentence; `score` orders the suggestions (see `MATCH_WEIGHTS`).
 */
export type MatchReason =
  | { kind: 'skills'; skills: string[] }
  | { kind: 'region'; regionId: string }
  | { kind: 'language'; languages: Language[] }
  | { kind: 'format'; formats: SkillFormat[] };

/**
 * Ranking: each shared skill weighs most; then the same region, a shared language and a shared
 * format. A pair with no shared skill is not suggested at all.
 */
export const MATCH_WEIGHTS = { skill: 10, region: 4, language: 2, format: 1 } as const;

export interface SkillMatch<T> {
  item: T;
  score: number;
  reasons: MatchReason[];
}
/** Suggestions for a request (offers), or for an offer (requests), best first; at most 20. */
export const MATCH_LIMIT = 20;

/** proposed → accepted | declined | cancelled; accepted → done | cancelled. */
export enum SkillSessionStatus {
  Proposed = 'proposed',
  Accepted = 'accepted',
  Declined = 'declined',
  Cancelled = 'cancelled',
  Done = 'done',
}

/** The two sides of a session: the volunteer (the offer's author) and the organisation (the request's). */
export enum SkillSide {
  Volunteer = 'volunteer',
  Organisation = 'organisation',
}

export interface SkillSessionRating {
  side: SkillSide;
  rater: { id: string | null; displayName: string };
  /** 1–5: was it useful. */
  usefulness: number;
  /** 1–5: availability and pedagogy (of the volunteer; of the organisation's team when the volunteer rates). */
  pedagogy: number;
  review: string;
  createdAt: string;
}

export interface SkillSessionProposal {
  offerId: string;
  requestId: string;
  /** ISO date-times; ends after starts, within `SKILL_LIMITS.sessionHours`, starts in the future. */
  startsAt: string;
  endsAt: string;
  format: SkillFormat;
  /** An address, a room at the regional office or a meeting link. */
  place: string;
  message: string;
}

export interface SkillSession {
  id: string;
  offer: { id: string; title: string; author: { id: string; displayName: string } };
  request: { id: string; title: string; organisation: OrganisationRef };
  proposedBy: SkillSide;
  status: SkillSessionStatus;
  startsAt: string;
  endsAt: string;
  format: SkillFormat;
  place: string;
  message: string;
  createdAt: string;
  /** The caller's side (null for staff/admin looking on). */
  mySide: SkillSide | null;
  ratings: SkillSessionRating[];
  can: { accept: boolean; decline: boolean; cancel: boolean; markDone: boolean; rate: boolean };
}

export interface SkillSessionRatingInput {
  usefulness: number;
  pedagogy: number;
  review: string;
}

export interface SkillRatingSummary {
  /** Sessions rated by the organisation side. */
  count: number;
  usefulness: number | null;
  pedagogy: number | null;
}

/**
 * An offer is flagged for a look by animators and staff (never hidden automatically) once
 * `minRatedSessions` sessions were rated by organisations and either average is below `below`.
 */
export const SKILL_FLAG_RULE = { minRatedSessions: 3, below: 2.5 } as const;

export function isOfferFlagged(rating: SkillRatingSummary): boolean {
  if (rating.count < SKILL_FLAG_RULE.minRatedSessions) return false;
  return [rating.usefulness, rating.pedagogy].some((avg) => avg !== null && avg < SKILL_FLAG_RULE.below);
}

// ── Recognition ────────────────────────────────────────────────────────────────────────────

/** What a contributor is counted on. */
export enum ContributionMetric {
  SessionsGiven = 'sessionsGiven',
  ResourcesPublished = 'resourcesPublished',
  AcceptedAnswers = 'acceptedAnswers',
  ModulesAuthored = 'modulesAuthored',
}

export type ContributionCounts = Record<ContributionMetric, number>;

/** Badges, one rule each, all in one place: earned when the metric reaches the threshold. */
export const BADGE_RULES = [
  { id: 'first-session', metric: ContributionMetric.SessionsGiven, threshold: 1 },
  { id: 'mentor', metric: ContributionMetric.SessionsGiven, threshold: 5 },
  { id: 'pillar', metric: ContributionMetric.SessionsGiven, threshold: 20 },
  { id: 'first-resource', metric: ContributionMetric.ResourcesPublished, threshold: 1 },
  { id: 'librarian', metric: ContributionMetric.ResourcesPublished, threshold: 10 },
  { id: 'first-answer', metric: ContributionMetric.AcceptedAnswers, threshold: 1 },
  { id: 'guide', metric: ContributionMetric.AcceptedAnswers, threshold: 10 },
  { id: 'author', metric: ContributionMetric.ModulesAuthored, threshold: 1 },
  { id: 'curriculum-builder', metric: ContributionMetric.ModulesAuthored, threshold: 5 },
] as const;
export type BadgeId = (typeof BADGE_RULES)[number]['id'];

export interface BadgeView {
  id: BadgeId;
  metric: ContributionMetric;
  threshold: number;
  earned: boolean;
  /** The metric's current value (the UI shows "3 / 5"). */
  current: number;
}

/** Every badge with whether it is earned, in `BADGE_RULES` order. */
export function badgesFor(counts: ContributionCounts): BadgeView[] {
  return BADGE_RULES.map((rule) => ({
    id: rule.id,
    metric: rule.metric,
    threshold: rule.threshold,
    current: counts[rule.metric],
    earned: counts[rule.metric] >= rule.threshold,
  }));
}

export interface ContributorProfile {
  user: { id: string; displayName: string };
  counts: ContributionCounts;
  /** Hours of sessions given (done), rounded to the half hour. */
  hoursGiven: number;
  badges: BadgeView[];
  /** Open offers of the member. */
  offers: { id: string; title: string; rating: SkillRatingSummary }[];
  isMe: boolean;
}

/** `GET …/attestation.pdf?from=YYYY-MM-DD&to=YYYY-MM-DD` — both required, from ≤ to, at most 5 years. */
export interface AttestationQuery {
  from: string;
  to: string;
}
export const ATTESTATION_MAX_DAYS = 5 * 366;

// ── Recommendations ("For you") ────────────────────────────────────────────────────────────

export type Recommendation =
  | {
      kind: 'module';
      module: { id: string; title: LocalizedText; originalLanguage: Language };
      /** The seminar this module brings the member closest to, and the lessons still needed for its gate. */
      seminar: { id: string; title: LocalizedText; originalLanguage: Language; startsAt: string };
      /** Lessons the member still needs, across the cheapest way to meet the seminar's gate. */
      lessonsToGate: number;
      /** Lessons still needed in this module for its requirement. */
      lessonsInModule: number;
    }
  | {
      kind: 'space';
      space: { id: string; slug: string; title: LocalizedText; originalLanguage: Language };
      /** The member's skills and interests the space's title, description or tags match. */
      matching: string[];
    }
  | {
      kind: 'request';
      request: { id: string; title: string; organisation: OrganisationRef };
      /** The member's offer it fits, and the skills they share. */
      offer: { id: string; title: string };
      skills: string[];
    };

export interface Recommendations {
  /** Fewest lessons to a gate first. */
  modules: Extract<Recommendation, { kind: 'module' }>[];
  spaces: Extract<Recommendation, { kind: 'space' }>[];
  requests: Extract<Recommendation, { kind: 'request' }>[];
}
/** At most this many of each kind. */
export const RECOMMENDATION_LIMIT = 5;

export const SkillRoutes = {
  offers: '/api/skill-offers',
  offer: (id: string) => `/api/skill-offers/${id}`,
  /** Requests the offer fits (SkillMatch<SkillRequest>[]). */
  offerMatches: (id: string) => `/api/skill-offers/${id}/matches`,
  /** Offers flagged by the rating rule (staff, admins, animators). */
  flaggedOffers: '/api/skill-offers/flagged',
  requests: '/api/skill-requests',
  request: (id: string) => `/api/skill-requests/${id}`,
  /** Offers suggested for the request (SkillMatch<SkillOffer>[]). */
  requestMatches: (id: string) => `/api/skill-requests/${id}/matches`,
  /** POST a SkillSessionProposal; GET the caller's sessions (both sides). */
  sessions: '/api/skill-sessions',
  session: (id: string) => `/api/skill-sessions/${id}`,
  sessionAccept: (id: string) => `/api/skill-sessions/${id}/accept`,
  sessionDecline: (id: string) => `/api/skill-sessions/${id}/decline`,
  sessionCancel: (id: string) => `/api/skill-sessions/${id}/cancel`,
  sessionDone: (id: string) => `/api/skill-sessions/${id}/done`,
  /** PUT the caller's side's rating (SkillSessionRatingInput); once done. */
  sessionRating: (id: string) => `/api/skill-sessions/${id}/rating`,
  sessionIcs: (id: string) => `/api/skill-sessions/${id}/calendar.ics`,
  contributor: (userId: string) => `/api/members/${userId}/contributions`,
  attestation: (userId: string) => `/api/members/${userId}/attestation.pdf`,
  recommendations: '/api/me/recommendations',
} as const;
