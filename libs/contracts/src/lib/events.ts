/** Domain events written to the outbox in the same transaction as the change they describe. */
export enum DomainEventType {
  ModulePublished = 'module.published',
  ModuleCompleted = 'module.completed',
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
  | { type: DomainEventType.ModuleCompleted; payload: ModuleCompletedEvent };
