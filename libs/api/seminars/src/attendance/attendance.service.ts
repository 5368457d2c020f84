import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, assertAllowed, SeminarPolicy } from '@pratique/api/accounts';
import { AppConfig, fieldError, returnedRows } from '@pratique/api/platform';
import { AttendanceRequest, CheckInCode, RegistrationStatus, SeminarStats } from '@pratique/contracts';
import { createHmac, timingSafeEqual } from 'crypto';
import { DataSource } from 'typeorm';
import { SeminarsService } from '../seminars/seminars.service';

/** How long a check-in code shown at the venue stays valid. */
export const CHECK_IN_TTL_MS = 15 * 60 * 1000;

@Injectable()
export class AttendanceService {
  constructor(
    private readonly seminars: SeminarsService,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** Staff mark many members attended / no-show at once; only confirmed (or already marked) registrations change. */
  async mark(actor: Actor, seminarId: string, dto: AttendanceRequest): Promise<{ updated: number }> {
    const s = await this.seminars.visible(actor, seminarId);
    assertAllowed(SeminarPolicy.manage(actor, s.regionId), actor, 'Only staff of this region and admins mark attendance');
    const rows = returnedRows(await this.db.query(
      `UPDATE registration r SET status = e.status, updated_at = now()
         FROM jsonb_to_recordset($2::jsonb) AS e(user_id uuid, status text)
        WHERE r.seminar_id = $1 AND r.user_id = e.user_id AND r.status IN ('confirmed', 'attended', 'no_show')
        RETURNING r.id`,
      [seminarId, JSON.stringify(dto.entries.map((e) => ({ user_id: e.userId, status: e.status })))],
    ));
    return { updated: rows.length };
  }

  /** A signed, time-limited code for the QR shown at the venue. */
  async code(actor: Actor, seminarId: string, baseUrl: string): Promise<CheckInCode> {
    const s = await this.seminars.visible(actor, seminarId);
    assertAllowed(SeminarPolicy.manage(actor, s.regionId), actor, 'Only staff of this region and admins show the check-in code');
    const expires = Date.now() + CHECK_IN_TTL_MS;
    const code = `${expires.toString(36)}.${this.sign(seminarId, expires)}`;
    return { code, expiresAt: new Date(expires).toISOString(), url: `${baseUrl}/seminars/${seminarId}/check-in?code=${encodeURIComponent(code)}` };
  }

  /** A member scans the code: their confirmed registration becomes attended. */
  async checkIn(actor: Actor, seminarId: string, code: string): Promise<{ status: RegistrationStatus }> {
    await this.seminars.visible(actor, seminarId);
    const [expiresPart, signature] = code.split('.');
    const expires = parseInt(expiresPart ?? '', 36);
    if (!Number.isFinite(expires) || !signature || !this.verify(seminarId, expires, signature)) throw fieldError(400, 'code', 'is not a valid check-in code for this seminar');
    if (expires < Date.now()) throw fieldError(400, 'code', 'has expired: scan the code shown now at the venue');
    const rows = returnedRows(await this.db.query(
      `UPDATE registration SET status = 'attended', checked_in_at = COALESCE(checked_in_at, now()), updated_at = now()
        WHERE seminar_id = $1 AND user_id = $2 AND status IN ('confirmed', 'attended') RETURNING status`,
      [seminarId, actor.id],
    ));
    if (!rows.length) throw fieldError(409, 'registration', 'you have no confirmed registration for this seminar');
    return { status: RegistrationStatus.Attended };
  }

  async stats(actor: Actor, seminarId: string): Promise<SeminarStats> {
    const s = await this.seminars.visible(actor, seminarId);
    assertAllowed(SeminarPolicy.manage(actor, s.regionId), actor, 'Only staff of this region and admins see these figures');
    const [row] = await this.db.query(STATS_SQL + ` WHERE s.id = $1 GROUP BY s.id`, [seminarId]);
    return toStats(row);
  }

  async regionStats(actor: Actor, regionId: string): Promise<SeminarStats[]> {
    assertAllowed(SeminarPolicy.manage(actor, regionId), actor, 'Only staff of this region and admins see these figures');
    const [region] = await this.db.query(`SELECT 1 FROM region WHERE id = $1`, [regionId]);
    if (!region) throw fieldError(404, 'regionId', 'is not a known region');
    const rows = await this.db.query(STATS_SQL + ` WHERE s.region_id = $1 GROUP BY s.id ORDER BY min(s.starts_at) DESC`, [regionId]);
    return rows.map(toStats);
  }

  private sign(seminarId: string, expires: number): string {
    return createHmac('sha256', this.config.get('SESSION_SECRET')).update(`check-in:${seminarId}:${expires}`).digest('base64url').slice(0, 22);
  }

  private verify(seminarId: string, expires: number, signature: string): boolean {
    const expected = Buffer.from(this.sign(seminarId, expires));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

const STATS_SQL = `
  SELECT s.id, s.capacity,
         count(*) FILTER (WHERE r.status = 'confirmed')::int AS confirmed,
         count(*) FILTER (WHERE r.status = 'pending')::int AS pending,
         count(*) FILTER (WHERE r.status = 'waitlisted')::int AS waitlisted,
         count(*) FILTER (WHERE r.status = 'attended')::int AS attended,
         count(*) FILTER (WHERE r.status = 'no_show')::int AS no_show
    FROM seminar s LEFT JOIN registration r ON r.seminar_id = s.id`;

function toStats(r: { id: string; capacity: number; confirmed: number; pending: number; waitlisted: number; attended: number; no_show: number }): SeminarStats {
  const marked = r.attended + r.no_show;
  return {
    seminarId: r.id,
    capacity: r.capacity,
    confirmed: r.confirmed,
    pending: r.pending,
    waitlisted: r.waitlisted,
    attended: r.attended,
    noShow: r.no_show,
    attendanceRate: marked ? Math.round((1000 * r.attended) / marked) / 10 : null,
    noShowRate: marked ? Math.round((1000 * r.no_show) / marked) / 10 : null,
  };
}
