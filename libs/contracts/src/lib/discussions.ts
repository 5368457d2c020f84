/** Discussions and questions inside thematic spaces: types shared by the API and the web app. */
import { Page } from './pagination';

export enum ThreadKind {
  Discussion = 'discussion',
  Question = 'question',
}
export const THREAD_KINDS = [ThreadKind.Discussion, ThreadKind.Question] as const;

export const THREAD_TITLE_MAX_LENGTH = 200;
export const DISCUSSION_BODY_MAX_LENGTH = 20_000;
export const DISCUSSION_SEARCH_MAX_LENGTH = 200;

export interface DiscussionAuthor {
  id: string;
  displayName: string;
}

export interface ThreadSummary {
  id: string;
  spaceId: string;
  kind: ThreadKind;
  title: string;
  author: DiscussionAuthor;
  pinned: boolean;
  locked: boolean;
  /** Hidden by an animator: only its author and the space's animators (and admins) see it. */
  hidden: boolean;
  /** A question with an accepted answer. Always false on discussions. */
  answered: boolean;
  /** Replies the caller can see. */
  replyCount: number;
  createdAt: string;
  editedAt: string | null;
  lastActivityAt: string;
}

export interface ThreadDetail extends ThreadSummary {
  /** The markdown as written. */
  body: string;
  /** The markdown rendered and sanitised by the API: safe for `innerHTML`. */
  bodyHtml: string;
  acceptedReplyId: string | null;
  space: { id: string; slug: string };
  /** Whether the caller follows this thread. */
  following: boolean;
  /** What the caller may do; the API enforces it. */
  can: { edit: boolean; reply: boolean; accept: boolean; moderate: boolean; follow: boolean };
}

export interface ReplyDto {
  id: string;
  threadId: string;
  author: DiscussionAuthor;
  body: string;
  bodyHtml: string;
  hidden: boolean;
  accepted: boolean;
  voteCount: number;
  votedByMe: boolean;
  createdAt: string;
  editedAt: string | null;
  can: { edit: boolean; vote: boolean; moderate: boolean };
}

/** A previous version of a thread (title + body) or of a reply (body, title null). */
export interface DiscussionRevision {
  id: string;
  title: string | null;
  body: string;
  bodyHtml: string;
  /** When this version had been written. */
  writtenAt: string;
  /** When it was replaced by the next one. */
  replacedAt: string;
}

/** The threads of a space, with what the caller may do there. */
export interface ThreadPage extends Page<ThreadSummary> {
  space: { id: string; slug: string };
  followingSpace: boolean;
  can: { post: boolean; moderate: boolean; follow: boolean };
}

export interface ThreadListQuery {
  kind?: ThreadKind;
  /** Full-text search over title and body (French and Arabic). */
  q?: string;
  /** Only questions without an accepted answer. */
  unanswered?: boolean;
  page?: number;
  pageSize?: number;
}

export interface CreateThreadRequest {
  kind: ThreadKind;
  title: string;
  body: string;
}
export interface UpdateThreadRequest {
  title?: string;
  body?: string;
}
export interface CreateReplyRequest {
  body: string;
}
export interface UpdateReplyRequest {
  body: string;
}
/** `replyId: null` withdraws the accepted answer. */
export interface AcceptAnswerRequest {
  replyId: string | null;
}
export interface ModerateThreadRequest {
  pinned?: boolean;
  locked?: boolean;
  hidden?: boolean;
}
export interface ModerateReplyRequest {
  hidden: boolean;
}
export interface VoteResult {
  voted: boolean;
  voteCount: number;
}
export interface FollowState {
  following: boolean;
}
