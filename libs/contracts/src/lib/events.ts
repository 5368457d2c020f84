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
}

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
  | { type: DomainEventType.SeminarCancelled | DomainEventType.SeminarChanged; payload: SeminarEvent };
