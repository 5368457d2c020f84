/** The audit log: who did what to whom, kept for admins (role grants, moderation, exports, suspensions). */

export enum AuditAction {
  RoleGranted = 'role.granted',
  RoleRevoked = 'role.revoked',
  AnimatorAdded = 'space.animator_added',
  AnimatorRemoved = 'space.animator_removed',
  UserSuspended = 'user.suspended',
  UserReinstated = 'user.reinstated',
  UserDeleted = 'user.deleted',
  DataExported = 'user.data_exported',
  CsvExported = 'export.csv',
  ThreadModerated = 'thread.moderated',
  ReplyModerated = 'reply.moderated',
  ResourceApproved = 'resource.approved',
  ResourceRejected = 'resource.rejected',
  ResourceUnpublished = 'resource.unpublished',
  ReportDismissed = 'resource_report.dismissed',
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: { id: string; displayName: string } | null;
  action: AuditAction;
  targetType: string;
  targetId: string | null;
  detail: Record<string, unknown>;
}
