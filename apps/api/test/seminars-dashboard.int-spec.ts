import { EligibilityService } from '@pratique/api/seminars';
import {
  createTestApp,
  makeManyUsers,
  makeModule,
  makeOrganisation,
  makeRegion,
  makeSeminar,
  makeSpace,
  makeUser,
  setPercent,
  signedIn,
  TestApp,
  Agent,
} from '@pratique/api/testing';
import { ApiRoutes, DashboardPage, DashboardRow } from '@pratique/contracts';

describe('seminars: staff dashboard, CSV, attendance, check-in, stats', () => {
  let t: TestApp;
  let region: { id: string };
  let staff: Agent;
  let modules: string[];

  beforeAll(async () => {
    t = await createTestApp();
    region = await makeRegion(t.dataSource);
    staff = await signedIn(t, await makeUser(t.dataSource, { regionId: region.id, staffOf: [region.id] }));
    const space = await makeSpace(t.dataSource);
    modules = [];
    for (let i = 0; i < 3; i++)
      modules.push((await makeModule(t.dataSource, space.id, { lessons: [{}] })).id);
  });
  afterAll(() => t.close());

  async function allRows(seminarId: string, query = ''): Promise<DashboardRow[]> {
    const rows: DashboardRow[] = [];
    for (let page = 1; ; page++) {
      const res: DashboardPage = (
        await staff
          .get(`${ApiRoutes.seminarDashboard(seminarId)}?pageSize=500&page=${page}${query}`)
          .expect(200)
      ).body;
      rows.push(...res.items);
      if (rows.length >= res.total) return rows;
    }
  }

  it('gives the same answer as the single eligibility check for every member of a generated audience', async () => {
    const orgA = await makeOrganisation(t.dataSource, region.id);
    const orgB = await makeOrganisation(t.dataSource, region.id);
    const a = await makeManyUsers(t.dataSource, 700, region.id, orgA.id);
    const b = await makeManyUsers(t.dataSource, 500, region.id, orgB.id);
    const everyone = [...a, ...b];
    // A seeded pseudo-random spread of percents per module, including the exact thresholds.
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const m of modules) {
      const byPercent = new Map<number, string[]>();
      for (const u of everyone) {
        const r = rand();
        if (r < 0.3) continue; // not started
        const pct = [10, 49, 50, 60, 66, 100][Math.floor(rand() * 6)];
        byPercent.set(pct, [...(byPercent.get(pct) ?? []), u]);
      }
      for (const [pct, ids] of byPercent) await setPercent(t.dataSource, m, ids, pct);
    }
    const seminar = await makeSeminar(t.dataSource, {
      regionId: region.id,
      k: 2,
      requirements: [
        { moduleId: modules[0], minPercent: 50 },
        { moduleId: modules[1], minPercent: 60 },
        { moduleId: modules[2], minPercent: 100 },
      ],
    });

    const rows = await allRows(seminar.id);
    const mine = rows.filter((r) => everyone.includes(r.userId));
    expect(mine).toHaveLength(everyone.length);
    const eligibility = t.app.get(EligibilityService);
    const mismatches: string[] = [];
    for (const row of mine) {
      const single = (await eligibility.explain(row.userId, seminar.id))!;
      if (single.eligible !== (row.status === 'eligible') || single.met !== row.met)
        mismatches.push(`${row.userId}: ${row.status}/${row.met} vs ${single.eligible}/${single.met}`);
      if (row.oneAway !== (single.stillNeeded === 1)) mismatches.push(`${row.userId}: oneAway`);
    }
    expect(mismatches).toEqual([]);
    const counts = (await staff.get(ApiRoutes.seminarDashboard(seminar.id)).expect(200)).body.counts;
    expect(counts.eligible + counts.in_progress + counts.not_started).toBe(rows.length);
    expect(counts.eligible).toBeGreaterThan(50);
    expect(counts.not_started).toBeGreaterThan(10);
    // A page past the end lists nobody but still carries the audience's counts.
    const past = (
      await staff.get(`${ApiRoutes.seminarDashboard(seminar.id)}?pageSize=500&page=999`).expect(200)
    ).body;
    expect(past).toMatchObject({ items: [], counts });

    // Filters: organisation, status, one requirement away.
    const onlyB = await allRows(seminar.id, `&organisationId=${orgB.id}`);
    expect(onlyB).toHaveLength(500);
    const eligibleOnly = await allRows(seminar.id, '&status=eligible');
    expect(eligibleOnly.every((r) => r.status === 'eligible')).toBe(true);
    expect(eligibleOnly).toHaveLength(counts.eligible);
    const oneAway = await allRows(seminar.id, '&oneAway=true');
    expect(oneAway.every((r) => r.met === 1 && r.status !== 'eligible')).toBe(true);

    // CSV export has the whole filtered audience.
    const csv = await staff
      .get(`${ApiRoutes.seminarDashboardCsv(seminar.id)}?organisationId=${orgB.id}`)
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text.trim().split('\n');
    // In the staff member's language (French here).
    expect(lines[0]).toContain(
      'Nom,Organisations,Statut,Conditions remplies,À une condition près,"Module de test (%, min 50)","Module de test (%, min 60)"',
    );
    const page: DashboardPage = (await staff.get(ApiRoutes.seminarDashboard(seminar.id)).expect(200)).body;
    expect(page.modules.map((m) => [m.moduleId, m.minPercent])).toEqual([
      [modules[0], 50],
      [modules[1], 60],
      [modules[2], 100],
    ]);
    expect(lines).toHaveLength(501);

    for (const bad of ['status=maybe', 'sort=age', 'pageSize=501', 'organisationId=x', 'oneAway=perhaps'])
      await staff.get(`${ApiRoutes.seminarDashboard(seminar.id)}?${bad}`).expect(400);
  }, 120_000);

  it('marks attendance in bulk, lets members check in with the venue code, and sums it up', async () => {
    const seminar = await makeSeminar(t.dataSource, { regionId: region.id, capacity: 10 });
    const org = await makeOrganisation(t.dataSource, region.id);
    const people = await Promise.all(
      [1, 2, 3, 4].map(() => makeUser(t.dataSource, { regionId: region.id, organisationId: org.id })),
    );
    const agents = await Promise.all(people.map((p) => signedIn(t, p)));
    for (const a of agents) await a.post(ApiRoutes.seminarRegistrations(seminar.id)).expect(201);

    const marked = await staff
      .post(ApiRoutes.seminarAttendance(seminar.id))
      .send({
        entries: [
          { userId: people[0].id, status: 'attended' },
          { userId: people[1].id, status: 'no_show' },
        ],
      })
      .expect(200);
    expect(marked.body.updated).toBe(2);
    await staff
      .post(ApiRoutes.seminarAttendance(seminar.id))
      .send({ entries: [{ userId: people[2].id, status: 'confirmed' }] })
      .expect(400);
    await staff.post(ApiRoutes.seminarAttendance(seminar.id)).send({ entries: [] }).expect(400);
    await agents[3]
      .post(ApiRoutes.seminarAttendance(seminar.id))
      .send({ entries: [{ userId: people[3].id, status: 'attended' }] })
      .expect(403);

    const { code } = (await staff.get(ApiRoutes.seminarCheckInCode(seminar.id)).expect(200)).body;
    await agents[3].get(ApiRoutes.seminarCheckInCode(seminar.id)).expect(403);
    await agents[2]
      .post(ApiRoutes.seminarCheckIn(seminar.id))
      .send({ code: `${code}x` })
      .expect(400);
    await agents[2].post(ApiRoutes.seminarCheckIn(seminar.id)).send({ code }).expect(200);
    const other = await makeSeminar(t.dataSource, { regionId: region.id });
    await agents[3].post(ApiRoutes.seminarCheckIn(other.id)).send({ code }).expect(400);

    const stats = (await staff.get(ApiRoutes.seminarStats(seminar.id)).expect(200)).body;
    expect(stats).toMatchObject({
      confirmed: 1,
      attended: 2,
      noShow: 1,
      attendanceRate: 66.7,
      noShowRate: 33.3,
    });
    const regionStats = (await staff.get(ApiRoutes.regionSeminarStats(region.id)).expect(200)).body;
    expect(regionStats.map((s: { seminarId: string }) => s.seminarId)).toContain(seminar.id);
    await agents[0].get(ApiRoutes.regionSeminarStats(region.id)).expect(403);
  });
});
