/**
 * Who hears about each event, as one SELECT of `user_id` per notification type over the event's
 * payload (`$5`, jsonb). The fan-out wraps it in a single INSERT … SELECT, so a space of thousands
 * of members costs one statement.
 */
import { IN_AUDIENCE, MEETS_RULE } from '@pratique/api/seminars/sql';
import { DomainEventType, NotificationType, RegistrationStatus, SEAT_HOLDING } from '@pratique/contracts';

/** Registrations whose holders hear about a seminar's cancellation or change. */
export const SEMINAR_AUDIENCE_STATUSES: readonly string[] = [...SEAT_HOLDING, RegistrationStatus.Waitlisted];
const list = (values: readonly string[]) => values.map((s) => `'${s}'`).join(', ');

const THE_MEMBER = `SELECT u.id AS user_id FROM app_user u WHERE u.id = ($5::jsonb->>'userId')::uuid`;
const SEMINAR_REGISTRANTS = `
  SELECT r.user_id FROM registration r
   WHERE r.seminar_id = ($5::jsonb->>'seminarId')::uuid
     AND r.status IN (${list(SEMINAR_AUDIENCE_STATUSES)})`;
const SEAT_HOLDERS = `
  SELECT r.user_id FROM registration r
   WHERE r.seminar_id = ($5::jsonb->>'seminarId')::uuid AND r.status IN (${list(SEAT_HOLDING)})`;
/** Members of the audience who meet the rule and never registered. */
const ELIGIBLE_NOT_REGISTERED = `
  SELECT u.id AS user_id FROM app_user u JOIN seminar s ON s.id = ($5::jsonb->>'seminarId')::uuid
   WHERE ${IN_AUDIENCE('u', 's')} AND ${MEETS_RULE('u', 's')}
     AND NOT EXISTS (SELECT 1 FROM registration r WHERE r.seminar_id = s.id AND r.user_id = u.id)`;

/**
 * The recipients of a type as the fan-out reads them: deleted and suspended accounts hear nothing
 * (whatever the event, and even if it was written before the account went).
 */
export const activeRecipientsSql = (type: NotificationType): string => `
  SELECT r.user_id FROM (${RECIPIENTS_SQL[type]}) r JOIN app_user u ON u.id = r.user_id
   WHERE u.deleted_at IS NULL AND u.suspended_at IS NULL`;

export const RECIPIENTS_SQL: Readonly<Record<NotificationType, string>> = {
  [DomainEventType.ModulePublished]: `
    SELECT sm.user_id FROM space_member sm
     WHERE sm.space_id = ($5::jsonb->>'spaceId')::uuid
       AND sm.user_id IS DISTINCT FROM ($5::jsonb->>'publishedBy')::uuid`,
  [DomainEventType.ModuleCompleted]: THE_MEMBER,
  [DomainEventType.RegistrationConfirmed]: THE_MEMBER,
  [DomainEventType.RegistrationPending]: THE_MEMBER,
  [DomainEventType.RegistrationWaitlisted]: THE_MEMBER,
  [DomainEventType.RegistrationPromoted]: THE_MEMBER,
  [DomainEventType.RegistrationCancelled]: THE_MEMBER,
  [DomainEventType.RegistrationDeclined]: THE_MEMBER,
  [DomainEventType.SeminarCancelled]: SEMINAR_REGISTRANTS,
  [DomainEventType.SeminarChanged]: SEMINAR_REGISTRANTS,
  [DomainEventType.SeminarEligible]: THE_MEMBER,
  [DomainEventType.SeminarStartsSoon]: SEAT_HOLDERS,
  [DomainEventType.SeminarRegistrationClosesSoon]: ELIGIBLE_NOT_REGISTERED,
  [DomainEventType.RoleGranted]: THE_MEMBER,
  [DomainEventType.ThreadCreated]: `
    SELECT f.user_id FROM discussion_follow f
     WHERE f.space_id = ($5::jsonb->>'spaceId')::uuid AND f.user_id <> ($5::jsonb->>'authorId')::uuid`,
  [DomainEventType.ReplyCreated]: `
    SELECT f.user_id FROM discussion_follow f
     WHERE f.thread_id = ($5::jsonb->>'threadId')::uuid AND f.user_id <> ($5::jsonb->>'authorId')::uuid`,
  [DomainEventType.AnswerAccepted]: THE_MEMBER,
  [DomainEventType.ResourceApproved]: THE_MEMBER,
  [DomainEventType.ResourceRejected]: THE_MEMBER,
  // Skills donation: the side of the session that did not make the change (the API names them).
  [DomainEventType.SkillSessionProposed]: THE_MEMBER,
  [DomainEventType.SkillSessionAccepted]: THE_MEMBER,
  [DomainEventType.SkillSessionDeclined]: THE_MEMBER,
  [DomainEventType.SkillSessionCancelled]: THE_MEMBER,
  [DomainEventType.SkillSessionDone]: THE_MEMBER,
};
