import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SKILL_FLAG_RULE, SkillFormat, SkillOffer, SkillPostStatus } from '@pratique/contracts';
import { DataSource } from 'typeorm';
import { ACTIVE_AUTHOR, containing, OFFER_COLUMNS, OFFER_FROM } from '../skills.sql';

/** An offer as read, before the caller-dependent `can` and `flagged` are added. */
export type OfferRow = Omit<SkillOffer, 'can' | 'flagged'>;

export interface OfferFields {
  title: string;
  description: string;
  skills: string[];
  formats: SkillFormat[];
  availability: string;
  languages: string[];
  regionId: string | null;
}

export interface OfferFilter {
  q: string | null;
  skill: string | null;
  regionId: string | null;
  format: SkillFormat | null;
  authorId: string | null;
  status: SkillPostStatus;
  page: number;
  pageSize: number;
}

@Injectable()
export class OffersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async byId(id: string): Promise<OfferRow | null> {
    const rows = await this.db.query(`SELECT ${OFFER_COLUMNS} FROM ${OFFER_FROM} WHERE o.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Offers by id (in no particular order). */
  async byIds(ids: string[]): Promise<OfferRow[]> {
    if (!ids.length) return [];
    return this.db.query(`SELECT ${OFFER_COLUMNS} FROM ${OFFER_FROM} WHERE o.id = ANY($1::uuid[])`, [ids]);
  }

  /**
   * A page of offers, newest first: text in the title or description, a skill, a region, a
   * format, the caller's own (`authorId`, whatever their account's state) and a status.
   */
  async list(f: OfferFilter): Promise<{ items: OfferRow[]; total: number }> {
    const where = `o.status = $1
      AND ($2::text IS NULL OR o.title ILIKE $2 OR o.description ILIKE $2)
      AND ($3::text IS NULL OR $3::varchar = ANY(o.skills))
      AND ($4::uuid IS NULL OR o.region_id = $4)
      AND ($5::text IS NULL OR $5::varchar = ANY(o.formats))
      AND (CASE WHEN $6::uuid IS NULL THEN ${ACTIVE_AUTHOR} ELSE o.author_id = $6 END)`;
    const params = [
      f.status,
      f.q === null ? null : containing(f.q),
      f.skill,
      f.regionId,
      f.format,
      f.authorId,
    ];
    const rows: (OfferRow & { total: number })[] = await this.db.query(
      `SELECT ${OFFER_COLUMNS}, count(*) OVER ()::int AS total FROM ${OFFER_FROM} WHERE ${where}
        ORDER BY o.created_at DESC, o.id LIMIT $7 OFFSET $8`,
      [...params, f.pageSize, (f.page - 1) * f.pageSize],
    );
    return { items: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
  }

  /** Offers the rating rule flags (`SKILL_FLAG_RULE` on the rounded averages), lowest average first. */
  async flagged(): Promise<OfferRow[]> {
    return this.db.query(
      `SELECT ${OFFER_COLUMNS} FROM ${OFFER_FROM}
        WHERE rt.count >= $1 AND (rt.usefulness < $2 OR rt.pedagogy < $2)
        ORDER BY least(rt.usefulness, rt.pedagogy), rt.count DESC, o.id LIMIT 500`,
      [SKILL_FLAG_RULE.minRatedSessions, SKILL_FLAG_RULE.below],
    );
  }

  async insert(authorId: string, o: OfferFields): Promise<string> {
    const [row] = await this.db.query(
      `INSERT INTO skill_offer (author_id, title, description, skills, formats, availability, languages, region_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [authorId, o.title, o.description, o.skills, o.formats, o.availability, o.languages, o.regionId],
    );
    return row.id;
  }

  async update(id: string, o: OfferFields & { status: SkillPostStatus }): Promise<void> {
    await this.db.query(
      `UPDATE skill_offer SET title = $2, description = $3, skills = $4, formats = $5, availability = $6, languages = $7,
              region_id = $8, status = $9, updated_at = now()
        WHERE id = $1`,
      [id, o.title, o.description, o.skills, o.formats, o.availability, o.languages, o.regionId, o.status],
    );
  }

  async authorOf(id: string): Promise<string | null> {
    const rows = await this.db.query(`SELECT author_id FROM skill_offer WHERE id = $1`, [id]);
    return rows[0]?.author_id ?? null;
  }

  /** Has one of these organisations an open request (so the caller may propose to an offer)? */
  async anyOpenRequestOf(organisationIds: string[]): Promise<boolean> {
    if (!organisationIds.length) return false;
    const rows = await this.db.query(
      `SELECT 1 FROM skill_request WHERE status = 'open' AND organisation_id = ANY($1::uuid[]) LIMIT 1`,
      [organisationIds],
    );
    return rows.length > 0;
  }

  async regionExists(id: string): Promise<boolean> {
    return (await this.db.query(`SELECT 1 FROM region WHERE id = $1`, [id])).length > 0;
  }
}
