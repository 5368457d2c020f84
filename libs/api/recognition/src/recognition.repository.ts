/**
 * Recognition in SQL: a contributor's counts and open offers, and the facts of an attestation,
 * each in one round trip.
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ContributionCounts, Language, LocalizedText, SkillRatingSummary } from '@pratique/contracts';
import { DataSource } from 'typeorm';
import { ContributorRef } from './contribution-rules';

/** The member as the visibility rules need them (`$1` is the member). */
const TARGET = `
  SELECT u.id, u.display_name, u.preferred_language,
         COALESCE(p.listed, true) AS listed,
         (u.deleted_at IS NOT NULL OR u.suspended_at IS NOT NULL) AS gone
    FROM app_user u LEFT JOIN member_profile p ON p.user_id = u.id
   WHERE u.id = $1`;

/**
 * What counts, one fragment per metric, each over `$1` (the member) and an optional instant range
 * `[$2, $3)` (null bounds: all time) on the date that places it in a period:
 *  - sessions given: `done` sessions of the member's offers (by start);
 *  - resources: the member's resources now `published` (by publication);
 *  - accepted answers: the member's replies accepted on a question of someone else (an answer
 *    to one's own question is no help to anyone), neither hidden (by the reply's date);
 *  - modules authored: `published` modules the member created (`module.created_by`, set when an
 *    animator creates it; the schema has no separate author), by publication.
 */
const IN_RANGE = (column: string) =>
  `($2::timestamptz IS NULL OR ${column} >= $2) AND ($3::timestamptz IS NULL OR ${column} < $3)`;
const SESSIONS_GIVEN = `
  SELECT ss.id, ss.starts_at, ss.ends_at, ss.request_id
    FROM skill_session ss JOIN skill_offer o ON o.id = ss.offer_id
   WHERE o.author_id = $1 AND ss.status = 'done' AND ${IN_RANGE('ss.starts_at')}`;
const RESOURCES_PUBLISHED = `
  SELECT count(*)::int FROM resource r
   WHERE r.author_id = $1 AND r.status = 'published' AND ${IN_RANGE('r.published_at')}`;
const ACCEPTED_ANSWERS = `
  SELECT count(*)::int FROM discussion_reply r JOIN discussion_thread th ON th.accepted_reply_id = r.id
   WHERE r.author_id = $1 AND th.kind = 'question' AND th.author_id <> r.author_id
     AND NOT r.hidden AND NOT th.hidden AND ${IN_RANGE('r.created_at')}`;
const MODULES_AUTHORED = `
  SELECT m.id, m.title, m.original_language FROM module m
   WHERE m.created_by = $1 AND m.status = 'published' AND ${IN_RANGE('m.published_at')}`;

export interface ContributorRow extends ContributorRef {
  displayName: string;
  counts: ContributionCounts;
  secondsGiven: number;
  offers: { id: string; title: string; rating: SkillRatingSummary }[];
}

export interface AttestationRow extends ContributorRef {
  displayName: string;
  preferredLanguage: Language;
  sessions: { startsAt: string; organisation: string; request: string; seconds: number }[];
  resourcesPublished: number;
  acceptedAnswers: number;
  modules: { title: LocalizedText; originalLanguage: Language }[];
}

@Injectable()
export class RecognitionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The member with their four counts (all time), the hours of the sessions they gave, and their
   * open offers with the organisations' rating averages (1 decimal) — one statement, every count
   * an aggregate over an index (`skill_offer_author_idx`, `resource_author_idx`, …). Null for an
   * unknown id.
   */
  async contributor(userId: string): Promise<ContributorRow | null> {
    const [row] = await this.db.query(
      `WITH target AS (${TARGET}),
            given AS (SELECT count(*)::int AS n,
                             COALESCE(sum(extract(epoch FROM g.ends_at - g.starts_at)), 0)::float8 AS seconds
                        FROM (${SESSIONS_GIVEN}) g)
       SELECT t.id, t.display_name AS "displayName", t.listed, t.gone,
              json_build_object(
                'sessionsGiven', given.n,
                'resourcesPublished', (${RESOURCES_PUBLISHED}),
                'acceptedAnswers', (${ACCEPTED_ANSWERS}),
                'modulesAuthored', (SELECT count(*)::int FROM (${MODULES_AUTHORED}) m)) AS counts,
              given.seconds AS "secondsGiven",
              (SELECT COALESCE(json_agg(json_build_object(
                        'id', o.id, 'title', o.title,
                        'rating', json_build_object('count', rt.n, 'usefulness', rt.usefulness, 'pedagogy', rt.pedagogy))
                      ORDER BY o.created_at DESC, o.id), '[]'::json)
                 FROM skill_offer o
                 CROSS JOIN LATERAL (
                   SELECT count(*)::int AS n, round(avg(x.usefulness), 1)::float8 AS usefulness,
                          round(avg(x.pedagogy), 1)::float8 AS pedagogy
                     FROM skill_session ss JOIN skill_session_rating x ON x.session_id = ss.id AND x.side = 'organisation'
                    WHERE ss.offer_id = o.id) rt
                WHERE o.author_id = $1 AND o.status = 'open') AS offers
         FROM target t, given`,
      [userId, null, null],
    );
    return row ?? null;
  }

  /**
   * What the attestation of `[start, end)` states, in one statement: the sessions given (oldest
   * first, with the organisation helped and its request), the resources published, the answers
   * accepted and the modules published in the period. Null for an unknown id.
   */
  async attestation(userId: string, start: Date, end: Date): Promise<AttestationRow | null> {
    const [row] = await this.db.query(
      `WITH target AS (${TARGET})
       SELECT t.id, t.display_name AS "displayName", t.preferred_language AS "preferredLanguage", t.listed, t.gone,
              (SELECT COALESCE(json_agg(json_build_object(
                        'startsAt', g.starts_at, 'organisation', org.name, 'request', rq.title,
                        'seconds', extract(epoch FROM g.ends_at - g.starts_at)::float8)
                      ORDER BY g.starts_at, g.id), '[]'::json)
                 FROM (${SESSIONS_GIVEN}) g
                 JOIN skill_request rq ON rq.id = g.request_id
                 JOIN organisation org ON org.id = rq.organisation_id) AS sessions,
              (${RESOURCES_PUBLISHED}) AS "resourcesPublished",
              (${ACCEPTED_ANSWERS}) AS "acceptedAnswers",
              (SELECT COALESCE(json_agg(json_build_object('title', m.title, 'originalLanguage', m.original_language)
                                        ORDER BY m.title->>m.original_language, m.id), '[]'::json)
                 FROM (${MODULES_AUTHORED}) m) AS modules
         FROM target t`,
      [userId, start, end],
    );
    return row ?? null;
  }
}
