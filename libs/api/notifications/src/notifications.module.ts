import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { QueueDashboardModule } from './queues/queue-dashboard.module';

/**
 * A member's notifications (written by the worker) and preferences; for admins, the outbox
 * backlog, the queues' counts and the queue dashboard.
 */
@Module({ imports: [QueueDashboardModule], controllers: [NotificationsController], providers: [NotificationsService] })
export class NotificationsModule {}
