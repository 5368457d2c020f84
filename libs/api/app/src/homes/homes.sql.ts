/**
 * The three home screens in SQL (issue 10): each list is one set-based statement, never a loop
 * over members. The member's lists reuse the cheapest ways to the gates of "For you"
 * (CHEAPEST_WAYS_TO_GATES) and the gate's fragments (`@pratique/api/seminars/sql`), so the
 * home, "For you", the single check and the staff dashboard give the same answers.
 */
import { CHEAPEST_WAYS_TO_GATES, TAKES_MY_REGISTRATION } from '@pratique/api/recommendations';
import { IN_AUDIENCE, MEETS_RULE, PERCENT } from '@pratique/api/seminars/sql';
import {
  ACTIVE_REGISTRATION,
  ELIGIBILITY_WEEKS,
  HOME_LIST_LIMIT,
  SEMINAR_OUTLOOK_LIMIT,
} from '@pratique/contracts';

/** A member with one of these registrations is not counted as someone to call. */
const ACTIVE = `(${ACTIVE_REGISTRATION.map((s) => `'${s}'`).join(',')})`;

/** The counted lessons of module `m` (DESIGN.md "Module completion"): the required ones, or all when none is. */
const COUNTED_LESSON = (l: string, m: string) =>
  `(${l}.required OR NOT EXISTS (SELECT 1 FROM lesson r WHERE r.module_id = ${m} AND r.required))`;

// ── Member ($1 = the member) ────────────────────────────────────────────────────────────────

/**
 * Seminars the member may register for right now and meets the gate of (MEETS_RULE): the ids,
 * soonest first; their summaries are the seminars lib's own (`SeminarsService`).
 */
export const SEMINARS_TO_REGISTER_NOW = `
  SELECT s.id
    FROM seminar s, app_user u
   WHERE u.id = $1
     AND ${TAKES_MY_REGISTRATION('u', 's')}
     AND ${MEETS_RULE('u', 's')}
   ORDER BY s.starts_at, s.id
   LIMIT ${SEMINAR_OUTLOOK_LIMIT}`;

/**
 * Seminars the member may register for but does not meet yet, each with the cheapest way to its
 * gate (CHEAPEST_WAYS_TO_GATES, the computation behind "For you"): met / k / n, the lessons to
 * the gate and the steps — the k − met unmet learnable requirements needing the fewest lessons,
 * each with the first counted lesson not completed (lesson order), where "continue" leads.
 * A seminar whose remaining requirements cannot all be learned is left out. Fewest lessons to
 * the gate first, then the soonest.
 */
export const SEMINARS_WITHIN_REACH = `${CHEAPEST_WAYS_TO_GATES}
  SELECT s.id, s.kind, s.title, s.original_language AS "originalLanguage", s.starts_at AS "startsAt",
         s.registration_closes_at AS "registrationClosesAt",
         (s.rule_k - max(w.still_needed))::int AS met, s.rule_k AS k, count(*)::int AS n,
         max(w.lessons_to_gate)::int AS "lessonsToGate",
         json_agg(json_build_object('moduleId', w.module_id, 'title', m.title, 'originalLanguage', m.original_language,
                                    'lessons', w.needed, 'continueLessonId', next.id) ORDER BY w.pick)
           FILTER (WHERE w.pick <= w.still_needed) AS steps
    FROM ways w
    JOIN seminars s ON s.id = w.seminar_id
    JOIN module m ON m.id = w.module_id
    LEFT JOIN LATERAL (
      SELECT l.id FROM lesson l
       WHERE w.pick <= w.still_needed
         AND l.module_id = w.module_id AND ${COUNTED_LESSON('l', 'w.module_id')}
         AND NOT EXISTS (SELECT 1 FROM lesson_progress p WHERE p.lesson_id = l.id AND p.user_id = $1 AND p.status = 'completed')
       ORDER BY l.position
       LIMIT 1) next ON true
   GROUP BY s.id, s.kind, s.title, s.original_language, s.starts_at, s.registration_closes_at, s.rule_k
  HAVING max(w.learnable_unmet) >= max(w.still_needed)
   ORDER BY "lessonsToGate", s.starts_at, s.id
   LIMIT ${SEMINAR_OUTLOOK_LIMIT}`;

// ── Animator ($1 = the ids of the spaces the caller animates) ──────────────────────────────

/** Per animated space: its members and what waits for the animator; most waiting work first. */
export const ANIMATED_SPACES = `
  SELECT x.* FROM (
    SELECT sp.id, sp.slug, sp.title, sp.original_language AS "originalLanguage",
           (SELECT count(*)::int FROM space_member sm WHERE sm.space_id = sp.id) AS members,
           (SELECT count(*)::int FROM resource r WHERE r.space_id = sp.id AND r.status = 'pending') AS "pendingResources",
           (SELECT count(*)::int FROM resource_report rr JOIN resource r ON r.id = rr.resource_id
             WHERE r.space_id = sp.id AND rr.status = 'open') AS "openReports",
           (SELECT count(*)::int FROM discussion_thread t
             WHERE t.space_id = sp.id AND t.kind = 'question' AND NOT t.hidden
               AND NOT EXISTS (SELECT 1 FROM discussion_reply r WHERE r.thread_id = t.id)) AS "unansweredQuestions"
      FROM space sp
     WHERE sp.id = ANY($1::uuid[])) x
   ORDER BY x."pendingResources" + x."openReports" + x."unansweredQuestions" DESC, x.title->>x."originalLanguage", x.id`;

/**
 * The published and draft modules of the animated spaces with their learners (enrollment rows)
 * by effective percent (the gate's PERCENT: a completed module stays at 100): below 50, from 50,
 * completed; the floored mean percent (0 without learners). Most learners first.
 */
export const ANIMATED_MODULES = `
  SELECT m.id AS "moduleId", sp.slug AS "spaceSlug", m.title, m.original_language AS "originalLanguage", m.status,
         count(e.user_id)::int AS learners,
         count(e.user_id) FILTER (WHERE ${PERCENT('e')} < 50)::int AS below50,
         count(e.user_id) FILTER (WHERE ${PERCENT('e')} >= 50 AND ${PERCENT('e')} < 100)::int AS from50,
         count(e.user_id) FILTER (WHERE ${PERCENT('e')} = 100)::int AS completed,
         COALESCE(floor(avg(${PERCENT('e')}) FILTER (WHERE e.user_id IS NOT NULL)), 0)::int AS "averagePercent"
    FROM module m
    JOIN space sp ON sp.id = m.space_id
    LEFT JOIN enrollment e ON e.module_id = m.id
   WHERE m.space_id = ANY($1::uuid[]) AND m.status IN ('published', 'draft')
   GROUP BY m.id, sp.slug
   ORDER BY learners DESC, m.title->>m.original_language, m.id
   LIMIT ${HOME_LIST_LIMIT * 2}`;

/** Visible questions of the animated spaces without any reply, the ones waiting longest first. */
export const UNANSWERED_QUESTIONS = `
  SELECT t.id AS "threadId", sp.slug AS "spaceSlug", sp.title AS "spaceTitle", sp.original_language AS "spaceOriginalLanguage",
         t.title, u.display_name AS "authorName", t.created_at AS "createdAt"
    FROM discussion_thread t
    JOIN space sp ON sp.id = t.space_id
    JOIN app_user u ON u.id = t.author_id
   WHERE t.space_id = ANY($1::uuid[]) AND t.kind = 'question' AND NOT t.hidden
     AND NOT EXISTS (SELECT 1 FROM discussion_reply r WHERE r.thread_id = t.id)
   ORDER BY t.created_at, t.id
   LIMIT ${HOME_LIST_LIMIT * 2}`;

// ── Staff ($1 = the region ids, $2 = every region: an admin) ───────────────────────────────

/** The seminars of the caller's regions. */
const OF_MY_REGIONS = (s: string) => `($2::boolean OR ${s}.region_id = ANY($1::uuid[]))`;
/** Upcoming: not cancelled nor done, not started. */
const UPCOMING = (s: string) => `${s}.status NOT IN ('cancelled', 'done') AND ${s}.starts_at > now()`;

export const STAFF_REGIONS = `
  SELECT g.id, g.name FROM region g WHERE $2::boolean OR g.id = ANY($1::uuid[]) ORDER BY g.name, g.id`;

/**
 * The upcoming seminars of the regions, soonest first, with the seats held (`seats_taken`, as
 * every seminar summary and the dashboard count them), the waiting list, and the members to
 * call: audience members (IN_AUDIENCE) who meet the gate (MEETS_RULE) and have no active
 * registration — the dashboard's eligible count minus the eligible who are registered.
 */
export const STAFF_SEMINARS = `
  WITH upcoming AS (
    SELECT s.* FROM seminar s
     WHERE ${OF_MY_REGIONS('s')} AND ${UPCOMING('s')}
     ORDER BY s.starts_at, s.id
     LIMIT ${HOME_LIST_LIMIT * 2})
  SELECT s.id, s.kind, s.title, s.original_language AS "originalLanguage", s.region_id AS "regionId", s.status,
         s.starts_at AS "startsAt", s.registration_closes_at AS "registrationClosesAt", s.capacity,
         s.seats_taken AS "seatsTaken",
         (SELECT count(*)::int FROM registration w WHERE w.seminar_id = s.id AND w.status = 'waitlisted') AS waitlisted,
         (SELECT count(*)::int FROM app_user u
           WHERE ${IN_AUDIENCE('u', 's')} AND ${MEETS_RULE('u', 's')}
             AND NOT EXISTS (SELECT 1 FROM registration r
                              WHERE r.seminar_id = s.id AND r.user_id = u.id AND r.status IN ${ACTIVE})) AS "eligibleNotRegistered"
    FROM upcoming s
   ORDER BY s.starts_at, s.id`;

/** How far back an ended seminar still asks for its attendance. */
export const ATTENDANCE_DAYS = 60;

/**
 * Seminars of the regions that ended (not cancelled) in the last ATTENDANCE_DAYS days with
 * registrations still pending or confirmed: attendance to mark. Most recent first.
 */
export const ATTENDANCE_TO_MARK = `
  SELECT s.id AS "seminarId", s.title, s.original_language AS "originalLanguage", s.ends_at AS "endsAt",
         count(*)::int AS unmarked
    FROM seminar s
    JOIN registration r ON r.seminar_id = s.id AND r.status IN ('pending', 'confirmed')
   WHERE ${OF_MY_REGIONS('s')} AND s.status <> 'cancelled'
     AND s.ends_at < now() AND s.ends_at >= now() - interval '${ATTENDANCE_DAYS} days'
   GROUP BY s.id
   ORDER BY s.ends_at DESC, s.id
   LIMIT ${HOME_LIST_LIMIT}`;

/** The chart's instants, oldest first: the end of each of the last ELIGIBILITY_WEEKS weeks, the last one now. */
const WEEKS = `
  SELECT i, now() - make_interval(days => 7 * (${ELIGIBILITY_WEEKS} - 1 - i)) AS at
    FROM generate_series(0, ${ELIGIBILITY_WEEKS} - 1) i`;
/** An instant as its UTC date. */
const WEEK_LABEL = (at: string) => `to_char(${at} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;

/**
 * Eligible members per upcoming seminar with a gate (at most HOME_LIST_LIMIT, soonest first) at
 * the end of each of the last ELIGIBILITY_WEEKS weeks, the last point being now.
 *
 * A member's percent in a module as of an instant `at` is the gate's percent rebuilt from
 * `lesson_progress.completed_at`: completed counted lessons with completed_at ≤ at / counted
 * lessons, floored — or 100 once the enrollment's `completed_at` ≤ at (a completion is kept,
 * DESIGN.md). A member meets the rule at `at` when at least `rule_k` requirements reach their
 * minimum; at `at` = now this is exactly the gate's PERCENT and MEETS_RULE.
 *
 * Approximations, on purpose: a module's CURRENT lessons (and their `required` flags) are used for
 * past weeks too — lessons added or removed since change the past points — and the audience is
 * today's (IN_AUDIENCE now). Only members with a completion in a required module can meet a rule
 * (every such seminar has k ≥ 1), so the work starts from completions, not from the audience.
 * `weeks` are the instants' UTC dates (YYYY-MM-DD), oldest first.
 */
export const ELIGIBILITY_OVER_TIME = `
  WITH sems AS (
    SELECT s.* FROM seminar s
     WHERE ${OF_MY_REGIONS('s')} AND ${UPCOMING('s')}
       AND EXISTS (SELECT 1 FROM seminar_requirement q WHERE q.seminar_id = s.id)
     ORDER BY s.starts_at, s.id
     LIMIT ${HOME_LIST_LIMIT}),
  weeks AS (${WEEKS}),
  reqs AS (
    SELECT q.seminar_id, q.module_id, q.min_percent FROM seminar_requirement q WHERE q.seminar_id IN (SELECT id FROM sems)),
  counted AS (
    SELECT l.module_id, l.id FROM lesson l
     WHERE l.module_id IN (SELECT module_id FROM reqs) AND ${COUNTED_LESSON('l', 'l.module_id')}),
  totals AS (SELECT c.module_id, count(*)::int AS n FROM counted c GROUP BY c.module_id),
  done AS (
    SELECT p.user_id, c.module_id, p.completed_at
      FROM lesson_progress p JOIN counted c ON c.id = p.lesson_id
     WHERE p.status = 'completed' AND p.completed_at IS NOT NULL),
  -- Every (member, module) that can be above 0 at some point: a counted lesson done, or a completion.
  learners AS (
    SELECT x.user_id, x.module_id, e.completed_at AS module_completed_at, COALESCE(t.n, 0) AS n
      FROM (SELECT d.user_id, d.module_id FROM done d
            UNION
            SELECT e.user_id, e.module_id FROM enrollment e
             WHERE e.completed_at IS NOT NULL AND e.module_id IN (SELECT module_id FROM reqs)) x
      LEFT JOIN enrollment e ON e.user_id = x.user_id AND e.module_id = x.module_id
      LEFT JOIN totals t ON t.module_id = x.module_id),
  percents AS (
    SELECT l.user_id, l.module_id, w.i,
           CASE WHEN l.module_completed_at <= w.at THEN 100
                ELSE COALESCE(100 * count(d.completed_at) FILTER (WHERE d.completed_at <= w.at) / NULLIF(l.n, 0), 0) END AS pct
      FROM learners l
      CROSS JOIN weeks w
      LEFT JOIN done d ON d.user_id = l.user_id AND d.module_id = l.module_id
     GROUP BY l.user_id, l.module_id, l.module_completed_at, l.n, w.i, w.at),
  met AS (
    SELECT q.seminar_id, p.user_id, p.i, count(*) AS met
      FROM reqs q JOIN percents p ON p.module_id = q.module_id AND p.pct >= q.min_percent
     GROUP BY q.seminar_id, p.user_id, p.i),
  eligible AS (
    SELECT m.seminar_id, m.i, count(*)::int AS n
      FROM met m JOIN sems s ON s.id = m.seminar_id JOIN app_user u ON u.id = m.user_id
     WHERE m.met >= s.rule_k AND ${IN_AUDIENCE('u', 's')}
     GROUP BY m.seminar_id, m.i)
  SELECT s.id AS "seminarId", s.title, s.original_language AS "originalLanguage",
         array_agg(COALESCE(e.n, 0) ORDER BY w.i) AS eligible,
         array_agg(${WEEK_LABEL('w.at')} ORDER BY w.i) AS weeks
    FROM sems s
    CROSS JOIN weeks w
    LEFT JOIN eligible e ON e.seminar_id = s.id AND e.i = w.i
   GROUP BY s.id, s.title, s.original_language, s.starts_at
   ORDER BY s.starts_at, s.id`;

/** The week ends of the chart on their own (when no seminar has a gate). */
export const ELIGIBILITY_WEEK_ENDS = `
  SELECT array_agg(${WEEK_LABEL('w.at')} ORDER BY w.i) AS weeks FROM (${WEEKS}) w`;
