/**
 * The events the worker derives or schedules, against the real PostgreSQL, Redis and SMTP:
 * "you became eligible" from progress, the 48 h / 24 h seminar reminders as delayed jobs (moved
 * and removed when the seminar changes), the daily digest (one e-mail gathering a day's items,
 * once), role grants, and skills donation sessions, each to the right members in their language.
 */
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  addToSpace,
  createOwnDatabase,
  makeModule,
  makeOrganisation,
  makeRegion,
  makeSeminar,
  makeSpace,
  makeUser,
  MadeUser,
  OwnDatabase,
  setPercent,
} from '@pratique/api/testing';
import {
  DomainEvent,
  DomainEventType,
  JobName,
  QueueName,
  REMINDER_LEAD_MS,
  reminderJobId,
  SeminarReminderJobData,
} from '@pratique/contracts';
import { createDataSource } from '@pratique/migrations';
import Queue from 'bull';
import { DataSource } from 'typeorm';
import { eventually, MailTrap, startMailTrap } from '../testing/mail-trap';

jest.setTimeout(30_000);

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('worker: derived and scheduled notifications (PostgreSQL, Redis, SMTP)', () => {
  let trap: MailTrap;
  let db: DataSource;
  let app: INestApplicationContext;
  let queue: Queue.Queue;
  let regionId: string;
  let own: OwnDatabase;

  const outbox = async (event: DomainEvent): Promise<string> => {
    const [row] = await db.query(`INSERT INTO outbox (type, payload) VALUES ($1, $2) RETURNING id`, [
      event.type,
      JSON.stringify(event.payload),
    ]);
    return String(row.id);
  };
  const notificationsOf = async (
    u: MadeUser,
    type: DomainEventType,
  ): Promise<{ payload: Record<string, unknown>; channel: string }[]> =>
    db.query(`SELECT payload, channel FROM notification WHERE user_id = $1 AND type = $2 ORDER BY id`, [
      u.id,
      type,
    ]);
  const settle = () => new Promise((r) => setTimeout(r, 1500));

  beforeAll(async () => {
    // A database of this file's own: the worker relays every outbox row of its database.
    own = await createOwnDatabase('worker_events');
    process.env['DATABASE_URL'] = own.url;
    process.env['QUEUE_PREFIX'] = own.queuePrefix;
    trap = await startMailTrap();
    process.env['SMTP_URL'] = trap.url;
    process.env['OUTBOX_RELAY_INTERVAL_MS'] = '100';
    db = createDataSource(process.env['DATABASE_URL']!);
    await db.initialize();
    queue = new Queue(QueueName.Notifications, process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379', {
      prefix: process.env['QUEUE_PREFIX']!,
    });
    regionId = (await makeRegion(db)).id;
    const { WorkerModule } = await import('../worker.module');
    app = await NestFactory.createApplicationContext(WorkerModule, { logger: false, abortOnError: false });
  });

  afterAll(async () => {
    await app?.close();
    await queue?.close();
    await db?.destroy();
    await trap.close();
    await own?.drop();
  });

  it('tells a member once that their progress made them eligible, and no one else', async () => {
    const space = await makeSpace(db);
    const mod = await makeModule(db, space.id, { title: 'Gouvernance associative' });
    const seminar = await makeSeminar(db, { regionId, requirements: [{ moduleId: mod.id, minPercent: 50 }] });
    const otherRegion = (await makeRegion(db)).id;
    const [learner, registered, outsider] = await Promise.all([
      makeUser(db, { regionId, language: 'ar' }),
      makeUser(db, { regionId }),
      makeUser(db, { regionId: otherRegion }),
    ]);
    await setPercent(db, mod.id, [learner.id, registered.id, outsider.id], 60);
    await db.query(
      `INSERT INTO registration (seminar_id, user_id, status, eligibility_snapshot) VALUES ($1, $2, 'waitlisted', '{}')`,
      [seminar.id, registered.id],
    );

    for (const u of [learner, registered, outsider])
      await outbox({
        type: DomainEventType.ModuleProgressed,
        payload: { moduleId: mod.id, userId: u.id, fromPercent: 40, toPercent: 60 },
      });
    const told = await eventually(
      () => notificationsOf(learner, DomainEventType.SeminarEligible),
      (n) => n.length === 1,
    );
    expect(told).toHaveLength(1);
    expect(told[0].payload).toMatchObject({ seminarId: seminar.id, title: { fr: 'Séminaire de test' } });
    await eventually(
      () => trap.to(learner.email).length,
      (n) => n === 1,
    );
    expect(trap.to(learner.email)[0].subject).toBe('يمكنك التسجيل الآن: Séminaire de test');

    // More progress past the threshold, or the same event again: nothing new.
    await outbox({
      type: DomainEventType.ModuleProgressed,
      payload: { moduleId: mod.id, userId: learner.id, fromPercent: 60, toPercent: 100 },
    });
    await outbox({
      type: DomainEventType.ModuleProgressed,
      payload: { moduleId: mod.id, userId: learner.id, fromPercent: 40, toPercent: 60 },
    });
    await settle();
    expect(await notificationsOf(learner, DomainEventType.SeminarEligible)).toHaveLength(1);
    expect(await notificationsOf(registered, DomainEventType.SeminarEligible)).toHaveLength(0);
    expect(await notificationsOf(outsider, DomainEventType.SeminarEligible)).toHaveLength(0);
    expect(trap.to(learner.email)).toHaveLength(1);
  });

  it('does not tell a member who crossed the threshold but still misses another requirement', async () => {
    const space = await makeSpace(db);
    const [a, b] = await Promise.all([makeModule(db, space.id), makeModule(db, space.id)]);
    await makeSeminar(db, {
      regionId,
      k: 2,
      requirements: [
        { moduleId: a.id, minPercent: 50 },
        { moduleId: b.id, minPercent: 50 },
      ],
    });
    const member = await makeUser(db, { regionId });
    await setPercent(db, a.id, [member.id], 80);
    await outbox({
      type: DomainEventType.ModuleProgressed,
      payload: { moduleId: a.id, userId: member.id, fromPercent: 0, toPercent: 80 },
    });
    await settle();
    expect(await notificationsOf(member, DomainEventType.SeminarEligible)).toHaveLength(0);
  });

  it('reminds seat holders 48 h before the start, and eligible members not registered 24 h before registration closes', async () => {
    // Starts in 47 h, registration closes in 20 h: both reminders are due now.
    const seminar = await makeSeminar(db, {
      regionId,
      startsInDays: 47 / 24,
      registrationClosesInDays: 20 / 24,
    });
    const [holder, waitlisted, notRegistered] = await Promise.all([
      makeUser(db, { regionId, language: 'en' }),
      makeUser(db, { regionId }),
      makeUser(db, { regionId, language: 'fr' }),
    ]);
    for (const [u, status] of [
      [holder, 'confirmed'],
      [waitlisted, 'waitlisted'],
    ] as const)
      await db.query(
        `INSERT INTO registration (seminar_id, user_id, status, eligibility_snapshot) VALUES ($1, $2, $3, '{}')`,
        [seminar.id, u.id, status],
      );

    await outbox({ type: DomainEventType.SeminarSaved, payload: { seminarId: seminar.id, regionId } });
    await eventually(
      () => trap.to(holder.email).length + trap.to(notRegistered.email).length,
      (n) => n === 1,
    );
    expect(await notificationsOf(holder, DomainEventType.SeminarStartsSoon)).toHaveLength(1);
    expect(trap.to(holder.email)[0].subject).toBe('Reminder: Séminaire de test starts soon');
    expect(await notificationsOf(waitlisted, DomainEventType.SeminarStartsSoon)).toHaveLength(0);
    // Registration closing is a digest item by default: in the app now, in tomorrow's e-mail.
    const closing = await eventually(
      () => notificationsOf(notRegistered, DomainEventType.SeminarRegistrationClosesSoon),
      (n) => n.length === 1,
    );
    expect(closing.map((n) => n.channel)).toEqual(['digest']);
    expect(await notificationsOf(holder, DomainEventType.SeminarRegistrationClosesSoon)).toHaveLength(0);
    expect(await notificationsOf(waitlisted, DomainEventType.SeminarRegistrationClosesSoon)).toHaveLength(0);

    // Saved again (no change): the reminders are not sent twice.
    await outbox({ type: DomainEventType.SeminarSaved, payload: { seminarId: seminar.id, regionId } });
    await settle();
    expect(await notificationsOf(holder, DomainEventType.SeminarStartsSoon)).toHaveLength(1);
    expect(trap.to(holder.email)).toHaveLength(1);
  });

  it('schedules reminders as delayed jobs, moves them when the seminar moves, removes them when it is cancelled', async () => {
    const seminar = await makeSeminar(db, { regionId, startsInDays: 10, registrationClosesInDays: 8 });
    await outbox({ type: DomainEventType.SeminarSaved, payload: { seminarId: seminar.id, regionId } });
    const job = await eventually(
      () => queue.getJob(reminderJobId('starts', seminar.id)),
      (j) => j !== null,
    );
    const [{ starts_at: startsAt }] = await db.query(`SELECT starts_at FROM seminar WHERE id = $1`, [
      seminar.id,
    ]);
    expect(await job!.getState()).toBe('delayed');
    expect((job!.data as SeminarReminderJobData).at).toBe(startsAt.toISOString());
    // Due 48 h before the start.
    expect(
      Math.abs(job!.timestamp + job!.opts.delay! - (startsAt.getTime() - REMINDER_LEAD_MS.starts)),
    ).toBeLessThan(5_000);
    expect(await (await queue.getJob(reminderJobId('closes', seminar.id)))!.getState()).toBe('delayed');

    // Moved to 20 days from now: one job, for the new time.
    const moved = new Date(Date.now() + 20 * DAY);
    await db.query(`UPDATE seminar SET starts_at = $2, ends_at = $3 WHERE id = $1`, [
      seminar.id,
      moved,
      new Date(moved.getTime() + 4 * HOUR),
    ]);
    await outbox({ type: DomainEventType.SeminarSaved, payload: { seminarId: seminar.id, regionId } });
    const rescheduled = await eventually(
      () => queue.getJob(reminderJobId('starts', seminar.id)),
      (j) => (j?.data as SeminarReminderJobData | undefined)?.at === moved.toISOString(),
    );
    expect((rescheduled!.data as SeminarReminderJobData).at).toBe(moved.toISOString());
    expect(await rescheduled!.getState()).toBe('delayed');

    // A stale job (scheduled for the old time) that runs anyway writes nothing.
    const { SeminarReminderJob } = await import('./reminders');
    await expect(
      app
        .get(SeminarReminderJob)
        .handle({ seminarId: seminar.id, kind: 'starts', at: startsAt.toISOString() }),
    ).resolves.toEqual({ written: false, skipped: 'stale' });

    // Cancelled: no reminder left.
    await db.query(`UPDATE seminar SET status = 'cancelled' WHERE id = $1`, [seminar.id]);
    await outbox({ type: DomainEventType.SeminarCancelled, payload: { seminarId: seminar.id, regionId } });
    const gone = await eventually(
      async () => [
        await queue.getJob(reminderJobId('starts', seminar.id)),
        await queue.getJob(reminderJobId('closes', seminar.id)),
      ],
      (jobs) => jobs.every((j) => j === null),
    );
    expect(gone).toEqual([null, null]);
  });

  it('gathers a day of digest items into one e-mail per member, in their language, sent once', async () => {
    const space = await makeSpace(db);
    const [fr, ar, instant] = await Promise.all([
      makeUser(db, { regionId, language: 'fr' }),
      makeUser(db, { regionId, language: 'ar' }),
      makeUser(db, { regionId, language: 'en' }),
    ]);
    for (const u of [fr, ar, instant]) await addToSpace(db, space.id, u.id);
    await db.query(
      `INSERT INTO notification_preference (user_id, type, channel) VALUES ($1, 'module.published', 'digest'), ($2, 'module.published', 'digest'), ($3, 'module.published', 'email')`,
      [fr.id, ar.id, instant.id],
    );
    const titles = [
      { fr: 'Plaidoyer local', ar: 'المناصرة المحلية' },
      { fr: 'Gestion financière', ar: 'التسيير المالي' },
    ];
    for (const title of titles) {
      const [m] = await db.query(
        `INSERT INTO module (space_id, title, original_language, status) VALUES ($1, $2, 'fr', 'published') RETURNING id`,
        [space.id, JSON.stringify(title)],
      );
      await outbox({
        type: DomainEventType.ModulePublished,
        payload: { moduleId: m.id, spaceId: space.id, publishedBy: instant.id },
      });
    }
    await eventually(
      () => notificationsOf(ar, DomainEventType.ModulePublished),
      (n) => n.length === 2,
    );
    await eventually(
      () => notificationsOf(fr, DomainEventType.ModulePublished),
      (n) => n.length === 2,
    );
    expect(trap.to(fr.email)).toHaveLength(0); // no instant e-mail for digest items

    const runDigest = async () => {
      const job = await queue.add(JobName.DigestDaily, {}, { removeOnComplete: false });
      await eventually(
        () => job.getState(),
        (s) => s === 'completed',
      );
    };
    await runDigest();
    await eventually(
      () => trap.to(fr.email).length + trap.to(ar.email).length,
      (n) => n === 2,
    );
    const [frMail] = trap.to(fr.email);
    expect(frMail.subject).toBe('Votre résumé Pratique : 2 nouveautés');
    expect(frMail.text).toContain('Nouveau module : Plaidoyer local');
    expect(frMail.text).toContain('Nouveau module : Gestion financière');
    const [arMail] = trap.to(ar.email);
    expect(arMail.text).toContain('وحدة جديدة: المناصرة المحلية');
    expect(arMail.text).toContain('وحدة جديدة: التسيير المالي');
    expect(arMail.html).toContain('dir="rtl"');

    // Running the digest again the same day sends nothing more.
    await runDigest();
    await settle();
    expect(trap.to(fr.email)).toHaveLength(1);
    expect(trap.to(ar.email)).toHaveLength(1);
  });

  it('fans out an outbox event whose number is already the id of another job of the queue (Bull numbers jobs added without an id)', async () => {
    const member = await makeUser(db, { regionId });
    // The next outbox id, taken now; a job of the queue gets that very number as its id first.
    const [{ id }] = await db.query(`SELECT nextval(pg_get_serial_sequence('outbox', 'id'))::text AS id`);
    const other = await queue.add(JobName.DigestDaily, {}, { jobId: id, removeOnComplete: false });
    await eventually(
      () => other.getState(),
      (s) => s === 'completed',
    );
    await db.query(`INSERT INTO outbox (id, type, payload) VALUES ($1, $2, $3)`, [
      id,
      DomainEventType.RoleGranted,
      JSON.stringify({ userId: member.id, role: 'admin', grantedBy: member.id }),
    ]);
    const told = await eventually(
      () => notificationsOf(member, DomainEventType.RoleGranted),
      (n) => n.length === 1,
    );
    expect(told).toHaveLength(1);
  });

  it('tells a member the role they were granted, in their language', async () => {
    const space = await makeSpace(db, { title: 'Droits des femmes' });
    const [animator, admin] = await Promise.all([
      makeUser(db, { regionId, language: 'fr' }),
      makeUser(db, { regionId, language: 'en' }),
    ]);
    await outbox({
      type: DomainEventType.RoleGranted,
      payload: { userId: animator.id, role: 'animator', spaceId: space.id, grantedBy: admin.id },
    });
    await outbox({
      type: DomainEventType.RoleGranted,
      payload: { userId: admin.id, role: 'admin', grantedBy: animator.id },
    });
    await eventually(
      () => trap.to(animator.email).length + trap.to(admin.email).length,
      (n) => n === 2,
    );
    const [fr] = trap.to(animator.email);
    expect(fr.subject).toBe('Nouveau rôle : animateur·rice d’espace');
    expect(fr.text).toContain('Vous avez désormais le rôle « animateur·rice d’espace » (Droits des femmes).');
    expect(fr.text).toContain(`/spaces/${space.slug}`);
    const [en] = trap.to(admin.email);
    expect(en.subject).toBe('New role: administrator');
    expect(en.text).toContain('You now have the role “administrator”.');
  });

  it('tells followers of a space and of a thread about new posts, authors about accepted answers and moderated resources', async () => {
    const space = await makeSpace(db);
    const [asker, replier, spaceFollower, outsider] = await Promise.all([
      makeUser(db, { regionId, language: 'fr' }),
      makeUser(db, { regionId, language: 'ar' }),
      makeUser(db, { regionId, language: 'en' }),
      makeUser(db, { regionId }),
    ]);
    const [thread] = await db.query(
      `INSERT INTO discussion_thread (space_id, author_id, kind, title, body, body_html) VALUES ($1, $2, 'question', 'Comment financer une radio associative ?', 'Corps', '<p>Corps</p>') RETURNING id`,
      [space.id, asker.id],
    );
    await db.query(`INSERT INTO discussion_follow (user_id, space_id) VALUES ($1, $2), ($3, $2)`, [
      spaceFollower.id,
      space.id,
      asker.id,
    ]);
    await db.query(`INSERT INTO discussion_follow (user_id, thread_id) VALUES ($1, $2), ($3, $2)`, [
      asker.id,
      thread.id,
      replier.id,
    ]);
    const [reply] = await db.query(
      `INSERT INTO discussion_reply (thread_id, author_id, body, body_html) VALUES ($1, $2, 'Réponse', '<p>Réponse</p>') RETURNING id`,
      [thread.id, replier.id],
    );

    await outbox({
      type: DomainEventType.ThreadCreated,
      payload: { threadId: thread.id, spaceId: space.id, authorId: asker.id },
    });
    await outbox({
      type: DomainEventType.ReplyCreated,
      payload: { threadId: thread.id, replyId: reply.id, spaceId: space.id, authorId: replier.id },
    });
    await outbox({
      type: DomainEventType.AnswerAccepted,
      payload: { threadId: thread.id, replyId: reply.id, spaceId: space.id, userId: replier.id },
    });

    // New thread: the space's followers but its author; a digest item by default.
    const created = await eventually(
      () => notificationsOf(spaceFollower, DomainEventType.ThreadCreated),
      (n) => n.length === 1,
    );
    expect(created.map((n) => n.channel)).toEqual(['digest']);
    expect(created[0].payload).toMatchObject({
      threadId: thread.id,
      title: { fr: 'Comment financer une radio associative ?' },
    });
    expect(await notificationsOf(asker, DomainEventType.ThreadCreated)).toHaveLength(0);
    // New reply: the thread's followers but the replier.
    await eventually(
      () => notificationsOf(asker, DomainEventType.ReplyCreated),
      (n) => n.length === 1,
    );
    expect(await notificationsOf(replier, DomainEventType.ReplyCreated)).toHaveLength(0);
    expect(await notificationsOf(outsider, DomainEventType.ReplyCreated)).toHaveLength(0);
    // Accepted: the reply's author, by e-mail, in Arabic, linking to the thread.
    await eventually(
      () => trap.to(replier.email).length,
      (n) => n === 1,
    );
    const [mail] = trap.to(replier.email);
    expect(mail.subject).toBe('تم قبول إجابتك: Comment financer une radio associative ?');
    expect(mail.text).toContain(`/discussions/${thread.id}`);

    // A resource approved: its author, in English, linking to it.
    const [resource] = await db.query(
      `INSERT INTO resource (space_id, author_id, kind, title, language, url, status, published_at) VALUES ($1, $2, 'link', 'Guide du budget participatif', 'fr', 'https://example.org/guide', 'published', now()) RETURNING id`,
      [space.id, spaceFollower.id],
    );
    await outbox({
      type: DomainEventType.ResourceApproved,
      payload: { resourceId: resource.id, spaceId: space.id, userId: spaceFollower.id },
    });
    await eventually(
      () => trap.to(spaceFollower.email).length,
      (n) => n === 1,
    );
    const [approved] = trap.to(spaceFollower.email);
    expect(approved.subject).toBe('Your resource is published: Guide du budget participatif');
    expect(approved.text).toContain(`/resources/${resource.id}`);
  });

  it('tells the other side of a skill session: a proposal by e-mail, a session done in the app only', async () => {
    const organisation = await makeOrganisation(db, regionId);
    const [volunteer, orgMember] = await Promise.all([
      makeUser(db, { regionId, language: 'ar' }),
      makeUser(db, { regionId, organisationId: organisation.id, language: 'fr' }),
    ]);
    // The volunteer writes in Arabic: the offer's title is Arabic plain text.
    const [offer] = await db.query(
      `INSERT INTO skill_offer (author_id, title, skills, formats, languages)
       VALUES ($1, 'المحاسبة للجمعيات', ARRAY['comptabilité'], ARRAY['remote'], ARRAY['ar','fr']) RETURNING id`,
      [volunteer.id],
    );
    const [request] = await db.query(
      `INSERT INTO skill_request (organisation_id, author_id, title, skills, formats, languages)
       VALUES ($1, $2, 'Tenir nos comptes', ARRAY['comptabilité'], ARRAY['remote'], ARRAY['fr']) RETURNING id`,
      [organisation.id, orgMember.id],
    );
    const startsAt = new Date(Date.now() + 5 * DAY);
    startsAt.setUTCMilliseconds(0);
    const [session] = await db.query(
      `INSERT INTO skill_session (offer_id, request_id, proposed_by, proposer_id, starts_at, ends_at, format)
       VALUES ($1, $2, 'volunteer', $3, $4, $5, 'remote') RETURNING id`,
      [offer.id, request.id, volunteer.id, startsAt, new Date(startsAt.getTime() + 2 * HOUR)],
    );
    const ids = { sessionId: session.id, offerId: offer.id, requestId: request.id };

    // Proposed by the volunteer: the organisation's member is told, at once by e-mail (the default).
    await outbox({
      type: DomainEventType.SkillSessionProposed,
      payload: { ...ids, userId: orgMember.id, actorId: volunteer.id },
    });
    const proposed = await eventually(
      () => notificationsOf(orgMember, DomainEventType.SkillSessionProposed),
      (n) => n.length === 1,
    );
    expect(proposed).toHaveLength(1);
    expect(proposed[0].channel).toBe('email');
    // The offer's title in the language it was written in (its author's), and the session's start.
    expect(proposed[0].payload).toEqual({
      ...ids,
      userId: orgMember.id,
      actorId: volunteer.id,
      title: { ar: 'المحاسبة للجمعيات' },
      originalLanguage: 'ar',
      startsAt: startsAt.toISOString(),
    });
    await eventually(
      () => trap.to(orgMember.email).length,
      (n) => n === 1,
    );
    const [mail] = trap.to(orgMember.email);
    expect(mail.subject).toBe('Nouvelle proposition de séance : المحاسبة للجمعيات');
    expect(mail.text).toContain('/skills/sessions');
    expect(mail.html).toContain('<bdi lang="ar" dir="rtl">المحاسبة للجمعيات</bdi>');
    expect(await notificationsOf(volunteer, DomainEventType.SkillSessionProposed)).toHaveLength(0);

    // Marked done by the organisation's member: the volunteer is asked to rate it, in the app only.
    await db.query(`UPDATE skill_session SET status = 'done', done_at = now() WHERE id = $1`, [session.id]);
    await outbox({
      type: DomainEventType.SkillSessionDone,
      payload: { ...ids, userId: volunteer.id, actorId: orgMember.id },
    });
    const done = await eventually(
      () => notificationsOf(volunteer, DomainEventType.SkillSessionDone),
      (n) => n.length === 1,
    );
    expect(done.map((n) => n.channel)).toEqual(['in_app']);
    expect(done[0].payload).toMatchObject({ sessionId: session.id, title: { ar: 'المحاسبة للجمعيات' } });
    await settle();
    expect(trap.to(volunteer.email)).toHaveLength(0);
    expect(await notificationsOf(orgMember, DomainEventType.SkillSessionDone)).toHaveLength(0);
    expect(trap.to(orgMember.email)).toHaveLength(1);
  });
});
