/**
 * Sessions end server-side: the session id rotates at sign-in (no fixation), sign-out deletes the
 * session row, and suspending an account ends all of its sessions at once and refuses sign-in.
 */
import { createTestApp, makeRegion, makeUser, MadeUser, signedIn, TestApp } from '@pratique/api/testing';
import { ApiRoutes, AuditAction } from '@pratique/contracts';
import { SESSION_COOKIE } from '@pratique/api/platform';

/** The `pratique.sid=…` pair of a response's Set-Cookie, and the session id inside it. */
function sessionCookie(res: { headers: Record<string, unknown> }): { cookie: string; sid: string } {
  const all = ([] as string[]).concat((res.headers['set-cookie'] as string[] | undefined) ?? []);
  const pair = all.map((c) => c.split(';')[0]).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!pair) throw new Error('no session cookie in the response');
  const value = decodeURIComponent(pair.slice(SESSION_COOKIE.length + 1)); // s:<sid>.<signature>
  return { cookie: pair, sid: value.slice(2, value.lastIndexOf('.')) };
}

describe('sessions', () => {
  let t: TestApp;
  let member: MadeUser;
  let other: MadeUser;
  let admin: MadeUser;
  const sessionRows = async (sid: string) => (await t.dataSource.query(`SELECT 1 FROM "session" WHERE sid = $1`, [sid])).length;

  beforeAll(async () => {
    t = await createTestApp();
    const region = await makeRegion(t.dataSource);
    member = await makeUser(t.dataSource, { regionId: region.id });
    other = await makeUser(t.dataSource, { regionId: region.id });
    admin = await makeUser(t.dataSource, { regionId: region.id, admin: true });
  });
  afterAll(() => t.close());

  const signIn = (user: MadeUser, cookie?: string) => {
    const req = t.agent().post(ApiRoutes.auth.signIn);
    if (cookie) req.set('Cookie', cookie);
    return req.send({ email: user.email, password: user.password });
  };

  it('rotates the session id at sign-in: a planted session cookie is not adopted and stops working', async () => {
    const planted = sessionCookie(await signIn(other).expect(200)); // the attacker's own session, planted in the victim's browser
    const victim = sessionCookie(await signIn(member, planted.cookie).expect(200));
    expect(victim.sid).not.toBe(planted.sid);
    expect(await sessionRows(planted.sid)).toBe(0);
    await t.agent().get(ApiRoutes.auth.me).set('Cookie', planted.cookie).expect(401);
    const me = await t.agent().get(ApiRoutes.auth.me).set('Cookie', victim.cookie).expect(200);
    expect(me.body.email).toBe(member.email);
  });

  it('gives a new session id for a forged cookie naming no session', async () => {
    const forged = `${SESSION_COOKIE}=${encodeURIComponent('s:attacker-chosen-id.bad-signature')}`;
    const fresh = sessionCookie(await signIn(member, forged).expect(200));
    expect(fresh.sid).not.toBe('attacker-chosen-id');
    expect(await sessionRows('attacker-chosen-id')).toBe(0);
  });

  it('ends the session on the server at sign-out: the old cookie replayed is anonymous', async () => {
    const { cookie, sid } = sessionCookie(await signIn(member).expect(200));
    await t.agent().get(ApiRoutes.auth.me).set('Cookie', cookie).expect(200);
    await t.agent().post(ApiRoutes.auth.signOut).set('Cookie', cookie).expect(204);
    expect(await sessionRows(sid)).toBe(0);
    await t.agent().get(ApiRoutes.auth.me).set('Cookie', cookie).expect(401);
  });

  describe('suspension', () => {
    let target: MadeUser;
    beforeEach(async () => (target = await makeUser(t.dataSource, { regionId: (await makeRegion(t.dataSource)).id })));

    it('ends every session of the account at once, refuses sign-in after the password, and is audited', async () => {
      const laptop = await signedIn(t, target);
      const phone = await signedIn(t, target);
      const asAdmin = await signedIn(t, admin);
      const res = await asAdmin.put(ApiRoutes.userSuspension(target.id)).send({ reason: 'Spam in the discussions' }).expect(200);
      expect(res.body).toMatchObject({ userId: target.id, sessionsEnded: 2 });
      expect(Date.parse(res.body.suspendedAt)).not.toBeNaN();

      await laptop.get(ApiRoutes.auth.me).expect(401);
      await phone.get(ApiRoutes.notifications).expect(401);
      const refused = await signIn(target).expect(403);
      expect(refused.body.message).toMatch(/suspended/);
      // A wrong password says only that: whether the account exists or is suspended stays hidden.
      const guess = await t.agent().post(ApiRoutes.auth.signIn).send({ email: target.email, password: 'not-the-password' }).expect(401);
      expect(guess.body.message).not.toMatch(/suspended/);

      const listed = await asAdmin.get(ApiRoutes.users).query({ q: target.email }).expect(200);
      expect(listed.body.items[0]).toMatchObject({ id: target.id, suspensionReason: 'Spam in the discussions' });
      expect(listed.body.items[0].suspendedAt).toBe(res.body.suspendedAt);

      const audit = await t.dataSource.query(`SELECT actor_id, action, detail FROM audit_log WHERE target_id = $1 ORDER BY id`, [target.id]);
      expect(audit).toEqual([{ actor_id: admin.id, action: AuditAction.UserSuspended, detail: { reason: 'Spam in the discussions', sessionsEnded: 2 } }]);
    });

    it('lets a reinstated member sign in again', async () => {
      const asAdmin = await signedIn(t, admin);
      await asAdmin.put(ApiRoutes.userSuspension(target.id)).send({ reason: 'Checking a report' }).expect(200);
      await signIn(target).expect(403);
      const back = await asAdmin.delete(ApiRoutes.userSuspension(target.id)).expect(200);
      expect(back.body).toEqual({ userId: target.id, suspendedAt: null, sessionsEnded: 0 });
      await signIn(target).expect(200);
      const actions = await t.dataSource.query(`SELECT action FROM audit_log WHERE target_id = $1 ORDER BY id`, [target.id]);
      expect(actions.map((a: { action: string }) => a.action)).toEqual([AuditAction.UserSuspended, AuditAction.UserReinstated]);
    });

    it('is for admins only, never on oneself, and names bad fields', async () => {
      const asMember = await signedIn(t, member);
      await t.agent().put(ApiRoutes.userSuspension(target.id)).send({ reason: 'nope nope' }).expect(401);
      await asMember.put(ApiRoutes.userSuspension(target.id)).send({ reason: 'nope nope' }).expect(403);
      await asMember.delete(ApiRoutes.userSuspension(target.id)).expect(403);
      const asAdmin = await signedIn(t, admin);
      const self = await asAdmin.put(ApiRoutes.userSuspension(admin.id)).send({ reason: 'by mistake' }).expect(409);
      expect(self.body.errors).toEqual([{ field: 'userId', reason: expect.stringContaining('your own account') }]);
      const missing = await asAdmin.put(ApiRoutes.userSuspension(target.id)).send({}).expect(400);
      expect(missing.body.errors[0].field).toBe('reason');
      await asAdmin.put(ApiRoutes.userSuspension('00000000-0000-4000-8000-000000000000')).send({ reason: 'nobody here' }).expect(404);
      await asAdmin.put(ApiRoutes.userSuspension('not-a-uuid')).send({ reason: 'nobody here' }).expect(400);
      const [row] = await t.dataSource.query(`SELECT suspended_at FROM app_user WHERE id = $1`, [target.id]);
      expect(row.suspended_at).toBeNull();
      await signIn(target).expect(200);
    });
  });
});
