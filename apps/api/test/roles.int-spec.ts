import { createTestApp, makeUser, makeWorld, signedIn, TestApp, World } from '@pratique/api/testing';
import { ApiRoutes, GlobalRole } from '@pratique/contracts';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('roles: granting and revoking staff and admin', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await createTestApp();
    w = await makeWorld(t);
  });
  afterAll(() => t.close());

  it.each([
    ['anonymous', 401],
    ['memberA', 403],
    ['staffA', 403],
  ] as const)('are closed to %s (%i)', async (who, status) => {
    await w.as[who].get(ApiRoutes.users).expect(status);
    await w.as[who].post(ApiRoutes.userRoles(w.users.memberA.id)).send({ role: 'admin' }).expect(status);
  });

  it('lets an admin find users and see their grants', async () => {
    const res = await w.as.admin.get(`${ApiRoutes.users}?q=${encodeURIComponent(w.users.staffA.email)}`).expect(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0]).toMatchObject({ id: w.users.staffA.id, roles: [{ role: 'staff', regionId: w.regionA.id }] });
    await w.as.admin.get(`${ApiRoutes.users}?pageSize=1000`).expect(400);
  });

  it('grants staff of a region, which takes effect on the next request, and revokes it', async () => {
    const user = await makeUser(t.dataSource, { regionId: w.regionB.id });
    const agent = await signedIn(t, user);
    expect((await agent.get(ApiRoutes.auth.me).expect(200)).body.staffRegionIds).toEqual([]);

    const grant = await w.as.admin.post(ApiRoutes.userRoles(user.id)).send({ role: 'staff', regionId: w.regionB.id }).expect(201);
    expect(grant.body).toMatchObject({ userId: user.id, role: GlobalRole.Staff, regionId: w.regionB.id });
    const [event] = await t.dataSource.query(`SELECT payload FROM outbox WHERE type = 'role.granted' AND payload->>'userId' = $1`, [user.id]);
    expect(event.payload).toEqual({ userId: user.id, role: 'staff', regionId: w.regionB.id, grantedBy: w.users.admin.id });
    expect((await agent.get(ApiRoutes.auth.me).expect(200)).body.staffRegionIds).toEqual([w.regionB.id]);

    await w.as.admin.post(ApiRoutes.userRoles(user.id)).send({ role: 'staff', regionId: w.regionB.id }).expect(409);
    const list = await w.as.admin.get(ApiRoutes.userRoles(user.id)).expect(200);
    expect(list.body).toHaveLength(1);

    await w.as.admin.delete(ApiRoutes.userRole(user.id, grant.body.id)).expect(204);
    expect((await agent.get(ApiRoutes.auth.me).expect(200)).body.staffRegionIds).toEqual([]);
    await w.as.admin.delete(ApiRoutes.userRole(user.id, grant.body.id)).expect(404);
  });

  it('grants admin, who can then manage the directory', async () => {
    const user = await makeUser(t.dataSource, { regionId: w.regionA.id });
    const agent = await signedIn(t, user);
    await agent.post(ApiRoutes.regions).send({ code: `new-${user.id.slice(0, 6)}`, name: 'N' }).expect(403);
    await w.as.admin.post(ApiRoutes.userRoles(user.id)).send({ role: 'admin' }).expect(201);
    await agent.post(ApiRoutes.regions).send({ code: `new-${user.id.slice(0, 6)}`, name: 'N' }).expect(201);
  });

  it('refuses bad grants with 400/404 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ role: 'staff' }, 'regionId'],
      [{ role: 'staff', regionId: 'tunis' }, 'regionId'],
      [{ role: 'superuser' }, 'role'],
      [{ role: 'admin', regionId: w.regionA.id }, 'regionId'],
      [{ role: 'staff', regionId: UNKNOWN }, 'regionId'],
      [{ role: 'admin', extra: 1 }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const res = await w.as.admin.post(ApiRoutes.userRoles(w.users.memberB.id)).send(body);
      expect({ status: res.status, field: res.body.errors?.[0]?.field }).toEqual({ status: 400, field });
    }
    await w.as.admin.post(ApiRoutes.userRoles(UNKNOWN)).send({ role: 'admin' }).expect(404);
  });

  it('does not let an admin revoke their own admin role', async () => {
    const [grant] = await t.dataSource.query(`SELECT id FROM role_grant WHERE user_id = $1 AND role = 'admin'`, [w.users.admin.id]);
    const res = await w.as.admin.delete(ApiRoutes.userRole(w.users.admin.id, grant.id)).expect(409);
    expect(res.body.errors[0].field).toBe('grantId');
  });
});
