/**
 * A member's own notifications and preferences. Every query is scoped by the caller's id, so
 * someone else's notification is simply not found (404).
 */
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DEFAULT_NOTIFICATION_CHANNEL,
  NOTIFICATION_TYPES,
  NotificationChannel,
  NotificationDto,
  NotificationPreference,
  NotificationType,
  OutboxStats,
  Page,
  UnreadCount,
} from '@pratique/contracts';
import { DataSource } from 'typeorm';
import { NotificationListQueryDto, UpdatePreferencesDto } from './dto/notifications.dto';
import { ApiQueues } from './queues/api-queues';

interface Row {
  id: string;
  type: NotificationType;
  payload: NotificationDto['payload'];
  created_at: Date;
  read_at: Date | null;
  total: number;
}

@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queues: ApiQueues,
  ) {}

  async list(userId: string, q: NotificationListQueryDto): Promise<Page<NotificationDto>> {
    const rows: Row[] = await this.db.query(
      `SELECT id::text, type, payload, created_at, read_at, count(*) OVER ()::int AS total
         FROM notification WHERE user_id = $1 AND ($2::boolean IS NOT TRUE OR read_at IS NULL)
        ORDER BY id DESC LIMIT $3 OFFSET $4`,
      [userId, q.unread ?? false, q.pageSize, (q.page - 1) * q.pageSize],
    );
    const total = rows[0]?.total ?? (q.page > 1 ? await this.count(userId, q.unread ?? false) : 0);
    return {
      items: rows.map((r) => ({ id: r.id, type: r.type, payload: r.payload, createdAt: r.created_at.toISOString(), readAt: r.read_at?.toISOString() ?? null })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async unreadCount(userId: string): Promise<UnreadCount> {
    return { unread: await this.count(userId, true) };
  }

  async markRead(userId: string, id: string): Promise<void> {
    const rows: unknown[] = await this.db.query(
      `UPDATE notification SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id`,
      [id, userId],
    );
    // UPDATE … RETURNING through TypeORM's postgres driver answers [rows, count].
    const updated = Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : rows.length;
    if (!updated)
      throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: 'This notification does not exist', errors: [{ field: 'id', reason: 'is not one of your notifications' }] });
  }

  async markAllRead(userId: string): Promise<{ updated: number }> {
    const [, updated] = (await this.db.query(`UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [userId])) as [unknown, number];
    return { updated: updated ?? 0 };
  }

  async preferences(userId: string): Promise<NotificationPreference[]> {
    const rows: { type: NotificationType; channel: NotificationChannel }[] = await this.db.query(
      `SELECT type, channel FROM notification_preference WHERE user_id = $1`,
      [userId],
    );
    const chosen = new Map(rows.map((r) => [r.type, r.channel]));
    return NOTIFICATION_TYPES.map((type) => ({
      type,
      channel: chosen.get(type) ?? DEFAULT_NOTIFICATION_CHANNEL[type],
      isDefault: !chosen.has(type),
    }));
  }

  async updatePreferences(userId: string, dto: UpdatePreferencesDto): Promise<NotificationPreference[]> {
    const latest = new Map(dto.preferences.map((p) => [p.type, p.channel]));
    await this.db.query(
      `INSERT INTO notification_preference (user_id, type, channel)
       SELECT $1, t.type, t.channel FROM unnest($2::text[], $3::text[]) AS t(type, channel)
       ON CONFLICT (user_id, type) DO UPDATE SET channel = EXCLUDED.channel, updated_at = now()`,
      [userId, [...latest.keys()], [...latest.values()]],
    );
    return this.preferences(userId);
  }

  /** The outbox backlog, and each queue's counts (or why they are unavailable). */
  async outboxStats(): Promise<OutboxStats> {
    const [row] = await this.db.query(
      `SELECT count(*)::int AS unrelayed, EXTRACT(EPOCH FROM now() - min(created_at))::float AS age
         FROM outbox WHERE relayed_at IS NULL`,
    );
    const backlog = { unrelayed: row.unrelayed, oldestUnrelayedAgeSeconds: row.age === null ? null : Math.max(0, Math.round(row.age)) };
    try {
      return { ...backlog, queues: await this.queues.counts() };
    } catch (err) {
      return { ...backlog, queues: [], queuesError: (err as Error).message };
    }
  }

  private async count(userId: string, unreadOnly: boolean): Promise<number> {
    const [row] = await this.db.query(
      `SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND ($2::boolean IS NOT TRUE OR read_at IS NULL)`,
      [userId, unreadOnly],
    );
    return row.n;
  }
}
