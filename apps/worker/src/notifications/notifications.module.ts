import { Module } from '@nestjs/common';
import { EmailJob } from './email.job';
import { FanOutJob } from './fan-out.job';
import { Mailer } from './mailer';
import { OutboxRelay } from './outbox-relay';

/** The outbox relay and the jobs of the `notifications` queue: fan-out, instant e-mail. */
@Module({ providers: [OutboxRelay, FanOutJob, EmailJob, Mailer], exports: [OutboxRelay] })
export class NotificationsJobsModule {}
