/**
 * The ids the benchmark scenarios start from, chosen once the data is in: sample members (several
 * enrollments, in the audience of open seminars, by the product's own audience SQL), lessons they
 * may record progress on, the whole-audience seminar's figures, and the rows of every table.
 */
import { Client } from 'pg';
import { IN_AUDIENCE, MEETS_RULE } from '@pratique/api/seminars/sql';
import { SampleLesson, SampleMember } from './manifest';
import { World } from './world';

const SEMINARS_PER_MEMBER = 5;

export async function sampleMembers(w: World): Promise<SampleMember[]> {
  const { rows } = await w.db.query<{ user_id: string; enrollments: number; seminar_ids: string[] }>(
    `WITH cand AS (
       SELECT user_id, count(*)::int AS enrollments FROM enrollment GROUP BY user_id
        ORDER BY LEAST(count(*), 3) DESC, random() LIMIT $1)
     SELECT c.user_id, c.enrollments,
            ARRAY(SELECT s.id FROM seminar s
                   WHERE s.status = 'open' AND s.id <> $2 AND ${IN_AUDIENCE('u', 's')}
                   ORDER BY random() LIMIT ${SEMINARS_PER_MEMBER}) AS seminar_ids
       FROM cand c JOIN app_user u ON u.id = c.user_id`,
    [w.plan.sampleMembers * 3, w.wholeAudienceSeminarId],
  );
  // Several enrollments first, then those with seminars of their own; the whole-audience seminar
  // stands in only for a member in no other audience (tiny scales).
  rows.sort(
    (a, b) =>
      Math.min(b.enrollments, 3) - Math.min(a.enrollments, 3) ||
      Number(b.seminar_ids.length > 0) - Number(a.seminar_ids.length > 0),
  );
  return rows.slice(0, w.plan.sampleMembers).map((r) => ({
    userId: r.user_id,
    seminarIds: r.seminar_ids.length ? r.seminar_ids : [w.wholeAudienceSeminarId],
  }));
}

/** One lesson per member (distinct members): the first lesson they have not completed of a module of one of their spaces. */
export async function sampleLessons(w: World): Promise<SampleLesson[]> {
  const { rows } = await w.db.query<SampleLesson>(
    `SELECT DISTINCT ON (sm.user_id) sm.user_id AS "userId", l.id AS "lessonId", l.module_id AS "moduleId", sm.space_id AS "spaceId", l.kind
       FROM (SELECT user_id, space_id FROM space_member ORDER BY random() LIMIT $1) sm
       CROSS JOIN LATERAL (SELECT m.id FROM module m WHERE m.space_id = sm.space_id AND m.status = 'published' ORDER BY random() LIMIT 1) m
       CROSS JOIN LATERAL (
             SELECT l.id, l.module_id, l.kind FROM lesson l
              WHERE l.module_id = m.id AND l.kind IN ('page', 'video', 'file')
                AND NOT EXISTS (SELECT 1 FROM lesson_progress p WHERE p.user_id = sm.user_id AND p.lesson_id = l.id AND p.status = 'completed')
              ORDER BY l.position LIMIT 1) l
      ORDER BY sm.user_id`,
    [w.plan.sampleLessons * 3],
  );
  return w.rng.sample(rows, w.plan.sampleLessons);
}

export async function wholeAudience(
  db: Client,
  seminarId: string,
): Promise<{ members: number; eligible: number }> {
  const [row] = (
    await db.query(
      `SELECT count(*)::int AS members, count(*) FILTER (WHERE ${MEETS_RULE('u', 's')})::int AS eligible
         FROM app_user u, seminar s WHERE s.id = $1 AND ${IN_AUDIENCE('u', 's')}`,
      [seminarId],
    )
  ).rows;
  return row;
}

export async function tableCounts(db: Client): Promise<Record<string, number>> {
  const { rows: tables } = await db.query<{ t: string }>(
    `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const { rows } = await db.query<{ t: string; n: number }>(
    tables
      .map(({ t }) => `SELECT ${db.escapeLiteral(t)} AS t, count(*)::int AS n FROM ${db.escapeIdentifier(t)}`)
      .join(' UNION ALL '),
  );
  return Object.fromEntries(rows.sort((a, b) => a.t.localeCompare(b.t)).map((r) => [r.t, r.n]));
}
