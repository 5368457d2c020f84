import { createTestApp, makeOrganisation, makeRegion, makeUser, makeWorld, TestApp, uid, World } from '@pratique/api/testing';
import { ApiRoutes } from '@pratique/contracts';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('directory: regions and organisations', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await createTestApp();
    w = await makeWorld(t);
  });
  afterAll(() => t.close());

  describe('regions', () => {
    it('are listed to everyone (the sign-up form needs them)', async () => {
      const res = await w.as.anonymous.get(ApiRoutes.regions).expect(200);
      expect(res.body.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining([w.regionA.id, w.regionB.id]));
    });

    it.each([
      ['anonymous', 401],
      ['memberA', 403],
      ['staffA', 403],
    ] as const)('cannot be created by %s (%i)', async (who, status) => {
      await w.as[who].post(ApiRoutes.regions).send({ code: `x-${uid()}`, name: 'X' }).expect(status);
    });

    it('are created, renamed and deleted by an admin', async () => {
      const code = `kef-${uid()}`;
      const created = await w.as.admin.post(ApiRoutes.regions).send({ code, name: 'Le Kef' }).expect(201);
      expect(created.body).toEqual({ id: expect.any(String), code, name: 'Le Kef' });
      const renamed = await w.as.admin.patch(ApiRoutes.region(created.body.id)).send({ name: 'Kef' }).expect(200);
      expect(renamed.body.name).toBe('Kef');
      await w.as.staffA.patch(ApiRoutes.region(created.body.id)).send({ name: 'Nope' }).expect(403);
      await w.as.admin.delete(ApiRoutes.region(created.body.id)).expect(204);
      await w.as.admin.delete(ApiRoutes.region(created.body.id)).expect(404);
    });

    it('refuse a duplicate code (409), bad input (400) and unknown ids (404)', async () => {
      const code = `dup-${uid()}`;
      await w.as.admin.post(ApiRoutes.regions).send({ code, name: 'A' }).expect(201);
      const dup = await w.as.admin.post(ApiRoutes.regions).send({ code, name: 'B' }).expect(409);
      expect(dup.body.errors).toEqual([{ field: 'code', reason: 'is already used by another region' }]);
      const bad = await w.as.admin.post(ApiRoutes.regions).send({ code: 'Not A Code', name: '' }).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['code', 'name']);
      await w.as.admin.post(ApiRoutes.regions).send({ code: 'x'.repeat(41), name: 'A' }).expect(400);
      await w.as.admin.patch(ApiRoutes.region(UNKNOWN)).send({ name: 'A' }).expect(404);
      await w.as.admin.patch(ApiRoutes.region('not-a-uuid')).send({ name: 'A' }).expect(400);
    });

    it('cannot be deleted while organisations or users belong to them (409, nothing deleted)', async () => {
      const region = await makeRegion(t.dataSource);
      await makeOrganisation(t.dataSource, region.id);
      const res = await w.as.admin.delete(ApiRoutes.region(region.id)).expect(409);
      expect(res.body.message).toMatch(/in use/);
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM region WHERE id = $1`, [region.id]);
      expect(count).toBe(1);
    });
  });

  describe('organisations', () => {
    it('are listed to everyone, filtered by region', async () => {
      const org = await makeOrganisation(t.dataSource, w.regionB.id, `Jeunesse Active ${uid()}`);
      const res = await w.as.anonymous.get(`${ApiRoutes.organisations}?regionId=${w.regionB.id}`).expect(200);
      expect(res.body.map((o: { id: string }) => o.id)).toContain(org.id);
      expect(res.body.every((o: { regionId: string }) => o.regionId === w.regionB.id)).toBe(true);
      await w.as.anonymous.get(`${ApiRoutes.organisations}?regionId=tunis`).expect(400);
    });

    it('are created and edited by an admin only', async () => {
      const body = {
        name: `Association Femmes et Citoyenneté ${uid()}`,
        regionId: w.regionA.id,
        registrationNumber: `RNE-${uid()}`,
        thematicFields: ['gender_equality', 'governance'],
        verified: true,
      };
      await w.as.anonymous.post(ApiRoutes.organisations).send(body).expect(401);
      await w.as.staffA.post(ApiRoutes.organisations).send(body).expect(403);
      const created = await w.as.admin.post(ApiRoutes.organisations).send(body).expect(201);
      expect(created.body).toMatchObject(body);
      const edited = await w.as.admin.patch(ApiRoutes.organisation(created.body.id)).send({ verified: false }).expect(200);
      expect(edited.body.verified).toBe(false);
      await w.as.memberA.patch(ApiRoutes.organisation(created.body.id)).send({ verified: true }).expect(403);
      const dupName = await w.as.admin.post(ApiRoutes.organisations).send({ ...body, name: body.name.toUpperCase(), registrationNumber: undefined }).expect(409);
      expect(dupName.body.errors[0].field).toBe('name');
      const dupNumber = await w.as.admin.post(ApiRoutes.organisations).send({ ...body, name: `Autre ${uid()}` }).expect(409);
      expect(dupNumber.body.errors[0].field).toBe('registrationNumber');
    });

    it('refuse bad input and unknown regions with 400 naming the field', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ regionId: w.regionA.id }, 'name'],
        [{ name: 'A', regionId: UNKNOWN }, 'regionId'],
        [{ name: 'A', regionId: 'x' }, 'regionId'],
        [{ name: 'A', regionId: w.regionA.id, thematicFields: 'governance' }, 'thematicFields'],
        [{ name: 'A', regionId: w.regionA.id, verified: 'yes' }, 'verified'],
        [{ name: 'x'.repeat(201), regionId: w.regionA.id }, 'name'],
      ];
      for (const [body, field] of cases) {
        const res = await w.as.admin.post(ApiRoutes.organisations).send(body);
        expect({ status: res.status, fields: res.body.errors?.map((e: { field: string }) => e.field) }).toEqual({
          status: 400,
          fields: expect.arrayContaining([field]),
        });
      }
    });

    it('cannot be deleted while they have members; can be when empty', async () => {
      const org = await makeOrganisation(t.dataSource, w.regionA.id);
      await makeUser(t.dataSource, { regionId: w.regionA.id, organisationId: org.id });
      const res = await w.as.admin.delete(ApiRoutes.organisation(org.id)).expect(409);
      expect(res.body.errors[0].reason).toMatch(/1 member/);
      const empty = await makeOrganisation(t.dataSource, w.regionA.id);
      await w.as.admin.delete(ApiRoutes.organisation(empty.id)).expect(204);
      await w.as.admin.delete(ApiRoutes.organisation(UNKNOWN)).expect(404);
    });
  });
});
