/** Every migration, in order. Listed explicitly so the bundled API and the CLI see the same set. */
import { Foundation1700000000000 } from './1700000000000-foundation';
import { Learning1700000001000 } from './1700000001000-learning';
import { CertificateCode1700000002000 } from './1700000002000-certificate-code';
import { Seminars1700000003000 } from './1700000003000-seminars';
import { Notifications1700000004000 } from './1700000004000-notifications';
import { RequirementPosition1700000005000 } from './1700000005000-requirement-position';
import { NotificationDelivery1700000006000 } from './1700000006000-notification-delivery';
import { Discussions1700000007000 } from './1700000007000-discussions';
import { Resources1700000008000 } from './1700000008000-resources';
import { MemberProfiles1700000009000 } from './1700000009000-member-profiles';
import { ActivityFeed1700000010000 } from './1700000010000-activity-feed';
import { AccountLifecycle1700000011000 } from './1700000011000-account-lifecycle';
import { OutboxNotify1700000012000 } from './1700000012000-outbox-notify';
import { CacheInvalidation1700000012200 } from './1700000012200-cache-invalidation';
import { RegisterMemberFunction1700000012400 } from './1700000012400-register-member-function';
import { SeminarStartsIndex1700000012500 } from './1700000012500-seminar-starts-index';
import { SkillsDonation1700000013000 } from './1700000013000-skills-donation';

export const MIGRATIONS = [
  Foundation1700000000000,
  Learning1700000001000,
  CertificateCode1700000002000,
  Seminars1700000003000,
  Notifications1700000004000,
  RequirementPosition1700000005000,
  NotificationDelivery1700000006000,
  Discussions1700000007000,
  Resources1700000008000,
  MemberProfiles1700000009000,
  ActivityFeed1700000010000,
  AccountLifecycle1700000011000,
  OutboxNotify1700000012000,
  CacheInvalidation1700000012200,
  RegisterMemberFunction1700000012400,
  SeminarStartsIndex1700000012500,
  SkillsDonation1700000013000,
];
