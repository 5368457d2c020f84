/**
 * Nothing reaches a deleted (or suspended) member, with the real worker process, Redis and an
 * SMTP server: neither an event still waiting in the outbox when they left, nor e-mail and digest
 * jobs already queued for them (delayed Bull jobs, as a retry would be). A member who stays gets
 * everything. A database and queue prefix of its own, so its worker takes only its own work.
 */
import {
  addToSpace,
  createOwnDatabase,
  createTestApp,
  makeRegion,
  makeSpace,
  makeUser,
  MadeUser,
  OwnDatabase,
  signedIn,
  startTestWorker,
  TestApp,
  TestWorker,
} from '@pratique/api/testing';
import { ApiRoutes, digestEmailJobId, DomainEventType, emailJobId, JobName, QueueName } from '@pratique/contracts';
import Bull from 'bull';
import { AddressInfo } from 'net';
import { SMTPServer } from 'smtp-server';

jest.setTimeout(120_000);

async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('privacy: a deleted or suspended member is sent nothing', () => {
  let own: OwnDatabase;
  let t: TestApp;
  let queue: Bull.Queue;
  let smtp: SMTPServer;
  let smtpUrl: string;
  let worker: TestWorker | undefined;
  /** Envelope recipients of every message the SMTP server accepted. */
  const sentTo: string[] = [];

  beforeAll(async () => {
    own = await createOwnDatabase('privacy_mail');
    t = await createTestApp({ env: { DATABASE_URL: own.url, QUEUE_PREFIX: own.queuePrefix } });
    queue = new Bull(QueueName.Notifications, process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379', { prefix: own.queuePrefix });
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        stream.on('data', () => undefined);
        stream.on('end', () => {
          sentTo.push(...session.envelope.rcptTo.map((r) => r.address));
          callback();
        });
      },
    });
    smtp.on('error', () => undefined);
    await new Promise<void>((done) => smtp.listen(0, '127.0.0.1', done));
    smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await worker?.kill();
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await t?.close();
    await new Promise<void>((done) => (smtp ? smtp.close(() => done()) : done()));
    await own?.drop();
  });

  it('skips them in the fan-out and in queued e-mail and digest jobs; the others get theirs', async () => {
    const db = t.dataSource;
    const region = await makeRegion(db);
    const space = await makeSpace(db);
    const author = await makeUser(db, { regionId: region.id });
    const stays = await makeUser(db, { regionId: region.id });
    const leaves = await makeUser(db, { regionId: region.id });
    const suspended = await makeUser(db, { regionId: region.id });
    const members: MadeUser[] = [stays, leaves, suspended];
    for (const m of members) {
      await addToSpace(db, space.id, m.id);
      await db.query(`INSERT INTO notification_preference (user_id, type, channel) VALUES ($1, 'module.published', 'email')`, [m.id]);
    }
    const [mod] = await db.query(
      `INSERT INTO module (space_id, title, original_language, status) VALUES ($1, '{"fr":"Budget participatif"}', 'fr', 'published') RETURNING id`,
      [space.id],
    );
    const payload = JSON.stringify({ moduleId: mod.id, spaceId: space.id, publishedBy: author.id });

    // An event already fanned out (relayed), whose e-mails are queued for later, as retries are;
    // and items waiting for tomorrow's digest, their digest jobs queued too.
    const [earlier] = await db.query(`INSERT INTO outbox (type, payload, relayed_at) VALUES ($1, $2, now()) RETURNING id::text`, [
      DomainEventType.ModulePublished,
      payload,
    ]);
    const [forDigest] = await db.query(`INSERT INTO outbox (type, payload, relayed_at) VALUES ($1, $2, now()) RETURNING id::text`, [
      DomainEventType.ModulePublished,
      payload,
    ]);
    for (const m of members) {
      await db.query(`INSERT INTO notification (user_id, outbox_id, type, payload, channel) VALUES ($1, $2, 'module.published', $3, 'email')`, [
        m.id,
        earlier.id,
        payload,
      ]);
      await db.query(`INSERT INTO notification (user_id, outbox_id, type, payload, channel) VALUES ($1, $2, 'module.published', $3, 'digest')`, [
        m.id,
        forDigest.id,
        payload,
      ]);
      await queue.add(JobName.NotificationEmail, { outboxId: earlier.id, userId: m.id }, { jobId: emailJobId(earlier.id, m.id), delay: 1500 });
      await queue.add(JobName.DigestEmail, { userId: m.id }, { jobId: digestEmailJobId(m.id, 'test'), delay: 1500 });
    }
    // An event still in the outbox when they go.
    const [pending] = await db.query(`INSERT INTO outbox (type, payload) VALUES ($1, $2) RETURNING id::text`, [DomainEventType.ModulePublished, payload]);

    // One member deletes their account; another is suspended (the flag alone: their rows stay).
    const agent = await signedIn(t, leaves);
    await agent.delete(ApiRoutes.myAccount).send({ password: leaves.password }).expect(204);
    await db.query(`UPDATE app_user SET suspended_at = now() WHERE id = $1`, [suspended.id]);

    worker = await startTestWorker({ env: { DATABASE_URL: own.url, QUEUE_PREFIX: own.queuePrefix, SMTP_URL: smtpUrl } });

    // The member who stays gets the queued e-mail, the new event's e-mail and the digest.
    await eventually(async () => sentTo.filter((a) => a === stays.email).length >= 3, 'three e-mails to the member who stays');
    const jobs = [
      ...members.map((m) => emailJobId(earlier.id, m.id)),
      ...members.map((m) => digestEmailJobId(m.id, 'test')),
    ];
    await eventually(
      async () => (await Promise.all(jobs.map(async (id) => (await queue.getJob(id))?.getState()))).every((s) => s === 'completed'),
      'every queued job to complete',
    );
    await eventually(async () => (await db.query(`SELECT relayed_at FROM outbox WHERE id = $1`, [pending.id]))[0].relayed_at !== null, 'the relay');
    await eventually(
      async () => (await db.query(`SELECT count(*)::int AS n FROM notification WHERE outbox_id = $1`, [pending.id]))[0].n > 0,
      'the fan-out of the pending event',
    );
    await worker.stop();
    worker = undefined;

    // The pending event notified only the member who stays.
    const notified = await db.query(`SELECT user_id FROM notification WHERE outbox_id = $1`, [pending.id]);
    expect(notified).toEqual([{ user_id: stays.id }]);
    // Their queued jobs ran and sent nothing.
    for (const m of [leaves, suspended]) {
      expect((await queue.getJob(emailJobId(earlier.id, m.id)))?.returnvalue).toEqual({ sent: false, skipped: 'no-notification' });
      expect((await queue.getJob(digestEmailJobId(m.id, 'test')))?.returnvalue).toEqual({ sent: false, items: 0 });
    }
    expect((await queue.getJob(emailJobId(earlier.id, stays.id)))?.returnvalue).toEqual({ sent: true });
    // No message to them, under their address or the deleted account's placeholder.
    expect(sentTo.filter((a) => a !== stays.email)).toEqual([]);
    const sent = await db.query(`SELECT DISTINCT user_id FROM email_delivery WHERE sent_at IS NOT NULL`);
    expect(sent).toEqual([{ user_id: stays.id }]);
  });
});
