import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  NotificationDto,
  NotificationListQuery,
  NotificationPreference,
  OutboxStats,
  Page,
  UnreadCount,
  UpdateNotificationPreferences,
} from '@pratique/contracts';
import { Observable } from 'rxjs';

/** The reader's notifications and preferences; the outbox and queue figures for admins. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);

  list(query: NotificationListQuery = {}): Observable<Page<NotificationDto>> {
    let params = new HttpParams();
    if (query.unread) params = params.set('unread', 'true');
    if (query.page) params = params.set('page', query.page);
    if (query.pageSize) params = params.set('pageSize', query.pageSize);
    return this.http.get<Page<NotificationDto>>(ApiRoutes.notifications, { params });
  }
  unreadCount(): Observable<UnreadCount> {
    return this.http.get<UnreadCount>(ApiRoutes.notificationsUnreadCount);
  }
  markRead(id: string): Observable<void> {
    return this.http.post<void>(ApiRoutes.notificationRead(id), {});
  }
  markAllRead(): Observable<{ updated: number }> {
    return this.http.post<{ updated: number }>(ApiRoutes.notificationsReadAll, {});
  }
  preferences(): Observable<NotificationPreference[]> {
    return this.http.get<NotificationPreference[]>(ApiRoutes.notificationPreferences);
  }
  updatePreferences(body: UpdateNotificationPreferences): Observable<NotificationPreference[]> {
    return this.http.put<NotificationPreference[]>(ApiRoutes.notificationPreferences, body);
  }

  // ---------- admin ----------
  outboxStats(): Observable<OutboxStats> {
    return this.http.get<OutboxStats>(ApiRoutes.adminOutboxStats);
  }
}
