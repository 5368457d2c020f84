/**
 * The audit log: each audited action (role grants and revocations, animators named and removed,
 * thread and reply moderation, resource decisions and dismissed reports, CSV exports, data
 * exports) writes exactly one row, with its actor and target, in the transaction of the change
 * (a refused action writes none); admins read it newest first, paged and filtered by action;
 * nobody else does.
 */
import {
  addToSpace,
  Agent,
  createTestApp,
  makeModule,
  makeSeminar,
  makeSpace,
  makeUser,
  makeWorld,
  signedIn,
  TestApp,
  World,
} from '@pratique/api/testing';
import { ApiRoutes, AuditAction, AuditEntry, Page, SpaceRole, SpaceScope } from '@pratique/contracts';

interface AuditRow {
  action: string;
  actor_id: string;
  target_type: string;
  target_id: string | null;
  detail: Record<string, unknown>;
}

describe('privacy: the audit log', () => {
  let t: TestApp;
  let w: World;
  let space: { id: string; slug: string };
  let animator: Agent;
  let animatorId: string;
  let member: Agent;
  let memberId: string;

  beforeAll(async () => {
    t = await createTestApp();
    w = await makeWorld(t);
    const db = t.dataSource;
    space = await makeSpace(db);
    const a = await makeUser(db, { regionId: w.regionA.id, displayName: 'Animatrice Audit' });
    animatorId = a.id;
    await addToSpace(db, space.id, a.id, SpaceRole.Animator);
    animator = await signedIn(t, a);
    const m = await makeUser(db, { regionId: w.regionA.id });
    memberId = m.id;
    await addToSpace(db, space.id, m.id);
    member = await signedIn(t, m);
  });
  afterAll(() => t.close());

  /** The audit rows `actorId` wrote while `run` ran (other test files may write their own meanwhile). */
  async function audited(actorId: string, run: () => Promise<unknown>): Promise<AuditRow[]> {
    const [{ max }] = await t.dataSource.query(`SELECT coalesce(max(id), 0)::text AS max FROM audit_log`);
    await run();
    return t.dataSource.query(
      `SELECT action, actor_id, target_type, target_id, detail FROM audit_log WHERE id > $1 AND actor_id = $2 ORDER BY id`,
      [max, actorId],
    );
  }

  it('role grants and revocations: one row each, none when refused', async () => {
    let grantId = '';
    const granted = await audited(w.users.admin.id, async () => {
      grantId = (
        await w.as.admin.post(ApiRoutes.userRoles(w.users.memberB.id)).send({ role: 'staff', regionId: w.regionB.id }).expect(201)
      ).body.id;
    });
    expect(granted).toEqual([
      {
        action: AuditAction.RoleGranted,
        actor_id: w.users.admin.id,
        target_type: 'user',
        target_id: w.users.memberB.id,
        detail: { grantId, role: 'staff', regionId: w.regionB.id },
      },
    ]);

    const revoked = await audited(w.users.admin.id, async () => {
      await w.as.admin.delete(ApiRoutes.userRole(w.users.memberB.id, grantId)).expect(204);
      // Refused: already revoked (404), and one's own admin role (409).
      await w.as.admin.delete(ApiRoutes.userRole(w.users.memberB.id, grantId)).expect(404);
      const [own] = await t.dataSource.query(`SELECT id FROM role_grant WHERE user_id = $1 AND role = 'admin'`, [w.users.admin.id]);
      await w.as.admin.delete(ApiRoutes.userRole(w.users.admin.id, own.id)).expect(409);
    });
    expect(revoked).toEqual([
      {
        action: AuditAction.RoleRevoked,
        actor_id: w.users.admin.id,
        target_type: 'user',
        target_id: w.users.memberB.id,
        detail: { grantId, role: 'staff', regionId: w.regionB.id },
      },
    ]);
  });

  it('animators named and removed: one row per change of role', async () => {
    const regional = await makeSpace(t.dataSource, { scope: SpaceScope.Regional, regionId: w.regionA.id });
    const rows = await audited(w.users.staffA.id, async () => {
      await w.as.staffA.put(ApiRoutes.spaceAnimator(regional.id, w.users.memberA.id)).expect(200);
      await w.as.staffA.put(ApiRoutes.spaceAnimator(regional.id, w.users.memberA.id)).expect(200); // already: no change
      await w.as.staffA.delete(ApiRoutes.spaceAnimator(regional.id, w.users.memberA.id)).expect(204);
      await w.as.staffA.delete(ApiRoutes.spaceAnimator(regional.id, w.users.memberA.id)).expect(404); // not any more
    });
    expect(rows).toEqual([
      { action: AuditAction.AnimatorAdded, actor_id: w.users.staffA.id, target_type: 'user', target_id: w.users.memberA.id, detail: { spaceId: regional.id } },
      { action: AuditAction.AnimatorRemoved, actor_id: w.users.staffA.id, target_type: 'user', target_id: w.users.memberA.id, detail: { spaceId: regional.id } },
    ]);
    // Refused for staff of another region: nothing written.
    expect(await audited(w.users.staffB.id, () => w.as.staffB.put(ApiRoutes.spaceAnimator(regional.id, w.users.memberB.id)).expect(403))).toEqual([]);
  });

  it('thread and reply moderation', async () => {
    const thread = (
      await member.post(ApiRoutes.spaceThreads(space.slug)).send({ kind: 'discussion', title: 'À modérer', body: 'Texte' }).expect(201)
    ).body;
    const reply = (await member.post(ApiRoutes.threadReplies(thread.id)).send({ body: 'Une réponse' }).expect(201)).body;
    const rows = await audited(animatorId, async () => {
      await animator.patch(ApiRoutes.threadModeration(thread.id)).send({ pinned: true, locked: true }).expect(200);
      await animator.patch(ApiRoutes.replyModeration(reply.id)).send({ hidden: true }).expect(200);
    });
    expect(rows).toEqual([
      { action: AuditAction.ThreadModerated, actor_id: animatorId, target_type: 'thread', target_id: thread.id, detail: { spaceId: space.id, pinned: true, locked: true } },
      { action: AuditAction.ReplyModerated, actor_id: animatorId, target_type: 'reply', target_id: reply.id, detail: { threadId: thread.id, hidden: true } },
    ]);
    expect(await audited(memberId, () => member.patch(ApiRoutes.threadModeration(thread.id)).send({ hidden: true }).expect(403))).toEqual([]);
  });

  it('resource approval, rejection, unpublishing and dismissed reports; a refused decision writes nothing', async () => {
    const link = (title: string) => ({ kind: 'link', title, description: '', tags: [], language: 'fr', url: 'https://example.org/' + encodeURIComponent(title) });
    const toApprove = (await member.post(ApiRoutes.spaceResources(space.slug)).send(link('À approuver')).expect(201)).body;
    const toReject = (await member.post(ApiRoutes.spaceResources(space.slug)).send(link('À refuser')).expect(201)).body;
    const toHide = (await animator.post(ApiRoutes.spaceResources(space.slug)).send(link('À retirer')).expect(201)).body;
    const report = (await member.post(ApiRoutes.resourceReports(toHide.id)).send({ reason: 'Lien cassé' }).expect(201)).body;
    const rows = await audited(animatorId, async () => {
      await animator.post(ApiRoutes.resourceApprove(toApprove.id)).expect(200);
      await animator.post(ApiRoutes.resourceApprove(toApprove.id)).expect(409); // not pending any more
      await animator.post(ApiRoutes.resourceReject(toReject.id)).send({ reason: 'Hors sujet' }).expect(200);
      await animator.post(ApiRoutes.resourceReportDismiss(report.id)).expect(204);
      await animator.post(ApiRoutes.resourceReportDismiss(report.id)).expect(409); // already handled
      await animator.post(ApiRoutes.resourceUnpublish(toHide.id)).send({ reason: 'Obsolète' }).expect(200);
    });
    expect(rows).toEqual([
      { action: AuditAction.ResourceApproved, actor_id: animatorId, target_type: 'resource', target_id: toApprove.id, detail: { spaceId: space.id } },
      { action: AuditAction.ResourceRejected, actor_id: animatorId, target_type: 'resource', target_id: toReject.id, detail: { spaceId: space.id, reason: 'Hors sujet' } },
      { action: AuditAction.ReportDismissed, actor_id: animatorId, target_type: 'resource_report', target_id: report.id, detail: { resourceId: toHide.id } },
      { action: AuditAction.ResourceUnpublished, actor_id: animatorId, target_type: 'resource', target_id: toHide.id, detail: { spaceId: space.id, reason: 'Obsolète' } },
    ]);
  });

  it('CSV exports of people (seminar dashboard, module learners) and data exports', async () => {
    const seminar = await makeSeminar(t.dataSource, { regionId: w.regionA.id });
    const mod = await makeModule(t.dataSource, space.id);
    const dashboard = await audited(w.users.staffA.id, async () => {
      const csv = await w.as.staffA.get(`${ApiRoutes.seminarDashboardCsv(seminar.id)}?status=eligible`).expect(200);
      expect(csv.headers['content-type']).toContain('text/csv');
    });
    expect(dashboard).toEqual([
      {
        action: AuditAction.CsvExported,
        actor_id: w.users.staffA.id,
        target_type: 'seminar',
        target_id: seminar.id,
        detail: { export: 'dashboard.csv', filters: { status: 'eligible' } },
      },
    ]);
    expect(await audited(w.users.staffB.id, () => w.as.staffB.get(ApiRoutes.seminarDashboardCsv(seminar.id)).expect(403))).toEqual([]);

    const learners = await audited(animatorId, () => animator.get(ApiRoutes.moduleLearnersCsv(mod.id)).expect(200));
    expect(learners).toEqual([
      { action: AuditAction.CsvExported, actor_id: animatorId, target_type: 'module', target_id: mod.id, detail: { export: 'learners.csv', rows: 0 } },
    ]);
    expect(await audited(memberId, () => member.get(ApiRoutes.moduleLearnersCsv(mod.id)).expect(403))).toEqual([]);

    const exported = await audited(memberId, () => member.get(ApiRoutes.myDataExport).expect(200));
    expect(exported).toEqual([
      { action: AuditAction.DataExported, actor_id: memberId, target_type: 'user', target_id: memberId, detail: expect.objectContaining({ tables: expect.any(Number) }) },
    ]);
  });

  it('is read by admins only: newest first, paged, filtered by action, with the actor’s name', async () => {
    // Two approvals by this file's animator, the second newer.
    const approved: string[] = [];
    for (const title of ['Premier', 'Second']) {
      const r = (
        await member.post(ApiRoutes.spaceResources(space.slug)).send({ kind: 'link', title, description: '', tags: [], language: 'fr', url: `https://example.org/${title}` }).expect(201)
      ).body;
      await animator.post(ApiRoutes.resourceApprove(r.id)).expect(200);
      approved.push(r.id);
    }
    const page: Page<AuditEntry> = (
      await w.as.admin.get(ApiRoutes.adminAuditLog).query({ action: AuditAction.ResourceApproved, pageSize: 100 }).expect(200)
    ).body;
    expect(page.items.length).toBeGreaterThanOrEqual(2);
    expect(page.items.every((e) => e.action === AuditAction.ResourceApproved)).toBe(true);
    const times = page.items.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const mine = page.items.filter((e) => approved.includes(e.targetId ?? ''));
    expect(mine.map((e) => e.targetId)).toEqual([approved[1], approved[0]]);
    expect(mine[0]).toEqual({
      id: expect.any(String),
      at: expect.any(String),
      actor: { id: animatorId, displayName: 'Animatrice Audit' },
      action: AuditAction.ResourceApproved,
      targetType: 'resource',
      targetId: approved[1],
      detail: { spaceId: space.id },
    });

    // Paging: one entry per page, pages do not overlap, the total counts them all.
    const p1: Page<AuditEntry> = (await w.as.admin.get(ApiRoutes.adminAuditLog).query({ page: 1, pageSize: 1 }).expect(200)).body;
    const p2: Page<AuditEntry> = (await w.as.admin.get(ApiRoutes.adminAuditLog).query({ page: 2, pageSize: 1 }).expect(200)).body;
    expect([p1.items.length, p2.items.length, p1.page, p2.page, p1.pageSize]).toEqual([1, 1, 1, 2, 1]);
    expect(p1.total).toBeGreaterThanOrEqual(10);
    expect(p1.items[0].id).not.toBe(p2.items[0].id);

    // Bad queries: 400 naming the field.
    const bad = await w.as.admin.get(ApiRoutes.adminAuditLog).query({ action: 'nope' }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'action' })]);
    await w.as.admin.get(ApiRoutes.adminAuditLog).query({ pageSize: 0 }).expect(400);
    await w.as.admin.get(ApiRoutes.adminAuditLog).query({ page: 'x' }).expect(400);

    // Nobody else reads it.
    await w.as.anonymous.get(ApiRoutes.adminAuditLog).expect(401);
    for (const who of [w.as.memberA, w.as.staffA, animator]) await who.get(ApiRoutes.adminAuditLog).expect(403);
  });
});
