import { Module } from '@nestjs/common';
import { DigestDailyJob, DigestEmailJob, DigestScheduler } from './digest';
import { EligibilityNotices } from './eligibility-notices';
import { EmailJob } from './email.job';
import { FanOutJob } from './fan-out.job';
import { Mailer } from './mailer';
import { OutboxRelay } from './outbox-relay';
import { ReminderScheduler, SeminarReminderJob } from './reminders';

/**
 * The outbox relay and the jobs of the `notifications` queue: fan-out, instant e-mail, seminar
 * reminders, the daily digest.
 */
@Module({
  providers: [
    OutboxRelay,
    FanOutJob,
    EmailJob,
    Mailer,
    EligibilityNotices,
    ReminderScheduler,
    SeminarReminderJob,
    DigestScheduler,
    DigestDailyJob,
    DigestEmailJob,
  ],
  exports: [OutboxRelay, ReminderScheduler],
})
export class NotificationsJobsModule {}
