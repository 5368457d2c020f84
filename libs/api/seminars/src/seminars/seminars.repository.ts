import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { preparedQuery } from '@pratique/api/platform';
import { SeminarSummary } from '@pratique/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { IN_AUDIENCE, PERCENT } from '../eligibility/audience.sql';
import { SeminarListQuery } from '@pratique/contracts';

/** Columns of a seminar summary for caller $1 (null when anonymous), with their eligibility badge. */
const SUMMARY = `
  s.id, s.kind, s.title, s.description, s.original_language AS "originalLanguage", s.region_id AS "regionId",
  s.space_id AS "spaceId", s.venue, s.address, s.online_url AS "onlineUrl", s.starts_at AS "startsAt", s.ends_at AS "endsAt",
  s.capacity, s.seats_taken AS "seatsTaken",
  (SELECT count(*)::int FROM registration w WHERE w.seminar_id = s.id AND w.status = 'waitlisted') AS "waitlistCount",
  s.registration_opens_at AS "registrationOpensAt", s.registration_closes_at AS "registrationClosesAt",
  s.audience, s.audience_organisation_ids AS "audienceOrganisationIds", s.requires_confirmation AS "requiresConfirmation",
  s.status,
  -- The rule and the caller's met count in one pass over the requirements (split by toSummary).
  s.rule_k AS "ruleK",
  (SELECT json_build_object(
            'requirements', COALESCE(json_agg(json_build_object('moduleId', q.module_id, 'minPercent', q.min_percent) ORDER BY q.position, q.module_id), '[]'::json),
            'met', count(*) FILTER (WHERE ${PERCENT('e')} >= q.min_percent))
     FROM seminar_requirement q
     LEFT JOIN enrollment e ON e.module_id = q.module_id AND e.user_id = $1
    WHERE q.seminar_id = s.id) AS "requirementsMet",
  CASE WHEN $1::uuid IS NULL THEN NULL ELSE
    COALESCE((SELECT ${IN_AUDIENCE('u', 's')} FROM app_user u WHERE u.id = $1), false)
  END AS "inAudience",
  (SELECT r.status FROM registration r WHERE r.seminar_id = s.id AND r.user_id = $1) AS "myRegistration",
  (SELECT (SELECT count(*)::int FROM registration w WHERE w.seminar_id = r.seminar_id AND w.status = 'waitlisted' AND w.queue_seq <= r.queue_seq)
     FROM registration r WHERE r.seminar_id = s.id AND r.user_id = $1 AND r.status = 'waitlisted') AS "myWaitlistPosition"`;

/** Beyond the published seminars of the caller's regions and spaces: the regions they manage, or all (admins). */
export interface SeminarScope {
  regionIds: string[];
  manageRegionIds: string[];
  all: boolean;
}

interface SummaryRow extends Omit<SeminarSummary, 'rule' | 'myEligible' | 'myMet'> {
  ruleK: number;
  requirementsMet: { requirements: SeminarSummary['rule']['requirements']; met: number };
  inAudience: boolean | null;
}

/** The row as the API answers it: the rule, and (for a signed-in caller) eligible and met. */
function toSummary({ ruleK, requirementsMet, inAudience, ...rest }: SummaryRow): SeminarSummary {
  const signedIn = inAudience !== null;
  return {
    ...rest,
    rule: { k: ruleK, requirements: requirementsMet.requirements },
    myEligible: signedIn ? inAudience && requirementsMet.met >= ruleK : null,
    myMet: signedIn ? requirementsMet.met : null,
  };
}

@Injectable()
export class SeminarsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async summary(
    userId: string | null,
    seminarId: string,
    tx: EntityManager | DataSource = this.db,
  ): Promise<SeminarSummary | null> {
    const rows = await preparedQuery<SummaryRow>(tx, `SELECT ${SUMMARY} FROM seminar s WHERE s.id = $2`, [
      userId,
      seminarId,
    ]);
    return rows[0] ? toSummary(rows[0]) : null;
  }

  /** Several seminars' summaries in one statement (any order; missing ids are left out). */
  async summaries(userId: string | null, seminarIds: readonly string[]): Promise<SeminarSummary[]> {
    if (!seminarIds.length) return [];
    const rows = await preparedQuery<SummaryRow>(
      this.db,
      `SELECT ${SUMMARY} FROM seminar s WHERE s.id = ANY($2::uuid[])`,
      [userId, seminarIds],
    );
    return rows.map(toSummary);
  }

  /**
   * Upcoming seminars the caller may see, soonest first. Without a region or space filter a
   * member sees those of their regions and spaces; staff also see their regions' drafts.
   */
  async list(
    userId: string,
    query: SeminarListQuery & { page: number; pageSize: number },
    scope: SeminarScope,
  ): Promise<{ items: SeminarSummary[]; total: number }> {
    // Prepared: planned once per connection, not per request.
    const rows = await preparedQuery<SummaryRow & { total: number }>(
      this.db,
      `SELECT ${SUMMARY}, count(*) OVER ()::int AS total
         FROM seminar s
        WHERE (s.status <> 'draft' OR s.region_id = ANY($2::uuid[]) OR $3)
          AND ($4::text IS NULL OR s.kind = $4)
          AND ($5::uuid IS NULL OR s.region_id = $5)
          AND ($6::uuid IS NULL OR s.space_id = $6)
          AND s.ends_at >= COALESCE($7::timestamptz, now())
          AND ($8::timestamptz IS NULL OR s.starts_at <= $8)
          AND ($5::uuid IS NOT NULL OR $6::uuid IS NOT NULL OR $3
               OR s.region_id = ANY($9::uuid[]) OR s.region_id = ANY($2::uuid[])
               OR EXISTS (SELECT 1 FROM space_member sm WHERE sm.user_id = $1 AND sm.space_id = s.space_id))
        ORDER BY s.starts_at, s.id
        LIMIT $10 OFFSET $11`,
      [
        userId,
        scope.manageRegionIds,
        scope.all,
        query.kind ?? null,
        query.regionId ?? null,
        query.spaceId ?? null,
        query.from ?? null,
        query.to ?? null,
        scope.regionIds,
        query.pageSize,
        (query.page - 1) * query.pageSize,
      ],
    );
    return { items: rows.map(({ total: _t, ...s }) => toSummary(s)), total: rows[0]?.total ?? 0 };
  }

  /**
   * The next `count` seminars the caller may see — the same as the first page of `list` without
   * filters, for the member's home. No total to count, and a plan made once for every member (the
   * count is part of the statement, not a parameter): the scan walks the `(starts_at, id)` index
   * and stops at the last seminar shown, where the list's plan reads and sorts every seminar.
   */
  async upcoming(userId: string, count: number, scope: SeminarScope): Promise<SeminarSummary[]> {
    if (!Number.isInteger(count) || count < 1)
      throw new Error(`upcoming: count must be a positive integer, got ${count}`);
    const rows = await preparedQuery<SummaryRow>(
      this.db,
      `SELECT ${SUMMARY}
         FROM seminar s
        WHERE (s.status <> 'draft' OR s.region_id = ANY($2::uuid[]) OR $3)
          AND s.ends_at >= now()
          AND ($3 OR s.region_id = ANY($4::uuid[]) OR s.region_id = ANY($2::uuid[])
               OR EXISTS (SELECT 1 FROM space_member sm WHERE sm.user_id = $1 AND sm.space_id = s.space_id))
        ORDER BY s.starts_at, s.id
        LIMIT ${count}`,
      [userId, scope.manageRegionIds, scope.all, scope.regionIds],
    );
    return rows.map(toSummary);
  }

  /** Of the given module ids, those that are not published (or do not exist). */
  async unpublishedModules(moduleIds: string[], tx: EntityManager): Promise<string[]> {
    if (!moduleIds.length) return [];
    const rows: { id: string }[] = await tx.query(
      `SELECT id FROM module WHERE id = ANY($1::uuid[]) AND status = 'published'`,
      [moduleIds],
    );
    const ok = new Set(rows.map((r) => r.id));
    return moduleIds.filter((id) => !ok.has(id));
  }

  async replaceRequirements(
    seminarId: string,
    requirements: { moduleId: string; minPercent: number }[],
    tx: EntityManager,
  ): Promise<void> {
    await tx.query(`DELETE FROM seminar_requirement WHERE seminar_id = $1`, [seminarId]);
    if (!requirements.length) return;
    await tx.query(
      `INSERT INTO seminar_requirement (seminar_id, module_id, min_percent, position)
       SELECT $1, r.module_id, r.min_percent, r.position
         FROM jsonb_to_recordset($2::jsonb) AS r(module_id uuid, min_percent int, position int)`,
      [
        seminarId,
        JSON.stringify(
          requirements.map((r, i) => ({ module_id: r.moduleId, min_percent: r.minPercent, position: i })),
        ),
      ],
    );
  }
}
