/**
 * Every limit answers 429 with `Retry-After` (seconds) and `retryAfterSeconds` in the body: sign-in
 * per account and per address, sign-up, seminar registrations, uploads and search (only when a
 * query is given). Low limits and a throttle-key prefix of this file's own keep other files' counts out.
 * The API trusts one proxy hop (`trust proxy`), so X-Forwarded-For stands for the caller's address
 * (one app per process: passport's strategies are process-wide).
 */
import { Agent, createTestApp, makeRegion, makeUser, MadeUser, TestApp, uid } from '@pratique/api/testing';
import { ApiRoutes } from '@pratique/contracts';

describe('rate limits', () => {
  let t: TestApp;
  let regionId: string;
  let address = 0;
  const nextAddress = () => `198.51.100.${++address}`;
  const newUser = (admin = false) => makeUser(t.dataSource, { regionId, admin });
  /** Signs in from an address of its own, so sign-ins of one test do not count against another's. */
  async function signedIn(user: MadeUser): Promise<Agent> {
    const agent = t.agent();
    await agent.post(ApiRoutes.auth.signIn).set('X-Forwarded-For', nextAddress()).send({ email: user.email, password: user.password }).expect(200);
    return agent;
  }

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        QUEUE_PREFIX: `${process.env['QUEUE_PREFIX']}_rl${uid()}`,
        LOGIN_RATE_LIMIT: '3',
        LOGIN_IP_RATE_LIMIT: '4',
        UPLOAD_RATE_LIMIT: '2',
        SEARCH_RATE_LIMIT: '3',
        REGISTRATION_RATE_LIMIT: '2',
      },
    });
    regionId = (await makeRegion(t.dataSource)).id;
  });
  afterAll(() => t.close());

  function expectTooMany(res: { status: number; headers: Record<string, string>; body: { retryAfterSeconds: number; message: string } }) {
    expect(res.status).toBe(429);
    const wait = Number(res.headers['retry-after']);
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect(res.body.retryAfterSeconds).toBe(wait);
    expect(res.body.message).toContain(`try again in ${wait} s`);
  }

  it('limits sign-in guesses on one account: even the right password waits, other accounts do not', async () => {
    const [member, other] = [await newUser(), await newUser()];
    const from = nextAddress();
    const attempt = (user: MadeUser, password: string) =>
      t.agent().post(ApiRoutes.auth.signIn).set('X-Forwarded-For', from).send({ email: user.email, password });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await attempt(member, `guess-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401]);
    expectTooMany(await attempt(member, member.password));
    await attempt(other, other.password).expect(200);
  });

  it('limits sign-in attempts per address across accounts; another address is not held back', async () => {
    const from = nextAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await t.agent().post(ApiRoutes.auth.signIn).set('X-Forwarded-For', from).send({ email: `nobody-${i}-${uid()}@x.tn`, password: 'whatever-it-is' })).status);
    expect(statuses).toEqual([401, 401, 401, 401]);
    const member = await newUser();
    expectTooMany(await t.agent().post(ApiRoutes.auth.signIn).set('X-Forwarded-For', from).send({ email: member.email, password: member.password }));
    await signedIn(member);
  });

  it('limits sign-ups per address', async () => {
    const from = nextAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await t.agent().post(ApiRoutes.auth.signUp).set('X-Forwarded-For', from).send({ email: `new-${uid()}@x.tn` })).status);
    expect(statuses.slice(0, 4)).toEqual([400, 400, 400, 400]);
    expect(statuses[4]).toBe(429);
  });

  it('limits seminar registration attempts per member', async () => {
    const agent = await signedIn(await newUser());
    const unknown = '00000000-0000-4000-8000-000000000000';
    await agent.post(ApiRoutes.seminarRegistrations(unknown)).expect(404);
    await agent.post(ApiRoutes.seminarRegistrations(unknown)).expect(404);
    expectTooMany(await agent.post(ApiRoutes.seminarRegistrations(unknown)));
    // Another member is counted apart.
    await (await signedIn(await newUser())).post(ApiRoutes.seminarRegistrations(unknown)).expect(404);
  });

  it('limits uploads per member', async () => {
    const agent = await signedIn(await newUser(true));
    await agent.post(ApiRoutes.files).attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), 'a.pdf').field('purpose', 'lesson');
    await agent.post(ApiRoutes.files).attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), 'b.pdf').field('purpose', 'lesson');
    const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM stored_file`))[0].n;
    expectTooMany(await agent.post(ApiRoutes.files).attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), 'c.pdf').field('purpose', 'lesson'));
    expectTooMany(await agent.post(ApiRoutes.scormPackages).attach('file', Buffer.from('PK'), 'p.zip'));
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM stored_file`))[0].n).toBe(before);
  });

  it('limits searches per member, and only searches', async () => {
    const agent = await signedIn(await newUser());
    for (let i = 0; i < 5; i++) await agent.get(ApiRoutes.members).expect(200); // browsing is not a search
    for (let i = 0; i < 3; i++) await agent.get(ApiRoutes.members).query({ q: `amina${i}` }).expect(200);
    expectTooMany(await agent.get(ApiRoutes.members).query({ q: 'amina' }));
    await agent.get(ApiRoutes.members).expect(200);
  });
});
