/**
 * Who may do what in a space's discussions, as pure functions of the actor, the space and the
 * caller's role in it (the platform-wide rules stay in accounts/policy.ts).
 *
 * - Reading follows the space: a public space's threads are read by everyone; a members-only
 *   space's threads only by its members, its animators and admins (others get 404).
 * - Posting (threads, replies, votes) needs to be a member or animator of an open space, or an admin.
 * - Moderating (pin, lock, hide, accept on anyone's question) is for the space's animators and admins.
 * - A hidden thread or reply is seen by its author and by moderators only.
 */
import { Actor, isAdmin, isAnimatorOf } from '@pratique/api/accounts';
import { SpaceRole, SpaceStatus, SpaceVisibility } from '@pratique/contracts';

/** What the discussion rules need to know about the space, with the caller's role in it. */
export interface DiscussionSpace {
  id: string;
  visibility: SpaceVisibility;
  status: SpaceStatus;
  myRole: SpaceRole | null;
}

export interface AuthoredItem {
  authorId: string;
  hidden: boolean;
}

const isAuthor = (actor: Actor | null, item: { authorId: string }): boolean =>
  actor !== null && actor.id === item.authorId;

export const DiscussionsPolicy = {
  read: (actor: Actor | null, space: DiscussionSpace): boolean =>
    space.visibility === SpaceVisibility.Public ||
    isAdmin(actor) ||
    (actor !== null && (space.myRole !== null || isAnimatorOf(actor, space.id))),
  moderate: (actor: Actor | null, space: DiscussionSpace): boolean =>
    isAdmin(actor) ||
    (actor !== null && (isAnimatorOf(actor, space.id) || space.myRole === SpaceRole.Animator)),
  post: (actor: Actor | null, space: DiscussionSpace): boolean =>
    actor !== null &&
    space.status === SpaceStatus.Open &&
    (space.myRole !== null || isAdmin(actor) || isAnimatorOf(actor, space.id)),
  /** Following needs only to be able to read (and be signed in). */
  follow: (actor: Actor | null, space: DiscussionSpace): boolean =>
    actor !== null && DiscussionsPolicy.read(actor, space),
  /** A hidden item is seen by its author and by moderators. */
  see: (actor: Actor | null, space: DiscussionSpace, item: AuthoredItem): boolean =>
    DiscussionsPolicy.read(actor, space) &&
    (!item.hidden || isAuthor(actor, item) || DiscussionsPolicy.moderate(actor, space)),
  /** Authors edit their own thread or reply, and nobody else's (moderators hide, they do not rewrite). */
  edit: (actor: Actor | null, space: DiscussionSpace, item: AuthoredItem): boolean =>
    isAuthor(actor, item) && DiscussionsPolicy.read(actor, space) && space.status === SpaceStatus.Open,
  /** Replying: posters, on a thread that is not locked; moderators may still reply on a locked one. */
  reply: (actor: Actor | null, space: DiscussionSpace, thread: { locked: boolean }): boolean =>
    DiscussionsPolicy.post(actor, space) && (!thread.locked || DiscussionsPolicy.moderate(actor, space)),
  /** The accepted answer of a question is chosen by the question's author or a moderator. */
  accept: (
    actor: Actor | null,
    space: DiscussionSpace,
    thread: { authorId: string; kind: string },
  ): boolean =>
    thread.kind === 'question' &&
    (isAuthor(actor, thread) || DiscussionsPolicy.moderate(actor, space)) &&
    space.status === SpaceStatus.Open,
  /** +1 on someone else's reply, by those who may post in the space. */
  vote: (actor: Actor | null, space: DiscussionSpace, reply: { authorId: string }): boolean =>
    DiscussionsPolicy.post(actor, space) && !isAuthor(actor, reply),
} as const;
