/**
 * A member downloads everything the platform keeps about them: one JSON file with their account
 * (no password hash) and, for every table of the registry, their rows — and nothing of another
 * member's, who has rows in the very same tables. Exports are audited; anonymous callers get 401.
 */
import { PERSONAL_DATA } from '@pratique/api/privacy';
import { Agent, createTestApp, makeRegion, makeUser, MadeUser, signedIn, TestApp, uid } from '@pratique/api/testing';
import { ApiRoutes, AuditAction, DataExport, dataExportFileName } from '@pratique/contracts';
import { coverage, givePersonalData, PersonalData } from './personal-data.fixture';

describe('privacy: download my data', () => {
  let t: TestApp;
  let me: MadeUser;
  let friend: MadeUser;
  let bystander: MadeUser;
  let bystanderFriend: MadeUser;
  let mine: PersonalData;
  let agent: Agent;
  const myName = `Amira Export ${uid()}`;
  const theirName = `Bilel Ailleurs ${uid()}`;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.dataSource;
    const region = await makeRegion(db);
    me = await makeUser(db, { regionId: region.id, displayName: myName });
    friend = await makeUser(db, { regionId: region.id });
    bystander = await makeUser(db, { regionId: region.id, displayName: theirName });
    bystanderFriend = await makeUser(db, { regionId: region.id });
    mine = await givePersonalData(db, me.id, friend.id, region.id);
    await givePersonalData(db, bystander.id, bystanderFriend.id, region.id);
    agent = await signedIn(t, me);
  });
  afterAll(() => t.close());

  it('the fixture gives both members rows in every registry column', async () => {
    for (const who of [me, bystander]) {
      const counts = await coverage(t.dataSource, who.id);
      expect(Object.entries(counts).filter(([, n]) => n === 0)).toEqual([]);
    }
  });

  it('is a JSON attachment with the account and every table, all of it mine and none of it theirs', async () => {
    const res = await agent.get(ApiRoutes.myDataExport).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${dataExportFileName(new Date())}"`);
    expect(res.headers['cache-control']).toBe('no-store');
    const data: DataExport = res.body;

    expect(data).toEqual({ format: 'pratique-data-export', version: 1, exportedAt: expect.any(String), account: expect.any(Object), tables: expect.any(Object) });
    expect(data.account).toEqual(
      expect.objectContaining({ id: me.id, email: me.email, display_name: myName, preferred_language: 'fr', deleted_at: null }),
    );
    expect(data.account).not.toHaveProperty('password_hash');
    expect(JSON.stringify(data)).not.toMatch(/argon2/);

    // Every table of the registry, each with the member's rows (the fixture gave some to each).
    expect(Object.keys(data.tables).sort()).toEqual(PERSONAL_DATA.map((s) => s.table).sort());
    const empty = Object.entries(data.tables).filter(([, rows]) => rows.length === 0).map(([table]) => table);
    expect(empty).toEqual([]);
    // Tables where the member appears in two ways say which.
    const relations = (table: string) => [...new Set(data.tables[table].map((r) => r['relation']))].sort();
    expect(relations('role_grant')).toEqual(['granted', 'held']);
    expect(relations('resource')).toEqual(['author', 'moderator']);
    expect(relations('resource_report')).toEqual(['reporter', 'resolver']);
    expect(relations('user_follow')).toEqual(['follower', 'following']);
    // Some contents, as the member wrote them.
    expect(data.tables['member_profile']).toEqual([expect.objectContaining({ bio: 'Ma bio', skills: ['Plaidoyer'], interests: ['Budget'] })]);
    expect(data.tables['discussion_thread']).toEqual([expect.objectContaining({ id: mine.threadId, body: 'Corps' })]);
    expect(data.tables['registration']).toEqual([expect.objectContaining({ seminar_id: mine.pastSeminarId, status: 'attended' })]);
    expect(data.tables['quiz_attempt']).toEqual([expect.objectContaining({ answers: { q1: ['a'] }, passed: true })]);
    expect(data.tables['stored_file']).toEqual([expect.objectContaining({ filename: 'notes.pdf', size: 4 })]);
    expect(data.tables['stored_file'][0]).not.toHaveProperty('data'); // descriptions, not bytes

    // Nothing of the other member (who has rows in the same tables), nor who follows me.
    const text = JSON.stringify(data);
    for (const theirs of [bystander.id, bystander.email, theirName, bystanderFriend.id]) expect(text).not.toContain(theirs);
    const followers = data.tables['user_follow'].filter((r) => r['relation'] === 'follower');
    expect(followers).toEqual([expect.objectContaining({ followee_id: null })]);
    expect(text.split(friend.id).length - 1).toBe(1); // only as the member I follow
  });

  it('is audited, and a later export contains the earlier one in the audit section', async () => {
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE actor_id = $1 AND action = $2`, [me.id, AuditAction.DataExported]);
    const data: DataExport = (await agent.get(ApiRoutes.myDataExport).expect(200)).body;
    const [after] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE actor_id = $1 AND action = $2`,
      [me.id, AuditAction.DataExported],
    );
    expect(after.n).toBe(before[0].n + 1);
    expect(data.tables['audit_log'].filter((r) => r['action'] === AuditAction.DataExported)).toHaveLength(before[0].n);
  });

  it('is for signed-in members only', async () => {
    await t.agent().get(ApiRoutes.myDataExport).expect(401);
  });
});
