import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SkillFormat, SkillPostStatus, SkillRequest } from '@pratique/contracts';
import { DataSource } from 'typeorm';
import { containing, REQUEST_COLUMNS, REQUEST_FROM } from '../skills.sql';

/** A request as read, before the caller-dependent `can` is added. */
export type RequestRow = Omit<SkillRequest, 'can'>;

export interface RequestFields {
  title: string;
  why: string;
  expectedOutcome: string;
  deadline: string | null;
  formats: SkillFormat[];
  regionId: string | null;
  skills: string[];
  languages: string[];
}

export interface RequestFilter {
  q: string | null;
  skill: string | null;
  regionId: string | null;
  format: SkillFormat | null;
  /** Only the requests of these organisations (the caller's, for `mine`). */
  organisationIds: string[] | null;
  status: SkillPostStatus;
  page: number;
  pageSize: number;
}

@Injectable()
export class RequestsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async byId(id: string): Promise<RequestRow | null> {
    const rows = await this.db.query(`SELECT ${REQUEST_COLUMNS} FROM ${REQUEST_FROM} WHERE r.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Requests by id (in no particular order). */
  async byIds(ids: string[]): Promise<RequestRow[]> {
    if (!ids.length) return [];
    return this.db.query(`SELECT ${REQUEST_COLUMNS} FROM ${REQUEST_FROM} WHERE r.id = ANY($1::uuid[])`, [
      ids,
    ]);
  }

  /** A page of requests, newest first, filtered like the offers (text in the title or the why). */
  async list(f: RequestFilter): Promise<{ items: RequestRow[]; total: number }> {
    const where = `r.status = $1
      AND ($2::text IS NULL OR r.title ILIKE $2 OR r.why ILIKE $2)
      AND ($3::text IS NULL OR $3::varchar = ANY(r.skills))
      AND ($4::uuid IS NULL OR r.region_id = $4)
      AND ($5::text IS NULL OR $5::varchar = ANY(r.formats))
      AND ($6::uuid[] IS NULL OR r.organisation_id = ANY($6::uuid[]))`;
    const params = [
      f.status,
      f.q === null ? null : containing(f.q),
      f.skill,
      f.regionId,
      f.format,
      f.organisationIds,
    ];
    const rows: (RequestRow & { total: number })[] = await this.db.query(
      `SELECT ${REQUEST_COLUMNS}, count(*) OVER ()::int AS total FROM ${REQUEST_FROM} WHERE ${where}
        ORDER BY r.created_at DESC, r.id LIMIT $7 OFFSET $8`,
      [...params, f.pageSize, (f.page - 1) * f.pageSize],
    );
    return { items: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
  }

  async insert(organisationId: string, authorId: string, r: RequestFields): Promise<string> {
    const [row] = await this.db.query(
      `INSERT INTO skill_request (organisation_id, author_id, title, why, expected_outcome, deadline, formats, region_id, skills, languages)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        organisationId,
        authorId,
        r.title,
        r.why,
        r.expectedOutcome,
        r.deadline,
        r.formats,
        r.regionId,
        r.skills,
        r.languages,
      ],
    );
    return row.id;
  }

  async update(id: string, r: RequestFields & { status: SkillPostStatus }): Promise<void> {
    await this.db.query(
      `UPDATE skill_request SET title = $2, why = $3, expected_outcome = $4, deadline = $5, formats = $6, region_id = $7,
              skills = $8, languages = $9, status = $10, updated_at = now()
        WHERE id = $1`,
      [
        id,
        r.title,
        r.why,
        r.expectedOutcome,
        r.deadline,
        r.formats,
        r.regionId,
        r.skills,
        r.languages,
        r.status,
      ],
    );
  }

  async organisationOf(id: string): Promise<string | null> {
    const rows = await this.db.query(`SELECT organisation_id FROM skill_request WHERE id = $1`, [id]);
    return rows[0]?.organisation_id ?? null;
  }

  /** Has the member an open offer (so they may propose a session to a request)? */
  async hasOpenOffer(userId: string): Promise<boolean> {
    return (
      (
        await this.db.query(`SELECT 1 FROM skill_offer WHERE author_id = $1 AND status = 'open' LIMIT 1`, [
          userId,
        ])
      ).length > 0
    );
  }

  async regionExists(id: string): Promise<boolean> {
    return (await this.db.query(`SELECT 1 FROM region WHERE id = $1`, [id])).length > 0;
  }
}
