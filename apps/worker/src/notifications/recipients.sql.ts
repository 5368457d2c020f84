/**
 * Who hears about each event, as one SELECT of `user_id` per event type over the event's payload
 * (`$5`, jsonb). The fan-out wraps it in a single INSERT … SELECT, so a space of thousands of
 * members costs one statement.
 */
import { DomainEventType, RegistrationStatus, SEAT_HOLDING } from '@pratique/contracts';

/** Registrations whose holders hear about a seminar's cancellation or change. */
export const SEMINAR_AUDIENCE_STATUSES: readonly string[] = [...SEAT_HOLDING, RegistrationStatus.Waitlisted];

const THE_MEMBER = `SELECT u.id AS user_id FROM app_user u WHERE u.id = ($5::jsonb->>'userId')::uuid`;
const SEMINAR_REGISTRANTS = `
  SELECT r.user_id FROM registration r
   WHERE r.seminar_id = ($5::jsonb->>'seminarId')::uuid
     AND r.status IN (${SEMINAR_AUDIENCE_STATUSES.map((s) => `'${s}'`).join(', ')})`;

export const RECIPIENTS_SQL: Readonly<Record<DomainEventType, string>> = {
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
};
