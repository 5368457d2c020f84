/**
 * Seeding against the real PostgreSQL (DATABASE_URL: a fresh, migrated test database).
 * Rows are counted by the demo's natural keys, so other suites writing to the same database
 * do not disturb the comparison.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../migrations/data-source';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_REGIONS, DEMO_SPACES, DEMO_USERS } from './demo-content';
import { seedDemoData, SeedProgress } from './demo-data';

describe('seedDemoData (PostgreSQL)', () => {
  let ds: DataSource;

  beforeAll(async () => {
    const url = process.env['DATABASE_URL'];
    if (!url) throw new Error('DATABASE_URL must point at a migrated test database');
    ds = createDataSource(url);
    await ds.initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  async function counts(): Promise<Record<string, number>> {
    const emails = DEMO_USERS.map((u) => u.email.toLowerCase());
    const [row] = await ds.query(
      `SELECT
         (SELECT count(*) FROM region WHERE code = ANY($1)) AS regions,
         (SELECT count(*) FROM organisation WHERE lower(name) = ANY($2)) AS organisations,
         (SELECT count(*) FROM app_user WHERE lower(email) = ANY($3)) AS users,
         (SELECT count(*) FROM membership m JOIN app_user u ON u.id = m.user_id WHERE lower(u.email) = ANY($3)) AS memberships,
         (SELECT count(*) FROM role_grant g JOIN app_user u ON u.id = g.user_id WHERE lower(u.email) = ANY($3)) AS role_grants,
         (SELECT count(*) FROM space WHERE slug = ANY($4)) AS spaces,
         (SELECT count(*) FROM space_member sm JOIN space s ON s.id = sm.space_id WHERE s.slug = ANY($4)) AS space_members,
         (SELECT string_agg(password_hash, ',' ORDER BY email) FROM app_user WHERE lower(email) = ANY($3)) AS hashes`,
      [
        DEMO_REGIONS.map((r) => r.code),
        DEMO_ORGANISATIONS.map((o) => o.name.toLowerCase()),
        emails,
        DEMO_SPACES.map((s) => s.slug),
      ],
    );
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(row)) out[k] = k === 'hashes' ? (v as string).length : Number(v);
    return out;
  }

  it('gives the same rows when run twice, with every role and a verifiable admin password', async () => {
    const steps: SeedProgress[] = [];
    const first = await seedDemoData(ds, (p) => steps.push(p));
    const afterFirst = await counts();
    const second = await seedDemoData(ds);
    const afterSecond = await counts();

    expect(afterSecond).toEqual(afterFirst);
    expect(second.newUsers).toBe(0);
    expect(first.newUsers + second.newUsers).toBeLessThanOrEqual(DEMO_USERS.length);
    expect(afterFirst).toMatchObject({
      regions: DEMO_REGIONS.length,
      organisations: DEMO_ORGANISATIONS.length,
      users: DEMO_USERS.length,
      spaces: DEMO_SPACES.length,
    });
    expect(afterFirst['role_grants']).toBe(3); // admin, staff Tunis, staff Sfax
    expect(steps.at(-1)).toMatchObject({ done: steps.at(-1)?.total });

    const [admin] = await ds.query(
      `SELECT u.password_hash, g.role FROM app_user u JOIN role_grant g ON g.user_id = u.id WHERE lower(u.email) = 'admin@pratique.tn'`,
    );
    expect(admin.role).toBe('admin');
    expect(admin.password_hash).toMatch(/^\$argon2id\$/);
    await expect(argon2.verify(admin.password_hash, DEMO_PASSWORD)).resolves.toBe(true);

    const staff = await ds.query(
      `SELECT u.email, r.code FROM role_grant g JOIN app_user u ON u.id = g.user_id JOIN region r ON r.id = g.region_id
       WHERE g.role = 'staff' AND lower(u.email) LIKE 'staff.%@pratique.tn' ORDER BY u.email`,
    );
    expect(staff).toEqual([
      { email: 'staff.sfax@pratique.tn', code: 'sfax' },
      { email: 'staff.tunis@pratique.tn', code: 'tunis' },
    ]);

    const animated = await ds.query(
      `SELECT s.slug FROM space_member sm JOIN space s ON s.id = sm.space_id JOIN app_user u ON u.id = sm.user_id
       WHERE lower(u.email) = 'animatrice@pratique.tn' AND sm.role = 'animator' ORDER BY s.slug`,
    );
    expect(animated.map((r: { slug: string }) => r.slug)).toEqual([
      'gestion-de-projet',
      'gouvernance-locale',
    ]);

    const [space] = await ds.query(
      `SELECT title, scope, visibility FROM space WHERE slug = 'droits-humains'`,
    );
    expect(Object.keys(space.title).sort()).toEqual(['ar', 'en', 'fr']);
    expect(space.visibility).toBe('members');
  }, 60_000);
});
