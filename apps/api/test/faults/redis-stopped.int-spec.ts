/**
 * Redis killed while members register: with the API and the real worker on a Redis of this file's
 * own, the redis-server is SIGKILLed, then 1,000 members register for 10 seminars of 40 seats
 * (400 confirmed, 600 waitlisted). Every request answers 2xx and the registrations are right; the
 * health check names Redis as down; the events wait in the outbox. Redis is started again on the
 * same port (empty, as after a crash without persistence): every member then gets exactly one
 * notification of the right type and exactly one e-mail, and no other mail arrives.
 */
import { createOwnDatabase, createTestApp, makeManyUsers, makeOrganisation, makeRegion, makeSeminar, makeUser, OwnDatabase, startTestWorker, TestApp, TestWorker } from '@pratique/api/testing';
import { ApiRoutes } from '@pratique/contracts';
import request from 'supertest';
import { sessionsFor } from './member-sessions';
import { PrivateRedis, startPrivateRedis } from './private-redis';
import { eventually, SmtpTrap, startSmtpTrap } from './smtp-trap';

jest.setTimeout(150_000);

const MEMBERS = 1000;
const SEMINARS = 10;
const SEATS = 40;
const PARALLEL = 20;

describe('Redis stopped during 1,000 registrations', () => {
  let redis: PrivateRedis;
  let own: OwnDatabase;
  let trap: SmtpTrap;
  let t: TestApp;
  let worker: TestWorker | undefined;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    own = await createOwnDatabase('redis_stopped');
    trap = await startSmtpTrap();
    t = await createTestApp({ env: { REDIS_URL: redis.url, DATABASE_URL: own.url, QUEUE_PREFIX: own.queuePrefix } });
  });

  afterAll(async () => {
    await worker?.kill();
    await t?.close();
    await redis?.close();
    await trap?.close();
    await own?.drop();
  });

  it('keeps registering members, then delivers every notification exactly once when Redis returns', async () => {
    const db = t.dataSource;
    const region = await makeRegion(db);
    const organisation = await makeOrganisation(db, region.id);
    const signer = await makeUser(db, { regionId: region.id, organisationId: organisation.id });
    const members = await makeManyUsers(db, MEMBERS, region.id, organisation.id);
    const seminars = await Promise.all(Array.from({ length: SEMINARS }, () => makeSeminar(db, { regionId: region.id, capacity: SEATS })));
    const warmUp = await makeSeminar(db, { regionId: region.id, capacity: 1 });
    const [signerCookie, ...cookies] = await sessionsFor(t, signer, [signer.id, ...members]);
    const server = t.app.getHttpServer();

    worker = await startTestWorker({
      env: { REDIS_URL: redis.url, DATABASE_URL: own.url, QUEUE_PREFIX: own.queuePrefix, SMTP_URL: trap.url, WORKER_CONCURRENCY: '10' },
    });
    // The pipeline works before the fault: a registration's e-mail arrives.
    await request(server).post(ApiRoutes.seminarRegistrations(warmUp.id)).set('Cookie', signerCookie).send({}).expect(201);
    expect(await eventually(() => trap.to(signer.email).length, (n) => n === 1, 30_000)).toBe(1);

    await redis.kill();

    const statuses = new Map<number, number>();
    const started = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        for (let i = next++; i < MEMBERS; i = next++) {
          const res = await request(server).post(ApiRoutes.seminarRegistrations(seminars[i % SEMINARS].id)).set('Cookie', cookies[i]).send({});
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    expect(Object.fromEntries(statuses)).toEqual({ 201: MEMBERS });

    const byStatus: { status: string; n: number }[] = await db.query(
      `SELECT status, count(*)::int AS n FROM registration WHERE seminar_id = ANY($1::uuid[]) GROUP BY status ORDER BY status`,
      [seminars.map((s) => s.id)],
    );
    expect(byStatus).toEqual([
      { status: 'confirmed', n: SEMINARS * SEATS },
      { status: 'waitlisted', n: MEMBERS - SEMINARS * SEATS },
    ]);
    const health = await request(server).get(ApiRoutes.health);
    expect(health.status).toBe(503);
    expect(health.body.details).toMatchObject({ database: { status: 'up' }, redis: { status: 'down' } });
    // The events wait in the database while Redis is away.
    const [{ waiting }] = await db.query(`SELECT count(*)::int AS waiting FROM outbox WHERE relayed_at IS NULL`);
    expect(waiting).toBe(MEMBERS);
    expect(trap.mails).toHaveLength(1);

    await redis.start();

    const memberEmails: string[] = (await db.query(`SELECT email FROM app_user WHERE id = ANY($1::uuid[])`, [members])).map((r: { email: string }) => r.email);
    const emailed = new Set(memberEmails);
    const mailsToMembers = () => trap.mails.filter((m) => m.to.some((a) => emailed.has(a)));
    const restarted = Date.now();
    await eventually(() => new Set(mailsToMembers().map((m) => m.messageId)).size, (n) => n >= MEMBERS, 90_000, 250);
    const deliverySeconds = (Date.now() - restarted) / 1000;
    // Nothing more comes: wait for the queues to be idle, then a little longer.
    await eventually(
      async () => (await db.query(`SELECT count(*)::int AS n FROM outbox WHERE relayed_at IS NULL`))[0].n + trap.answering,
      (n) => n === 0,
      10_000,
    );
    await new Promise((r) => setTimeout(r, 1500));

    // In the app: one notification per member, of the type of their registration.
    const perMember: { matching: number; total: number; members: number }[] = await db.query(
      `SELECT count(*) FILTER (WHERE n.type = 'registration.' || r.status)::int AS matching, count(*)::int AS total, count(DISTINCT n.user_id)::int AS members
         FROM notification n JOIN registration r ON r.user_id = n.user_id AND r.seminar_id = (n.payload ->> 'seminarId')::uuid
        WHERE r.seminar_id = ANY($1::uuid[])`,
      [seminars.map((s) => s.id)],
    );
    expect(perMember).toEqual([{ matching: MEMBERS, total: MEMBERS, members: MEMBERS }]);
    const [{ duplicates }] = await db.query(
      `SELECT count(*)::int AS duplicates FROM (SELECT 1 FROM notification WHERE user_id = ANY($1::uuid[]) GROUP BY user_id, type HAVING count(*) > 1) d`,
      [members],
    );
    expect(duplicates).toBe(0);
    // By e-mail: each member exactly one, and nobody else anything more.
    const mails = mailsToMembers();
    expect(mails).toHaveLength(MEMBERS);
    expect(new Set(mails.flatMap((m) => m.to)).size).toBe(MEMBERS);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(MEMBERS);
    expect(trap.mails).toHaveLength(MEMBERS + 1);
    const [{ sent }] = await db.query(`SELECT count(*)::int AS sent FROM email_delivery WHERE user_id = ANY($1::uuid[]) AND sent_at IS NOT NULL`, [members]);
    expect(sent).toBe(MEMBERS);

    console.log(
      `redis-stopped: ${MEMBERS} registrations with Redis down in ${seconds.toFixed(1)} s, all 201 (${SEMINARS * SEATS} confirmed, ${MEMBERS - SEMINARS * SEATS} waitlisted), ` +
        `${waiting} events waited in the outbox; after Redis returned: ${MEMBERS} notifications and ${mails.length} e-mails in ${deliverySeconds.toFixed(1)} s, 0 duplicates`,
    );
  });
});
