/**
 * The worker SIGKILLed while it tells a waitlisted member of their promotion: a member cancels the
 * only seat, the next member is promoted, and the real worker process is killed while the SMTP
 * server holds the promotion e-mail — once before the message is sent (held at RCPT), once after
 * it was sent in full but before it was acknowledged — then started again. Each time the promoted
 * member has exactly one promotion notification, is e-mailed (once when nothing had been sent,
 * again with the same Message-ID when the server had the message), its delivery is recorded once,
 * and the member who cancelled is told exactly once.
 */
import { createOwnDatabase, createTestApp, makeOrganisation, makeRegion, makeSeminar, makeUser, OwnDatabase, startTestWorker, TestApp, TestWorker } from '@pratique/api/testing';
import { ApiRoutes } from '@pratique/contracts';
import request from 'supertest';
import { sessionsFor } from './member-sessions';
import { PrivateRedis, startPrivateRedis } from './private-redis';
import { eventually, SmtpTrap, startSmtpTrap } from './smtp-trap';

jest.setTimeout(120_000);

const HOLD_MS = 8_000;

describe('worker killed mid-job during a promotion notice', () => {
  let redis: PrivateRedis;
  let own: OwnDatabase;
  let trap: SmtpTrap;
  let t: TestApp;
  let worker: TestWorker | undefined;
  const figures: string[] = [];

  const startWorker = () =>
    startTestWorker({
      env: { REDIS_URL: redis.url, DATABASE_URL: own.url, QUEUE_PREFIX: own.queuePrefix, SMTP_URL: trap.url, JOB_LOCK_MS: '2000' },
    });

  beforeAll(async () => {
    redis = await startPrivateRedis();
    own = await createOwnDatabase('worker_promotion');
    trap = await startSmtpTrap();
    t = await createTestApp({ env: { REDIS_URL: redis.url, DATABASE_URL: own.url, QUEUE_PREFIX: own.queuePrefix } });
    worker = await startWorker();
  });

  afterAll(async () => {
    await worker?.kill();
    await t?.close();
    await redis?.close();
    await trap?.close();
    await own?.drop();
    console.log(`worker-killed-promotion: ${figures.join('; ')}`);
  });

  it.each([
    ['rcpt', 'before the message was sent', 1],
    ['answer', 'after the message was sent, before it was acknowledged', 2],
  ] as const)('kill while the SMTP server holds the promotion e-mail %s (%s)', async (stage, _when, expectedMails) => {
    const db = t.dataSource;
    const region = await makeRegion(db);
    const organisation = await makeOrganisation(db, region.id);
    const holder = await makeUser(db, { regionId: region.id, organisationId: organisation.id });
    const waiting = await makeUser(db, { regionId: region.id, organisationId: organisation.id });
    const seminar = await makeSeminar(db, { regionId: region.id, capacity: 1 });
    const [holderCookie, waitingCookie] = await sessionsFor(t, holder, [holder.id, waiting.id]);
    const server = t.app.getHttpServer();

    expect((await request(server).post(ApiRoutes.seminarRegistrations(seminar.id)).set('Cookie', holderCookie).send({}).expect(201)).body.status).toBe('confirmed');
    expect((await request(server).post(ApiRoutes.seminarRegistrations(seminar.id)).set('Cookie', waitingCookie).send({}).expect(201)).body.status).toBe('waitlisted');
    expect(await eventually(() => trap.to(holder.email).length + trap.to(waiting.email).length, (n) => n === 2)).toBe(2);

    trap.slow = { recipients: new Set([waiting.email]), stage, ms: HOLD_MS };
    await request(server).delete(ApiRoutes.myRegistration(seminar.id)).set('Cookie', holderCookie).expect(204);
    const [promoted] = await db.query(`SELECT id FROM outbox WHERE type = 'registration.promoted' AND payload ->> 'seminarId' = $1`, [seminar.id]);
    expect(promoted).toBeDefined();
    const promotionId = `<notification.${promoted.id}.${waiting.id}@pratique.mail>`;

    // The worker is in the middle of the promotion's e-mail job: kill it there — once the
    // cancellation e-mail, sent beside it, is recorded (a kill between its 250 and its record
    // would send it twice, which is a different fault from the one under test).
    expect(await eventually(() => trap.held, (n) => n === 1, 30_000, 20)).toBe(1);
    const cancellationRecorded = async () =>
      (
        await db.query(
          `SELECT count(*)::int AS n FROM email_delivery d JOIN outbox o ON o.id = d.outbox_id
            WHERE d.user_id = $1 AND o.type = 'registration.cancelled' AND o.payload ->> 'seminarId' = $2 AND d.sent_at IS NOT NULL`,
          [holder.id, seminar.id],
        )
      )[0].n as number;
    expect(await eventually(cancellationRecorded, (n) => n === 1, HOLD_MS - 2_000, 50)).toBe(1);
    expect(trap.held).toBe(1);
    await worker?.kill();
    trap.slow = null;
    worker = await startWorker();

    const sentAt = async () =>
      (await db.query(`SELECT sent_at FROM email_delivery WHERE outbox_id = $1 AND user_id = $2 AND kind = 'instant'`, [promoted.id, waiting.id]))[0]?.sent_at ?? null;
    expect(await eventually(sentAt, (v) => v !== null, 60_000, 200)).not.toBeNull();
    await eventually(() => trap.held + trap.answering, (n) => n === 0, 15_000);
    await new Promise((r) => setTimeout(r, 1000));

    const notes: { type: string; n: number }[] = await db.query(
      `SELECT type, count(*)::int AS n FROM notification WHERE user_id = $1 AND payload ->> 'seminarId' = $2 GROUP BY type ORDER BY type`,
      [waiting.id, seminar.id],
    );
    expect(notes).toEqual([
      { type: 'registration.promoted', n: 1 },
      { type: 'registration.waitlisted', n: 1 },
    ]);
    const [registration] = await db.query(`SELECT status FROM registration WHERE seminar_id = $1 AND user_id = $2`, [seminar.id, waiting.id]);
    expect(registration.status).toBe('confirmed');
    const promotionMails = trap.to(waiting.email).filter((m) => m.messageId === promotionId);
    expect(promotionMails).toHaveLength(expectedMails);
    expect(trap.to(waiting.email)).toHaveLength(1 + expectedMails); // the waitlist notice, then the promotion
    const [{ deliveries }] = await db.query(`SELECT count(*)::int AS deliveries FROM email_delivery WHERE outbox_id = $1 AND sent_at IS NOT NULL`, [promoted.id]);
    expect(deliveries).toBe(1);
    // The member who cancelled: one cancellation notice, one e-mail for it.
    const [{ cancelled }] = await db.query(
      `SELECT count(*)::int AS cancelled FROM notification WHERE user_id = $1 AND type = 'registration.cancelled' AND payload ->> 'seminarId' = $2`,
      [holder.id, seminar.id],
    );
    expect(cancelled).toBe(1);
    expect(trap.to(holder.email)).toHaveLength(2);

    figures.push(`killed ${stage === 'rcpt' ? 'before sending' : 'after sending, before the 250'}: 1 promotion notification, ${promotionMails.length} e-mail(s) with one Message-ID, 1 delivery recorded`);
  });
});
