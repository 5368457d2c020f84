/** Domain events written to the outbox in the same transaction as the change they describe. */
export enum DomainEventType {
  ModulePublished = 'module.published',
  ModuleCompleted = 'module.completed',
  RegistrationConfirmed = 'registration.confirmed',
  RegistrationPending = 'registration.pending',
  RegistrationWaitlisted = 'registration.waitlisted',
  RegistrationPromoted = 'registration.promoted',
  RegistrationCancelled = 'registration.cancelled',
  RegistrationDeclined = 'registration.declined',
  SeminarCancelled = 'seminar.cancelled',
  SeminarChanged = 'seminar.changed',
  /** A member's progress made them eligible for a seminar open to them (told once per seminar). */
  SeminarEligible = 'seminar.eligible',
  /** Reminder: the seminar starts in 48 h (registered members). */
  SeminarStartsSoon = 'seminar.starts-soon',
  /** Reminder: registration closes in 24 h (eligible members not registered yet). */
  SeminarRegistrationClosesSoon = 'seminar.registration-closes-soon',
  RoleGranted = 'role.granted',
  /** A new thread in a space the member follows. */
  ThreadCreated = 'thread.created',
  /** A new reply in a thread the member follows (its author follows it from the start). */
  ReplyCreated = 'reply.created',
  /** The member's reply was accepted as the answer (once per reply). */
  AnswerAccepted = 'answer.accepted',
  /** The member's contribution to a toolbox was approved (published) or rejected. */
  ResourceApproved = 'resource.approved',
  ResourceRejected = 'resource.rejected',
  /** Skills donation: a session was proposed to the member (the other side), accepted, declined, cancelled or marked done. */
  SkillSessionProposed = 'skill-session.proposed',
  SkillSessionAccepted = 'skill-session.accepted',
  SkillSessionDeclined = 'skill-session.declined',
  SkillSessionCancelled = 'skill-session.cancelled',
  /** The session took place: the member is asked to rate it. */
  SkillSessionDone = 'skill-session.done',
  /** Internal: a member's percent in a module changed (the worker derives `seminar.eligible`). */
  ModuleProgressed = 'module.progressed',
  /** Internal: a seminar was created or updated (the worker reschedules its reminders). */
  SeminarSaved = 'seminar.saved',
}

/** Events nobody is notified of as such: the worker derives other events or jobs from them. */
export const INTERNAL_EVENT_TYPES = [DomainEventType.ModuleProgressed, DomainEventType.SeminarSaved] as const;
export type InternalEventType = (typeof INTERNAL_EVENT_TYPES)[number];
export const isInternalEvent = (type: DomainEventType): type is InternalEventType =>
  (INTERNAL_EVENT_TYPES as readonly DomainEventType[]).includes(type);

export interface RegistrationEvent {
  registrationId: string;
  seminarId: string;
  userId: string;
}
export interface SeminarEvent {
  seminarId: string;
  regionId: string;
}

export interface ModulePublishedEvent {
  moduleId: string;
  spaceId: string;
  publishedBy: string;
}
export interface ModuleCompletedEvent {
  moduleId: string;
  spaceId: string;
  userId: string;
  certificateCode: string;
}

export interface ModuleProgressedEvent {
  moduleId: string;
  userId: string;
  fromPercent: number;
  toPercent: number;
}
export interface SeminarMemberEvent {
  seminarId: string;
  regionId: string;
  userId: string;
}
export interface SeminarReminderEvent {
  seminarId: string;
  regionId: string;
  /** The start (or registration close) the reminder was computed for. */
  at: string;
}
/** The values of GlobalRole and SpaceRole.Animator. */
export type GrantedRole = 'admin' | 'staff' | 'animator';
export interface RoleGrantedEvent {
  userId: string;
  role: GrantedRole;
  regionId?: string;
  spaceId?: string;
  grantedBy: string;
}

export interface ThreadEvent {
  threadId: string;
  spaceId: string;
  /** Who wrote the thread or the reply (not told of their own post). */
  authorId: string;
  replyId?: string;
}
export interface AnswerAcceptedEvent {
  threadId: string;
  replyId: string;
  spaceId: string;
  /** The reply's author, who is told. */
  userId: string;
}
export interface ResourceModeratedEvent {
  resourceId: string;
  spaceId: string;
  /** The author, who is told. */
  userId: string;
}

/** A skill session's change, told to the side that did not make it. */
export interface SkillSessionEvent {
  sessionId: string;
  offerId: string;
  requestId: string;
  /** Who is told. */
  userId: string;
  /** Who made the change. */
  actorId: string;
}

export type DomainEvent =
  | { type: DomainEventType.ModulePublished; payload: ModulePublishedEvent }
  | { type: DomainEventType.ModuleCompleted; payload: ModuleCompletedEvent }
  | {
      type:
        | DomainEventType.RegistrationConfirmed
        | DomainEventType.RegistrationPending
        | DomainEventType.RegistrationWaitlisted
        | DomainEventType.RegistrationPromoted
        | DomainEventType.RegistrationCancelled
        | DomainEventType.RegistrationDeclined;
      payload: RegistrationEvent;
    }
  | { type: DomainEventType.SeminarCancelled | DomainEventType.SeminarChanged | DomainEventType.SeminarSaved; payload: SeminarEvent }
  | { type: DomainEventType.SeminarEligible; payload: SeminarMemberEvent }
  | { type: DomainEventType.SeminarStartsSoon | DomainEventType.SeminarRegistrationClosesSoon; payload: SeminarReminderEvent }
  | { type: DomainEventType.RoleGranted; payload: RoleGrantedEvent }
  | { type: DomainEventType.ModuleProgressed; payload: ModuleProgressedEvent }
  | { type: DomainEventType.ThreadCreated | DomainEventType.ReplyCreated; payload: ThreadEvent }
  | { type: DomainEventType.AnswerAccepted; payload: AnswerAcceptedEvent }
  | { type: DomainEventType.ResourceApproved | DomainEventType.ResourceRejected; payload: ResourceModeratedEvent }
  | {
      type:
        | DomainEventType.SkillSessionProposed
        | DomainEventType.SkillSessionAccepted
        | DomainEventType.SkillSessionDeclined
        | DomainEventType.SkillSessionCancelled
        | DomainEventType.SkillSessionDone;
      payload: SkillSessionEvent;
    };
