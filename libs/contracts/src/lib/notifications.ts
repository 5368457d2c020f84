/**
 * Notifications: what a member is told about a domain event, and how. Every channel but `off`
 * shows the notification in the app; `email` also sends it at once, `digest` in the daily e-mail.
 */
import { DomainEventType } from './events';
import { Language, LocalizedText } from './i18n';

export enum NotificationChannel {
  InApp = 'in_app',
  Email = 'email',
  Digest = 'digest',
  Off = 'off',
}

/** Every event a member can hear about is a notification type. */
export const NOTIFICATION_TYPES: readonly DomainEventType[] = Object.values(DomainEventType);

/** The channel of a type for a member who never chose one. */
export const DEFAULT_NOTIFICATION_CHANNEL: Readonly<Record<DomainEventType, NotificationChannel>> = {
  [DomainEventType.ModulePublished]: NotificationChannel.InApp,
  [DomainEventType.ModuleCompleted]: NotificationChannel.InApp,
  [DomainEventType.RegistrationConfirmed]: NotificationChannel.Email,
  [DomainEventType.RegistrationPending]: NotificationChannel.Email,
  [DomainEventType.RegistrationWaitlisted]: NotificationChannel.Email,
  [DomainEventType.RegistrationPromoted]: NotificationChannel.Email,
  [DomainEventType.RegistrationCancelled]: NotificationChannel.Email,
  [DomainEventType.RegistrationDeclined]: NotificationChannel.Email,
  [DomainEventType.SeminarCancelled]: NotificationChannel.Email,
  [DomainEventType.SeminarChanged]: NotificationChannel.InApp,
};

/**
 * What a notification carries besides its type: the event's own payload, plus the title of what
 * it is about (a module or a seminar) and, for seminars, when it starts.
 */
export interface NotificationPayload {
  moduleId?: string;
  seminarId?: string;
  spaceId?: string;
  registrationId?: string;
  title?: LocalizedText;
  originalLanguage?: Language;
  startsAt?: string;
  certificateCode?: string;
}

export interface NotificationDto {
  id: string;
  type: DomainEventType;
  payload: NotificationPayload;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationListQuery {
  unread?: boolean;
  page?: number;
  pageSize?: number;
}

export interface UnreadCount {
  unread: number;
}

export interface NotificationPreference {
  type: DomainEventType;
  channel: NotificationChannel;
  /** True when the member never chose: the channel is the type's default. */
  isDefault: boolean;
}

export interface UpdateNotificationPreferences {
  preferences: { type: DomainEventType; channel: NotificationChannel }[];
}

export interface OutboxStats {
  unrelayed: number;
  /** Age in seconds of the oldest event not yet relayed to the queue; null when none waits. */
  oldestUnrelayedAgeSeconds: number | null;
}
