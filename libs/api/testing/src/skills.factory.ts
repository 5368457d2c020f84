/**
 * Fixture factories for skills donation (straight SQL): offers, requests, sessions, ratings.
 * Defaults give an open offer/request in French, remote, with no region.
 */
import { DataSource } from 'typeorm';
import { uid } from './factories';

export interface MakeSkillOfferOptions {
  authorId: string;
  skills: string[];
  title?: string;
  description?: string;
  regionId?: string | null;
  languages?: string[];
  formats?: string[];
  status?: 'open' | 'closed';
  /** Back-dates the offer (matching orders equal scores newest first). */
  createdAt?: Date;
}

export async function makeSkillOffer(db: DataSource, o: MakeSkillOfferOptions): Promise<{ id: string }> {
  const [row] = await db.query(
    `INSERT INTO skill_offer (author_id, title, description, skills, formats, languages, region_id, status, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, COALESCE($9, now())) RETURNING id`,
    [
      o.authorId,
      o.title ?? `Offre ${uid()}`,
      o.description ?? 'Une offre de test',
      o.skills,
      o.formats ?? ['remote'],
      o.languages ?? ['fr'],
      o.regionId ?? null,
      o.status ?? 'open',
      o.createdAt ?? null,
    ],
  );
  return { id: row.id };
}

export interface MakeSkillRequestOptions {
  organisationId: string;
  authorId: string | null;
  skills: string[];
  title?: string;
  why?: string;
  regionId?: string | null;
  languages?: string[];
  formats?: string[];
  deadline?: string | null;
  status?: 'open' | 'closed';
  createdAt?: Date;
}

export async function makeSkillRequest(db: DataSource, o: MakeSkillRequestOptions): Promise<{ id: string }> {
  const [row] = await db.query(
    `INSERT INTO skill_request (organisation_id, author_id, title, why, expected_outcome, deadline, formats, region_id, skills, languages, status, created_at)
     VALUES ($1, $2, $3, $4, '', $5, $6, $7, $8, $9, $10, COALESCE($11, now())) RETURNING id`,
    [
      o.organisationId,
      o.authorId,
      o.title ?? `Besoin ${uid()}`,
      o.why ?? 'Un besoin de test',
      o.deadline ?? null,
      o.formats ?? ['remote'],
      o.regionId ?? null,
      o.skills,
      o.languages ?? ['fr'],
      o.status ?? 'open',
      o.createdAt ?? null,
    ],
  );
  return { id: row.id };
}

export interface MakeSkillSessionOptions {
  offerId: string;
  requestId: string;
  status?: 'proposed' | 'accepted' | 'declined' | 'cancelled' | 'done';
  /** Defaults: in a week for proposed/accepted, a week ago for done; two hours long. */
  startsAt?: Date;
  endsAt?: Date;
  proposedBy?: 'volunteer' | 'organisation';
  proposerId?: string | null;
  format?: string;
}

export async function makeSkillSession(db: DataSource, o: MakeSkillSessionOptions): Promise<{ id: string }> {
  const status = o.status ?? 'proposed';
  const day = 24 * 3600 * 1000;
  const startsAt = o.startsAt ?? new Date(Date.now() + (status === 'done' ? -7 : 7) * day);
  const endsAt = o.endsAt ?? new Date(startsAt.getTime() + 2 * 3600 * 1000);
  const [row] = await db.query(
    `INSERT INTO skill_session (offer_id, request_id, proposed_by, proposer_id, status, starts_at, ends_at, format, done_at)
     VALUES ($1, $2, $3, $4, $5::text, $6, $7, $8, CASE WHEN $5::text = 'done' THEN $7::timestamptz END) RETURNING id`,
    [
      o.offerId,
      o.requestId,
      o.proposedBy ?? 'volunteer',
      o.proposerId ?? null,
      status,
      startsAt,
      endsAt,
      o.format ?? 'remote',
    ],
  );
  return { id: row.id };
}

export interface MakeSkillRatingOptions {
  sessionId: string;
  side: 'volunteer' | 'organisation';
  usefulness: number;
  pedagogy: number;
  raterId?: string | null;
  review?: string;
}

/** Upserts the side's rating of the session (one per side). */
export async function makeSkillRating(db: DataSource, o: MakeSkillRatingOptions): Promise<{ id: string }> {
  await db.query(
    `INSERT INTO skill_session_rating (session_id, side, rater_id, usefulness, pedagogy, review) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (session_id, side) DO UPDATE SET usefulness = EXCLUDED.usefulness, pedagogy = EXCLUDED.pedagogy, review = EXCLUDED.review, updated_at = now()`,
    [o.sessionId, o.side, o.raterId ?? null, o.usefulness, o.pedagogy, o.review ?? ''],
  );
  return { id: `${o.sessionId}:${o.side}` };
}
