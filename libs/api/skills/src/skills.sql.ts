/**
 * SQL fragments written once for offers and requests: the columns of a `SkillOffer` /
 * `SkillRequest` (without the caller-dependent `can` and `flagged`), and the offer's rating summary.
 */

/**
 * The offer's rating summary: the ratings given by the organisation side of the offer's done
 * sessions, averaged and rounded to one decimal (null until rated), and how many there are.
 */
export const OFFER_RATING_JOIN = `
  LEFT JOIN LATERAL (
    SELECT count(*)::int AS count,
           round(avg(sr.usefulness), 1)::float8 AS usefulness,
           round(avg(sr.pedagogy), 1)::float8 AS pedagogy
      FROM skill_session ss
      JOIN skill_session_rating sr ON sr.session_id = ss.id AND sr.side = 'organisation'
     WHERE ss.offer_id = o.id AND ss.status = 'done') rt ON true`;

/** Columns of an offer `o` joined with its author `u` and `OFFER_RATING_JOIN`. */
export const OFFER_COLUMNS = `
  o.id, json_build_object('id', o.author_id, 'displayName', u.display_name) AS author,
  o.title, o.description, o.skills, o.formats, o.availability, o.languages,
  o.region_id AS "regionId", o.status,
  json_build_object('count', rt.count, 'usefulness', rt.usefulness, 'pedagogy', rt.pedagogy) AS rating,
  o.created_at AS "createdAt"`;

export const OFFER_FROM = `skill_offer o JOIN app_user u ON u.id = o.author_id ${OFFER_RATING_JOIN}`;

/** Columns of a request `r` joined with its organisation `org` and author `u` (left: the author may be gone). */
export const REQUEST_COLUMNS = `
  r.id, json_build_object('id', org.id, 'name', org.name) AS organisation,
  json_build_object('id', r.author_id, 'displayName', coalesce(u.display_name, '')) AS author,
  r.title, r.why, r.expected_outcome AS "expectedOutcome", to_char(r.deadline, 'YYYY-MM-DD') AS deadline,
  r.formats, r.region_id AS "regionId", r.skills, r.languages, r.status, r.created_at AS "createdAt"`;

export const REQUEST_FROM = `skill_request r JOIN organisation org ON org.id = r.organisation_id LEFT JOIN app_user u ON u.id = r.author_id`;

/** An offer is listed and suggested only while its author's account is active. */
export const ACTIVE_AUTHOR = `u.deleted_at IS NULL AND u.suspended_at IS NULL`;

/** `%text%` for ILIKE, the text's own wildcards escaped. */
export const containing = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
