/**
 * The relay wakes up on PostgreSQL's notice (the `outbox_notify` trigger, LISTEN outbox), not on
 * its poll: with the poll 60 s away, the real worker process relays a new outbox row and its
 * notification is written within a couple of seconds. When its listening connection is killed
 * (pg_terminate_backend), the worker survives, relays at once what was written meanwhile, listens
 * again on a new connection and still relays within seconds; SIGTERM closes that connection.
 */
import {
  createOwnDatabase,
  makeRegion,
  makeSeminar,
  makeUser,
  OwnDatabase,
  startTestWorker,
  TestWorker,
} from '@pratique/api/testing';
import { DomainEventType } from '@pratique/contracts';
import { createDataSource } from '@pratique/migrations';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { eventually, MailTrap, startMailTrap } from '../testing/mail-trap';
import { OUTBOX_LISTENER_APPLICATION } from './outbox-listener';

jest.setTimeout(120_000);

/** Far longer than any wait below: a row relayed in time was relayed on a notice. */
const POLL_MS = 60_000;
/** "Within a couple of seconds". */
const PROMPT_MS = 3_000;

describe('outbox relay: LISTEN/NOTIFY (real worker process, PostgreSQL, Redis)', () => {
  let own: OwnDatabase;
  let db: DataSource;
  let ownUrl: string;
  let trap: MailTrap;
  let worker: TestWorker | undefined;
  let regionId: string;
  let seminarId: string;

  /** The backends of this database listening on `outbox` (the relay's dedicated connection). */
  const listeners = async (): Promise<number[]> =>
    (
      await db.query(
        `SELECT pid FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()
            AND (query LIKE 'LISTEN%' OR application_name = $1)`,
        [OUTBOX_LISTENER_APPLICATION],
      )
    ).map((r: { pid: number }) => r.pid);

  /** Writes an event for a new member; resolves with the time until their notification exists. */
  const notifyNewMember = async (): Promise<{ ms: number; outboxId: string }> => {
    const member = await makeUser(db, { regionId, language: 'fr' });
    const started = Date.now();
    const [row] = await db.query(`INSERT INTO outbox (type, payload) VALUES ($1, $2) RETURNING id`, [
      DomainEventType.RegistrationConfirmed,
      JSON.stringify({ registrationId: member.id, seminarId, userId: member.id }),
    ]);
    const outboxId = String(row.id);
    const found = await eventually(
      async () =>
        (
          await db.query(`SELECT 1 FROM notification WHERE outbox_id = $1 AND user_id = $2`, [
            outboxId,
            member.id,
          ])
        ).length,
      (n) => n === 1,
      PROMPT_MS + 2_000,
    );
    expect(found).toBe(1);
    return { ms: Date.now() - started, outboxId };
  };

  beforeAll(async () => {
    own = await createOwnDatabase('outbox_listen');
    ownUrl = own.url;
    db = createDataSource(own.url);
    await db.initialize();
    trap = await startMailTrap();
    regionId = (await makeRegion(db)).id;
    seminarId = (await makeSeminar(db, { regionId })).id;
    worker = await startTestWorker({
      env: {
        DATABASE_URL: own.url,
        QUEUE_PREFIX: own.queuePrefix,
        SMTP_URL: trap.url,
        OUTBOX_RELAY_INTERVAL_MS: String(POLL_MS),
      },
    });
    await eventually(listeners, (pids) => pids.length === 1);
  });

  afterAll(async () => {
    await worker?.kill();
    await db?.destroy();
    await trap?.close();
    await own?.drop();
  });

  it('has the trigger: one notice per INSERT statement on outbox, sent at commit', async () => {
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM pg_trigger WHERE tgrelid = 'outbox'::regclass AND tgname = 'outbox_notify'`,
    );
    expect(n).toBe(1);
  });

  it('sends a notice for a statement that inserted rows, none for one that inserted nothing', async () => {
    const client = new Client({ connectionString: ownUrl });
    await client.connect();
    const heard: string[] = [];
    client.on('notification', (m) => heard.push(m.channel));
    await client.query('LISTEN outbox');
    try {
      await db.query(`INSERT INTO outbox (type, payload) SELECT 'test.nothing', '{}' WHERE false`);
      await new Promise((r) => setTimeout(r, 300));
      expect(heard).toEqual([]);
      await db.query(`INSERT INTO outbox (type, payload, relayed_at) VALUES ('test.something', '{}', now())`);
      await eventually(
        () => heard.length,
        (n) => n > 0,
        3000,
      );
      expect(heard).toEqual(['outbox']);
    } finally {
      await client.end();
    }
  });

  it('relays a new outbox row on the notice: its notification is written within a couple of seconds, the poll being 60 s away', async () => {
    // Past the pass the relay makes when it starts listening: only a notice can wake it now.
    await new Promise((r) => setTimeout(r, 1_000));
    const first = await notifyNewMember();
    expect(first.ms).toBeLessThan(PROMPT_MS);
    const second = await notifyNewMember();
    expect(second.ms).toBeLessThan(PROMPT_MS);
    const [{ relayed }] = await db.query(
      `SELECT count(*)::int AS relayed FROM outbox WHERE id = ANY($1::bigint[]) AND relayed_at IS NOT NULL`,
      [[first.outboxId, second.outboxId]],
    );
    expect(relayed).toBe(2);
  });

  it('survives the loss of its listening connection: relays what was written meanwhile, listens again, still relays within seconds', async () => {
    const [before] = await listeners();
    expect(before).toBeDefined();
    await db.query(`SELECT pg_terminate_backend($1)`, [before]);
    // Written while the relay is (probably) not listening: relayed when it is back, not in 60 s.
    const meanwhile = await notifyNewMember();
    expect(meanwhile.ms).toBeLessThan(PROMPT_MS);

    const after = await eventually(listeners, (pids) => pids.length === 1 && pids[0] !== before);
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);
    const again = await notifyNewMember();
    expect(again.ms).toBeLessThan(PROMPT_MS);

    // Killed twice more in a row: still back, still relaying.
    for (let i = 0; i < 2; i++) {
      const [pid] = await eventually(listeners, (pids) => pids.length === 1);
      await db.query(`SELECT pg_terminate_backend($1)`, [pid]);
      await eventually(listeners, (pids) => pids.length === 1 && pids[0] !== pid);
    }
    expect((await notifyNewMember()).ms).toBeLessThan(PROMPT_MS);

    const output = worker?.output() ?? '';
    expect(output).toContain('lost the connection listening for new outbox rows');
    expect(output).toContain('Listening for new outbox rows again');
    expect(output).not.toMatch(/Unhandled|uncaught/i);
  });

  it('closes its listening connection when the worker stops (SIGTERM)', async () => {
    expect(await listeners()).toHaveLength(1);
    const running = worker;
    worker = undefined;
    await running?.stop();
    const output = running?.output() ?? '';
    expect(output).toContain('Worker stopped.');
    expect(await eventually(listeners, (pids) => pids.length === 0, 5_000)).toEqual([]);
  });
});
