/**
 * "For you" in SQL: one set-based statement per kind, `$1` the member, `$2` the limit. The
 * cheapest ways to the gates (CHEAPEST_WAYS_TO_GATES) are also what the member's home shows as
 * the seminars within reach.
 */
import { IN_AUDIENCE, MEETS_RULE, PERCENT } from '@pratique/api/seminars/sql';
import { ACTIVE_REGISTRATION } from '@pratique/contracts';

/** A member with one of these registrations is not pointed to the seminar again. */
const ACTIVE = `(${ACTIVE_REGISTRATION.map((s) => `'${s}'`).join(',')})`;

/** The regions a member belongs to: their home region and those of their organisations (`belongsToRegion`). */
const MY_REGIONS = `
  SELECT u.region_id FROM app_user u WHERE u.id = $1
  UNION
  SELECT o.region_id FROM membership mb JOIN organisation o ON o.id = mb.organisation_id WHERE mb.user_id = $1`;

/**
 * Is seminar `s` taking member `u`'s registration now, whatever the gate says? Open, inside its
 * registration window, not started, of a region the member belongs to (`$1`), with the member in
 * its audience (the gate's IN_AUDIENCE) and without an active registration to it. The member's
 * home lists the ones they meet (register now) and the ones they do not (within reach).
 */
export const TAKES_MY_REGISTRATION = (u: string, s: string) => `
  (${s}.status = 'open' AND ${s}.starts_at > now()
   AND ${s}.registration_opens_at <= now() AND ${s}.registration_closes_at > now()
   AND ${s}.region_id IN (${MY_REGIONS})
   AND ${IN_AUDIENCE(u, s)}
   AND NOT EXISTS (SELECT 1 FROM registration r
                    WHERE r.seminar_id = ${s}.id AND r.user_id = ${u}.id AND r.status IN ${ACTIVE}))`;

/**
 * The cheapest way to the gate of each seminar the member could register for but does not meet
 * yet: a CTE prefix (`$1` the member) shared by "For you" (MODULE_RECOMMENDATIONS) and the
 * member's home (the seminars within reach, libs/api/app homes.sql.ts), so both say the same.
 *
 * 1. `seminars`: the seminars taking the member's registration now (TAKES_MY_REGISTRATION) that
 *    the member does not yet meet (the gate's MEETS_RULE).
 * 2. `reqs`: per requirement, whether it is met (the gate's PERCENT ≥ min) and, for an unmet one
 *    on a published module, the lessons still needed: with R counted lessons (the required ones,
 *    or all when none is) and C of them completed, floor(C/R×100) ≥ m ⇔ 100·C ≥ m·R, so
 *    needed = max(0, ceil(m·R/100) − C), in integers: (m·R + 99) / 100 − C.
 * 3. `ranked`: the unmet requirements of each seminar cheapest first; the seminar still needs
 *    `still_needed` = k − met of them, and the cheapest way to its gate takes the first ones
 *    (`pick` ≤ `still_needed`).
 * 4. `ways`: each requirement with its seminar's `lessons_to_gate` (the sum over that cheapest
 *    way) and `learnable_unmet`; a seminar whose remaining requirements cannot all be learned
 *    (learnable_unmet < still_needed: an unpublished module) has no way and is left out by the
 *    statements that follow.
 */
export const CHEAPEST_WAYS_TO_GATES = `
  WITH me AS (SELECT u.* FROM app_user u WHERE u.id = $1),
  seminars AS (
    SELECT s.id, s.kind, s.title, s.original_language, s.starts_at, s.registration_closes_at, s.rule_k
      FROM seminar s, me u
     WHERE ${TAKES_MY_REGISTRATION('u', 's')}
       AND NOT ${MEETS_RULE('u', 's')}),
  reqs AS (
    SELECT s.id AS seminar_id, s.rule_k, q.module_id, q.position, m.status = 'published' AS learnable,
           ${PERCENT('e')} >= q.min_percent AS met,
           GREATEST(0, (q.min_percent * c.counted + 99) / 100 - c.completed)::int AS needed
      FROM seminars s
      JOIN seminar_requirement q ON q.seminar_id = s.id
      JOIN module m ON m.id = q.module_id
      LEFT JOIN enrollment e ON e.user_id = $1 AND e.module_id = q.module_id
      CROSS JOIN LATERAL (
        -- The counted lessons (DESIGN.md "Module completion") and how many the member completed.
        SELECT count(*)::int AS counted, count(p.lesson_id)::int AS completed
          FROM lesson l
          LEFT JOIN lesson_progress p ON p.lesson_id = l.id AND p.user_id = $1 AND p.status = 'completed'
         WHERE l.module_id = q.module_id
           AND (l.required OR NOT EXISTS (SELECT 1 FROM lesson r WHERE r.module_id = q.module_id AND r.required))) c),
  ranked AS (
    SELECT r.*,
           r.rule_k - count(*) FILTER (WHERE r.met) OVER (PARTITION BY r.seminar_id) AS still_needed,
           CASE WHEN NOT r.met AND r.learnable THEN
             row_number() OVER (PARTITION BY r.seminar_id, (NOT r.met AND r.learnable) ORDER BY r.needed, r.position, r.module_id)
           END AS pick
      FROM reqs r),
  ways AS (
    SELECT r.*, sum(r.needed) FILTER (WHERE r.pick <= r.still_needed) OVER (PARTITION BY r.seminar_id)::int AS lessons_to_gate,
           count(*) FILTER (WHERE r.pick IS NOT NULL) OVER (PARTITION BY r.seminar_id) AS learnable_unmet
      FROM ranked r)`;

/**
 * Modules that bring the member closest to a seminar's gate (`$2` the limit): the modules on the
 * cheapest ways (CHEAPEST_WAYS_TO_GATES), each with lessonsToGate = the sum over its way; a
 * module on the way to several seminars keeps its best (fewest lessons to the gate, then fewest
 * in the module, then the earliest seminar).
 */
export const MODULE_RECOMMENDATIONS = `${CHEAPEST_WAYS_TO_GATES},
  chosen AS (
    SELECT DISTINCT ON (w.module_id) w.module_id, w.seminar_id, w.lessons_to_gate, w.needed AS lessons_in_module, s.starts_at
      FROM ways w JOIN seminars s ON s.id = w.seminar_id
     WHERE w.pick <= w.still_needed AND w.learnable_unmet >= w.still_needed
     ORDER BY w.module_id, w.lessons_to_gate, w.needed, s.starts_at, s.id)
  SELECT 'module' AS kind,
         json_build_object('id', m.id, 'title', m.title, 'originalLanguage', m.original_language) AS module,
         json_build_object('id', s.id, 'title', s.title, 'originalLanguage', s.original_language, 'startsAt', s.starts_at) AS seminar,
         c.lessons_to_gate AS "lessonsToGate", c.lessons_in_module AS "lessonsInModule"
    FROM chosen c JOIN module m ON m.id = c.module_id JOIN seminars s ON s.id = c.seminar_id
   ORDER BY c.lessons_to_gate, c.lessons_in_module, c.starts_at, s.id, m.id
   LIMIT $2`;

/**
 * Spaces the member could join (open; national, or of a region they belong to — Policy.joinSpace)
 * and is not in, whose title or description (any language) or thematic axis — a space's only
 * tag in the schema — holds one of the member's skills or interests, case-insensitively.
 * `matching` lists those skills and interests in the member's order; most matches first.
 */
export const SPACE_RECOMMENDATIONS = `
  WITH terms AS (
    SELECT DISTINCT ON (lower(t.term)) t.term, lower(t.term) AS needle, t.ord
      FROM member_profile p, unnest(p.skills || p.interests) WITH ORDINALITY AS t(term, ord)
     WHERE p.user_id = $1 AND btrim(t.term) <> ''
     ORDER BY lower(t.term), t.ord),
  candidates AS (
    SELECT s.* FROM space s
     WHERE s.status = 'open'
       AND (s.scope = 'national' OR s.region_id IN (${MY_REGIONS}))
       AND NOT EXISTS (SELECT 1 FROM space_member sm WHERE sm.space_id = s.id AND sm.user_id = $1)),
  matches AS (
    SELECT s.id, array_agg(t.term ORDER BY t.ord) AS matching
      FROM candidates s
      JOIN terms t ON strpos(lower(replace(s.axis, '_', ' ')), t.needle) > 0
                   OR EXISTS (SELECT 1 FROM jsonb_each_text(s.title) x WHERE strpos(lower(x.value), t.needle) > 0)
                   OR EXISTS (SELECT 1 FROM jsonb_each_text(s.description) x WHERE strpos(lower(x.value), t.needle) > 0)
     GROUP BY s.id)
  SELECT 'space' AS kind,
         json_build_object('id', s.id, 'slug', s.slug, 'title', s.title, 'originalLanguage', s.original_language) AS space,
         m.matching
    FROM matches m JOIN space s ON s.id = m.id
   ORDER BY cardinality(m.matching) DESC, s.title->>s.original_language, s.id
   LIMIT $2`;

/**
 * Open requests that share at least one skill with one of the member's open offers, of an
 * organisation the member does not belong to. Each request comes with the offer sharing the most
 * skills with it (then the newest offer) and those skills, in the request's order; most shared
 * first, then the newest request.
 */
export const REQUEST_RECOMMENDATIONS = `
  WITH offers AS (
    SELECT o.id, o.title, o.skills, o.created_at FROM skill_offer o WHERE o.author_id = $1 AND o.status = 'open'),
  pairs AS (
    SELECT DISTINCT ON (r.id) r.id AS request_id, o.id AS offer_id, o.title AS offer_title, shared.skills
      FROM skill_request r
      JOIN offers o ON o.skills && r.skills
      CROSS JOIN LATERAL (
        SELECT ARRAY(SELECT x.skill FROM unnest(r.skills) WITH ORDINALITY AS x(skill, ord)
                      WHERE x.skill = ANY(o.skills) ORDER BY x.ord) AS skills) shared
     WHERE r.status = 'open'
       AND NOT EXISTS (SELECT 1 FROM membership mb WHERE mb.user_id = $1 AND mb.organisation_id = r.organisation_id)
     ORDER BY r.id, cardinality(shared.skills) DESC, o.created_at DESC, o.id)
  SELECT 'request' AS kind,
         json_build_object('id', r.id, 'title', r.title, 'organisation', json_build_object('id', org.id, 'name', org.name)) AS request,
         json_build_object('id', p.offer_id, 'title', p.offer_title) AS offer,
         p.skills
    FROM pairs p JOIN skill_request r ON r.id = p.request_id JOIN organisation org ON org.id = r.organisation_id
   ORDER BY cardinality(p.skills) DESC, r.created_at DESC, r.id
   LIMIT $2`;
