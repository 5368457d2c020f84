/**
 * SQL of the discussions: one specific method per need, visibility rules applied in the queries
 * (hidden threads and replies are returned only to their author and to moderators).
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { returnedRows, writeAudit, writeOutbox } from '@pratique/api/platform';
import {
  ActivityKind,
  AuditAction,
  DiscussionRevision,
  DomainEventType,
  ReplyDto,
  SpaceRole,
  SpaceStatus,
  SpaceVisibility,
  ThreadKind,
  ThreadSummary,
} from '@pratique/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { ListThreadsQuery } from './dto/thread.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID.test(s);

export interface SpaceRow {
  id: string;
  slug: string;
  visibility: SpaceVisibility;
  status: SpaceStatus;
  myRole: SpaceRole | null;
}

/** A thread with what the rules need (its space and the caller's role there). */
export interface ThreadRow extends ThreadSummary {
  authorId: string;
  body: string;
  bodyHtml: string;
  acceptedReplyId: string | null;
  following: boolean;
  space: SpaceRow;
}

export interface ReplyRow extends Omit<ReplyDto, 'can'> {
  authorId: string;
}

export interface ReplyRef {
  id: string;
  threadId: string;
  authorId: string;
  hidden: boolean;
}

/** The visible replies of a thread (`$2` caller, `$3` caller moderates). */
const VISIBLE_REPLY = `(NOT r.hidden OR $3::boolean OR r.author_id = $2::uuid)`;

/** Columns of a thread summary; `$2` is the caller (nullable), `$3` whether the caller moderates the space. */
const THREAD_COLUMNS = `
  t.id, t.space_id AS "spaceId", t.kind, t.title, json_build_object('id', u.id, 'displayName', u.display_name) AS author,
  t.author_id AS "authorId", t.pinned, t.locked, t.hidden,
  (t.kind = 'question' AND t.accepted_reply_id IS NOT NULL) AS answered,
  (SELECT count(*)::int FROM discussion_reply r WHERE r.thread_id = t.id AND ${VISIBLE_REPLY}) AS "replyCount",
  t.created_at AS "createdAt", t.edited_at AS "editedAt", t.last_activity_at AS "lastActivityAt"`;

/**
 * The feed item of thread `t` (a CTE): the thread's title, in its author's language (threads have
 * no language of their own), keyed once per `kind` and `keyId` (the thread, or the accepted reply).
 */
const feedItemOfThread = (kind: ActivityKind, actor: string, keyId: string, andWhere = '') => `
  INSERT INTO activity (kind, actor_id, space_id, region_id, subject_id, title, original_language, dedupe_key)
  SELECT '${kind}', ${actor}, t.space_id, NULL, t.id, jsonb_build_object(u.preferred_language, t.title), u.preferred_language,
         '${kind}:' || ${keyId}
    FROM t JOIN app_user u ON u.id = t.author_id
   WHERE NOT t.hidden ${andWhere}
  ON CONFLICT (dedupe_key) DO NOTHING`;
@Injectable()
export class DiscussionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** A space by id or slug, with the caller's role in it. */
  async findSpace(userId: string | null, idOrSlug: string): Promise<SpaceRow | null> {
    const rows: SpaceRow[] = await this.db.query(
      `SELECT s.id, s.slug, s.visibility, s.status,
              (SELECT m.role FROM space_member m WHERE m.space_id = s.id AND m.user_id = $1::uuid) AS "myRole"
         FROM space s WHERE ${isUuid(idOrSlug) ? 's.id = $2::uuid' : 's.slug = $2'}`,
      [userId, idOrSlug],
    );
    return rows[0] ?? null;
  }

  /**
   * The threads of a space the caller may see, filtered and paged: pinned first, then (when
   * searching) by relevance, then by last activity. The search matches the French and Arabic
   * stems and the exact words of the title and body (`search` column).
   */
  async listThreads(
    spaceId: string,
    userId: string | null,
    moderator: boolean,
    query: Omit<ListThreadsQuery, 'q'> & { q: string | null },
  ): Promise<{ items: ThreadSummary[]; total: number }> {
    const rows: (ThreadSummary & { total: number; authorId?: string })[] = await this.db.query(
      `WITH search AS (
         SELECT CASE WHEN $4::text IS NULL THEN NULL
                     ELSE websearch_to_tsquery('french', $4) || websearch_to_tsquery('arabic', $4) || websearch_to_tsquery('simple', $4) END AS q)
       SELECT ${THREAD_COLUMNS}, count(*) OVER ()::int AS total
         FROM discussion_thread t JOIN app_user u ON u.id = t.author_id CROSS JOIN search
        WHERE t.space_id = $1
          AND (NOT t.hidden OR $3::boolean OR t.author_id = $2::uuid)
          AND ($5::text IS NULL OR t.kind = $5)
          AND (NOT $6::boolean OR (t.kind = 'question' AND t.accepted_reply_id IS NULL))
          AND (search.q IS NULL OR t.search @@ search.q)
        ORDER BY t.pinned DESC, CASE WHEN search.q IS NULL THEN 0 ELSE ts_rank(t.search, search.q) END DESC, t.last_activity_at DESC, t.id
        LIMIT $7 OFFSET $8`,
      [
        spaceId,
        userId,
        moderator,
        query.q ?? null,
        query.kind ?? null,
        query.unanswered === true,
        query.pageSize,
        (query.page - 1) * query.pageSize,
      ],
    );
    return { items: rows.map(({ total: _t, authorId: _a, ...t }) => t), total: rows[0]?.total ?? 0 };
  }

  async isFollowingSpace(spaceId: string, userId: string | null): Promise<boolean> {
    if (!userId) return false;
    return (
      (
        await this.db.query(`SELECT 1 FROM discussion_follow WHERE space_id = $1 AND user_id = $2`, [
          spaceId,
          userId,
        ])
      ).length > 0
    );
  }

  /** A thread with its space, the caller's role there, and whether the caller follows it. Moderation flag decides reply counts. */
  async findThread(
    id: string,
    userId: string | null,
    moderatorOf: (space: SpaceRow) => boolean,
  ): Promise<ThreadRow | null> {
    const [head]: { spaceId: string }[] = await this.db.query(
      `SELECT space_id AS "spaceId" FROM discussion_thread WHERE id = $1`,
      [id],
    );
    if (!head) return null;
    const space = await this.findSpace(userId, head.spaceId);
    if (!space) return null;
    const rows: (ThreadRow & { space?: SpaceRow })[] = await this.db.query(
      `SELECT ${THREAD_COLUMNS}, t.body, t.body_html AS "bodyHtml", t.accepted_reply_id AS "acceptedReplyId",
              EXISTS (SELECT 1 FROM discussion_follow f WHERE f.thread_id = t.id AND f.user_id = $2::uuid) AS following
         FROM discussion_thread t JOIN app_user u ON u.id = t.author_id
        WHERE t.id = $1`,
      [id, userId, moderatorOf(space)],
    );
    return rows[0] ? { ...rows[0], space } : null;
  }

  async insertThread(
    tx: EntityManager,
    t: { spaceId: string; authorId: string; kind: ThreadKind; title: string; body: string; bodyHtml: string },
  ): Promise<string> {
    const [row] = await tx.query(
      `INSERT INTO discussion_thread (space_id, author_id, kind, title, body, body_html) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [t.spaceId, t.authorId, t.kind, t.title, t.body, t.bodyHtml],
    );
    await tx.query(
      `WITH t AS (SELECT * FROM discussion_thread WHERE id = $1) ${feedItemOfThread(ActivityKind.ThreadStarted, 't.author_id', 't.id')}`,
      [row.id],
    );
    // The space's followers hear of it (the worker leaves out its author).
    await writeOutbox(tx, {
      type: DomainEventType.ThreadCreated,
      payload: { threadId: row.id, spaceId: t.spaceId, authorId: t.authorId },
    });
    return row.id;
  }

  /** Keeps the current version of the thread as a revision, then writes the new one (one transaction, row locked). */
  async reviseThread(
    id: string,
    editorId: string,
    next: { title: string; body: string; bodyHtml: string },
  ): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [cur] = await tx.query(`SELECT title, body FROM discussion_thread WHERE id = $1 FOR UPDATE`, [
        id,
      ]);
      if (!cur || (cur.title === next.title && cur.body === next.body)) return false;
      await tx.query(
        `INSERT INTO discussion_revision (thread_id, title, body, body_html, written_at, replaced_by)
         SELECT id, title, body, body_html, coalesce(edited_at, created_at), $2 FROM discussion_thread WHERE id = $1`,
        [id, editorId],
      );
      await tx.query(
        `UPDATE discussion_thread SET title = $2, body = $3, body_html = $4, edited_at = now() WHERE id = $1`,
        [id, next.title, next.body, next.bodyHtml],
      );
      return true;
    });
  }

  async reviseReply(
    id: string,
    editorId: string,
    next: { body: string; bodyHtml: string },
  ): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [cur] = await tx.query(`SELECT body FROM discussion_reply WHERE id = $1 FOR UPDATE`, [id]);
      if (!cur || cur.body === next.body) return false;
      await tx.query(
        `INSERT INTO discussion_revision (reply_id, body, body_html, written_at, replaced_by)
         SELECT id, body, body_html, coalesce(edited_at, created_at), $2 FROM discussion_reply WHERE id = $1`,
        [id, editorId],
      );
      await tx.query(
        `UPDATE discussion_reply SET body = $2, body_html = $3, edited_at = now() WHERE id = $1`,
        [id, next.body, next.bodyHtml],
      );
      return true;
    });
  }

  /** Previous versions, newest first. */
  async revisions(target: { threadId: string } | { replyId: string }): Promise<DiscussionRevision[]> {
    const [column, id] = 'threadId' in target ? ['thread_id', target.threadId] : ['reply_id', target.replyId];
    return this.db.query(
      `SELECT id::text, title, body, body_html AS "bodyHtml", written_at AS "writtenAt", replaced_at AS "replacedAt"
         FROM discussion_revision WHERE ${column} = $1 ORDER BY id DESC`,
      [id],
    );
  }

  /** Pins, locks or hides a thread, audited in the same transaction. */
  async moderateThread(
    id: string,
    patch: { pinned?: boolean; locked?: boolean; hidden?: boolean },
    moderatorId: string,
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [thread] = returnedRows<{ space_id: string }>(
        await tx.query(
          `UPDATE discussion_thread SET pinned = coalesce($2, pinned), locked = coalesce($3, locked), hidden = coalesce($4, hidden)
            WHERE id = $1 RETURNING space_id`,
          [id, patch.pinned ?? null, patch.locked ?? null, patch.hidden ?? null],
        ),
      );
      if (!thread) return;
      const { pinned, locked, hidden } = patch;
      await writeAudit(tx, {
        actorId: moderatorId,
        action: AuditAction.ThreadModerated,
        targetType: 'thread',
        targetId: id,
        detail: { spaceId: thread.space_id, pinned, locked, hidden },
      });
    });
  }

  /** Hides or shows a reply, audited in the same transaction. */
  async moderateReply(id: string, hidden: boolean, moderatorId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [reply] = returnedRows<{ thread_id: string }>(
        await tx.query(`UPDATE discussion_reply SET hidden = $2 WHERE id = $1 RETURNING thread_id`, [id, hidden]),
      );
      if (!reply) return;
      await writeAudit(tx, {
        actorId: moderatorId,
        action: AuditAction.ReplyModerated,
        targetType: 'reply',
        targetId: id,
        detail: { threadId: reply.thread_id, hidden },
      });
    });
  }

  /** One statement: the accepted answer, and (the first time this reply is accepted) its feed item, by the reply's author. */
  async setAcceptedReply(threadId: string, replyId: string | null, acceptedBy: string): Promise<void> {
    await this.db.query(
      `WITH t AS (UPDATE discussion_thread SET accepted_reply_id = $2 WHERE id = $1 RETURNING *),
            r AS (SELECT dr.* FROM discussion_reply dr JOIN t ON dr.id = t.accepted_reply_id),
            -- The reply's author is told, once per reply (not when they accepted it themselves).
            told AS (
              INSERT INTO outbox (type, payload, dedupe_key)
              SELECT '${DomainEventType.AnswerAccepted}',
                     jsonb_build_object('threadId', t.id, 'replyId', r.id, 'spaceId', t.space_id, 'userId', r.author_id),
                     '${DomainEventType.AnswerAccepted}:' || r.id
                FROM t JOIN r ON true WHERE r.author_id <> $3
              ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING)
       ${feedItemOfThread(ActivityKind.AnswerAccepted, '(SELECT author_id FROM r)', '(SELECT id FROM r)', 'AND EXISTS (SELECT 1 FROM r)')}`,
      [threadId, replyId, acceptedBy],
    );
  }

  /**
   * The replies of a thread the caller may see, paged: the accepted answer first, then by votes,
   * then oldest first. `$2` caller, `$3` whether the caller moderates the space.
   */
  async listReplies(
    threadId: string,
    userId: string | null,
    moderator: boolean,
    page: number,
    pageSize: number,
  ): Promise<{ items: ReplyRow[]; total: number }> {
    const rows: (ReplyRow & { total: number })[] = await this.db.query(
      `SELECT r.id, r.thread_id AS "threadId", json_build_object('id', u.id, 'displayName', u.display_name) AS author,
              r.author_id AS "authorId", r.body, r.body_html AS "bodyHtml", r.hidden,
              coalesce(r.id = t.accepted_reply_id, false) AS accepted,
              (SELECT count(*)::int FROM discussion_vote v WHERE v.reply_id = r.id) AS "voteCount",
              EXISTS (SELECT 1 FROM discussion_vote v WHERE v.reply_id = r.id AND v.user_id = $2::uuid) AS "votedByMe",
              r.created_at AS "createdAt", r.edited_at AS "editedAt", count(*) OVER ()::int AS total
         FROM discussion_reply r JOIN discussion_thread t ON t.id = r.thread_id JOIN app_user u ON u.id = r.author_id
        WHERE r.thread_id = $1 AND ${VISIBLE_REPLY}
        ORDER BY coalesce(r.id = t.accepted_reply_id, false) DESC, "voteCount" DESC, r.created_at, r.id
        LIMIT $4 OFFSET $5`,
      [threadId, userId, moderator, pageSize, (page - 1) * pageSize],
    );
    return { items: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
  }

  async findReplyRef(id: string): Promise<ReplyRef | null> {
    const rows: ReplyRef[] = await this.db.query(
      `SELECT id, thread_id AS "threadId", author_id AS "authorId", hidden FROM discussion_reply WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async findReply(id: string, userId: string | null): Promise<ReplyRow | null> {
    const ref = await this.findReplyRef(id);
    if (!ref) return null;
    const rows: ReplyRow[] = await this.db.query(
      `SELECT r.id, r.thread_id AS "threadId", json_build_object('id', u.id, 'displayName', u.display_name) AS author,
              r.author_id AS "authorId", r.body, r.body_html AS "bodyHtml", r.hidden,
              coalesce(r.id = t.accepted_reply_id, false) AS accepted,
              (SELECT count(*)::int FROM discussion_vote v WHERE v.reply_id = r.id) AS "voteCount",
              EXISTS (SELECT 1 FROM discussion_vote v WHERE v.reply_id = r.id AND v.user_id = $2::uuid) AS "votedByMe",
              r.created_at AS "createdAt", r.edited_at AS "editedAt"
         FROM discussion_reply r JOIN discussion_thread t ON t.id = r.thread_id JOIN app_user u ON u.id = r.author_id
        WHERE r.id = $1`,
      [id, userId],
    );
    return rows[0] ?? null;
  }

  /**
   * Adds a reply and moves the thread's last activity, unless the thread was locked meanwhile
   * (`allowLocked` for moderators). Returns null when refused.
   */
  async insertReply(
    threadId: string,
    authorId: string,
    body: string,
    bodyHtml: string,
    allowLocked: boolean,
  ): Promise<string | null> {
    return this.db.transaction(async (tx) => {
      const [thread] = await tx.query(
        `SELECT locked, space_id FROM discussion_thread WHERE id = $1 FOR UPDATE`,
        [threadId],
      );
      if (!thread || (thread.locked && !allowLocked)) return null;
      const [row] = await tx.query(
        `INSERT INTO discussion_reply (thread_id, author_id, body, body_html) VALUES ($1, $2, $3, $4) RETURNING id`,
        [threadId, authorId, body, bodyHtml],
      );
      await tx.query(`UPDATE discussion_thread SET last_activity_at = now() WHERE id = $1`, [threadId]);
      // The thread's followers hear of it (the worker leaves out the reply's author).
      await writeOutbox(tx, {
        type: DomainEventType.ReplyCreated,
        payload: { threadId, replyId: row.id, spaceId: thread.space_id, authorId },
      });
      return row.id as string;
    });
  }

  /** Toggles the caller's +1 on a reply; answers the new state and count. */
  async toggleVote(replyId: string, userId: string): Promise<{ voted: boolean; voteCount: number }> {
    return this.db.transaction(async (tx) => {
      const removed = returnedRows(
        await tx.query(
          `DELETE FROM discussion_vote WHERE reply_id = $1 AND user_id = $2 RETURNING reply_id`,
          [replyId, userId],
        ),
      );
      if (removed.length === 0)
        await tx.query(
          `INSERT INTO discussion_vote (reply_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
          [replyId, userId],
        );
      const [{ count }] = await tx.query(
        `SELECT count(*)::int AS count FROM discussion_vote WHERE reply_id = $1`,
        [replyId],
      );
      return { voted: removed.length === 0, voteCount: count };
    });
  }

  /** Toggles a follow of a thread or a space; answers whether the caller now follows it. */
  async toggleFollow(userId: string, target: { threadId: string } | { spaceId: string }): Promise<boolean> {
    const [column, id] = 'threadId' in target ? ['thread_id', target.threadId] : ['space_id', target.spaceId];
    return this.db.transaction(async (tx) => {
      const removed = returnedRows(
        await tx.query(
          `DELETE FROM discussion_follow WHERE ${column} = $1 AND user_id = $2 RETURNING user_id`,
          [id, userId],
        ),
      );
      if (removed.length > 0) return false;
      await tx.query(
        `INSERT INTO discussion_follow (user_id, ${column}) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [userId, id],
      );
      return true;
    });
  }

  async followThread(tx: EntityManager, userId: string, threadId: string): Promise<void> {
    await tx.query(
      `INSERT INTO discussion_follow (user_id, thread_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [userId, threadId],
    );
  }
}
