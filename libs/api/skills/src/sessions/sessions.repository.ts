import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { returnedRows, writeOutbox } from '@pratique/api/platform';
import {
  DomainEvent,
  SkillFormat,
  SkillSession,
  SkillSessionRatingInput,
  SkillSessionStatus,
  SkillSide,
} from '@pratique/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { SessionRef } from '../skills.policy';
import { SessionParties } from './session-rules';

/** A session as read: the contract's fields (without the caller's `mySide` and `can`) and what the rules need. */
export type SessionRow = Omit<SkillSession, 'mySide' | 'can'> & SessionRef & SessionParties;

const ISO = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const SESSION_COLUMNS = `
  s.id,
  json_build_object('id', o.id, 'title', o.title, 'author', json_build_object('id', o.author_id, 'displayName', ou.display_name)) AS offer,
  json_build_object('id', r.id, 'title', r.title, 'organisation', json_build_object('id', org.id, 'name', org.name)) AS request,
  s.proposed_by AS "proposedBy", s.status, s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.format, s.place, s.message,
  s.created_at AS "createdAt",
  coalesce((SELECT json_agg(json_build_object(
                    'side', sr.side, 'rater', json_build_object('id', sr.rater_id, 'displayName', coalesce(ru.display_name, '')),
                    'usefulness', sr.usefulness, 'pedagogy', sr.pedagogy, 'review', sr.review, 'createdAt', ${ISO('sr.created_at')})
                  ORDER BY sr.side DESC)
              FROM skill_session_rating sr LEFT JOIN app_user ru ON ru.id = sr.rater_id WHERE sr.session_id = s.id), '[]') AS ratings,
  s.proposer_id AS "proposerId", o.author_id AS "offerAuthorId", r.author_id AS "requestAuthorId",
  r.organisation_id AS "organisationId", ARRAY[org.region_id, o.region_id]::uuid[] AS "regionIds"`;

const SESSION_FROM = `skill_session s
  JOIN skill_offer o ON o.id = s.offer_id JOIN app_user ou ON ou.id = o.author_id
  JOIN skill_request r ON r.id = s.request_id JOIN organisation org ON org.id = r.organisation_id`;

export interface NewSession {
  offerId: string;
  requestId: string;
  proposedBy: SkillSide;
  proposerId: string;
  startsAt: Date;
  endsAt: Date;
  format: SkillFormat;
  place: string;
  message: string;
}

@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async byId(id: string, tx: EntityManager | DataSource = this.db): Promise<SessionRow | null> {
    const rows = await tx.query(`SELECT ${SESSION_COLUMNS} FROM ${SESSION_FROM} WHERE s.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /**
   * The member's sessions on both sides (their offers; their organisations' requests): the ones
   * still to come first (soonest first), then the others (latest first).
   */
  async ofMember(userId: string, organisationIds: string[]): Promise<SessionRow[]> {
    return this.db.query(
      `SELECT ${SESSION_COLUMNS} FROM ${SESSION_FROM}
        WHERE o.author_id = $1 OR r.organisation_id = ANY($2::uuid[])
        ORDER BY (s.status IN ('proposed', 'accepted') AND s.ends_at > now()) DESC,
                 CASE WHEN s.status IN ('proposed', 'accepted') AND s.ends_at > now() THEN s.starts_at END ASC,
                 s.starts_at DESC, s.id
        LIMIT 500`,
      [userId, organisationIds],
    );
  }

  /** The offer and the request of a proposal, locked against a concurrent close until the session is written. */
  async postsForProposal(
    tx: EntityManager,
    offerId: string,
    requestId: string,
  ): Promise<{
    offer: { authorId: string; status: string } | null;
    request: { organisationId: string; authorId: string | null; status: string } | null;
  }> {
    const [offer] = await tx.query(
      `SELECT author_id AS "authorId", status FROM skill_offer WHERE id = $1 FOR SHARE`,
      [offerId],
    );
    const [request] = await tx.query(
      `SELECT organisation_id AS "organisationId", author_id AS "authorId", status FROM skill_request WHERE id = $1 FOR SHARE`,
      [requestId],
    );
    return { offer: offer ?? null, request: request ?? null };
  }

  /** Runs `work` in one transaction (a proposal: posts locked, session and outbox event written). */
  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async insert(tx: EntityManager, s: NewSession): Promise<string> {
    const [row] = await tx.query(
      `INSERT INTO skill_session (offer_id, request_id, proposed_by, proposer_id, starts_at, ends_at, format, place, message)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        s.offerId,
        s.requestId,
        s.proposedBy,
        s.proposerId,
        s.startsAt,
        s.endsAt,
        s.format,
        s.place,
        s.message,
      ],
    );
    return row.id;
  }

  /**
   * Moves the session from one of `from` to `to`, in one conditional UPDATE (a concurrent change
   * makes it match nothing), and writes the outbox event built from it in the same transaction.
   * False when the session was no longer in `from`.
   */
  async transition(
    id: string,
    from: readonly SkillSessionStatus[],
    to: SkillSessionStatus,
    actorId: string,
    event: (sessionId: string) => DomainEvent | null,
  ): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const rows = returnedRows(
        await tx.query(
          `UPDATE skill_session
              SET status = $3::text,
                  responded_by = CASE WHEN $3::text IN ('accepted', 'declined') THEN $4::uuid ELSE responded_by END,
                  done_at = CASE WHEN $3::text = 'done' THEN now() ELSE done_at END,
                  updated_at = now()
            WHERE id = $1 AND status = ANY($2::text[])
           RETURNING id`,
          [id, from, to, actorId],
        ),
      );
      if (!rows.length) return false;
      const e = event(id);
      if (e) await writeOutbox(tx, e);
      return true;
    });
  }

  /** The side's rating of a done session: created or replaced (one per side). False when the session is not done. */
  async upsertRating(
    id: string,
    side: SkillSide,
    raterId: string,
    r: SkillSessionRatingInput,
  ): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO skill_session_rating (session_id, side, rater_id, usefulness, pedagogy, review)
       SELECT s.id, $2, $3, $4, $5, $6 FROM skill_session s WHERE s.id = $1 AND s.status = 'done'
       ON CONFLICT (session_id, side) DO UPDATE
         SET rater_id = EXCLUDED.rater_id, usefulness = EXCLUDED.usefulness, pedagogy = EXCLUDED.pedagogy,
             review = EXCLUDED.review, updated_at = now()
       RETURNING session_id`,
      [id, side, raterId, r.usefulness, r.pedagogy, r.review],
    );
    return rows.length > 0;
  }
}
