/**
 * The notification pipeline against the real PostgreSQL, Redis and an in-process SMTP server:
 * outbox row → relay → fan-out → notifications for the right members → one e-mail in each
 * recipient's language; idempotence of relay, fan-out and e-mail; Redis down (rows wait, then
 * are delivered exactly once); an SMTP server refusing (retries, then Bull's failed set).
 */
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  addToSpace,
  createOwnDatabase,
  makeManyUsers,
  makeOrganisation,
  makeRegion,
  makeSeminar,
  makeSpace,
  makeUser,
  MadeUser,
  OwnDatabase,
} from '@pratique/api/testing';
import {
  DomainEvent,
  DomainEventType,
  emailJobId,
  JobName,
  NotificationEmailJobData,
  QueueName,
  SpaceRole,
} from '@pratique/contracts';
import { createDataSource } from '@pratique/migrations';
import Queue from 'bull';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { EmailJob as EmailJobType } from './email.job';
import type { FanOutJob as FanOutJobType } from './fan-out.job';
import { RedisConnections } from '../queue/redis-connections';
import { eventually, MailTrap, startMailTrap } from '../testing/mail-trap';

jest.setTimeout(30_000);

const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

describe('worker: notifications pipeline (PostgreSQL, Redis, SMTP)', () => {
  let trap: MailTrap;
  let db: DataSource;
  let pool: Pool;
  let app: INestApplicationContext | undefined;
  let queue: Queue.Queue;
  let regionId: string;

  const outbox = async (event: DomainEvent): Promise<string> => {
    const [row] = await db.query(`INSERT INTO outbox (type, payload) VALUES ($1, $2) RETURNING id`, [
      event.type,
      JSON.stringify(event.payload),
    ]);
    return String(row.id);
  };
  const notified = async (outboxId: string): Promise<string[]> =>
    (
      await db.query(`SELECT user_id FROM notification WHERE outbox_id = $1 ORDER BY user_id`, [outboxId])
    ).map((r: { user_id: string }) => r.user_id);
  const mailsTo = (u: MadeUser) => trap.to(u.email);
  const bootWorker = async () => {
    if (app) return app;
    const { WorkerModule } = await import('../worker.module');
    app = await NestFactory.createApplicationContext(WorkerModule, { logger: false, abortOnError: false });
    return app;
  };

  let prefix: string;
  let own: OwnDatabase;

  beforeAll(async () => {
    // A database of this file's own: the worker relays every outbox row of its database.
    own = await createOwnDatabase('worker_pipeline');
    process.env['DATABASE_URL'] = own.url;
    process.env['QUEUE_PREFIX'] = prefix = own.queuePrefix;
    trap = await startMailTrap();
    process.env['SMTP_URL'] = trap.url;
    process.env['OUTBOX_RELAY_INTERVAL_MS'] = '100';
    db = createDataSource(process.env['DATABASE_URL']!);
    await db.initialize();
    pool = new Pool({ connectionString: process.env['DATABASE_URL'] });
    queue = new Queue(QueueName.Notifications, redisUrl, { prefix });
    regionId = (await makeRegion(db)).id;
  });

  afterAll(async () => {
    await app?.close();
    await queue?.close();
    await pool?.end();
    await db?.destroy();
    await trap.close();
    await own?.drop();
  });

  it('keeps rows in the outbox while Redis is down, then delivers each exactly once', async () => {
    const members = await Promise.all([0, 1, 2].map(() => makeUser(db, { regionId, language: 'en' })));
    const seminar = await makeSeminar(db, { regionId });
    const ids = await Promise.all(
      members.map((m) =>
        outbox({
          type: DomainEventType.RegistrationConfirmed,
          payload: { registrationId: m.id, seminarId: seminar.id, userId: m.id },
        }),
      ),
    );

    // A relay whose Redis is a closed port: the add fails at once, nothing is marked relayed.
    const { relayOutboxBatch } = await import('./outbox-relay');
    const redis = new RedisConnections();
    const deadQueue = new Queue(QueueName.Notifications, {
      prefix,
      createClient: (type) => redis.createClient('redis://127.0.0.1:1', type),
    });
    await expect(relayOutboxBatch(pool, deadQueue)).rejects.toThrow();
    await deadQueue.close().catch(() => undefined);
    await redis.closeAll();
    const waiting = await db.query(
      `SELECT count(*)::int AS n FROM outbox WHERE id = ANY($1::bigint[]) AND relayed_at IS NULL`,
      [ids],
    );
    expect(waiting[0].n).toBe(3);

    // Redis back (the real worker): every row relayed, one notification and one e-mail each.
    await bootWorker();
    await eventually(
      () => Promise.all(members.map((m) => Promise.resolve(mailsTo(m).length))),
      (c) => c.every((n) => n === 1),
    );
    for (const [i, id] of ids.entries()) expect(await notified(id)).toEqual([members[i].id]);
    for (const m of members) {
      expect(mailsTo(m)).toHaveLength(1);
      expect(mailsTo(m)[0].subject).toBe('Registration confirmed: Séminaire de test');
    }
    const relayed = await db.query(
      `SELECT count(*)::int AS n FROM outbox WHERE id = ANY($1::bigint[]) AND relayed_at IS NOT NULL`,
      [ids],
    );
    expect(relayed[0].n).toBe(3);
  });

  it('notifies the members of the space but the author, honouring preferences, and e-mails in the recipient language', async () => {
    await bootWorker();
    const space = await makeSpace(db);
    const author = await makeUser(db, { regionId });
    const fr = await makeUser(db, { regionId, language: 'fr' });
    const ar = await makeUser(db, { regionId, language: 'ar' });
    const off = await makeUser(db, { regionId });
    const outsider = await makeUser(db, { regionId });
    await addToSpace(db, space.id, author.id, SpaceRole.Animator);
    for (const u of [fr, ar, off]) await addToSpace(db, space.id, u.id);
    await db.query(
      `INSERT INTO notification_preference (user_id, type, channel) VALUES ($1, 'module.published', 'email'), ($2, 'module.published', 'off')`,
      [ar.id, off.id],
    );
    const [mod] = await db.query(
      `INSERT INTO module (space_id, title, original_language, status) VALUES ($1, $2, 'fr', 'published') RETURNING id`,
      [space.id, JSON.stringify({ fr: 'Plaidoyer', ar: 'المناصرة' })],
    );

    const id = await outbox({
      type: DomainEventType.ModulePublished,
      payload: { moduleId: mod.id, spaceId: space.id, publishedBy: author.id },
    });

    await eventually(
      () => Promise.resolve(mailsTo(ar).length),
      (n) => n === 1,
    );
    expect(await notified(id)).toEqual([fr.id, ar.id].sort());
    expect(mailsTo(outsider)).toHaveLength(0);
    expect(mailsTo(fr)).toHaveLength(0); // module.published is in-app only by default
    const [mail] = mailsTo(ar);
    expect(mail.subject).toBe('وحدة جديدة: المناصرة');
    expect(mail.html).toContain('dir="rtl"');
    expect(mail.text).toContain(`/modules/${mod.id}`);
    const [n] = await db.query(`SELECT payload FROM notification WHERE outbox_id = $1 AND user_id = $2`, [
      id,
      fr.id,
    ]);
    expect(n.payload).toMatchObject({ moduleId: mod.id, title: { fr: 'Plaidoyer' } });
  });

  it('tells seat holders and the waitlist of a cancelled seminar, not those who cancelled', async () => {
    await bootWorker();
    const seminar = await makeSeminar(db, { regionId });
    const [confirmed, waitlisted, cancelled] = await Promise.all(
      [0, 1, 2].map(() => makeUser(db, { regionId })),
    );
    for (const [u, status] of [
      [confirmed, 'confirmed'],
      [waitlisted, 'waitlisted'],
      [cancelled, 'cancelled'],
    ] as const)
      await db.query(
        `INSERT INTO registration (seminar_id, user_id, status, eligibility_snapshot) VALUES ($1, $2, $3, '{}')`,
        [seminar.id, u.id, status],
      );

    const id = await outbox({
      type: DomainEventType.SeminarCancelled,
      payload: { seminarId: seminar.id, regionId },
    });

    await eventually(
      () => Promise.resolve(mailsTo(confirmed).length + mailsTo(waitlisted).length),
      (c) => c === 2,
    );
    expect(await notified(id)).toEqual([confirmed.id, waitlisted.id].sort());
    expect(mailsTo(confirmed)[0].subject).toBe('Séminaire annulé : Séminaire de test');
    expect(mailsTo(cancelled)).toHaveLength(0);
  });

  it('is idempotent: relaying the same row again and running fan-out and e-mail twice add nothing', async () => {
    await bootWorker();
    const member = await makeUser(db, { regionId, language: 'fr' });
    const seminar = await makeSeminar(db, { regionId });
    const id = await outbox({
      type: DomainEventType.RegistrationWaitlisted,
      payload: { registrationId: member.id, seminarId: seminar.id, userId: member.id },
    });
    await eventually(
      () => Promise.resolve(mailsTo(member).length),
      (n) => n === 1,
    );

    // The same row relayed again (as after a crash between add and commit) …
    await db.query(`UPDATE outbox SET relayed_at = NULL WHERE id = $1`, [id]);
    await eventually(
      async () => (await db.query(`SELECT relayed_at FROM outbox WHERE id = $1`, [id]))[0].relayed_at,
      (v) => v !== null,
    );
    // … and both handlers run again, directly.
    const { FanOutJob } = await import('./fan-out.job');
    const { EmailJob } = await import('./email.job');
    const again = await app!.get<FanOutJobType>(FanOutJob).handle({ outboxId: id });
    expect(again.notified).toBe(0);
    await expect(
      app!.get<EmailJobType>(EmailJob).handle({ outboxId: id, userId: member.id }),
    ).resolves.toEqual({ sent: false, skipped: 'already-sent' });
    await new Promise((r) => setTimeout(r, 1000));

    expect(await notified(id)).toEqual([member.id]);
    expect(mailsTo(member)).toHaveLength(1);
  });

  it('writes each notification once when two runs of one fan-out collide, and a re-run adds only who is missing', async () => {
    const worker = await bootWorker();
    const space = await makeSpace(db);
    const organisation = await makeOrganisation(db, regionId);
    const members = await makeManyUsers(db, 300, regionId, organisation.id);
    await db.query(
      `INSERT INTO space_member (space_id, user_id, role) SELECT $1, unnest($2::uuid[]), 'member'`,
      [space.id, members],
    );
    const [mod] = await db.query(
      `INSERT INTO module (space_id, title, original_language, status) VALUES ($1, '{"fr":"Collision"}', 'fr', 'published') RETURNING id`,
      [space.id],
    );
    // Already relayed: this test runs the fan-out itself, twice at the same time (a stalled job taken over).
    const [row] = await db.query(
      `INSERT INTO outbox (type, payload, relayed_at) VALUES ($1, $2, now()) RETURNING id`,
      [
        DomainEventType.ModulePublished,
        JSON.stringify({ moduleId: mod.id, spaceId: space.id, publishedBy: null }),
      ],
    );
    const id = String(row.id);
    const { FanOutJob } = await import('./fan-out.job');
    const fanOut = worker.get<FanOutJobType>(FanOutJob);
    const runs = await Promise.all([fanOut.handle({ outboxId: id }), fanOut.handle({ outboxId: id })]);
    expect(runs.map((r) => r.notified).sort((a, b) => a - b)).toEqual([0, 300]);
    const count = async () =>
      (
        await db.query(
          `SELECT count(*)::int AS n, count(DISTINCT user_id)::int AS users FROM notification WHERE outbox_id = $1`,
          [id],
        )
      )[0];
    expect(await count()).toEqual({ n: 300, users: 300 });

    // One notification missing (as after a member's row was removed): a re-run adds that one only.
    await db.query(`DELETE FROM notification WHERE outbox_id = $1 AND user_id = $2`, [id, members[0]]);
    expect((await fanOut.handle({ outboxId: id })).notified).toBe(1);
    expect((await fanOut.handle({ outboxId: id })).notified).toBe(0);
    expect(await count()).toEqual({ n: 300, users: 300 });
  });

  it('retries an e-mail the SMTP server refuses, then leaves it in the failed set, and keeps working', async () => {
    await bootWorker();
    const member = await makeUser(db, { regionId });
    trap.refused.add(member.email);
    const seminar = await makeSeminar(db, { regionId });
    // Already relayed: this test drives the e-mail job itself, with short retries.
    const [row] = await db.query(
      `INSERT INTO outbox (type, payload, relayed_at) VALUES ('registration.confirmed', $1, now()) RETURNING id`,
      [JSON.stringify({ registrationId: member.id, seminarId: seminar.id, userId: member.id })],
    );
    const id = String(row.id);
    await db.query(
      `INSERT INTO notification (user_id, outbox_id, type, payload) VALUES ($1, $2, 'registration.confirmed', '{}')`,
      [member.id, id],
    );

    const job = await queue.add(
      JobName.NotificationEmail,
      { outboxId: id, userId: member.id } satisfies NotificationEmailJobData,
      {
        jobId: emailJobId(id, member.id),
        attempts: 3,
        backoff: { type: 'fixed', delay: 100 },
      },
    );
    const state = await eventually(
      () => queue.getJob(job.id).then((j) => j!.getState()),
      (s) => s === 'failed',
    );
    expect(state).toBe('failed');
    const failed = await queue.getJob(job.id);
    expect(failed!.attemptsMade).toBe(3);
    expect(failed!.failedReason).toMatch(/Mailbox unavailable/);
    const sent = await db.query(
      `SELECT 1 FROM email_delivery WHERE outbox_id = $1 AND user_id = $2 AND sent_at IS NOT NULL`,
      [id, member.id],
    );
    expect(sent).toHaveLength(0);
    expect(mailsTo(member)).toHaveLength(0);

    // The worker is still alive: a health check still round-trips.
    const system = new Queue(QueueName.System, redisUrl, { prefix });
    const hc = await system.add(JobName.HealthCheck, { requestedAt: new Date().toISOString() });
    const done = await eventually(
      () => system.getJob(hc.id).then((j) => j!.getState()),
      (s) => s === 'completed',
    );
    expect(done).toBe('completed');
    await (await system.getJob(hc.id))?.remove();
    await system.close();
  });
});
