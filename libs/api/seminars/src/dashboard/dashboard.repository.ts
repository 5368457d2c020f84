import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DashboardPage, DashboardQuery, DashboardRow, DashboardStatus } from '@pratique/contracts';
import { DataSource } from 'typeorm';
import { IN_AUDIENCE, PERCENT } from '../eligibility/audience.sql';

/** The orders the dashboard offers, over the board's alias `b` (always ending with the user id, so pages never overlap). */
const SORTS = {
  name: (b: string) => `${b}.display_name, ${b}.user_id`,
  met: (b: string) => `${b}.met DESC, ${b}.display_name, ${b}.user_id`,
  status: (b: string) => `CASE ${b}.status WHEN 'eligible' THEN 0 WHEN 'in_progress' THEN 1 ELSE 2 END, ${b}.met DESC, ${b}.display_name, ${b}.user_id`,
} as const;

/**
 * The staff dashboard, set-wise: every member of the seminar's audience × every requirement,
 * joined to enrollments, grouped per member (met count, status, percents), with their
 * registration. One statement over the whole audience; filters, sort and page apply on top.
 */
const DASHBOARD_CTE = `
  WITH s AS (SELECT * FROM seminar WHERE id = $1),
  audience AS (SELECT u.id, u.display_name FROM app_user u, s WHERE ${IN_AUDIENCE('u', 's')}),
  cells AS (
    SELECT a.id AS user_id, q.module_id, q.min_percent, q.position, ${PERCENT('e')} AS pct
      FROM audience a
      CROSS JOIN seminar_requirement q
      LEFT JOIN enrollment e ON e.user_id = a.id AND e.module_id = q.module_id
     WHERE q.seminar_id = $1),
  per_member AS (
    SELECT user_id, count(*) FILTER (WHERE pct >= min_percent)::int AS met, bool_or(pct > 0) AS started,
           json_agg(json_build_object('moduleId', module_id, 'percent', pct) ORDER BY position, module_id) AS percents
      FROM cells GROUP BY user_id),
  board AS (
    SELECT a.id AS user_id, a.display_name, COALESCE(p.met, 0) AS met, COALESCE(p.percents, '[]'::json) AS percents,
           CASE WHEN COALESCE(p.met, 0) >= s.rule_k THEN 'eligible'
                WHEN COALESCE(p.started, false) THEN 'in_progress' ELSE 'not_started' END AS status,
           s.rule_k > 0 AND COALESCE(p.met, 0) = s.rule_k - 1 AS one_away,
           r.status AS registration, r.id AS registration_id
      FROM audience a CROSS JOIN s
      LEFT JOIN per_member p ON p.user_id = a.id
      LEFT JOIN registration r ON r.seminar_id = s.id AND r.user_id = a.id)`;

const FILTER = `
  WHERE ($2::text IS NULL OR status = $2)
    AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM membership mb WHERE mb.user_id = board.user_id AND mb.organisation_id = $3))
    AND (NOT $4::boolean OR one_away)
    AND ($5::text IS NULL OR ($5 = 'none' AND registration IS NULL) OR registration = $5)`;

/** A row's columns; the organisation names are read per row listed (a page, or the CSV's batches), never for the whole audience. */
const ROW_COLUMNS = (b: string) => `${b}.user_id AS "userId", ${b}.display_name AS "displayName",
  ARRAY(SELECT o.name FROM membership mb JOIN organisation o ON o.id = mb.organisation_id WHERE mb.user_id = ${b}.user_id ORDER BY o.name) AS organisations,
  ${b}.status, ${b}.met, ${b}.one_away AS "oneAway", ${b}.percents, ${b}.registration, ${b}.registration_id AS "registrationId"`;

@Injectable()
export class DashboardRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * One page, its filtered total and the unfiltered counts, in one statement: the board is
   * computed once (a CTE used twice is materialised) and the page joins the counts, so an empty
   * page still carries them.
   */
  async page(seminarId: string, q: Required<Pick<DashboardQuery, 'page' | 'pageSize' | 'sort'>> & DashboardQuery) {
    const rows: (DashboardRow & { total: number | null; eligible: number; in_progress: number; not_started: number })[] = await this.db.query(
      `${DASHBOARD_CTE},
       counts AS (
         SELECT count(*) FILTER (WHERE status = 'eligible')::int AS eligible,
                count(*) FILTER (WHERE status = 'in_progress')::int AS in_progress,
                count(*) FILTER (WHERE status = 'not_started')::int AS not_started
           FROM board),
       page AS (
         SELECT board.*, count(*) OVER ()::int AS total FROM board ${FILTER}
          ORDER BY ${SORTS[q.sort]('board')} LIMIT $6 OFFSET $7)
       SELECT ${ROW_COLUMNS('page')}, page.total, counts.*
         FROM counts LEFT JOIN page ON true
        ORDER BY ${SORTS[q.sort]('page')}`,
      [seminarId, q.status ?? null, q.organisationId ?? null, q.oneAway === true, q.registration ?? null, q.pageSize, (q.page - 1) * q.pageSize],
    );
    const { eligible, in_progress, not_started } = rows[0];
    const listed = rows.filter((r) => r.userId !== null);
    return {
      items: listed.map(({ total: _t, eligible: _e, in_progress: _i, not_started: _n, ...r }) => r as DashboardRow),
      total: listed[0]?.total ?? 0,
      counts: { eligible, in_progress, not_started } as Record<DashboardStatus, number>,
    };
  }

  /** The rule's modules in order, with titles (the dashboard's columns). */
  modules(seminarId: string): Promise<DashboardPage['modules']> {
    return this.db.query(
      `SELECT q.module_id AS "moduleId", m.title, m.original_language AS "originalLanguage", q.min_percent AS "minPercent"
         FROM seminar_requirement q JOIN module m ON m.id = q.module_id
        WHERE q.seminar_id = $1 ORDER BY q.position, q.module_id`,
      [seminarId],
    );
  }

  /** Every row matching the filters, streamed from PostgreSQL in batches (for the CSV export). */
  async *stream(seminarId: string, q: DashboardQuery & { sort: keyof typeof SORTS }, batch = 2000): AsyncGenerator<DashboardRow[]> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query(
        `DECLARE dashboard_cursor NO SCROLL CURSOR FOR ${DASHBOARD_CTE}
         SELECT ${ROW_COLUMNS('board')} FROM board ${FILTER} ORDER BY ${SORTS[q.sort]('board')}`,
        [seminarId, q.status ?? null, q.organisationId ?? null, q.oneAway === true, q.registration ?? null],
      );
      for (;;) {
        const rows: DashboardRow[] = await runner.query(`FETCH ${batch} FROM dashboard_cursor`);
        if (!rows.length) break;
        yield rows;
      }
      await runner.commitTransaction();
    } catch (err) {
      await runner.rollbackTransaction().catch(() => undefined);
      throw err;
    } finally {
      await runner.release();
    }
  }
}
