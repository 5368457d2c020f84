import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, assertAllowed, SeminarPolicy } from '@pratique/api/accounts';
import { fieldError, preparedQuery, returnedRows, writeOutbox } from '@pratique/api/platform';
import {
  ACTIVE_REGISTRATION,
  DomainEventType,
  Eligibility,
  RegistrationDto,
  RegistrationStatus,
  SeminarStatus,
} from '@pratique/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { EligibilityService } from '../eligibility/eligibility.service';
import { registrationBlocked, SeminarsService } from '../seminars/seminars.service';

/** What a member may still cancel. */
const CANCELLABLE = [RegistrationStatus.Pending, RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted];

interface RegistrationRow {
  id: string;
  seminar_id: string;
  user_id: string;
  status: RegistrationStatus;
  created_at: Date;
  eligibility_snapshot: Eligibility;
}

/**
 * Registration's one write: the function `register_member` (migration 1700000012400 says what it
 * does, step by step). Called as a statement of its own, outside any explicit transaction, so the
 * seminar row's lock taken by the seat is released when the statement ends, inside PostgreSQL —
 * not after a round trip to this process, which made every registration wait for the one before.
 */
const REGISTER = `SELECT * FROM register_member($1, $2, $3, $4, $5, $6, $7)`;

/** Timestamps come as `Date`s, typed as the contracts' strings they serialise to (as `MINE` rows). */
type RegisterRow = {
  region_id: string;
  seminar_status: SeminarStatus;
  starts_at: string;
  registration_opens_at: string;
  registration_closes_at: string;
  took_seat: boolean;
  /** An identical request claimed the registration first; the seat this one took was given back. */
  duplicate: boolean;
} & (
  | { id: string; status: RegistrationStatus; created_at: string; position: number | null }
  | { id: null; status: null; created_at: null; position: null }
) &
  (
    | {
        mine_id: string;
        mine_status: RegistrationStatus;
        mine_created_at: string;
        mine_snapshot: Eligibility | null;
        mine_position: number | null;
      }
    | { mine_id: null; mine_status: null; mine_created_at: null; mine_snapshot: null; mine_position: null }
  );

const windowOf = (row: RegisterRow) => ({
  status: row.seminar_status,
  startsAt: row.starts_at,
  registrationOpensAt: row.registration_opens_at,
  registrationClosesAt: row.registration_closes_at,
});

/** The member's ($2) registration to the seminar ($1) as the API answers it; a position only when waitlisted. */
const MINE = `
  SELECT r.id, r.seminar_id AS "seminarId", r.user_id AS "userId", r.status, r.created_at AS "createdAt",
         r.eligibility_snapshot AS "eligibilitySnapshot",
         CASE WHEN r.status = 'waitlisted' THEN (SELECT count(*)::int FROM registration w
               WHERE w.seminar_id = r.seminar_id AND w.status = 'waitlisted' AND w.queue_seq <= r.queue_seq) END AS "waitlistPosition"
    FROM registration r WHERE r.seminar_id = $1 AND r.user_id = $2`;

const seminarNotFound = () =>
  new NotFoundException({
    statusCode: 404,
    error: 'Not Found',
    message: 'This seminar does not exist',
    errors: [{ field: 'id', reason: 'is not a known seminar' }],
  });

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

  /**
   * Registers the member in two statements, neither inside an explicit transaction: the
   * eligibility (and its explanation, stored as the snapshot), then `register_member`, which
   * checks the registration window, claims the (seminar, member) row, takes a seat if one is free
   * and writes the outbox event, and commits as it ends. (Read Committed gave the eligibility read
   * no more protection inside the transaction: each statement saw what had committed when it
   * began.) Refusals (404, 409, 403) and the idempotent answer to a member already registered are
   * decided from what the write answers, or on the refusal path by `refuse`.
   */
  async register(actor: Actor, seminarId: string): Promise<RegistrationDto> {
    const now = new Date();
    const eligibility = await this.eligibility.explain(actor.id, seminarId);
    if (!eligibility?.eligible) return this.refuse(actor, seminarId, eligibility, now);
    const [row] = await preparedQuery<RegisterRow>(this.db, REGISTER, [
      seminarId,
      actor.id,
      JSON.stringify(eligibility),
      now,
      DomainEventType.RegistrationConfirmed,
      DomainEventType.RegistrationPending,
      DomainEventType.RegistrationWaitlisted,
    ]);
    if (!row || !SeminarPolicy.view(actor, { regionId: row.region_id, status: row.seminar_status }))
      throw seminarNotFound();
    // Decided on the same row and instant as the statement's window test, which wrote nothing when closed.
    const blocked = registrationBlocked(windowOf(row), now);
    if (blocked) throw fieldError(409, 'seminar', blocked);
    if (row.id !== null)
      return {
        id: row.id,
        seminarId,
        userId: actor.id,
        status: row.status,
        createdAt: row.created_at,
        eligibilitySnapshot: eligibility,
        waitlistPosition: row.position,
      };
    // Nothing claimed: the member already holds a registration (claimed by an identical request
    // meanwhile, when `duplicate`: the seat this one took was given back).
    if (
      !row.duplicate &&
      row.mine_id !== null &&
      row.mine_snapshot &&
      ACTIVE_REGISTRATION.includes(row.mine_status)
    )
      return {
        id: row.mine_id,
        seminarId,
        userId: actor.id,
        status: row.mine_status,
        createdAt: row.mine_created_at,
        eligibilitySnapshot: row.mine_snapshot,
        waitlistPosition: row.mine_position,
      };
    // Claimed by a concurrent identical request committed after this statement's snapshot.
    return this.existing(seminarId, actor.id);
  }

  /**
   * Not eligible (or no such seminar): the refusal the member should see, in the order a request
   * is judged — unknown or invisible seminar (404), registration window (409), an active
   * registration already held (answered as is: registering is idempotent), then the explanation (403).
   */
  private async refuse(
    actor: Actor,
    seminarId: string,
    eligibility: Eligibility | null,
    now: Date,
  ): Promise<RegistrationDto> {
    const seminar = await this.seminars.visible(actor, seminarId);
    const blocked = registrationBlocked(seminar, now);
    if (blocked) throw fieldError(409, 'seminar', blocked);
    if (!eligibility) throw seminarNotFound();
    if (seminar.myRegistration && ACTIVE_REGISTRATION.includes(seminar.myRegistration)) {
      const existing = await this.mine(this.db.manager, seminarId, actor.id);
      if (existing) return existing;
    }
    throw new ForbiddenException({
      statusCode: 403,
      error: 'Forbidden',
      message: eligibility.inAudience
        ? `Not eligible yet: ${eligibility.stillNeeded} more requirement(s) to meet`
        : 'This seminar is for another audience',
      errors: [
        {
          field: 'eligibility',
          reason: eligibility.inAudience ? 'requirements not met' : 'not in the audience',
        },
      ],
      eligibility,
    });
  }

  /** The member cancels; a freed seat goes to the first waitlisted member who is still eligible. */
  async cancel(actor: Actor, seminarId: string): Promise<void> {
    const seminar = await this.seminars.visible(actor, seminarId);
    if (new Date(seminar.startsAt) <= new Date())
      throw fieldError(409, 'seminar', 'This seminar has already started');
    await this.db.transaction(async (tx) => {
      const [row] = await tx.query(
        `SELECT id, status FROM registration WHERE seminar_id = $1 AND user_id = $2 FOR UPDATE`,
        [seminarId, actor.id],
      );
      if (!row || !CANCELLABLE.includes(row.status))
        throw fieldError(404, 'registration', 'you have no active registration for this seminar');
      await tx.query(`UPDATE registration SET status = 'cancelled', updated_at = now() WHERE id = $1`, [
        row.id,
      ]);
      await writeOutbox(tx, {
        type: DomainEventType.RegistrationCancelled,
        payload: { registrationId: row.id, seminarId, userId: actor.id },
      });
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
    const rows: { id: string; status: RegistrationStatus; seminar_id: string; seminar_status: string }[] =
      await tx.query(
        `SELECT r.id, r.status, r.seminar_id, s.status AS seminar_status
         FROM registration r JOIN seminar s ON s.id = r.seminar_id
        WHERE r.user_id = $1 AND r.status = ANY($2::text[]) AND s.starts_at > now()
        ORDER BY r.seminar_id
          FOR UPDATE OF r`,
        [userId, CANCELLABLE],
      );
    for (const r of rows) {
      await tx.query(`UPDATE registration SET status = 'cancelled', updated_at = now() WHERE id = $1`, [
        r.id,
      ]);
      // A seat is passed on as in `cancel`; a cancelled seminar has none to pass on.
      if (r.status !== RegistrationStatus.Waitlisted && r.seminar_status !== 'cancelled')
        await this.releaseSeat(tx, r.seminar_id);
    }
    return rows.length;
  }

  /** Staff accept a pending registration. */
  async confirm(actor: Actor, registrationId: string): Promise<RegistrationDto> {
    return this.db.transaction(async (tx) => {
      const row = await this.manageable(tx, actor, registrationId);
      if (row.status === RegistrationStatus.Confirmed) return dtoOf(row);
      if (row.status !== RegistrationStatus.Pending)
        throw fieldError(409, 'status', `a ${row.status} registration cannot be confirmed`);
      await tx.query(`UPDATE registration SET status = 'confirmed', updated_at = now() WHERE id = $1`, [
        registrationId,
      ]);
      await writeOutbox(tx, {
        type: DomainEventType.RegistrationConfirmed,
        payload: { registrationId, seminarId: row.seminar_id, userId: row.user_id },
      });
      return dtoOf({ ...row, status: RegistrationStatus.Confirmed });
    });
  }

  /** Staff decline a pending (or waitlisted) registration; a freed seat is passed on. */
  async decline(actor: Actor, registrationId: string): Promise<RegistrationDto> {
    return this.db.transaction(async (tx) => {
      const row = await this.manageable(tx, actor, registrationId);
      if (row.status === RegistrationStatus.Declined) return dtoOf(row);
      if (![RegistrationStatus.Pending, RegistrationStatus.Waitlisted].includes(row.status))
        throw fieldError(409, 'status', `a ${row.status} registration cannot be declined`);
      await tx.query(`UPDATE registration SET status = 'declined', updated_at = now() WHERE id = $1`, [
        registrationId,
      ]);
      await writeOutbox(tx, {
        type: DomainEventType.RegistrationDeclined,
        payload: { registrationId, seminarId: row.seminar_id, userId: row.user_id },
      });
      if (row.status === RegistrationStatus.Pending) await this.releaseSeat(tx, row.seminar_id);
      return dtoOf({ ...row, status: RegistrationStatus.Declined });
    });
  }

  /** The member's registration to the seminar, read with `tx` (a fresh snapshot in READ COMMITTED). */
  private async mine(tx: EntityManager, seminarId: string, userId: string): Promise<RegistrationDto | null> {
    const [r] = await preparedQuery<RegistrationDto>(tx, MINE, [seminarId, userId]);
    return r ?? null;
  }

  /** The registration a concurrent identical request made: the answer to this one too. */
  private async existing(seminarId: string, userId: string): Promise<RegistrationDto> {
    const r = await this.mine(this.db.manager, seminarId, userId);
    if (!r) throw fieldError(409, 'registration', 'changed by a concurrent request; try again');
    return r;
  }

  /** One conditional update: true when a seat was free and is now taken. */
  private async takeSeat(tx: EntityManager, seminarId: string): Promise<boolean> {
    const rows = returnedRows(
      await tx.query(
        `UPDATE seminar SET seats_taken = seats_taken + 1 WHERE id = $1 AND seats_taken < capacity RETURNING id`,
        [seminarId],
      ),
    );
    return rows.length > 0;
  }

  /**
   * Frees a seat, then offers it to waitlisted members in arrival order, re-checking each one's
   * eligibility at promotion; those no longer eligible keep their place for later.
   */
  private async releaseSeat(tx: EntityManager, seminarId: string): Promise<void> {
    const [seminar] = returnedRows<{ requires_confirmation: boolean }>(
      await tx.query(
        `UPDATE seminar SET seats_taken = seats_taken - 1 WHERE id = $1 RETURNING requires_confirmation`,
        [seminarId],
      ),
    );
    const waiting: { id: string; user_id: string }[] = await tx.query(
      `SELECT id, user_id FROM registration WHERE seminar_id = $1 AND status = 'waitlisted' ORDER BY queue_seq FOR UPDATE`,
      [seminarId],
    );
    for (const w of waiting) {
      const eligibility = await this.eligibility.explain(w.user_id, seminarId, tx);
      if (!eligibility?.eligible) continue;
      if (!(await this.takeSeat(tx, seminarId))) return;
      const status = seminar.requires_confirmation
        ? RegistrationStatus.Pending
        : RegistrationStatus.Confirmed;
      await tx.query(
        `UPDATE registration SET status = $2, eligibility_snapshot = $3, updated_at = now() WHERE id = $1`,
        [w.id, status, JSON.stringify(eligibility)],
      );
      await writeOutbox(tx, {
        type: DomainEventType.RegistrationPromoted,
        payload: { registrationId: w.id, seminarId, userId: w.user_id },
      });
      return;
    }
  }

  private async manageable(
    tx: EntityManager,
    actor: Actor,
    registrationId: string,
  ): Promise<RegistrationRow & { region_id: string }> {
    const [row] = await tx.query(
      `SELECT r.*, s.region_id FROM registration r JOIN seminar s ON s.id = r.seminar_id WHERE r.id = $1 FOR UPDATE OF r`,
      [registrationId],
    );
    if (!row)
      throw new NotFoundException({
        statusCode: 404,
        error: 'Not Found',
        message: 'Unknown registration',
        errors: [{ field: 'id', reason: 'is not a known registration' }],
      });
    assertAllowed(
      SeminarPolicy.manage(actor, row.region_id),
      actor,
      'Only staff of this region and admins manage its registrations',
    );
    return row;
  }
}

/** The answer for a registration that is not waitlisted (confirmed, pending or declined by staff). */
function dtoOf(row: RegistrationRow): RegistrationDto {
  return {
    id: row.id,
    seminarId: row.seminar_id,
    userId: row.user_id,
    status: row.status,
    createdAt: row.created_at as unknown as string,
    eligibilitySnapshot: row.eligibility_snapshot,
    waitlistPosition: null,
  };
}
