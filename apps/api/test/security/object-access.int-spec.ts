/**
 * Object-level authorization (ASVS 8.2.2, OWASP API1:2023).
 *
 * A peer — a member of the same space and region as the victim, the closest an attacker gets
 * without a role — names the victim's objects by id: their notification, SCORM attempt,
 * registration, pending resource, published resource and thread, the module drafts of their
 * space and its files, and their directory profile with every field hidden. Every answer is a 403
 * or 404 (or, for the profile, the hidden fields as null), nothing the victim owns changes, and no
 * answer the peer gets carries any of the victim's private values (e-mail, hidden skills and
 * interests, certificate code, SCORM suspend data).
 * Mass assignment: mass-assignment.int-spec.ts.
 */
import { ApiRoutes, DEFAULT_PROFILE_VISIBILITY, MemberProfileDto } from '@pratique/contracts';
import request from 'supertest';
import { makeMatrixWorld, MatrixWorld } from './matrix-world';

jest.setTimeout(180_000);

const SECRET_SKILL = `compétence-secrète-${Date.now()}`;
const SECRET_INTEREST = `intérêt-secret-${Date.now()}`;
const SECRET_SUSPEND = `suspend-secret-${Date.now()}`;

describe('object-level access: a peer names the victim’s objects by id', () => {
  let w: MatrixWorld;
  let peer: string;
  let victim: string;
  const seen: { what: string; text: string }[] = [];

  const as = (cookie: string) => {
    const server = w.t.app.getHttpServer();
    const record = async (what: string, req: request.Test) => {
      const res = await req;
      seen.push({ what, text: res.text ?? '' });
      return res;
    };
    return {
      get: (path: string) => record(`GET ${path}`, request(server).get(path).set('Cookie', cookie)),
      post: (path: string, body?: object) => record(`POST ${path}`, request(server).post(path).set('Cookie', cookie).send(body ?? {})),
      patch: (path: string, body: object) => record(`PATCH ${path}`, request(server).patch(path).set('Cookie', cookie).send(body)),
      put: (path: string, body: object) => record(`PUT ${path}`, request(server).put(path).set('Cookie', cookie).send(body)),
      delete: (path: string) => record(`DELETE ${path}`, request(server).delete(path).set('Cookie', cookie)),
    };
  };
  const refusedStatus = (status: number) => [403, 404].includes(status);
  let registrationId: string;
  let pendingResourceId: string;
  let draftLessonId: string;

  beforeAll(async () => {
    w = await makeMatrixWorld();
    victim = w.cookies.member!;
    peer = (await w.fresh.userLike('member')).cookie!; // a member of S, in region A, like the victim
    const me = as(victim);
    expect((await me.put(ApiRoutes.myProfile, {
      ...DEFAULT_PROFILE_VISIBILITY,
      showOrganisations: false,
      showRegion: false,
      showSkills: false,
      showSpaces: false,
      bio: 'Bio publique',
      skills: [SECRET_SKILL],
      interests: [SECRET_INTEREST],
    })).status).toBe(200);
    const reg = await me.post(ApiRoutes.seminarRegistrations(w.seminar.id));
    expect(reg.status).toBe(201);
    [{ id: registrationId }] = await w.db.query(`SELECT id FROM registration WHERE seminar_id = $1 AND user_id = $2`, [w.seminar.id, w.users.member.id]);
    pendingResourceId = await w.fresh.resource(w.users.member.id, 'pending');
    await w.db.query(`UPDATE scorm_attempt SET cmi = $2 WHERE id = $1`, [w.scorm.memberAttemptId, JSON.stringify({ suspend_data: SECRET_SUSPEND })]);
    [{ id: draftLessonId }] = await w.db.query(`SELECT id FROM lesson WHERE module_id = $1`, [w.draftModule.id]);
    seen.length = 0; // only the peer's answers are searched for secrets
  });
  afterAll(() => w?.t.close());

  it('cannot read or mark the victim’s notification', async () => {
    const p = as(peer);
    expect(refusedStatus((await p.post(ApiRoutes.notificationRead(w.memberNotificationId))).status)).toBe(true);
    const list = await p.get(ApiRoutes.notifications);
    expect(list.status).toBe(200);
    expect((list.body.items as { id: string }[]).map((n) => String(n.id))).not.toContain(w.memberNotificationId);
    const [n] = await w.db.query(`SELECT read_at FROM notification WHERE id = $1`, [w.memberNotificationId]);
    expect(n.read_at).toBeNull();
  });

  it('cannot commit into the victim’s SCORM attempt', async () => {
    const res = await as(peer).post(ApiRoutes.scormCommit(w.scorm.memberAttemptId), { cmi: { core: { lesson_status: 'completed' }, suspend_data: 'écrasé' } });
    expect(refusedStatus(res.status)).toBe(true);
    const [a] = await w.db.query(`SELECT cmi FROM scorm_attempt WHERE id = $1`, [w.scorm.memberAttemptId]);
    expect(a.cmi).toEqual({ suspend_data: SECRET_SUSPEND });
  });

  it('cannot confirm, decline or cancel the victim’s registration, nor read the seminar’s list', async () => {
    const p = as(peer);
    for (const path of [ApiRoutes.registrationConfirm(registrationId), ApiRoutes.registrationDecline(registrationId)])
      expect({ path, status: refusedStatus((await p.post(path)).status) }).toEqual({ path, status: true });
    // "me" is the peer: there is nothing of theirs to cancel, and the victim's seat stays.
    expect(refusedStatus((await p.delete(ApiRoutes.myRegistration(w.seminar.id))).status)).toBe(true);
    for (const path of [ApiRoutes.seminarDashboard(w.seminar.id), ApiRoutes.seminarDashboardCsv(w.seminar.id)])
      expect({ path, status: (await p.get(path)).status }).toEqual({ path, status: 403 });
    const seminar = await p.get(ApiRoutes.seminar(w.seminar.id));
    expect(seminar.status).toBe(200);
    expect(seminar.body.myRegistration ?? null).toBeNull();
    const [r] = await w.db.query(`SELECT status FROM registration WHERE id = $1`, [registrationId]);
    expect(r.status).toBe('confirmed');
  });

  it('cannot see the victim’s pending resource, nor edit their published one or their thread', async () => {
    const p = as(peer);
    expect(refusedStatus((await p.get(ApiRoutes.resource(pendingResourceId))).status)).toBe(true);
    const mine = await p.get(`/api/spaces/${w.space.id}/resources/mine`);
    expect(JSON.stringify(mine.body)).not.toContain(pendingResourceId);
    const [before] = await w.db.query(`SELECT title FROM resource WHERE id = $1`, [w.resource.link]);
    expect(refusedStatus((await p.patch(ApiRoutes.resource(w.resource.link), { title: 'Détourné' })).status)).toBe(true);
    const [after] = await w.db.query(`SELECT title FROM resource WHERE id = $1`, [w.resource.link]);
    expect(after.title).toBe(before.title);
    expect(refusedStatus((await p.patch(ApiRoutes.thread(w.thread.id), { title: 'Détourné' })).status)).toBe(true);
    expect(refusedStatus((await p.patch(ApiRoutes.reply(w.question.replyId), { body: 'Détourné' })).status)).toBe(true);
    const [th] = await w.db.query(`SELECT title FROM discussion_thread WHERE id = $1`, [w.thread.id]);
    expect(th.title).not.toBe('Détourné');
  });

  it('cannot open the drafts of the space, their lessons or their files', async () => {
    const p = as(peer);
    for (const path of [ApiRoutes.module(w.draftModule.id), ApiRoutes.lesson(draftLessonId), ApiRoutes.file(w.draftModule.fileId)])
      expect({ path, refused: refusedStatus((await p.get(path)).status) }).toEqual({ path, refused: true });
    const list = await p.get(ApiRoutes.spaceModules(w.space.id));
    expect(JSON.stringify(list.body)).not.toContain(w.draftModule.id);
  });

  it('sees their own progress on a module the victim completed, never the victim’s, nor the learners list', async () => {
    const p = as(peer);
    const mod = await p.get(ApiRoutes.module(w.gateModule.id));
    expect(mod.status).toBe(200);
    expect(JSON.stringify(mod.body)).not.toContain('"percent":100');
    expect(refusedStatus((await p.get(ApiRoutes.moduleCertificate(w.gateModule.id))).status)).toBe(true);
    expect((await p.get(ApiRoutes.moduleLearners(w.gateModule.id))).status).toBe(403);
    expect((await p.get(ApiRoutes.moduleLearnersCsv(w.gateModule.id))).status).toBe(403);
  });

  it('sees the victim’s hidden profile fields as null, and cannot find them by a hidden skill', async () => {
    const p = as(peer);
    const profile = await p.get(ApiRoutes.member(w.users.member.id));
    expect(profile.status).toBe(200);
    const body = profile.body as MemberProfileDto;
    expect({ organisations: body.organisations, regionId: body.regionId, skills: body.skills, interests: body.interests, spaces: body.spaces }).toEqual({
      organisations: null,
      regionId: null,
      skills: null,
      interests: null,
      spaces: null,
    });
    const bySkill = await p.get(`${ApiRoutes.members}?skill=${encodeURIComponent(SECRET_SKILL)}`);
    expect(bySkill.status).toBe(200);
    expect(bySkill.body.items).toEqual([]);
    // The victim still sees everything of their own.
    const own = await request(w.t.app.getHttpServer()).get(ApiRoutes.myProfile).set('Cookie', victim).expect(200);
    expect(own.body.skills).toEqual([SECRET_SKILL]);
  });

  it('gets nothing of the victim in their own data export', async () => {
    const res = await as(peer).get('/api/me/data-export');
    expect(res.status).toBe(200);
    expect(res.text).not.toContain(w.users.member.id);
  });

  it('cannot open the victim’s profile once it is unlisted', async () => {
    await request(w.t.app.getHttpServer()).put(ApiRoutes.myProfile).set('Cookie', victim).send({ listed: false }).expect(200);
    expect((await as(peer).get(ApiRoutes.member(w.users.member.id))).status).toBe(404);
    const search = await as(peer).get(`${ApiRoutes.members}?q=${encodeURIComponent('Matrix member')}`);
    expect(JSON.stringify(search.body)).not.toContain(w.users.member.id);
  });

  it('was never sent any of the victim’s private values, in any answer', () => {
    expect(seen.length).toBeGreaterThan(20);
    const secrets = [w.users.member.email, SECRET_SKILL, SECRET_INTEREST, SECRET_SUSPEND, w.gateModule.certificateCode];
    const leaks = seen.flatMap(({ what, text }) => secrets.filter((s) => text.includes(s)).map((s) => `${what} carried ${s}`));
    expect(leaks).toEqual([]);
  });
});
