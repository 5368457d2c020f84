import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registration's one write as a function, `register_member`, called as a single statement outside
 * any explicit transaction. It was the same statement inside BEGIN … COMMIT, so the seminar row's
 * lock (taken by the seat's UPDATE) was held across a round trip to the API: COMMIT could only be
 * sent once the API had read the answer, and with thousands of requests queued in the API that
 * took tens of milliseconds, during which every other registration for the seminar waited (100
 * seats took 5.6 s in the bench's burst). Called on its own, the statement commits as soon as it
 * ends, inside PostgreSQL.
 *
 * What it does, for seminar `p_seminar` and member `p_user` with the eligibility snapshot
 * `p_snapshot` (read just before) at instant `p_at`; `p_confirmed`, `p_pending`, `p_waitlisted`
 * are the outbox event types:
 *  - `s`: the seminar, and whether its registration window is open at `p_at` (the same test as
 *    `registrationBlocked`, which the caller applies to the returned row);
 *  - `mine`: the member's registration, if any;
 *  - `ticket`: the place in the queue (arrival order), drawn only when the window is open and the
 *    member holds no active registration (none, or cancelled / declined: registering again is
 *    allowed) — and before the seat is tried, so a request that waits for the seminar row keeps
 *    its place ahead of those that arrive meanwhile;
 *  - `seat`: one conditional UPDATE takes a seat when one is free;
 *  - `claim`: the (seminar, member) row with its final status, or an earlier cancelled / declined
 *    row reused (a new place in the queue). A concurrent identical request that claimed first
 *    makes it return nothing (ON CONFLICT waits for it);
 *  - `event`: the outbox row (as `writeOutbox` writes it) for what was claimed.
 * A seat taken while the claim returned nothing (the identical twin won) is rolled back with the
 * rest of the block, and `duplicate` is true. The waitlist position is counted only for a
 * waitlisted answer: the statement does not see its own new row, so it is 1 + those waiting ahead.
 * No row at all: no such seminar.
 */
export class RegisterMemberFunction1700000012400 implements MigrationInterface {
  name = 'RegisterMemberFunction1700000012400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION register_member(p_seminar uuid, p_user uuid, p_snapshot jsonb, p_at timestamptz,
                                      p_confirmed text, p_pending text, p_waitlisted text)
      RETURNS TABLE (region_id uuid, seminar_status text, starts_at timestamptz, registration_opens_at timestamptz,
                     registration_closes_at timestamptz, took_seat boolean, id uuid, status text, created_at timestamptz,
                     "position" int, mine_id uuid, mine_status text, mine_created_at timestamptz, mine_snapshot jsonb,
                     mine_position int, duplicate boolean)
      LANGUAGE plpgsql VOLATILE AS $fn$
      #variable_conflict use_column
      DECLARE
        res record;
        dup boolean := false;
      BEGIN
        BEGIN
          WITH s AS (
            SELECT s.region_id, s.status AS seminar_status, s.starts_at, s.registration_opens_at, s.registration_closes_at,
                   (s.status = 'open' AND s.starts_at > p_at AND s.registration_opens_at <= p_at AND s.registration_closes_at > p_at) AS open
              FROM seminar s WHERE s.id = p_seminar
          ), mine AS (
            SELECT r.id, r.status, r.created_at, r.queue_seq, r.eligibility_snapshot FROM registration r
             WHERE r.seminar_id = p_seminar AND r.user_id = p_user
          ), ticket AS (
            SELECT nextval(pg_get_serial_sequence('registration', 'queue_seq')) AS seq
              FROM s WHERE s.open AND NOT EXISTS (SELECT FROM mine WHERE mine.status NOT IN ('cancelled', 'declined'))
          ), seat AS (
            UPDATE seminar SET seats_taken = seats_taken + 1
             WHERE id = p_seminar AND seats_taken < capacity AND EXISTS (SELECT FROM ticket)
            RETURNING requires_confirmation
          ), claim AS (
            INSERT INTO registration AS r (seminar_id, user_id, status, queue_seq, eligibility_snapshot)
            SELECT p_seminar, p_user,
                   COALESCE((SELECT CASE WHEN requires_confirmation THEN 'pending' ELSE 'confirmed' END FROM seat), 'waitlisted'),
                   t.seq, p_snapshot
              FROM ticket t
            ON CONFLICT (seminar_id, user_id) DO UPDATE
               SET status = EXCLUDED.status, eligibility_snapshot = EXCLUDED.eligibility_snapshot, queue_seq = EXCLUDED.queue_seq,
                   created_at = now(), updated_at = now()
             WHERE r.status IN ('cancelled', 'declined')
            RETURNING r.id, r.status, r.created_at, r.queue_seq
          ), event AS (
            INSERT INTO outbox (type, payload)
            SELECT CASE c.status WHEN 'confirmed' THEN p_confirmed WHEN 'pending' THEN p_pending ELSE p_waitlisted END,
                   jsonb_build_object('registrationId', c.id, 'seminarId', p_seminar, 'userId', p_user)
              FROM claim c
          )
          SELECT s.region_id, s.seminar_status, s.starts_at, s.registration_opens_at, s.registration_closes_at,
                 EXISTS (SELECT FROM seat) AS took_seat,
                 c.id, c.status, c.created_at,
                 CASE WHEN c.status = 'waitlisted' THEN 1 + (SELECT count(*)::int FROM registration w
                       WHERE w.seminar_id = p_seminar AND w.status = 'waitlisted' AND w.queue_seq < c.queue_seq) END AS position,
                 m.id AS mine_id, m.status AS mine_status, m.created_at AS mine_created_at,
                 CASE WHEN c.id IS NULL THEN m.eligibility_snapshot END AS mine_snapshot,
                 CASE WHEN c.id IS NULL AND m.status = 'waitlisted' THEN (SELECT count(*)::int FROM registration w
                       WHERE w.seminar_id = p_seminar AND w.status = 'waitlisted' AND w.queue_seq <= m.queue_seq) END AS mine_position
            INTO res
            FROM s LEFT JOIN claim c ON true LEFT JOIN mine m ON true;
          IF NOT FOUND THEN
            RETURN;
          END IF;
          IF res.took_seat AND res.id IS NULL THEN
            RAISE SQLSTATE 'PR001'; -- the twin claimed first: undo this block's seat
          END IF;
        EXCEPTION WHEN SQLSTATE 'PR001' THEN
          dup := true;
        END;
        RETURN QUERY SELECT res.region_id, res.seminar_status::text, res.starts_at, res.registration_opens_at, res.registration_closes_at,
                            res.took_seat AND NOT dup, res.id, res.status::text, res.created_at, res.position, res.mine_id, res.mine_status::text,
                            res.mine_created_at, res.mine_snapshot, res.mine_position, dup;
      END
      $fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION register_member(uuid, uuid, jsonb, timestamptz, text, text, text)`);
  }
}
