/**
 * 4. Registration burst: N members register for a fresh seminar of S seats at the same moment.
 * Correct means every request answered 201, exactly S confirmed, the rest waitlisted at
 * positions 1..N−S each once, and the seminar's counter at S.
 */
import * as hdr from 'hdr-histogram-js';
import { Agent, request } from 'undici';
import { BenchContext, Scenario, waitForIdleWorker } from '../lib/context';
import { cloneSessions } from '../lib/sessions';
import { besideBaseline } from './baselines';

export const registrationBurst: Scenario = async (ctx) => {
  const { requests, seats } = ctx.options.burst;
  const { db } = ctx;
  const members: { id: string }[] = await db
    .query(
      `SELECT u.id FROM app_user u
        WHERE u.deleted_at IS NULL AND u.suspended_at IS NULL AND EXISTS (SELECT 1 FROM membership m WHERE m.user_id = u.id)
          AND NOT EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = u.id)
        ORDER BY u.id LIMIT $1`,
      [requests],
    )
    .then((r) => r.rows);
  if (members.length < requests)
    throw new Error(`the dataset has ${members.length} members for a burst of ${requests}`);
  const seminarId = await freshSeminar(ctx, seats);
  ctx.step(
    `Registration burst: ${requests.toLocaleString('en')} concurrent registrations for ${seats} seats`,
  );
  const cookies = await cloneSessions(
    db,
    ctx.adminCookie,
    ctx.api.secret,
    members.map((m) => m.id),
  );
  const dispatcher = new Agent({ connections: requests, pipelining: 0, keepAliveTimeout: 10_000 });
  const url = `${ctx.api.url}/api/seminars/${seminarId}/registrations`;
  const latencies = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 600_000_000,
    numberOfSignificantValueDigits: 3,
  });
  const statuses = new Map<number, number>();
  const beside = await besideBaseline(
    ctx,
    async () => {
      const t0 = process.hrtime.bigint();
      let lastSeatAt = 0; // when the last confirmed answer arrived (s): the seats' phase, where requests queue on one row
      await Promise.all(
        cookies.map(async (cookie) => {
          const s = process.hrtime.bigint();
          const res = await request(url, {
            method: 'POST',
            headers: { cookie, 'content-type': 'application/json' },
            body: '{}',
            dispatcher,
          });
          const body = (await res.body.json().catch(() => null)) as { status?: string } | null;
          if (body?.status === 'confirmed')
            lastSeatAt = Math.max(lastSeatAt, Number(process.hrtime.bigint() - t0) / 1e9);
          latencies.recordValue(Math.max(1, Math.round(Number(process.hrtime.bigint() - s) / 1e3))); // µs
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        }),
      );
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      await dispatcher.close();
      return { seconds, lastSeatAt };
    },
    () => waitForIdleWorker(ctx),
  );
  const { seconds, lastSeatAt } = beside.result;

  const outcome = await checkOutcome(ctx, seminarId, requests, seats);
  const answered201 = statuses.get(201) ?? 0;
  const rps = Math.round((requests / seconds) * 10) / 10;
  const ratio = Math.round((rps / beside.reference.rps) * 100) / 100;
  const at = (p: number) => Math.round(latencies.getValueAtPercentile(p) / 100) / 10;
  const correct = answered201 === requests && outcome.ok;
  const [p50, p95, p99] = [at(50), at(95), at(99)];
  latencies.destroy();
  return {
    id: '4',
    name: `Registration burst (${requests.toLocaleString('en')} for ${seats} seats)`,
    ratio,
    goal: { min: 0.3 },
    met: correct && ratio >= 0.3,
    basis: `${requests.toLocaleString('en')} registrations answered in ${seconds.toFixed(2)} s = ${rps.toFixed(0)} req/s, against ${beside.reference.rps.toFixed(0)} req/s for ${beside.basis}`,
    rps,
    p50,
    p95,
    p99,
    outcome: {
      answered201,
      confirmed: outcome.confirmed,
      waitlisted: outcome.waitlisted,
      seatsTaken: outcome.seatsTaken,
      positionsExact: outcome.positionsExact,
      correct,
    },
    notes: [
      `Outcome: ${answered201} answered 201 (${[...statuses].map(([s, n]) => `${n} × ${s}`).join(', ')}); ${outcome.confirmed} confirmed, ${outcome.waitlisted} waitlisted` +
        ` (positions 1..${requests - seats} each once: ${outcome.positionsExact ? 'yes' : 'NO'}), seats_taken ${outcome.seatsTaken} — ${correct ? 'correct' : 'WRONG'}.`,
      `The last confirmed answer arrived ${lastSeatAt.toFixed(2)} s after the start (the ${seats} seats' phase); the waitlist took the remaining ${(seconds - lastSeatAt).toFixed(2)} s.`,
    ],
  };
};

async function freshSeminar(ctx: BenchContext, seats: number): Promise<string> {
  const { rows } = await ctx.db.query(
    `INSERT INTO seminar (region_id, kind, title, original_language, starts_at, ends_at, capacity, registration_opens_at, registration_closes_at,
                          audience, audience_organisation_ids, status, rule_k)
     SELECT (SELECT id FROM region ORDER BY code LIMIT 1), 'seminar', '{"fr":"Séminaire banc d’essai : inscriptions en rafale"}', 'fr',
            now() + interval '30 days', now() + interval '31 days', $1, now() - interval '1 day', now() + interval '20 days',
            'organisations', (SELECT array_agg(id) FROM organisation), 'open', 0
     RETURNING id`,
    [seats],
  );
  return rows[0].id;
}

async function checkOutcome(ctx: BenchContext, seminarId: string, requests: number, seats: number) {
  const { rows } = await ctx.db.query(
    `SELECT (SELECT count(*)::int FROM registration WHERE seminar_id = $1 AND status = 'confirmed') AS confirmed,
            (SELECT count(*)::int FROM registration WHERE seminar_id = $1 AND status = 'waitlisted') AS waitlisted,
            (SELECT seats_taken FROM seminar WHERE id = $1) AS "seatsTaken",
            (SELECT count(DISTINCT user_id)::int FROM registration WHERE seminar_id = $1) AS distinct_members`,
    [seminarId],
  );
  const o = rows[0] as {
    confirmed: number;
    waitlisted: number;
    seatsTaken: number;
    distinct_members: number;
  };
  // Positions as members see them: rank in the queue among the waitlisted.
  const positions = await ctx.db.query(
    `SELECT count(*)::int AS n, min(p)::int AS lo, max(p)::int AS hi, count(DISTINCT p)::int AS d
       FROM (SELECT row_number() OVER (ORDER BY queue_seq) AS p FROM registration WHERE seminar_id = $1 AND status = 'waitlisted') x`,
    [seminarId],
  );
  const p = positions.rows[0] as { n: number; lo: number; hi: number; d: number };
  const positionsExact =
    requests === seats
      ? p.n === 0
      : p.n === requests - seats && p.lo === 1 && p.hi === requests - seats && p.d === p.n;
  const ok =
    o.confirmed === seats &&
    o.waitlisted === requests - seats &&
    o.seatsTaken === seats &&
    o.distinct_members === requests &&
    positionsExact;
  return { ...o, positionsExact, ok };
}
