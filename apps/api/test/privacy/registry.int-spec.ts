/**
 * The personal-data registry covers the schema: PostgreSQL is asked for every foreign key that
 * points at `app_user(id)`, and each (table, column) must be listed in the registry, so a new table
 * with a user reference fails here until its export and its deletion handling are written (see
 * "Privacy" in docs/DEVELOPMENT.md). Every registry statement also runs against the migrated schema.
 */
import { ACCOUNT, PERSONAL_DATA } from '@pratique/api/privacy';
import { createTestApp, makeRegion, makeUser, TestApp } from '@pratique/api/testing';

describe('privacy: the personal-data registry covers every reference to app_user', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('lists every foreign key column pointing at app_user, and nothing else', async () => {
    const rows: { table_name: string; column_name: string }[] = await t.dataSource.query(
      `SELECT c.conrelid::regclass::text AS table_name, a.attname AS column_name
         FROM pg_constraint c
         JOIN LATERAL unnest(c.conkey) AS k(attnum) ON true
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
        WHERE c.contype = 'f' AND c.confrelid = 'app_user'::regclass
        ORDER BY 1, 2`,
    );
    const inSchema = rows.map((r) => `${r.table_name}.${r.column_name}`);
    expect(inSchema.length).toBeGreaterThanOrEqual(30);
    const inRegistry = PERSONAL_DATA.flatMap((t) => t.columns.map((c) => `${t.table}.${c}`));

    const missing = inSchema.filter((c) => !inRegistry.includes(c));
    const stale = inRegistry.filter((c) => !inSchema.includes(c));
    // A failure names the columns to add to libs/api/privacy/src/registry/personal-data.registry.ts.
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
    expect(new Set(PERSONAL_DATA.map((t) => t.table)).size).toBe(PERSONAL_DATA.length);
  });

  it('runs every export statement, reading only the given member', async () => {
    const region = await makeRegion(t.dataSource);
    const user = await makeUser(t.dataSource, { regionId: region.id });
    const [{ row }] = await t.dataSource.query(ACCOUNT.export, [user.id]);
    expect(row).toEqual(expect.objectContaining({ id: user.id, email: user.email }));
    expect(row).not.toHaveProperty('password_hash');
    for (const section of PERSONAL_DATA) {
      expect(section.export).toContain('$1');
      await expect(t.dataSource.query(section.export, [user.id])).resolves.toEqual(expect.any(Array));
    }
  });

  it('says, for every table, what deletion does, and deletes only by the member’s columns', () => {
    for (const { table, columns, erase } of PERSONAL_DATA) {
      expect([table, erase.why.length > 10]).toEqual([table, true]);
      if (erase.action === 'delete') {
        expect(erase.sql).toMatch(new RegExp(`^DELETE FROM ${table} WHERE `));
        expect(columns.some((c) => erase.sql.includes(`${c} = $1`))).toBe(true);
      }
    }
  });
});
