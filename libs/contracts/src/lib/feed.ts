/**
 * The activity feed ("veille"): what happened in the spaces and around the people a member
 * follows, and in their region. Newest first, paged by cursor (`before` = the last id seen).
 */
import { Language, LocalizedText } from './i18n';

export enum ActivityKind {
  ModulePublished = 'module.published',
  SeminarOpened = 'seminar.opened',
  ThreadStarted = 'thread.started',
  AnswerAccepted = 'answer.accepted',
  ResourcePublished = 'resource.published',
  CompletionShared = 'completion.shared',
}

/** Why the item is in my feed. */
export type ActivityReason = 'space' | 'person' | 'region';

export interface ActivityItem {
  id: string;
  kind: ActivityKind;
  /** Who did it (null for a seminar opened by the regional office). */
  actor: { id: string; displayName: string } | null;
  space: { id: string; slug: string; title: LocalizedText; originalLanguage: Language } | null;
  regionId: string | null;
  /** The module, seminar, thread, reply's thread or resource the item is about. */
  subjectId: string;
  title: LocalizedText;
  originalLanguage: Language;
  createdAt: string;
  reason: ActivityReason;
}

export interface FeedPage {
  items: ActivityItem[];
  /** Pass as `before` for the next (older) page; null at the end. */
  nextBefore: string | null;
}

export interface FeedQuery {
  before?: string;
  limit?: number;
}

export const FEED_PAGE_SIZE = 20;
export const FEED_MAX_PAGE_SIZE = 50;

/** The activity to write with a change (see `writeActivity` in the API). */
export interface NewActivity {
  kind: ActivityKind;
  actorId: string | null;
  spaceId: string | null;
  regionId: string | null;
  subjectId: string;
  title: LocalizedText;
  originalLanguage: Language;
  /** Once per key: a second write with the same key adds nothing. */
  dedupeKey: string;
}
