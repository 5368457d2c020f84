/**
 * Notifications: what a member is told about a domain event, and how. Every channel but `off`
 * shows the notification in the app; `email` also sends it at once, `digest` in the daily e-mail.
 */
import { DomainEventType, GrantedRole, InternalEventType, isInternalEvent } from './events';
import { Language, LocalizedText } from './i18n';

export enum NotificationChannel {
  InApp = 'in_app',
  Email = 'email',
  Digest = 'digest',
  Off = 'off',
}

/** Every event but the internal ones is something a member can hear about. */
export type NotificationType = Exclude<DomainEventType, InternalEventType>;
export const NOTIFICATION_TYPES: readonly NotificationType[] = Object.values(DomainEventType).filter(
  (t): t is NotificationType => !isInternalEvent(t),
);
export const isNotificationType = (type: string): type is NotificationType =>
  (NOTIFICATION_TYPES as readonly string[]).includes(type);

/** The channel of a type for a member who never chose one. */
export const DEFAULT_NOTIFICATION_CHANNEL: Readonly<Record<NotificationType, NotificationChannel>> = {
  [DomainEventType.ModulePublished]: NotificationChannel.InApp,
  [DomainEventType.ModuleCompleted]: NotificationChannel.InApp,
  [DomainEventType.RegistrationConfirmed]: NotificationChannel.Email,
  [DomainEventType.RegistrationPending]: NotificationChannel.Email,
  [DomainEventType.RegistrationWaitlisted]: NotificationChannel.Email,
  [DomainEventType.RegistrationPromoted]: NotificationChannel.Email,
  [DomainEventType.RegistrationCancelled]: NotificationChannel.Email,
  [DomainEventType.RegistrationDeclined]: NotificationChannel.Email,
  [DomainEventType.SeminarCancelled]: NotificationChannel.Email,
  [DomainEventType.SeminarChanged]: NotificationChannel.Email,
  [DomainEventType.SeminarEligible]: NotificationChannel.Email,
  [DomainEventType.SeminarStartsSoon]: NotificationChannel.Email,
  [DomainEventType.SeminarRegistrationClosesSoon]: NotificationChannel.Digest,
  [DomainEventType.RoleGranted]: NotificationChannel.Email,
  [DomainEventType.ThreadCreated]: NotificationChannel.Digest,
  [DomainEventType.ReplyCreated]: NotificationChannel.InApp,
  [DomainEventType.AnswerAccepted]: NotificationChannel.Email,
  [DomainEventType.ResourceApproved]: NotificationChannel.Email,
  [DomainEventType.ResourceRejected]: NotificationChannel.Email,
  [DomainEventType.SkillSessionProposed]: NotificationChannel.Email,
  [DomainEventType.SkillSessionAccepted]: NotificationChannel.Email,
  [DomainEventType.SkillSessionDeclined]: NotificationChannel.Email,
  [DomainEventType.SkillSessionCancelled]: NotificationChannel.Email,
  [DomainEventType.SkillSessionDone]: NotificationChannel.InApp,
};

/**
 * What a notification carries besides its type: the event's own payload, plus the title of what
 * it is about (a module or a seminar) and, for seminars, when it starts.
 */
export interface NotificationPayload {
  moduleId?: string;
  seminarId?: string;
  spaceId?: string;
  /** For links to a space (role granted in a space). */
  spaceSlug?: string;
  threadId?: string;
  replyId?: string;
  resourceId?: string;
  registrationId?: string;
  /** Skills donation: the session (its page is /skills/sessions). */
  sessionId?: string;
  title?: LocalizedText;
  originalLanguage?: Language;
  startsAt?: string;
  certificateCode?: string;
  /** role.granted: which role, and where. */
  role?: GrantedRole;
  regionId?: string;
  /** The reminder's reference time (start or registration close). */
  at?: string;
}

/**
 * Where a notification leads, as route segments of the web app (the e-mails join them into a
 * URL): its seminar, module, thread or resource, else its space; null when about none of them.
 */
export function notificationPath(p: NotificationPayload): string[] | null {
  if (p.seminarId) return ['/seminars', p.seminarId];
  if (p.moduleId) return ['/modules', p.moduleId];
  if (p.threadId) return ['/discussions', p.threadId];
  if (p.resourceId) return ['/resources', p.resourceId];
  if (p.spaceSlug) return ['/spaces', p.spaceSlug];
  if (p.sessionId) return ['/skills', 'sessions'];
  return null;
}

export interface NotificationDto {
  id: string;
  type: NotificationType;
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
  type: NotificationType;
  channel: NotificationChannel;
  /** True when the member never chose: the channel is the type's default. */
  isDefault: boolean;
}

export interface UpdateNotificationPreferences {
  preferences: { type: NotificationType; channel: NotificationChannel }[];
}

export interface QueueCounts {
  name: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

export interface OutboxStats {
  unrelayed: number;
  /** Age in seconds of the oldest event not yet relayed to the queue; null when none waits. */
  oldestUnrelayedAgeSeconds: number | null;
  /** Each queue's job counts; empty when Redis does not answer (see `queuesError`). */
  queues: QueueCounts[];
  queuesError?: string;
}

/** Where the admin queue dashboard (bull-board) is mounted, behind admin sign-in. */
export const QUEUE_DASHBOARD_PATH = '/api/admin/queues';
