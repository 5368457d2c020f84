/**
 * The seminars part of the demo seed, run by `seedDemoData` inside its transaction after the
 * e-learning part: the seminars and workshops of DEMO_SEMINARS with their rule
 * (seminar_requirement) and the members' registrations. Seeded registrations are history, not
 * events to relay: each new one gets its notification as the worker would have written it then
 * (an outbox row already relayed, and the member's in-app notification), so the bell is not
 * empty in the demo and no e-mail is sent for the past.
 *
 * Idempotent without overwriting what staff change afterwards:
 *  - a seminar is keyed on (region, title in French) and created with its requirements only
 *    when missing; an existing one is left as it is (rule, dates, status);
 *  - registrations are inserted ON CONFLICT (seminar_id, user_id) DO NOTHING, in queue order,
 *    each with the eligibility the API's gate computes for the member right now
 *    (EligibilityService.explain, the very code behind `POST /seminars/:id/registrations`);
 *    a seat-holding one is only added while a seat is free;
 *  - `seats_taken` is then set to the number of seat-holding registrations (pending, confirmed,
 *    attended, no_show), written only when it differs, so a second run writes nothing.
 */
import {
  DEFAULT_NOTIFICATION_CHANNEL,
  DomainEventType,
  SEAT_HOLDING,
  type Eligibility,
  type NotificationType,
} from '@pratique/contracts';
import type { EntityManager } from 'typeorm';
import { EligibilityRepository } from '../../libs/api/seminars/src/eligibility/eligibility.repository';
import { EligibilityService } from '../../libs/api/seminars/src/eligibility/eligibility.service';
import { checkRule } from '../../libs/api/seminars/src/eligibility/rule';
import { DEMO_MODULES, DEMO_SEMINARS, DemoMoment, DemoSeminar } from './demo-content';
import { moduleKey } from './demo-learning';

/** Progress steps reported by `seedDemoSeminars`: one per seminar. */
export const SEMINAR_STEPS = DEMO_SEMINARS.length;

export interface SeminarsSeedSummary {
  seminars: number;
  newSeminars: number;
  /** Registrations of the demo seminars (whoever made them). */
  registrations: number;
  newRegistrations: number;
}

export interface SeminarSeedIds {
  regionIds: Map<string, string>;
  orgIds: Map<string, string>;
  spaceIds: Map<string, string>;
  userIds: Map<string, string>;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Tunisia is UTC+1 all year (no daylight saving since 2009). */
const TUNIS_OFFSET = HOUR;

/** A demo moment as an instant: `dayOffset` days from today (Tunis calendar), at the local time. */
export function demoInstant(m: DemoMoment, now = Date.now()): Date {
  const localMidnight = Math.floor((now + TUNIS_OFFSET) / DAY) * DAY - TUNIS_OFFSET;
  const [h, min] = m.at.split(':').map(Number);
  return new Date(localMidnight + m.dayOffset * DAY + h * HOUR + min * 60_000);
}

export async function seedDemoSeminars(
  db: EntityManager,
  ids: SeminarSeedIds,
  step: (label: string) => void,
): Promise<SeminarsSeedSummary> {
  // The gate itself: the repository only reads, through the transaction passed to `explain`.
  const gate = new EligibilityService(new EligibilityRepository(db.connection));
  const now = Date.now();
  const seminarIds: string[] = [];
  let newSeminars = 0;
  let newRegistrations = 0;

  for (const s of DEMO_SEMINARS) {
    const regionId = need(ids.regionIds.get(s.region), `region ${s.region}`);
    const [found]: Array<{ id: string }> = await db.query(
      `SELECT id FROM seminar WHERE region_id = $1 AND title->>'fr' = $2 ORDER BY created_at LIMIT 1`,
      [regionId, s.title.fr],
    );
    let seminarId = found?.id;
    const created = !seminarId;
    if (!seminarId) {
      seminarId = await insertSeminar(db, s, regionId, ids, now);
      newSeminars++;
    }
    seminarIds.push(seminarId);
    newRegistrations += await seedRegistrations(db, gate, s, seminarId, ids.userIds, created);
    step(`seminar ${s.title.fr}`);
  }

  // seats_taken = seat-holding registrations, as RegistrationsService keeps it.
  await db.query(
    `UPDATE seminar s SET seats_taken = c.taken
       FROM (SELECT s2.id, (SELECT count(*)::int FROM registration r
                             WHERE r.seminar_id = s2.id AND r.status = ANY($2::text[])) AS taken
               FROM seminar s2 WHERE s2.id = ANY($1::uuid[])) c
      WHERE s.id = c.id AND s.seats_taken <> c.taken`,
    [seminarIds, SEAT_HOLDING],
  );
  const [{ registrations }] = await db.query(
    `SELECT count(*)::int AS registrations FROM registration WHERE seminar_id = ANY($1::uuid[])`,
    [seminarIds],
  );
  return { seminars: DEMO_SEMINARS.length, newSeminars, registrations, newRegistrations };
}

async function insertSeminar(
  db: EntityManager,
  s: DemoSeminar,
  regionId: string,
  ids: SeminarSeedIds,
  now: number,
): Promise<string> {
  // One query at a time: the transaction has a single connection.
  const requirements: Array<{ moduleId: string; minPercent: number }> = [];
  for (const r of s.rule.requirements)
    requirements.push({ moduleId: await moduleId(db, r.module, ids), minPercent: r.minPercent });
  const problems = checkRule({ k: s.rule.k, requirements });
  if (problems.length)
    throw new Error(`Demo seminar ${s.title.fr}: impossible rule ${JSON.stringify(problems)}`);
  const unpublished: Array<{ id: string }> = await db.query(
    `SELECT id FROM module WHERE id = ANY($1::uuid[]) AND status <> 'published'`,
    [requirements.map((r) => r.moduleId)],
  );
  if (unpublished.length)
    throw new Error(`Demo seminar ${s.title.fr} requires a module that is not published`);
  if (s.audience === 'space' && !s.space)
    throw new Error(`Demo seminar ${s.title.fr}: the space audience needs a space`);

  const at = (m: DemoMoment) => demoInstant(m, now).toISOString();
  const [row] = await db.query(
    `INSERT INTO seminar (region_id, space_id, kind, title, description, original_language, venue, address, online_url,
                          starts_at, ends_at, capacity, registration_opens_at, registration_closes_at, audience,
                          audience_organisation_ids, requires_confirmation, status, rule_k, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::timestamptz, $12, $13, $14, $15, $16, $17, $18::text, $19, $20,
             now() - make_interval(days => $21),
             -- the last change: attendance marked the day after, cancelled yesterday, otherwise creation
             CASE $18::text WHEN 'done' THEN $11::timestamptz + interval '1 day'
                            WHEN 'cancelled' THEN now() - interval '1 day'
                            ELSE now() - make_interval(days => $21) END)
     RETURNING id`,
    [
      regionId,
      s.space ? need(ids.spaceIds.get(s.space), `space ${s.space}`) : null,
      s.kind,
      JSON.stringify(s.title),
      JSON.stringify(s.description),
      s.originalLanguage,
      s.venue,
      s.address,
      s.onlineUrl ?? null,
      at(s.starts),
      at(s.ends),
      s.capacity,
      at(s.registrationOpens),
      at(s.registrationCloses),
      s.audience,
      s.audience === 'organisations'
        ? (s.organisations ?? []).map((o) => need(ids.orgIds.get(o), `organisation ${o}`))
        : [],
      s.requiresConfirmation ?? false,
      s.status,
      s.rule.k,
      need(ids.userIds.get(s.createdBy), `user ${s.createdBy}`),
      s.createdDaysAgo,
    ],
  );
  for (const [position, r] of requirements.entries())
    await db.query(
      `INSERT INTO seminar_requirement (seminar_id, module_id, min_percent, position) VALUES ($1, $2, $3, $4)`,
      [row.id, r.moduleId, r.minPercent, position],
    );
  return row.id;
}

/**
 * The seminar's demo registrations still missing, in queue order (earliest first, so queue_seq
 * follows), each with the gate's answer for the member. A member the gate refuses is a mistake
 * in the demo content when the seminar was just created; on an existing seminar (whose rule
 * staff may have changed) they are skipped, like a seat-holding registration without a seat.
 */
async function seedRegistrations(
  db: EntityManager,
  gate: EligibilityService,
  s: DemoSeminar,
  seminarId: string,
  userIds: Map<string, string>,
  created: boolean,
): Promise<number> {
  if (!s.registrations.length) return 0;
  const present: Array<{ user_id: string; seat: boolean }> = await db.query(
    `SELECT user_id, status = ANY($2::text[]) AS seat FROM registration WHERE seminar_id = $1`,
    [seminarId, SEAT_HOLDING],
  );
  const [{ capacity, starts_at }] = await db.query(`SELECT capacity, starts_at FROM seminar WHERE id = $1`, [
    seminarId,
  ]);
  const known = new Set(present.map((p) => p.user_id));
  let seats = present.filter((p) => p.seat).length;
  let inserted = 0;
  for (const r of [...s.registrations].sort((a, b) => b.daysAgo - a.daysAgo)) {
    const userId = need(userIds.get(r.email), `user ${r.email}`);
    if (known.has(userId)) continue;
    const holdsSeat = (SEAT_HOLDING as readonly string[]).includes(r.status);
    if (holdsSeat && seats >= capacity) continue;
    const eligibility: Eligibility | null = await gate.explain(userId, seminarId, db);
    if (!eligibility?.eligible) {
      if (created)
        throw new Error(
          `Demo registration of ${r.email} to ${s.title.fr}: the gate refuses it (${JSON.stringify(eligibility)})`,
        );
      continue;
    }
    const rows = await db.query(
      `INSERT INTO registration (seminar_id, user_id, status, eligibility_snapshot, checked_in_at, created_at, updated_at)
       VALUES ($1, $2, $3::text, $4, CASE WHEN $5::boolean THEN $6::timestamptz + interval '20 minutes' END,
               now() - make_interval(days => $7),
               CASE $3::text WHEN 'attended' THEN $6::timestamptz + interval '1 day'
                             WHEN 'no_show' THEN $6::timestamptz + interval '1 day'
                             WHEN 'cancelled' THEN now() - make_interval(days => $7) + interval '2 days'
                             ELSE now() - make_interval(days => $7) END)
       ON CONFLICT (seminar_id, user_id) DO NOTHING
       RETURNING id`,
      [seminarId, userId, r.status, JSON.stringify(eligibility), r.checkedIn ?? false, starts_at, r.daysAgo],
    );
    if (rows.length) {
      inserted++;
      if (holdsSeat) seats++;
      await notifyAsHistory(db, { registrationId: rows[0].id, seminarId, userId, status: r.status, daysAgo: r.daysAgo });
    }
  }
  return inserted;
}

const NOTIFIED_AS: Record<string, NotificationType> = {
  confirmed: DomainEventType.RegistrationConfirmed,
  attended: DomainEventType.RegistrationConfirmed,
  no_show: DomainEventType.RegistrationConfirmed,
  pending: DomainEventType.RegistrationPending,
  waitlisted: DomainEventType.RegistrationWaitlisted,
  cancelled: DomainEventType.RegistrationCancelled,
  declined: DomainEventType.RegistrationDeclined,
};

/** The notification a seeded registration would have given its member, dated when it happened. */
async function notifyAsHistory(
  db: EntityManager,
  r: { registrationId: string; seminarId: string; userId: string; status: string; daysAgo: number },
): Promise<void> {
  const type = NOTIFIED_AS[r.status];
  if (!type) return;
  const [o] = await db.query(
    `INSERT INTO outbox (type, payload, created_at, relayed_at)
     VALUES ($1, $2, now() - make_interval(days => $3), now() - make_interval(days => $3)) RETURNING id`,
    [type, JSON.stringify({ registrationId: r.registrationId, seminarId: r.seminarId, userId: r.userId }), r.daysAgo],
  );
  await db.query(
    `INSERT INTO notification (user_id, outbox_id, type, payload, channel, created_at, read_at)
     SELECT $1, $2, $3, jsonb_build_object('registrationId', $4::text, 'seminarId', s.id, 'title', s.title,
                                           'originalLanguage', s.original_language, 'startsAt', s.starts_at),
            $5, now() - make_interval(days => $6), CASE WHEN $6 > 7 THEN now() END
       FROM seminar s WHERE s.id = $7
     ON CONFLICT DO NOTHING`,
    [r.userId, o.id, type, r.registrationId, DEFAULT_NOTIFICATION_CHANNEL[type] === 'off' ? 'in_app' : DEFAULT_NOTIFICATION_CHANNEL[type], r.daysAgo, r.seminarId],
  );
}

/** A demo module's id, found like demo-learning finds it: space, original language, title. */
async function moduleId(db: EntityManager, key: string, ids: SeminarSeedIds): Promise<string> {
  const m = need(
    DEMO_MODULES.find((x) => moduleKey(x) === key),
    `module ${key}`,
  );
  const [row]: Array<{ id: string }> = await db.query(
    `SELECT id FROM module WHERE space_id = $1 AND original_language = $2::text AND title->>($2::text) = $3
      ORDER BY created_at LIMIT 1`,
    [need(ids.spaceIds.get(m.space), `space ${m.space}`), m.originalLanguage, key],
  );
  return need(row?.id, `module ${key} (not in the database)`);
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Demo data refers to an unknown ${what}`);
  return value;
}
