/**
 * SQL fragments of the gate, written once and used by the single check and the dashboard so both
 * give the same answers.
 */

/** Is user `u` (an app_user alias) in the audience of seminar `s` (a seminar alias)? A deleted account never is. */
export const IN_AUDIENCE = (u: string, s: string) => `
  (${u}.deleted_at IS NULL AND CASE ${s}.audience
    WHEN 'region' THEN ${u}.region_id = ${s}.region_id
                    OR EXISTS (SELECT 1 FROM membership mb JOIN organisation o ON o.id = mb.organisation_id
                                WHERE mb.user_id = ${u}.id AND o.region_id = ${s}.region_id)
    WHEN 'organisations' THEN EXISTS (SELECT 1 FROM membership mb
                                       WHERE mb.user_id = ${u}.id AND mb.organisation_id = ANY(${s}.audience_organisation_ids))
    WHEN 'space' THEN EXISTS (SELECT 1 FROM space_member sm WHERE sm.user_id = ${u}.id AND sm.space_id = ${s}.space_id)
    ELSE false
  END)`;

/** A member's effective percent in a module (completion stays 100), from an enrollment alias `e`. */
export const PERCENT = (e: string) => `COALESCE(CASE WHEN ${e}.completed_at IS NOT NULL THEN 100 ELSE ${e}.percent END, 0)`;

/** Does user `u` meet the rule of seminar `s` (at least `rule_k` requirements at their percent)? */
export const MEETS_RULE = (u: string, s: string) => `
  ((SELECT count(*) FROM seminar_requirement q
      LEFT JOIN enrollment e ON e.user_id = ${u}.id AND e.module_id = q.module_id
     WHERE q.seminar_id = ${s}.id AND ${PERCENT('e')} >= q.min_percent) >= ${s}.rule_k)`;
