/**
 * A member deletes their account (`DELETE /api/me`, confirmed by their password): personal rows
 * removed and the account row anonymised, every session ended, upcoming registrations cancelled
 * (a freed seat promotes the next waitlisted member), attendance of past seminars kept (the stats
 * do not change), discussions kept as by a deleted member, the deletion audited — and the e-mail
 * address free to sign up again. Refused requests change nothing.
 */
import { PERSONAL_DATA } from '@pratique/api/privacy';
import {
  Agent,
  createTestApp,
  makeOrganisation,
  makeRegion,
  makeSeminar,
  makeUser,
  MadeUser,
  signedIn,
  TestApp,
  uid,
} from '@pratique/api/testing';
import { ApiRoutes, AuditAction, DELETED_MEMBER_NAME, DomainEventType } from '@pratique/contracts';
import { coverage, givePersonalData, PersonalData } from './personal-data.fixture';

jest.setTimeout(60_000);

describe('privacy: delete my account', () => {
  let t: TestApp;
  let region: { id: string };
  let organisation: { id: string };
  let me: MadeUser;
  let bystander: MadeUser;
  let mine: PersonalData;
  let browser1: Agent;
  let browser2: Agent;
  let staff: Agent;
  let reader: Agent;
  let full: { id: string };
  let waiting: { id: string };
  let waiter: MadeUser;
  const myName = `Amira Départ ${uid()}`;

  const sessionsOf = async (userId: string) =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM "session" WHERE (sess -> 'passport' ->> 'user') = $1`, [userId]))[0].n;
  const registrationOf = async (seminarId: string, userId: string) =>
    (await t.dataSource.query(`SELECT status FROM registration WHERE seminar_id = $1 AND user_id = $2`, [seminarId, userId]))[0]?.status;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.dataSource;
    region = await makeRegion(db);
    organisation = await makeOrganisation(db, region.id);
    me = await makeUser(db, { regionId: region.id, organisationId: organisation.id, displayName: myName });
    const friend = await makeUser(db, { regionId: region.id });
    bystander = await makeUser(db, { regionId: region.id });
    mine = await givePersonalData(db, me.id, friend.id, region.id);
    await givePersonalData(db, bystander.id, (await makeUser(db, { regionId: region.id })).id, region.id);
    browser1 = await signedIn(t, me);
    browser2 = await signedIn(t, me);
    staff = await signedIn(t, await makeUser(db, { regionId: region.id, staffOf: [region.id] }));
    reader = await signedIn(t, bystander);

    // An upcoming seminar whose only seat is mine, with a member waiting for it; another where I wait.
    full = await makeSeminar(db, { regionId: region.id, capacity: 1 });
    waiting = await makeSeminar(db, { regionId: region.id, capacity: 1 });
    waiter = await makeUser(db, { regionId: region.id });
    const holder = await makeUser(db, { regionId: region.id });
    expect((await browser1.post(ApiRoutes.seminarRegistrations(full.id)).expect(201)).body.status).toBe('confirmed');
    expect((await (await signedIn(t, waiter)).post(ApiRoutes.seminarRegistrations(full.id)).expect(201)).body.status).toBe('waitlisted');
    expect((await (await signedIn(t, holder)).post(ApiRoutes.seminarRegistrations(waiting.id)).expect(201)).body.status).toBe('confirmed');
    expect((await browser1.post(ApiRoutes.seminarRegistrations(waiting.id)).expect(201)).body.status).toBe('waitlisted');
    // The past seminar I attended (fixture) also had a no-show.
    await db.query(`INSERT INTO registration (seminar_id, user_id, status, eligibility_snapshot) VALUES ($1, $2, 'no_show', '{}')`, [
      mine.pastSeminarId,
      (await makeUser(db, { regionId: region.id })).id,
    ]);
  });
  afterAll(() => t.close());

  it('refuses without the right password, and changes nothing', async () => {
    const before = await coverage(t.dataSource, me.id);
    const anonymous = await t.agent().delete(ApiRoutes.myAccount).send({ password: me.password }).expect(401);
    expect(anonymous.body.statusCode).toBe(401);
    const missing = await browser1.delete(ApiRoutes.myAccount).send({}).expect(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'password' })]);
    const wrong = await browser1.delete(ApiRoutes.myAccount).send({ password: 'not-my-password' }).expect(400);
    expect(wrong.body.errors).toEqual([{ field: 'password', reason: 'is not the password of this account' }]);
    await browser1.delete(ApiRoutes.myAccount).send({ password: 42 }).expect(400);
    await browser1.delete(ApiRoutes.myAccount).send({ password: me.password, deletedAt: null }).expect(400); // unknown field
    expect(await coverage(t.dataSource, me.id)).toEqual(before);
    await browser2.get(ApiRoutes.auth.me).expect(200);
    expect(await sessionsOf(me.id)).toBe(2);
  });

  it('deletes: personal rows removed, the rest kept, the account anonymised, every session ended, audited', async () => {
    const before = await coverage(t.dataSource, me.id);
    const theirsBefore = await coverage(t.dataSource, bystander.id);
    const statsBefore = (await staff.get(ApiRoutes.seminarStats(mine.pastSeminarId)).expect(200)).body;

    const audience = async () =>
      ((await staff.get(ApiRoutes.seminarDashboard(full.id)).query({ pageSize: 500 }).expect(200)).body.items as { userId: string }[]).map((r) => r.userId);
    expect(await audience()).toContain(me.id);

    const res = await browser1.delete(ApiRoutes.myAccount).send({ password: me.password }).expect(204);
    expect(String(res.headers['set-cookie'])).toMatch(/pratique\.sid=;/);

    // Removed: what is personal. Kept: what others rely on, pointing at the anonymised row.
    expect(await coverage(t.dataSource, me.id)).toEqual({
      ...before,
      'membership.user_id': 0,
      'role_grant.user_id': 0,
      'space_member.user_id': 0,
      'lesson_progress.user_id': 0,
      'enrollment.user_id': 0,
      'quiz_attempt.user_id': 0,
      'scorm_attempt.user_id': 0,
      'notification.user_id': 0,
      'notification_preference.user_id': 0,
      'email_delivery.user_id': 0,
      'discussion_follow.user_id': 0,
      'member_profile.user_id': 0,
      'user_follow.follower_id': 0,
      'user_follow.followee_id': 0,
      'activity.actor_id': before['activity.actor_id'] - 1, // the shared completion; the thread started stays
      'audit_log.actor_id': before['audit_log.actor_id'] + 1, // the deletion itself
    });
    // Every table the registry says it deletes from lost the member's rows.
    for (const { table, columns, erase } of PERSONAL_DATA)
      if (erase.action === 'delete') expect([table, columns.some((c) => (before[`${table}.${c}`] ?? 0) > 0)]).toEqual([table, true]);
    // Nobody else's rows changed.
    expect(await coverage(t.dataSource, bystander.id)).toEqual(theirsBefore);

    const [account] = await t.dataSource.query(`SELECT * FROM app_user WHERE id = $1`, [me.id]);
    expect(account).toEqual(
      expect.objectContaining({
        email: `deleted-${me.id}@invalid`,
        display_name: DELETED_MEMBER_NAME.fr,
        password_hash: '!deleted',
        region_id: region.id,
        deleted_at: expect.any(Date),
      }),
    );

    // Signed out everywhere.
    expect(await sessionsOf(me.id)).toBe(0);
    await browser1.get(ApiRoutes.auth.me).expect(401);
    await browser2.get(ApiRoutes.auth.me).expect(401);
    await browser2.get(ApiRoutes.myDataExport).expect(401);

    // One audit row.
    const audit = await t.dataSource.query(`SELECT actor_id, target_type, target_id, detail FROM audit_log WHERE action = $1 AND target_id = $2`, [
      AuditAction.UserDeleted,
      me.id,
    ]);
    expect(audit).toEqual([{ actor_id: me.id, target_type: 'user', target_id: me.id, detail: { registrationsCancelled: 2, sessionsEnded: 2 } }]);

    // Attendance of the past seminar is kept: the same figures.
    expect((await staff.get(ApiRoutes.seminarStats(mine.pastSeminarId)).expect(200)).body).toEqual(statsBefore);
    expect(statsBefore).toEqual(expect.objectContaining({ attended: 1, noShow: 1 }));
    expect(await registrationOf(mine.pastSeminarId, me.id)).toBe('attended');
  });

  it('frees the seat of an upcoming seminar for the next waitlisted member and leaves the other waitlist', async () => {
    expect(await registrationOf(full.id, me.id)).toBe('cancelled');
    expect(await registrationOf(full.id, waiter.id)).toBe('confirmed');
    const [seminar] = await t.dataSource.query(`SELECT seats_taken FROM seminar WHERE id = $1`, [full.id]);
    expect(seminar.seats_taken).toBe(1);
    const promoted = await t.dataSource.query(`SELECT payload FROM outbox WHERE type = $1 AND payload->>'seminarId' = $2`, [
      DomainEventType.RegistrationPromoted,
      full.id,
    ]);
    expect(promoted.map((r: { payload: { userId: string } }) => r.payload.userId)).toEqual([waiter.id]);

    expect(await registrationOf(waiting.id, me.id)).toBe('cancelled');
    const [other] = await t.dataSource.query(`SELECT seats_taken FROM seminar WHERE id = $1`, [waiting.id]);
    expect(other.seats_taken).toBe(1);
    // Nothing is addressed to the deleted member.
    const toMe = await t.dataSource.query(`SELECT type FROM outbox WHERE payload->>'userId' = $1 AND payload->>'seminarId' = ANY($2::text[])`, [
      me.id,
      [full.id, waiting.id],
    ]);
    expect(toMe.map((r: { type: string }) => r.type).sort()).toEqual([DomainEventType.RegistrationConfirmed, DomainEventType.RegistrationWaitlisted].sort());
  });

  it('keeps what they wrote, shown as by a deleted member; takes them out of the directory', async () => {
    const thread = (await reader.get(ApiRoutes.thread(mine.threadId)).expect(200)).body;
    expect(thread.author).toEqual({ id: me.id, displayName: DELETED_MEMBER_NAME.fr });
    expect(thread.body).toBe('Corps');
    await reader.get(ApiRoutes.member(me.id)).expect(404);
    const search = (await reader.get(ApiRoutes.members).query({ q: myName }).expect(200)).body;
    expect(search.total).toBe(0);
    const deletedListed = (await reader.get(ApiRoutes.members).query({ q: DELETED_MEMBER_NAME.fr, pageSize: 100 }).expect(200)).body;
    expect(deletedListed.items.map((m: { id: string }) => m.id)).not.toContain(me.id);
    await reader.put(ApiRoutes.memberFollow(me.id)).expect(404);
    // Nor in a seminar's audience any more.
    const dashboard = (await staff.get(ApiRoutes.seminarDashboard(full.id)).query({ pageSize: 500 }).expect(200)).body;
    expect(dashboard.items.map((r: { userId: string }) => r.userId)).not.toContain(me.id);
    expect(dashboard.items.map((r: { userId: string }) => r.userId)).toContain(waiter.id);
  });

  it('cannot sign in any more; the e-mail address can sign up again', async () => {
    await t.agent().post(ApiRoutes.auth.signIn).send({ email: me.email, password: me.password }).expect(401);
    const placeholder = await t.agent().post(ApiRoutes.auth.signIn).send({ email: `deleted-${me.id}@invalid`, password: me.password });
    expect([400, 401]).toContain(placeholder.status); // not an address the validator accepts, or refused
    const again = await t
      .agent()
      .post(ApiRoutes.auth.signUp)
      .send({ email: me.email, password: 'une-nouvelle-phrase', displayName: 'Amira revenue', preferredLanguage: 'fr', regionId: region.id, organisationId: organisation.id })
      .expect(201);
    expect(again.body.id).not.toBe(me.id);
    expect(again.body.email).toBe(me.email);
  });
});
