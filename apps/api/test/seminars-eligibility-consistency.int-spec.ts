/**
 * The single eligibility check (`EligibilityService.explain`, what a member sees and what the
 * registration gate asks) and the staff dashboard (one set-wise statement over the audience)
 * give the same answers, for a random population of 3,000 members and random seminars — as
 * Discourse checks topic visibility both ways. fast-check generates the members (home region,
 * organisations across regions, space membership, deleted accounts, a percent or a completion
 * in each of 6 modules, boundary percents favoured) and the seminars (audience by region,
 * organisations or space; 1–4 requirements, k of n, boundary minimum percents).
 *
 * For each seminar, three answers must agree for every member: a plain TypeScript model of
 * DESIGN.md's gate (the oracle), the single check, and the dashboard read over HTTP by staff —
 * audience, eligibility, met count, per-module percent, "one away", and the counts.
 * The population is the same on every run; on failure fast-check prints the seminars' seed:
 * replay them with CONSISTENCY_SEED=<seed>.
 */
import { createOwnDatabase, createTestApp, makeModule, makeOrganisation, makeRegion, makeSeminar, makeSpace, makeUser, OwnDatabase, signedIn, TEST_PASSWORD, TestApp, uid } from '@pratique/api/testing';
import { EligibilityService } from '@pratique/api/seminars';
import { ApiRoutes, DashboardPage, DashboardRow } from '@pratique/contracts';
import fc from 'fast-check';

jest.setTimeout(240_000);

const MEMBERS = 3_000;
const MODULES = 6;
const REGIONS = 3;
const ORGANISATIONS = 6; // organisation i is in region i % REGIONS
const SEMINARS = Number(process.env['CONSISTENCY_SEMINARS'] ?? 3);
const SEED = process.env['CONSISTENCY_SEED'] ? Number(process.env['CONSISTENCY_SEED']) : undefined;

/** Percents around the thresholds the rules use, plus any value. */
const BOUNDARY = [0, 1, 24, 25, 26, 49, 50, 51, 74, 75, 76, 99, 100];
const percentArb = fc.oneof(fc.constantFrom(...BOUNDARY), fc.integer({ min: 0, max: 100 }));

type Progress = null | { percent: number; completed: boolean };
interface Member {
  region: number;
  organisations: number[];
  inSpace: boolean;
  deleted: boolean;
  progress: Progress[];
}
const memberArb: fc.Arbitrary<Member> = fc.record({
  region: fc.integer({ min: 0, max: REGIONS - 1 }),
  organisations: fc.uniqueArray(fc.integer({ min: 0, max: ORGANISATIONS - 1 }), { minLength: 1, maxLength: 3 }),
  inSpace: fc.boolean(),
  deleted: fc.integer({ min: 0, max: 49 }).map((n) => n === 0),
  progress: fc.array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constant<Progress>(null) },
      { weight: 5, arbitrary: percentArb.map((percent): Progress => ({ percent, completed: false })) },
      { weight: 2, arbitrary: percentArb.map((percent): Progress => ({ percent, completed: true })) },
    ),
    { minLength: MODULES, maxLength: MODULES },
  ),
});

interface Rule {
  audience: 'region' | 'organisations' | 'space';
  region: number;
  organisations: number[];
  requirements: { module: number; minPercent: number }[];
  k: number;
}
const ruleArb: fc.Arbitrary<Rule> = fc
  .record({
    audience: fc.constantFrom('region' as const, 'organisations' as const, 'space' as const),
    region: fc.integer({ min: 0, max: REGIONS - 1 }),
    organisations: fc.uniqueArray(fc.integer({ min: 0, max: ORGANISATIONS - 1 }), { minLength: 1, maxLength: 3 }),
    requirements: fc.uniqueArray(
      fc.record({ module: fc.integer({ min: 0, max: MODULES - 1 }), minPercent: fc.oneof(fc.constantFrom(1, 25, 50, 75, 100), fc.integer({ min: 1, max: 100 })) }),
      { minLength: 1, maxLength: 4, selector: (r) => r.module },
    ),
  })
  .chain((r) => fc.integer({ min: 1, max: r.requirements.length }).map((k) => ({ ...r, k })));

/** DESIGN.md's gate, written plainly: the oracle both implementations answer to. */
function model(m: Member, rule: Rule) {
  const inAudience =
    !m.deleted &&
    (rule.audience === 'region'
      ? m.region === rule.region || m.organisations.some((o) => o % REGIONS === rule.region)
      : rule.audience === 'organisations'
        ? m.organisations.some((o) => rule.organisations.includes(o))
        : m.inSpace);
  const percents = rule.requirements.map((r) => {
    const p = m.progress[r.module];
    return p === null ? 0 : p.completed ? 100 : p.percent;
  });
  const met = rule.requirements.filter((r, i) => percents[i] >= r.minPercent).length;
  return { inAudience, percents, met, eligible: inAudience && met >= rule.k, oneAway: met === rule.k - 1 };
}

describe('eligibility: the single check and the staff dashboard agree', () => {
  let t: TestApp;
  let own: OwnDatabase;
  let eligibility: EligibilityService;
  let staff: Awaited<ReturnType<typeof signedIn>>;
  const regions: string[] = [];
  const organisations: string[] = [];
  const modules: string[] = [];
  let spaceId: string;
  let adminId: string; // staff who reads the dashboard, a user of region 0 outside the population
  let population: Member[];
  let userIds: string[];
  const tally = { seminars: 0, comparisons: 0, eligible: 0, inAudience: 0, disagreements: 0 };

  beforeAll(async () => {
    // 3,000 members of its own: they must not crowd the directory and lists of the tests beside it.
    own = await createOwnDatabase('eligibility');
    t = await createTestApp({ env: { DATABASE_URL: own.url } });
    const db = t.dataSource;
    eligibility = t.app.get(EligibilityService);
    for (let r = 0; r < REGIONS; r++) regions.push((await makeRegion(db)).id);
    for (let o = 0; o < ORGANISATIONS; o++) organisations.push((await makeOrganisation(db, regions[o % REGIONS])).id);
    spaceId = (await makeSpace(db)).id;
    for (let i = 0; i < MODULES; i++) modules.push((await makeModule(db, spaceId, { lessons: [{}] })).id);
    const admin = await makeUser(db, { regionId: regions[0], admin: true });
    adminId = admin.id;
    staff = await signedIn(t, { email: admin.email, password: TEST_PASSWORD });

    population = fc.sample(memberArb, { numRuns: MEMBERS, seed: 20261204 });
    const batch = uid();
    const rows: { id: string }[] = await db.query(
      `INSERT INTO app_user (email, password_hash, display_name, preferred_language, region_id, deleted_at)
       SELECT 'eligibility-' || $1 || '-' || n || '@test.pratique.tn', 'not-a-hash', 'Membre ' || lpad(n::text, 5, '0'), 'fr', region, CASE WHEN deleted THEN now() END
         FROM unnest($2::uuid[], $3::boolean[]) WITH ORDINALITY AS x(region, deleted, n) ORDER BY n RETURNING id`,
      [batch, population.map((m) => regions[m.region]), population.map((m) => m.deleted)],
    );
    userIds = rows.map((r) => r.id);
    const pairs = population.flatMap((m, i) => m.organisations.map((o) => [userIds[i], organisations[o]]));
    await db.query(`INSERT INTO membership (user_id, organisation_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`, [pairs.map((p) => p[0]), pairs.map((p) => p[1])]);
    const inSpace = userIds.filter((_, i) => population[i].inSpace);
    await db.query(`INSERT INTO space_member (space_id, user_id, role) SELECT $1, unnest($2::uuid[]), 'member'`, [spaceId, inSpace]);
    const enrollments = population.flatMap((m, i) => m.progress.flatMap((p, mod) => (p ? [{ user: userIds[i], module: modules[mod], ...p }] : [])));
    await db.query(
      `INSERT INTO enrollment (user_id, module_id, percent, completed_at)
       SELECT u, m, p, CASE WHEN c THEN now() END FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::boolean[]) AS x(u, m, p, c)`,
      [enrollments.map((e) => e.user), enrollments.map((e) => e.module), enrollments.map((e) => e.percent), enrollments.map((e) => e.completed)],
    );
  });

  afterAll(async () => {
    console.log(
      `eligibility consistency: ${MEMBERS} random members × ${tally.seminars} random seminars = ${tally.comparisons} comparisons ` +
        `(single check vs dashboard vs model; ${tally.inAudience} in an audience, ${tally.eligible} eligible), ${tally.disagreements} disagreements`,
    );
    await t?.close();
    await own?.drop();
  });

  async function dashboardRows(seminarId: string): Promise<{ rows: Map<string, DashboardRow>; counts: DashboardPage['counts'] }> {
    const rows = new Map<string, DashboardRow>();
    let counts: DashboardPage['counts'] | undefined;
    for (let page = 1; ; page++) {
      const res = await staff.get(`${ApiRoutes.seminarDashboard(seminarId)}?pageSize=500&page=${page}`).expect(200);
      const body = res.body as DashboardPage;
      counts = body.counts;
      for (const r of body.items) rows.set(r.userId, r);
      if (page * 500 >= body.total) break;
    }
    return { rows, counts: counts! };
  }

  it('for every member of every random seminar: same audience, eligibility, met count, percents and counts', async () => {
    await fc.assert(
      fc.asyncProperty(ruleArb, async (rule) => {
        const seminar = await makeSeminar(t.dataSource, {
          regionId: regions[rule.region],
          audience: rule.audience,
          audienceOrganisationIds: rule.audience === 'organisations' ? rule.organisations.map((o) => organisations[o]) : [],
          spaceId: rule.audience === 'space' ? spaceId : null,
          k: rule.k,
          requirements: rule.requirements.map((r) => ({ moduleId: modules[r.module], minPercent: r.minPercent })),
        });
        const board = await dashboardRows(seminar.id);
        const disagreements: string[] = [];
        const expectedCounts = { eligible: 0 };
        for (let from = 0; from < MEMBERS; from += 25) {
          const ids = userIds.slice(from, from + 25);
          const answers = await Promise.all(ids.map((id) => eligibility.explain(id, seminar.id)));
          answers.forEach((single, j) => {
            const i = from + j;
            const want = model(population[i], rule);
            const row = board.rows.get(userIds[i]);
            const got = {
              inAudience: [single!.inAudience, row !== undefined],
              eligible: [single!.eligible, row ? row.status === 'eligible' : false],
              met: [single!.met, row ? row.met : want.met],
              percents: [single!.requirements.map((r) => r.currentPercent), row ? row.percents.map((p) => p.percent) : want.percents],
              oneAway: [single!.met === rule.k - 1, row ? row.oneAway : want.oneAway],
            };
            for (const [what, [a, b]] of Object.entries(got)) {
              const w = want[what as keyof typeof want];
              if (JSON.stringify(a) !== JSON.stringify(w) || JSON.stringify(b) !== JSON.stringify(w))
                disagreements.push(`member ${i} ${JSON.stringify(population[i])}: ${what} model ${JSON.stringify(w)}, single check ${JSON.stringify(a)}, dashboard ${JSON.stringify(b)}`);
            }
            tally.comparisons++;
            if (want.inAudience) tally.inAudience++;
            if (want.eligible) {
              tally.eligible++;
              expectedCounts.eligible++;
            }
          });
        }
        // The staff account is in region 0: a region-0 audience lists it too (with no progress, so never eligible).
        const staffListed = board.rows.has(adminId);
        if (staffListed !== (rule.audience === 'region' && rule.region === 0)) disagreements.push(`dashboard ${staffListed ? 'lists' : 'omits'} the staff account`);
        if (board.counts.eligible !== expectedCounts.eligible) disagreements.push(`dashboard counts ${board.counts.eligible} eligible, the model ${expectedCounts.eligible}`);
        const listed = board.rows.size - (staffListed ? 1 : 0);
        const inAudience = population.filter((m) => model(m, rule).inAudience).length;
        if (listed !== inAudience) disagreements.push(`dashboard lists ${listed} members of the population, the model ${inAudience}`);
        tally.seminars++;
        tally.disagreements += disagreements.length;
        if (disagreements.length) throw new Error(`rule ${JSON.stringify(rule)}: ${disagreements.length} disagreements\n${disagreements.slice(0, 10).join('\n')}`);
      }),
      { numRuns: SEMINARS, seed: SEED, endOnFailure: true },
    );
    expect(tally.comparisons).toBe(MEMBERS * SEMINARS);
    expect(tally.eligible).toBeGreaterThan(0);
    expect(tally.inAudience).toBeGreaterThan(tally.eligible);
  });
});
