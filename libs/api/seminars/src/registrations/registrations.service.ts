import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, assertAllowed, SeminarPolicy } from '@pratique/api/accounts';
import { fieldError, returnedRows, writeOutbox } from '@pratique/api/platform';
import { DomainEventType, Eligibility, RegistrationDto, RegistrationStatus } from '@pratique/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { EligibilityService } from '../eligibility/eligibility.service';
import { registrationBlocked, SeminarsService } from '../seminars/seminars.service';

/** What a member may still cancel. */
const CANCELLABLE = [RegistrationStatus.Pending, RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted];
const ACTIVE = [RegistrationStatus.Pending, RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted, RegistrationStatus.Attended, RegistrationStatus.NoShow];

interface RegistrationRow {
  id: string;
  seminar_id: string;
  user_id: string;
  status: RegistrationStatus;
  created_at: Date;
  eligibility_snapshot: Eligibility;
}

/**
 * Registration to a seminar. The gate is checked inside the transaction that takes the seat; a
 * seat is taken by one conditional UPDATE (`seats_taken < capacity`), so capacity holds whatever
 * the concurrency, and the (seminar, member) unique key makes registering twice harmless.
 */
@Injectable()
export class RegistrationsService {
  constructor(
    private readonly seminars: SeminarsService,
    private readonly eligibility: EligibilityService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async register(actor: Actor, seminarId: string): Promise<RegistrationDto> {
    const seminar = await this.seminars.visible(actor, seminarId);
    const blocked = registrationBlocked(seminar);
    if (blocked) throw fieldError(409, 'seminar', blocked);
    const id = await this.db.transaction(async (tx) => {
      const existing = await this.find(tx, seminarId, actor.id);
      if (existing && ACTIVE.includes(existing.status)) return existing.id; // idempotent
      const eligibility = (await this.eligibility.explain(actor.id, seminarId, tx))!;
      if (!eligibility.eligible)
        throw new ForbiddenException({
          statusCode: 403,
          error: 'Forbidden',
          message: eligibility.inAudience
            ? `Not eligible yet: ${eligibility.stillNeeded} more requirement(s) to meet`
            : 'This seminar is for another audience',
          errors: [{ field: 'eligibility', reason: eligibility.inAudience ? 'requirements not met' : 'not in the audience' }],
          eligibility,
        });
      // Claim the (seminar, member) row first: a concurrent duplicate gets nothing back and reads the winner's row.
      const [claimed] = await tx.query(
        `INSERT INTO registration (seminar_id, user_id, status, eligibility_snapshot) VALUES ($1, $2, 'waitlisted', $3)
         ON CONFLICT (seminar_id, user_id) DO UPDATE
            SET status = 'waitlisted', eligibility_snapshot = EXCLUDED.eligibility_snapshot,
                queue_seq = nextval(pg_get_serial_sequence('registration', 'queue_seq')), created_at = now(), updated_at = now()
          WHERE registration.status IN ('cancelled', 'declined')
         RETURNING id`,
        [seminarId, actor.id, JSON.stringify(eligibility)],
      );
      if (!claimed) return (await this.find(tx, seminarId, actor.id))!.id;
      const seat = await this.takeSeat(tx, seminarId);
      const status = seat ? (seminar.requiresConfirmation ? RegistrationStatus.Pending : RegistrationStatus.Confirmed) : RegistrationStatus.Waitlisted;
      await tx.query(`UPDATE registration SET status = $2 WHERE id = $1`, [claimed.id, status]);
      await writeOutbox(tx, {
        type: status === RegistrationStatus.Confirmed ? DomainEventType.RegistrationConfirmed : status === RegistrationStatus.Pending ? DomainEventType.RegistrationPending : DomainEventType.RegistrationWaitlisted,
        payload: { registrationId: claimed.id, seminarId, userId: actor.id },
      });
      return claimed.id as string;
    });
    return this.dto(id);
  }

  /** The member cancels; a freed seat goes to the first waitlisted member who is still eligible. */
  async cancel(actor: Actor, seminarId: string): Promise<void> {
    const seminar = await this.seminars.visible(actor, seminarId);
    if (new Date(seminar.startsAt) <= new Date()) throw fieldError(409, 'seminar', 'This seminar has already started');
    await this.db.transaction(async (tx) => {
      const [row] = await tx.query(`SELECT id, status FROM registration WHERE seminar_id = $1 AND user_id = $2 FOR UPDATE`, [seminarId, actor.id]);
      if (!row || !CANCELLABLE.includes(row.status))
        throw fieldError(404, 'registration', 'you have no active registration for this seminar');
      await tx.query(`UPDATE registration SET status = 'cancelled', updated_at = now() WHERE id = $1`, [row.id]);
      await writeOutbox(tx, { type: DomainEventType.RegistrationCancelled, payload: { registrationId: row.id, seminarId, userId: actor.id } });
      if (row.status !== RegistrationStatus.Waitlisted) await this.releaseSeat(tx, seminarId);
    });
  }

  /**
   * Account deletion, in the caller's transaction: every registration of the member to a seminar
   * that has not started is cancelled the way the member would cancel it (a freed seat goes to the
   * first waitlisted member still eligible, who is told). Registrations to past seminars stay, so
   * attendance counts do not change. Returns how many were cancelled.
   */
  async cancelUpcomingOf(tx: EntityManager, userId: string): Promise<number> {
    const rows: { id: string; status: RegistrationStatus; seminar_id: string; seminar_status: string }[] = await tx.query(
      `SELECT r.id, r.status, r.seminar_id, s.status AS seminar_status
         FROM registration r JOIN seminar s ON s.id = r.seminar_id
        WHERE r.user_id = $1 AND r.status = ANY($2::text[]) AND s.starts_at > now()
        ORDER BY r.seminar_id
          FOR UPDATE OF r`,
      [userId, CANCELLABLE],
    );
    for (const r of rows) {
      await tx.query(`UPDATE registration SET status = 'cancelled', updated_at = now() WHERE id = $1`, [r.id]);
      // A seat is passed on as in `cancel`; a cancelled seminar has none to pass on.
      if (r.status !== RegistrationStatus.Waitlisted && r.seminar_status !== 'cancelled') await this.releaseSeat(tx, r.seminar_id);
    }
    return rows.length;
  }

  /** Staff accept a pending registration. */
  async confirm(actor: Actor, registrationId: string): Promise<RegistrationDto> {
    await this.db.transaction(async (tx) => {
      const row = await this.manageable(tx, actor, registrationId);
      if (row.status === RegistrationStatus.Confirmed) return;
      if (row.status !== RegistrationStatus.Pending) throw fieldError(409, 'status', `a ${row.status} registration cannot be confirmed`);
      await tx.query(`UPDATE registration SET status = 'confirmed', updated_at = now() WHERE id = $1`, [registrationId]);
      await writeOutbox(tx, { type: DomainEventType.RegistrationConfirmed, payload: { registrationId, seminarId: row.seminar_id, userId: row.user_id } });
    });
    return this.dto(registrationId);
  }

  /** Staff decline a pending (or waitlisted) registration; a freed seat is passed on. */
  async decline(actor: Actor, registrationId: string): Promise<RegistrationDto> {
    await this.db.transaction(async (tx) => {
      const row = await this.manageable(tx, actor, registrationId);
      if (row.status === RegistrationStatus.Declined) return;
      if (![RegistrationStatus.Pending, RegistrationStatus.Waitlisted].includes(row.status))
        throw fieldError(409, 'status', `a ${row.status} registration cannot be declined`);
      await tx.query(`UPDATE registration SET status = 'declined', updated_at = now() WHERE id = $1`, [registrationId]);
      await writeOutbox(tx, { type: DomainEventType.RegistrationDeclined, payload: { registrationId, seminarId: row.seminar_id, userId: row.user_id } });
      if (row.status === RegistrationStatus.Pending) await this.releaseSeat(tx, row.seminar_id);
    });
    return this.dto(registrationId);
  }

  async dto(id: string): Promise<RegistrationDto> {
    const [r] = await this.db.query(
      `SELECT r.id, r.seminar_id AS "seminarId", r.user_id AS "userId", r.status, r.created_at AS "createdAt",
              r.eligibility_snapshot AS "eligibilitySnapshot",
              CASE WHEN r.status = 'waitlisted' THEN (SELECT count(*)::int FROM registration w
                    WHERE w.seminar_id = r.seminar_id AND w.status = 'waitlisted' AND w.queue_seq <= r.queue_seq) END AS "waitlistPosition"
         FROM registration r WHERE r.id = $1`,
      [id],
    );
    return r;
  }

  /** One conditional update: true when a seat was free and is now taken. */
  private async takeSeat(tx: EntityManager, seminarId: string): Promise<boolean> {
    const rows = returnedRows(await tx.query(`UPDATE seminar SET seats_taken = seats_taken + 1 WHERE id = $1 AND seats_taken < capacity RETURNING id`, [seminarId]));
    return rows.length > 0;
  }

  /**
   * Frees a seat, then offers it to waitlisted members in arrival order, re-checking each one's
   * eligibility at promotion; those no longer eligible keep their place for later.
   */
  private async releaseSeat(tx: EntityManager, seminarId: string): Promise<void> {
    const [seminar] = returnedRows<{ requires_confirmation: boolean }>(
      await tx.query(`UPDATE seminar SET seats_taken = seats_taken - 1 WHERE id = $1 RETURNING requires_confirmation`, [seminarId]),
    );
    const waiting: { id: string; user_id: string }[] = await tx.query(
      `SELECT id, user_id FROM registration WHERE seminar_id = $1 AND status = 'waitlisted' ORDER BY queue_seq FOR UPDATE`,
      [seminarId],
    );
    for (const w of waiting) {
      const eligibility = await this.eligibility.explain(w.user_id, seminarId, tx);
      if (!eligibility?.eligible) continue;
      if (!(await this.takeSeat(tx, seminarId))) return;
      const status = seminar.requires_confirmation ? RegistrationStatus.Pending : RegistrationStatus.Confirmed;
      await tx.query(`UPDATE registration SET status = $2, eligibility_snapshot = $3, updated_at = now() WHERE id = $1`, [w.id, status, JSON.stringify(eligibility)]);
      await writeOutbox(tx, { type: DomainEventType.RegistrationPromoted, payload: { registrationId: w.id, seminarId, userId: w.user_id } });
      return;
    }
  }

  private async find(tx: EntityManager, seminarId: string, userId: string): Promise<RegistrationRow | null> {
    const rows = await tx.query(`SELECT * FROM registration WHERE seminar_id = $1 AND user_id = $2 FOR UPDATE`, [seminarId, userId]);
    return rows[0] ?? null;
  }

  private async manageable(tx: EntityManager, actor: Actor, registrationId: string): Promise<RegistrationRow & { region_id: string }> {
    const [row] = await tx.query(
      `SELECT r.*, s.region_id FROM registration r JOIN seminar s ON s.id = r.seminar_id WHERE r.id = $1 FOR UPDATE OF r`,
      [registrationId],
    );
    if (!row) throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: 'Unknown registration', errors: [{ field: 'id', reason: 'is not a known registration' }] });
    assertAllowed(SeminarPolicy.manage(actor, row.region_id), actor, 'Only staff of this region and admins manage its registrations');
    return row;
  }
}
