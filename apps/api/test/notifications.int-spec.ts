/** Notifications API: own notifications only, read state, preferences, bad input, admin outbox stats. */
import { createTestApp, makeWorld, signedIn, TestApp, World } from '@pratique/api/testing';
import Bull from 'bull';
import { ApiRoutes, DEFAULT_NOTIFICATION_CHANNEL, DomainEventType, NOTIFICATION_TYPES, NotificationPreference, JobName, QUEUE_DASHBOARD_PATH, QueueName } from '@pratique/contracts';

describe('notifications API', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await createTestApp();
    w = await makeWorld(t);
  });
  afterAll(() => t.close());

  /** A notification as the worker writes it (its own outbox row, already relayed). */
  const notify = async (userId: string, type = DomainEventType.RegistrationConfirmed): Promise<string> => {
    const [o] = await t.dataSource.query(`INSERT INTO outbox (type, payload, relayed_at) VALUES ($1, '{}', now()) RETURNING id`, [type]);
    const [n] = await t.dataSource.query(
      `INSERT INTO notification (user_id, outbox_id, type, payload) VALUES ($1, $2, $3, '{"title":{"fr":"Séminaire"}}') RETURNING id::text`,
      [userId, o.id, type],
    );
    return n.id;
  };

  it('lists only my notifications, newest first, with unread filter and count; marks read', async () => {
    const first = await notify(w.users.memberA.id);
    const second = await notify(w.users.memberA.id, DomainEventType.ModulePublished);
    const theirs = await notify(w.users.memberB.id);

    const list = await w.as.memberA.get(ApiRoutes.notifications).expect(200);
    expect(list.body.items.map((n: { id: string }) => n.id)).toEqual([second, first]);
    expect(list.body).toMatchObject({ total: 2, page: 1 });
    expect(list.body.items[0]).toMatchObject({ type: 'module.published', readAt: null, payload: { title: { fr: 'Séminaire' } } });
    expect((await w.as.memberA.get(ApiRoutes.notificationsUnreadCount).expect(200)).body).toEqual({ unread: 2 });

    await w.as.memberA.post(ApiRoutes.notificationRead(first)).expect(204);
    await w.as.memberA.post(ApiRoutes.notificationRead(first)).expect(204); // again: no change, no error
    const unread = await w.as.memberA.get(`${ApiRoutes.notifications}?unread=true`).expect(200);
    expect(unread.body.items.map((n: { id: string }) => n.id)).toEqual([second]);
    expect((await w.as.memberA.get(ApiRoutes.notificationsUnreadCount)).body).toEqual({ unread: 1 });

    // Someone else's notification is not found, and stays unread.
    await w.as.memberA.post(ApiRoutes.notificationRead(theirs)).expect(404);
    await w.as.memberA.post(ApiRoutes.notificationRead('999999999')).expect(404);
    expect((await w.as.memberB.get(ApiRoutes.notificationsUnreadCount)).body).toEqual({ unread: 1 });

    expect((await w.as.memberA.post(ApiRoutes.notificationsReadAll).expect(200)).body).toEqual({ updated: 1 });
    expect((await w.as.memberA.get(ApiRoutes.notificationsUnreadCount)).body).toEqual({ unread: 0 });
    expect((await w.as.memberB.get(ApiRoutes.notificationsUnreadCount)).body).toEqual({ unread: 1 });
  });

  it('answers 401 to anonymous callers and 400 to bad input', async () => {
    await w.as.anonymous.get(ApiRoutes.notifications).expect(401);
    await w.as.anonymous.get(ApiRoutes.notificationsUnreadCount).expect(401);
    const badId = await w.as.memberA.post(ApiRoutes.notificationRead('abc')).expect(400);
    expect(badId.body.errors).toEqual([{ field: 'id', reason: 'must be a notification id' }]);
    const badQuery = await w.as.memberA.get(`${ApiRoutes.notifications}?unread=maybe&page=0`).expect(400);
    expect(badQuery.body.errors[0].field).toBe('unread');
    await w.as.memberA.get(`${ApiRoutes.notifications}?pageSize=1000`).expect(400);
    const badChannel = await w.as.memberA
      .put(ApiRoutes.notificationPreferences)
      .send({ preferences: [{ type: 'module.published', channel: 'pigeon' }] })
      .expect(400);
    expect(badChannel.body.errors[0]).toMatchObject({ field: 'preferences.0.channel' });
    await w.as.memberA.put(ApiRoutes.notificationPreferences).send({ preferences: [{ type: 'nope', channel: 'off' }] }).expect(400);
    await w.as.memberA.put(ApiRoutes.notificationPreferences).send({ preferences: [] }).expect(400);
    await w.as.memberA.put(ApiRoutes.notificationPreferences).send({}).expect(400);
  });

  it('gives every type its default channel, then keeps my choices (mine only)', async () => {
    const before = (await w.as.staffA.get(ApiRoutes.notificationPreferences).expect(200)).body as NotificationPreference[];
    expect(before.map((p) => p.type)).toEqual(NOTIFICATION_TYPES);
    expect(before.map((p) => p.type)).not.toContain(DomainEventType.ModuleProgressed); // internal, not a notification
    for (const p of before) expect(p).toEqual({ type: p.type, channel: DEFAULT_NOTIFICATION_CHANNEL[p.type], isDefault: true });

    const after = await w.as.staffA
      .put(ApiRoutes.notificationPreferences)
      .send({ preferences: [{ type: 'module.published', channel: 'email' }, { type: 'seminar.cancelled', channel: 'off' }] })
      .expect(200);
    const byType = new Map((after.body as NotificationPreference[]).map((p) => [p.type, p]));
    expect(byType.get(DomainEventType.ModulePublished)).toEqual({ type: 'module.published', channel: 'email', isDefault: false });
    expect(byType.get(DomainEventType.SeminarCancelled)).toEqual({ type: 'seminar.cancelled', channel: 'off', isDefault: false });
    expect(byType.get(DomainEventType.RegistrationConfirmed)).toMatchObject({ channel: 'email', isDefault: true });

    await w.as.staffA.put(ApiRoutes.notificationPreferences).send({ preferences: [{ type: 'module.published', channel: 'digest' }] }).expect(200);
    const rows = await t.dataSource.query(`SELECT type, channel FROM notification_preference WHERE user_id = $1 ORDER BY type`, [w.users.staffA.id]);
    expect(rows).toEqual([
      { type: 'module.published', channel: 'digest' },
      { type: 'seminar.cancelled', channel: 'off' },
    ]);
    const others = (await w.as.staffB.get(ApiRoutes.notificationPreferences)).body as NotificationPreference[];
    expect(others.every((p) => p.isDefault)).toBe(true);
  });

  it('shows admins how many outbox events wait, and no one else', async () => {
    await t.dataSource.query(`INSERT INTO outbox (type, payload, created_at) VALUES ('seminar.changed', '{}', now() - interval '90 seconds')`);
    const stats = await w.as.admin.get(ApiRoutes.adminOutboxStats).expect(200);
    // A worker test running at the same time may relay the row already: check the shape and coherence.
    const { unrelayed, oldestUnrelayedAgeSeconds } = stats.body;
    expect(Number.isInteger(unrelayed)).toBe(true);
    if (unrelayed > 0) expect(oldestUnrelayedAgeSeconds).toBeGreaterThanOrEqual(0);
    else expect(oldestUnrelayedAgeSeconds).toBeNull();
    // Each queue's counts, from the real Redis.
    expect(stats.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(Object.values(QueueName).sort());
    for (const q of stats.body.queues) expect(q).toEqual({ name: q.name, waiting: expect.any(Number), active: expect.any(Number), delayed: expect.any(Number), failed: expect.any(Number), completed: expect.any(Number) });
    await w.as.staffA.get(ApiRoutes.adminOutboxStats).expect(403);
    await w.as.memberA.get(ApiRoutes.adminOutboxStats).expect(403);
    await w.as.anonymous.get(ApiRoutes.adminOutboxStats).expect(401);
  });

  it('serves the queue dashboard (bull-board) to admins only', async () => {
    const page = await w.as.admin.get(QUEUE_DASHBOARD_PATH).expect(200);
    expect(page.text).toContain('<title>Pratique</title>');
    const queues = await w.as.admin.get(`${QUEUE_DASHBOARD_PATH}/api/queues`).expect(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(Object.values(QueueName).sort());
    // A failed job can be retried from the dashboard (its API answers admins only).
    await w.as.memberA.put(`${QUEUE_DASHBOARD_PATH}/api/queues/${QueueName.Notifications}/retry/failed`).expect(403);

    const anonymousBrowser = await w.as.anonymous.get(QUEUE_DASHBOARD_PATH).set('Accept', 'text/html').expect(303);
    expect(anonymousBrowser.headers['location']).toBe('/sign-in?returnUrl=%2Fadmin%2Fqueues');
    await w.as.anonymous.get(`${QUEUE_DASHBOARD_PATH}/api/queues`).set('Accept', 'application/json').expect(401);
    await w.as.memberA.get(QUEUE_DASHBOARD_PATH).expect(403);
    await w.as.staffA.get(`${QUEUE_DASHBOARD_PATH}/api/queues`).expect(403);
  });

  it('lets an admin retry a failed job from the dashboard', async () => {
    // An API on a queue prefix of its own, where no worker runs: the retried job stays waiting.
    const prefix = `${process.env['QUEUE_PREFIX']}-retry`;
    const own = await createTestApp({ env: { QUEUE_PREFIX: prefix } });
    const queue = new Bull(QueueName.Notifications, process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379', { prefix });
    try {
      await queue.add(JobName.NotificationEmail, { outboxId: '1', userId: w.users.memberA.id }, { jobId: 'email:1:retry' });
      // Taken as a worker would take it, then failed for good.
      const job = (await queue.getNextJob()) as Bull.Job;
      await job.moveToFailed({ message: 'SMTP refused' }, true);
      await job.releaseLock();
      expect(await job.getState()).toBe('failed');
      const admin = await signedIn(own, w.users.admin);
      const listed = await admin.get(`${QUEUE_DASHBOARD_PATH}/api/queues?activeQueue=${QueueName.Notifications}&status=failed`).expect(200);
      const failed = listed.body.queues.find((q: { name: string }) => q.name === QueueName.Notifications);
      expect(failed.jobs.map((j: { id: string; failedReason: string }) => [j.id, j.failedReason])).toEqual([['email:1:retry', 'SMTP refused']]);
      await admin.put(`${QUEUE_DASHBOARD_PATH}/api/queues/${QueueName.Notifications}/email:1:retry/retry`).expect(204);
      expect(await (await queue.getJob('email:1:retry'))!.getState()).toBe('waiting');
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
      await own.close();
    }
  });
});
