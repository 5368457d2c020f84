/**
 * Every table that refers to a member (a column referencing `app_user(id)`), in one place: what
 * of it the member's data export contains, and what account deletion does with it. `$1` is the
 * member's id in every statement.
 *
 * A new table with a user reference must be added here: `apps/api/test/privacy/registry.int-spec.ts`
 * asks PostgreSQL for every foreign key pointing at `app_user` and fails until each one is listed
 * (see "Privacy" in docs/DEVELOPMENT.md).
 *
 * Deletion keeps aggregate facts (attendance, votes, ratings, what was written in discussions and
 * the toolbox, moderation records, the audit log): those rows stay and point at the account row,
 * which is anonymised, so they no longer identify the person. Personal rows (profile, follows,
 * memberships, learning records, notifications and their preferences) are removed.
 */
import { ActivityKind } from '@pratique/contracts';

/** What account deletion does with the member's rows of a table. */
export type Erasure =
  /** Rows removed by `sql`. */
  | { action: 'delete'; sql: string; why: string }
  /** Rows kept as they are: they point at the anonymised account row. */
  | { action: 'keep'; why: string }
  /** Rows handled by a service before the statements run (e.g. registrations: seats are freed). */
  | { action: 'service'; why: string };

export interface PersonalDataTable {
  table: string;
  /** The table's columns that reference `app_user(id)`. */
  columns: readonly string[];
  /** The member's rows as exported: one SELECT, reading nobody else's personal data. */
  export: string;
  erase: Erasure;
}

/** The account row itself: exported without the password hash, anonymised on deletion. */
export const ACCOUNT = {
  table: 'app_user',
  export: `SELECT to_jsonb(u) - 'password_hash' AS row FROM app_user u WHERE u.id = $1`,
  /**
   * `$2` is the deleted member's display name. The e-mail becomes a unique placeholder on a
   * reserved domain (the address can sign up again), and the password hash a string no password
   * verifies against.
   */
  anonymise: `
    UPDATE app_user
       SET email = 'deleted-' || id || '@invalid', display_name = $2, password_hash = '!deleted',
           deleted_at = now(), updated_at = now()
     WHERE id = $1 AND deleted_at IS NULL
    RETURNING id`,
} as const;

export const PERSONAL_DATA: readonly PersonalDataTable[] = [
  {
    table: 'membership',
    columns: ['user_id'],
    export: `SELECT m.organisation_id, o.name AS organisation_name, m.created_at
               FROM membership m JOIN organisation o ON o.id = m.organisation_id WHERE m.user_id = $1 ORDER BY m.created_at`,
    erase: { action: 'delete', sql: `DELETE FROM membership WHERE user_id = $1`, why: 'affiliations identify the person' },
  },
  {
    table: 'role_grant',
    columns: ['user_id', 'granted_by'],
    // Grants the member gave name their role and region, not who received them.
    export: `SELECT id, 'held' AS relation, role, region_id, created_at FROM role_grant WHERE user_id = $1
             UNION ALL
             SELECT id, 'granted' AS relation, role, region_id, created_at FROM role_grant WHERE granted_by = $1 AND user_id <> $1
             ORDER BY created_at`,
    erase: {
      action: 'delete',
      sql: `DELETE FROM role_grant WHERE user_id = $1`,
      why: 'their own roles end; grants they gave to others stay (granted_by points at the anonymised account)',
    },
  },
  {
    table: 'space',
    columns: ['created_by'],
    export: `SELECT id, slug, title, created_at FROM space WHERE created_by = $1 ORDER BY created_at`,
    erase: { action: 'keep', why: 'spaces belong to the community' },
  },
  {
    table: 'space_member',
    columns: ['user_id'],
    export: `SELECT sm.space_id, s.slug, sm.role, sm.joined_at
               FROM space_member sm JOIN space s ON s.id = sm.space_id WHERE sm.user_id = $1 ORDER BY sm.joined_at`,
    erase: { action: 'delete', sql: `DELETE FROM space_member WHERE user_id = $1`, why: 'membership of spaces identifies the person' },
  },
  {
    table: 'stored_file',
    columns: ['owner_id'],
    // The files' descriptions, not their bytes (they are downloaded where they are used).
    export: `SELECT id, filename, content_type, size, sha256, created_at FROM stored_file WHERE owner_id = $1 ORDER BY created_at`,
    erase: { action: 'keep', why: 'uploaded files are used by lessons and toolbox resources, which stay' },
  },
  {
    table: 'module',
    columns: ['created_by'],
    export: `SELECT id, space_id, title, status, created_at FROM module WHERE created_by = $1 ORDER BY created_at`,
    erase: { action: 'keep', why: 'modules belong to their space' },
  },
  {
    table: 'scorm_package',
    columns: ['owner_id'],
    export: `SELECT id, version, title, created_at FROM scorm_package WHERE owner_id = $1 ORDER BY created_at`,
    erase: { action: 'keep', why: 'packages are played by lessons, which stay' },
  },
  {
    table: 'lesson_progress',
    columns: ['user_id'],
    export: `SELECT lesson_id, status, score, video_percent, completed_at, updated_at FROM lesson_progress WHERE user_id = $1 ORDER BY updated_at`,
    erase: { action: 'delete', sql: `DELETE FROM lesson_progress WHERE user_id = $1`, why: 'learning records are personal' },
  },
  {
    table: 'enrollment',
    columns: ['user_id'],
    export: `SELECT module_id, percent, started_at, last_activity_at, last_lesson_id, completed_at, certificate_code, completion_shared_at
               FROM enrollment WHERE user_id = $1 ORDER BY started_at`,
    erase: {
      action: 'delete',
      sql: `DELETE FROM enrollment WHERE user_id = $1`,
      why: 'learning records are personal (a certificate code then no longer verifies)',
    },
  },
  {
    table: 'quiz_attempt',
    columns: ['user_id'],
    export: `SELECT id, lesson_id, answers, score, passed, created_at FROM quiz_attempt WHERE user_id = $1 ORDER BY created_at`,
    erase: { action: 'delete', sql: `DELETE FROM quiz_attempt WHERE user_id = $1`, why: 'answers are personal' },
  },
  {
    table: 'scorm_attempt',
    columns: ['user_id'],
    export: `SELECT id, lesson_id, cmi, completion_status, success_status, score, created_at, updated_at
               FROM scorm_attempt WHERE user_id = $1 ORDER BY created_at`,
    erase: { action: 'delete', sql: `DELETE FROM scorm_attempt WHERE user_id = $1`, why: 'learning records are personal' },
  },
  {
    table: 'seminar',
    columns: ['created_by'],
    export: `SELECT id, region_id, kind, title, starts_at, status, created_at FROM seminar WHERE created_by = $1 ORDER BY created_at`,
    erase: { action: 'keep', why: 'seminars belong to their region' },
  },
  {
    table: 'registration',
    columns: ['user_id'],
    export: `SELECT r.id, r.seminar_id, s.title AS seminar_title, s.starts_at AS seminar_starts_at, r.status,
                    r.eligibility_snapshot, r.checked_in_at, r.created_at, r.updated_at
               FROM registration r JOIN seminar s ON s.id = r.seminar_id WHERE r.user_id = $1 ORDER BY r.created_at`,
    erase: {
      action: 'service',
      why:
        'registrations to seminars not started yet are cancelled through RegistrationsService (a freed seat goes to the ' +
        'next waitlisted member); past ones stay, so attendance counts do not change',
    },
  },
  {
    table: 'notification',
    columns: ['user_id'],
    export: `SELECT id, type, payload, channel, created_at, read_at FROM notification WHERE user_id = $1 ORDER BY id`,
    erase: { action: 'delete', sql: `DELETE FROM notification WHERE user_id = $1`, why: 'nothing more is told to a deleted member' },
  },
  {
    table: 'notification_preference',
    columns: ['user_id'],
    export: `SELECT type, channel, updated_at FROM notification_preference WHERE user_id = $1 ORDER BY type`,
    erase: { action: 'delete', sql: `DELETE FROM notification_preference WHERE user_id = $1`, why: 'personal settings' },
  },
  {
    table: 'email_delivery',
    columns: ['user_id'],
    export: `SELECT outbox_id, kind, sent_at, created_at FROM email_delivery WHERE user_id = $1 ORDER BY created_at`,
    erase: {
      action: 'delete',
      sql: `DELETE FROM email_delivery WHERE user_id = $1`,
      why: 'unsent e-mails are cancelled (the worker also skips deleted and suspended recipients)',
    },
  },
  {
    table: 'discussion_thread',
    columns: ['author_id'],
    export: `SELECT id, space_id, kind, title, body, pinned, locked, hidden, created_at, edited_at
               FROM discussion_thread WHERE author_id = $1 ORDER BY created_at`,
    erase: { action: 'keep', why: 'discussions stay, shown as by the deleted member' },
  },
  {
    table: 'discussion_reply',
    columns: ['author_id'],
    export: `SELECT id, thread_id, body, hidden, created_at, edited_at FROM discussion_reply WHERE author_id = $1 ORDER BY created_at`,
    erase: { action: 'keep', why: 'replies stay, shown as by the deleted member' },
  },
  {
    table: 'discussion_vote',
    columns: ['user_id'],
    export: `SELECT reply_id, created_at FROM discussion_vote WHERE user_id = $1 ORDER BY created_at`,
    erase: { action: 'keep', why: 'vote counts of other members’ replies do not change; the vote is anonymous' },
  },
  {
    table: 'discussion_revision',
    columns: ['replaced_by'],
    export: `SELECT id, thread_id, reply_id, title, body, written_at, replaced_at FROM discussion_revision WHERE replaced_by = $1 ORDER BY id`,
    erase: { action: 'keep', why: 'the history of a discussion stays with it' },
  },
  {
    table: 'discussion_follow',
    columns: ['user_id'],
    export: `SELECT space_id, thread_id, created_at FROM discussion_follow WHERE user_id = $1 ORDER BY created_at`,
    erase: { action: 'delete', sql: `DELETE FROM discussion_follow WHERE user_id = $1`, why: 'follows are personal' },
  },
  {
    table: 'resource',
    columns: ['author_id', 'moderated_by'],
    // Contributions in full; resources the member moderated by their id, title and the decision.
    export: `SELECT id, 'author' AS relation, space_id, kind, title, description, tags, language, url, file_id, status,
                    rejection_reason, moderated_at, published_at, created_at
               FROM resource WHERE author_id = $1
             UNION ALL
             SELECT id, 'moderator', space_id, kind, title, NULL, NULL, NULL, NULL, NULL, status, rejection_reason, moderated_at, NULL, NULL
               FROM resource WHERE moderated_by = $1 AND author_id IS DISTINCT FROM $1
             ORDER BY relation, id`,
    erase: { action: 'keep', why: 'the toolbox keeps contributions, shown as by the deleted member' },
  },
  {
    table: 'resource_review',
    columns: ['user_id'],
    export: `SELECT resource_id, rating, body, created_at, updated_at FROM resource_review WHERE user_id = $1 ORDER BY created_at`,
    erase: { action: 'keep', why: 'ratings of other members’ resources do not change; reviews stay as by the deleted member' },
  },
  {
    table: 'resource_report',
    columns: ['reporter_id', 'resolved_by'],
    export: `SELECT id, 'reporter' AS relation, resource_id, reason, status, created_at, resolved_at FROM resource_report WHERE reporter_id = $1
             UNION ALL
             SELECT id, 'resolver', resource_id, NULL, status, created_at, resolved_at FROM resource_report
              WHERE resolved_by = $1 AND reporter_id IS DISTINCT FROM $1
             ORDER BY created_at`,
    erase: { action: 'keep', why: 'moderation records stay' },
  },
  {
    table: 'skill_offer',
    columns: ['author_id'],
    export: `SELECT id, title, description, skills, formats, availability, languages, region_id, status, created_at, updated_at
               FROM skill_offer WHERE author_id = $1 ORDER BY created_at`,
    erase: {
      action: 'keep',
      why: 'sessions given and their ratings stay with the organisations helped; offers of a deleted account are no longer listed or suggested',
    },
  },
  {
    table: 'skill_request',
    columns: ['author_id'],
    export: `SELECT id, organisation_id, title, why, expected_outcome, deadline, formats, region_id, skills, languages, status, created_at, updated_at
               FROM skill_request WHERE author_id = $1 ORDER BY created_at`,
    erase: { action: 'keep', why: 'a request is the organisation’s need: it stays, shown as by the deleted member' },
  },
  {
    table: 'skill_session',
    columns: ['proposer_id', 'responded_by'],
    // Sessions the member proposed (with their message) or answered (without the other side's message).
    export: `SELECT id, 'proposer' AS relation, offer_id, request_id, proposed_by, status, starts_at, ends_at, format, place, message, created_at
               FROM skill_session WHERE proposer_id = $1
             UNION ALL
             SELECT id, 'responder', offer_id, request_id, proposed_by, status, starts_at, ends_at, format, place, NULL, created_at
               FROM skill_session WHERE responded_by = $1 AND proposer_id IS DISTINCT FROM $1
             ORDER BY created_at, relation`,
    erase: { action: 'keep', why: 'sessions are the history of both sides; they stay, pointing at the anonymised account' },
  },
  {
    table: 'skill_session_rating',
    columns: ['rater_id'],
    export: `SELECT session_id, side, usefulness, pedagogy, review, created_at, updated_at
               FROM skill_session_rating WHERE rater_id = $1 ORDER BY created_at`,
    erase: { action: 'keep', why: 'ratings of sessions do not change (offers’ averages); reviews stay as by the deleted member' },
  },
  {
    table: 'member_profile',
    columns: ['user_id'],
    export: `SELECT bio, skills, interests, listed, show_organisations, show_region, show_skills, show_spaces, updated_at
               FROM member_profile WHERE user_id = $1`,
    erase: { action: 'delete', sql: `DELETE FROM member_profile WHERE user_id = $1`, why: 'bio, skills and interests are personal' },
  },
  {
    table: 'user_follow',
    columns: ['follower_id', 'followee_id'],
    // Whom the member follows; of their followers, only when (not who: that is the followers' data).
    export: `SELECT 'following' AS relation, followee_id, created_at FROM user_follow WHERE follower_id = $1
             UNION ALL
             SELECT 'follower', NULL, created_at FROM user_follow WHERE followee_id = $1
             ORDER BY created_at`,
    erase: {
      action: 'delete',
      sql: `DELETE FROM user_follow WHERE follower_id = $1 OR followee_id = $1`,
      why: 'follows in both directions are removed',
    },
  },
  {
    table: 'activity',
    columns: ['actor_id'],
    export: `SELECT id, kind, space_id, region_id, subject_id, title, created_at FROM activity WHERE actor_id = $1 ORDER BY id`,
    erase: {
      action: 'delete',
      sql: `DELETE FROM activity WHERE actor_id = $1 AND kind = '${ActivityKind.CompletionShared}'`,
      why: 'shared completions are removed with the learning records; other feed items (a thread started, a module published) stay, by the deleted member',
    },
  },
  {
    table: 'audit_log',
    columns: ['actor_id'],
    // What the member did, and what was done to their account (without who did it).
    export: `SELECT id, CASE WHEN actor_id = $1 THEN 'actor' ELSE 'target' END AS relation, action, target_type, target_id,
                    CASE WHEN actor_id = $1 THEN detail END AS detail, created_at
               FROM audit_log WHERE actor_id = $1 OR (target_type = 'user' AND target_id = $1) ORDER BY id`,
    erase: { action: 'keep', why: 'accountability: the audit log is kept, its actor anonymised with the account' },
  },
];
