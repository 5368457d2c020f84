import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, Authorize, CurrentActor, isAdmin } from '@pratique/api/accounts';
import { NotificationDto, NotificationPreference, OutboxStats, Page, UnreadCount } from '@pratique/contracts';
import { NotificationListQueryDto, UpdatePreferencesDto } from './dto/notifications.dto';
import { NotificationIdPipe } from './notification-id.pipe';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  @Authorize()
  list(@CurrentActor() actor: Actor, @Query() q: NotificationListQueryDto): Promise<Page<NotificationDto>> {
    return this.notifications.list(actor.id, q);
  }

  @Get('notifications/unread-count')
  @Authorize()
  unreadCount(@CurrentActor() actor: Actor): Promise<UnreadCount> {
    return this.notifications.unreadCount(actor.id);
  }

  @Post('notifications/read-all')
  @HttpCode(200)
  @Authorize()
  readAll(@CurrentActor() actor: Actor): Promise<{ updated: number }> {
    return this.notifications.markAllRead(actor.id);
  }

  @Get('notifications/preferences')
  @Authorize()
  preferences(@CurrentActor() actor: Actor): Promise<NotificationPreference[]> {
    return this.notifications.preferences(actor.id);
  }

  @Put('notifications/preferences')
  @Authorize()
  updatePreferences(@CurrentActor() actor: Actor, @Body() dto: UpdatePreferencesDto): Promise<NotificationPreference[]> {
    return this.notifications.updatePreferences(actor.id, dto);
  }

  @Post('notifications/:id/read')
  @HttpCode(204)
  @Authorize()
  read(@CurrentActor() actor: Actor, @Param('id', NotificationIdPipe) id: string): Promise<void> {
    return this.notifications.markRead(actor.id, id);
  }

  @Get('admin/outbox-stats')
  @Authorize(isAdmin)
  outboxStats(): Promise<OutboxStats> {
    return this.notifications.outboxStats();
  }
}
