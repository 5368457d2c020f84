/**
 * The real worker process killed (SIGKILL) in the middle of e-mailing the members of a space, then
 * started again: every member has their notification exactly once and receives their e-mail; an
 * e-mail whose sending was cut between the SMTP server's acceptance and the commit may be sent
 * again, always with the same Message-ID (at most one per job that was running).
 */
import { addToSpace, createOwnDatabase, makeManyUsers, makeOrganisation, makeRegion, makeSpace, makeUser, OwnDatabase, startTestWorker, TestWorker } from '@pratique/api/testing';
import { DomainEventType } from '@pratique/contracts';
import { createDataSource } from '@pratique/migrations';
import { DataSource } from 'typeorm';
import { eventually, MailTrap, startMailTrap } from '../testing/mail-trap';

jest.setTimeout(120_000);

const MEMBERS = 600;
const CONCURRENCY = 5;

describe('worker process killed mid-batch, then restarted', () => {
  let own: OwnDatabase;
  let db: DataSource;
  let trap: MailTrap;
  let worker: TestWorker | undefined;

  beforeAll(async () => {
    own = await createOwnDatabase('worker_crash');
    db = createDataSource(own.url);
    await db.initialize();
    trap = await startMailTrap();
    trap.delayMs = 25; // an SMTP server that takes its time, so the kill lands mid-batch
  });

  afterAll(async () => {
    await worker?.kill();
    await db?.destroy();
    await trap?.close();
    await own?.drop();
  });

  it('delivers every notification once and every e-mail, with no loss', async () => {
    const region = await makeRegion(db);
    const organisation = await makeOrganisation(db, region.id);
    const space = await makeSpace(db);
    const author = await makeUser(db, { regionId: region.id });
    const members = await makeManyUsers(db, MEMBERS, region.id, organisation.id);
    await db.query(`INSERT INTO space_member (space_id, user_id, role) SELECT $1, unnest($2::uuid[]), 'member'`, [space.id, members]);
    await addToSpace(db, space.id, author.id);
    await db.query(`INSERT INTO notification_preference (user_id, type, channel) SELECT unnest($1::uuid[]), 'module.published', 'email'`, [members]);
    const [mod] = await db.query(`INSERT INTO module (space_id, title, original_language, status) VALUES ($1, '{"fr":"Budget participatif"}', 'fr', 'published') RETURNING id`, [space.id]);
    await db.query(`INSERT INTO outbox (type, payload) VALUES ($1, $2)`, [
      DomainEventType.ModulePublished,
      JSON.stringify({ moduleId: mod.id, spaceId: space.id, publishedBy: author.id }),
    ]);

    const env = {
      DATABASE_URL: own.url,
      QUEUE_PREFIX: own.queuePrefix,
      SMTP_URL: trap.url,
      JOB_LOCK_MS: '2000',
      WORKER_CONCURRENCY: String(CONCURRENCY),
    };
    worker = await startTestWorker({ env });
    await eventually(() => trap.mails.length, (n) => n >= 50, 60_000);
    await worker.kill();
    const atKill = trap.mails.length;
    expect(atKill).toBeGreaterThanOrEqual(50);
    expect(atKill).toBeLessThan(MEMBERS); // killed mid-batch

    worker = await startTestWorker({ env });
    const distinct = () => new Set(trap.mails.map((m) => m.messageId)).size;
    await eventually(distinct, (n) => n === MEMBERS, 90_000);
    await worker.stop();
    worker = undefined;

    // In the app: exactly one notification each.
    const [{ total, users }] = await db.query(`SELECT count(*)::int AS total, count(DISTINCT user_id)::int AS users FROM notification WHERE type = 'module.published'`);
    expect({ total, users }).toEqual({ total: MEMBERS, users: MEMBERS });
    // By e-mail: every member reached, all recorded as sent; repeats only of the jobs cut mid-send.
    expect(distinct()).toBe(MEMBERS);
    const recipients = new Set(trap.mails.flatMap((m) => (Array.isArray(m.to) ? m.to : [m.to]).flatMap((a) => a?.value.map((v) => v.address) ?? [])));
    expect(recipients.size).toBe(MEMBERS);
    expect(trap.mails.length - MEMBERS).toBeLessThanOrEqual(CONCURRENCY);
    const [{ sent }] = await db.query(`SELECT count(*)::int AS sent FROM email_delivery WHERE kind = 'instant' AND sent_at IS NOT NULL`);
    expect(sent).toBe(MEMBERS);
    console.log(`worker-crash: killed after ${atKill} of ${MEMBERS} e-mails; ${trap.mails.length - MEMBERS} repeated after the restart`);
  });
});
