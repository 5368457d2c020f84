/** What the audit log page names in the reader's language (`admin.audit.*` in the i18n files). */
import { AuditAction } from '@pratique/contracts';

/** Every action, labelled `admin.audit.actions.<action>` (a dotted action is a nested key). */
export const AUDIT_ACTIONS: readonly AuditAction[] = Object.values(AuditAction);
/** Target types with a translated name (`admin.audit.targets.*`); others are shown as stored. */
export const AUDIT_TARGETS: readonly string[] = ['user', 'thread', 'reply', 'resource', 'resource_report', 'seminar', 'module'];
/** Detail keys with a translated name (`admin.audit.details.*`); others are shown as stored. */
export const AUDIT_DETAILS: readonly string[] = [
  'sessionsEnded',
  'registrationsCancelled',
  'rows',
  'tables',
  'role',
  'regionId',
  'grantId',
  'spaceId',
  'threadId',
  'resourceId',
  'reason',
  'export',
  'filters',
  'pinned',
  'locked',
  'hidden',
];
