/**
 * 20 members cancel their confirmed seats at the same moment, on a full seminar with 30 members
 * waiting: exactly 20 promotions, and they are the first 20 of the waitlist, promoted in waitlist
 * order (the outbox's promotion events follow the queue); the 10 still waiting keep positions
 * 1..10; seats stay at capacity, in the database and as the API reports them (`GET
 * /api/seminars/:id`: 20 taken, 10 waiting; each promoted member sees "confirmed", each one still
 * waiting their new position). With the real worker process and a real SMTP server, each
 * promoted member gets exactly one promotion notification and one promotion e-mail, and nobody
 * else gets either. A database and queue prefix of its own (the worker relays every event of its
 * database).
 */
process.env['DATABASE_POOL_SIZE'] = '30';

import { createOwnDatabase, createTestApp, makeOrganisation, makeRegion, makeSeminar, makeUser, MadeUser, OwnDatabase, startTestWorker, TestApp, TestWorker } from '@pratique/api/testing';
import { ApiRoutes, SeminarDetail } from '@pratique/contracts';
import request from 'supertest';
import { sessionsFor } from '../faults/member-sessions';
import { eventually, SmtpTrap, startSmtpTrap } from '../faults/smtp-trap';

jest.setTimeout(150_000);

const SEATS = 20;
const WAITING = 30;

describe('20 concurrent cancellations on a full seminar', () => {
  let own: OwnDatabase;
  let trap: SmtpTrap;
  let t: TestApp;
  let worker: TestWorker | undefined;

  beforeAll(async () => {
    own = await createOwnDatabase('cancellations');
    trap = await startSmtpTrap();
    t = await createTestApp({ env: { DATABASE_URL: own.url, QUEUE_PREFIX: own.queuePrefix } });
    worker = await startTestWorker({ env: { DATABASE_URL: own.url, QUEUE_PREFIX: own.queuePrefix, SMTP_URL: trap.url } });
  });
  afterAll(async () => {
    await worker?.kill();
    await t?.close();
    await trap?.close();
    await own?.drop();
  });

  it('promotes exactly the first 20 waiting, in order, each told once in the app and once by e-mail', async () => {
    const db = t.dataSource;
    const region = await makeRegion(db);
    const organisation = await makeOrganisation(db, region.id);
    const seminar = await makeSeminar(db, { regionId: region.id, capacity: SEATS });
    const members: MadeUser[] = [];
    for (let i = 0; i < SEATS + WAITING; i++) members.push(await makeUser(db, { regionId: region.id, organisationId: organisation.id }));
    const cookies = await sessionsFor(t, members[0], members.map((m) => m.id));
    const server = t.app.getHttpServer();
    // One by one, so the waitlist order is known: holders 0..19, then waiting 20..49.
    for (const [i, cookie] of cookies.entries()) {
      const res = await request(server).post(ApiRoutes.seminarRegistrations(seminar.id)).set('Cookie', cookie).send({}).expect(201);
      expect(res.body.status).toBe(i < SEATS ? 'confirmed' : 'waitlisted');
    }
    const holders = members.slice(0, SEATS);
    const waiting = members.slice(SEATS);
    const firstTwenty = waiting.slice(0, SEATS).map((m) => m.id);

    const answers = await Promise.all(cookies.slice(0, SEATS).map((cookie) => request(server).delete(ApiRoutes.myRegistration(seminar.id)).set('Cookie', cookie)));
    expect(answers.map((a) => a.status)).toEqual(Array(SEATS).fill(204));

    const statuses: { user_id: string; status: string }[] = await db.query(`SELECT user_id, status FROM registration WHERE seminar_id = $1`, [seminar.id]);
    const statusOf = new Map(statuses.map((r) => [r.user_id, r.status]));
    expect(holders.map((h) => statusOf.get(h.id))).toEqual(Array(SEATS).fill('cancelled'));
    expect(waiting.map((w) => statusOf.get(w.id))).toEqual([...Array(SEATS).fill('confirmed'), ...Array(WAITING - SEATS).fill('waitlisted')]);
    const promotions: { user_id: string }[] = await db.query(
      `SELECT payload ->> 'userId' AS user_id FROM outbox WHERE type = 'registration.promoted' AND payload ->> 'seminarId' = $1 ORDER BY id`,
      [seminar.id],
    );
    expect(promotions.map((p) => p.user_id)).toEqual(firstTwenty); // in waitlist order
    const [{ seats }] = await db.query(`SELECT seats_taken AS seats FROM seminar WHERE id = $1`, [seminar.id]);
    expect(seats).toBe(SEATS);
    const positions: { pos: number }[] = await db.query(
      `SELECT (SELECT count(*)::int FROM registration w WHERE w.seminar_id = r.seminar_id AND w.status = 'waitlisted' AND w.queue_seq <= r.queue_seq) AS pos
         FROM registration r WHERE r.seminar_id = $1 AND r.status = 'waitlisted' ORDER BY r.queue_seq`,
      [seminar.id],
    );
    expect(positions.map((p) => p.pos)).toEqual(Array.from({ length: WAITING - SEATS }, (_, i) => i + 1));
    // The same, as the API tells each member.
    const seen = await Promise.all(
      cookies.map(async (cookie) => (await request(server).get(ApiRoutes.seminar(seminar.id)).set('Cookie', cookie).expect(200)).body as SeminarDetail),
    );
    expect(seen.map((d) => [d.seatsTaken, d.waitlistCount])).toEqual(Array(SEATS + WAITING).fill([SEATS, WAITING - SEATS]));
    expect(seen.map((d) => [d.myRegistration, d.myWaitlistPosition])).toEqual([
      ...Array(SEATS).fill(['cancelled', null]),
      ...Array(SEATS).fill(['confirmed', null]),
      ...Array.from({ length: WAITING - SEATS }, (_, i) => ['waitlisted', i + 1]),
    ]);

    // The worker tells each promoted member once, in the app and by e-mail.
    const promotedNotes = () =>
      db.query(`SELECT user_id::text, count(*)::int AS n FROM notification WHERE type = 'registration.promoted' AND payload ->> 'seminarId' = $1 GROUP BY user_id`, [seminar.id]) as Promise<{ user_id: string; n: number }[]>;
    await eventually(promotedNotes, (rows) => rows.length === SEATS, 60_000, 200);
    const sentPromotions = () =>
      db.query(
        `SELECT count(*)::int AS n FROM email_delivery d JOIN outbox o ON o.id = d.outbox_id WHERE o.type = 'registration.promoted' AND o.payload ->> 'seminarId' = $1 AND d.sent_at IS NOT NULL`,
        [seminar.id],
      ) as Promise<{ n: number }[]>;
    await eventually(sentPromotions, (r) => r[0].n === SEATS, 60_000, 200);
    await new Promise((r) => setTimeout(r, 1500)); // anything extra would have arrived by now
    const notes = await promotedNotes();
    expect(notes.map((n) => n.n)).toEqual(Array(SEATS).fill(1));
    expect(new Set(notes.map((n) => n.user_id))).toEqual(new Set(firstTwenty));
    const promotionIds: { id: string; user_id: string }[] = await db.query(
      `SELECT id::text, payload ->> 'userId' AS user_id FROM outbox WHERE type = 'registration.promoted' AND payload ->> 'seminarId' = $1`,
      [seminar.id],
    );
    const mailsFor = (m: MadeUser) => {
      const ids = promotionIds.filter((p) => p.user_id === m.id).map((p) => `<notification.${p.id}.${m.id}@pratique.mail>`);
      return trap.to(m.email).filter((mail) => ids.includes(mail.messageId)).length;
    };
    expect(waiting.map(mailsFor)).toEqual([...Array(SEATS).fill(1), ...Array(WAITING - SEATS).fill(0)]);
    expect(holders.map(mailsFor)).toEqual(Array(SEATS).fill(0));
    console.log(`races: ${SEATS} concurrent cancellations → ${promotions.length} promotions in waitlist order, ${notes.length} members told once in the app and once by e-mail`);
  });
});
