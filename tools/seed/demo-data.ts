/**
 * `seedDemoData(dataSource)`: writes the demo community (demo-content.ts) into a migrated
 * database, in one transaction. Idempotent: every row is upserted on its natural key
 * (region.code, lower(organisation.name), lower(app_user.email), space.slug, and the primary or
 * unique keys of the link tables), so a second run changes nothing. Existing users keep their
 * password: only new users get the demo password, hashed with argon2id. The e-learning modules
 * and the members' progress follow, in the same transaction (demo-learning.ts), then the
 * seminars of the regional offices and their registrations (demo-seminars.ts), then the skills
 * donation offers, requests and a rated session (demo-skills.ts), then the spaces' resources and
 * discussions (demo-community.ts).
 */
import * as argon2 from 'argon2';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DEMO_ORGANISATIONS,
  DEMO_PASSWORD,
  DEMO_REGIONS,
  DEMO_SPACES,
  DEMO_USERS,
  DemoUser,
} from './demo-content';
import { CommunitySeedSummary, seedDemoCommunity } from './demo-community';
import { LEARNING_STEPS, LearningSummary, seedDemoLearning } from './demo-learning';
import { SEMINAR_STEPS, SeminarsSeedSummary, seedDemoSeminars } from './demo-seminars';
import { seedDemoSkills, SkillsSeedSummary } from './demo-skills';

export interface SeedProgress {
  /** Steps done so far (1-based after each step). */
  done: number;
  total: number;
  label: string;
}

export interface SeedSummary {
  regions: number;
  organisations: number;
  users: number;
  newUsers: number;
  spaces: number;
  spaceMembers: number;
  learning: LearningSummary;
  seminars: SeminarsSeedSummary;
  skills: SkillsSeedSummary;
  community: CommunitySeedSummary;
}

export async function seedDemoData(
  dataSource: DataSource,
  onProgress?: (progress: SeedProgress) => void,
): Promise<SeedSummary> {
  const total =
    DEMO_REGIONS.length +
    DEMO_ORGANISATIONS.length +
    DEMO_USERS.length +
    DEMO_SPACES.length +
    LEARNING_STEPS +
    SEMINAR_STEPS +
    1;
  let done = 0;
  const step = (label: string) => onProgress?.({ done: ++done, total, label });

  // Hash the demo password for the users still missing, in parallel, outside the transaction.
  const existing: Array<{ email: string }> = await dataSource.query(
    `SELECT lower(email) AS email FROM app_user WHERE lower(email) = ANY($1)`,
    [DEMO_USERS.map((u) => u.email.toLowerCase())],
  );
  const known = new Set(existing.map((e) => e.email));
  const hashes = new Map<string, string>(
    await Promise.all(
      DEMO_USERS.filter((u) => !known.has(u.email.toLowerCase())).map(
        async (u) =>
          [u.email, await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id })] as [string, string],
      ),
    ),
  );

  return dataSource.transaction(async (db) => {
    const regionIds = new Map<string, string>();
    for (const r of DEMO_REGIONS) {
      const [row] = await db.query(
        `INSERT INTO region (code, name) VALUES ($1, $2)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name
         RETURNING id`,
        [r.code, r.name],
      );
      regionIds.set(r.code, row.id);
      step(`region ${r.code}`);
    }
    const regionId = (code: string) => required(regionIds.get(code), `region ${code}`);

    const orgIds = new Map<string, string>();
    for (const o of DEMO_ORGANISATIONS) {
      const [row] = await db.query(
        `INSERT INTO organisation (name, region_id, registration_number, thematic_fields, verified)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT ((lower(name))) DO UPDATE SET
           region_id = EXCLUDED.region_id,
           registration_number = EXCLUDED.registration_number,
           thematic_fields = EXCLUDED.thematic_fields,
           verified = EXCLUDED.verified
         RETURNING id`,
        [o.name, regionId(o.region), o.registrationNumber, o.thematicFields, o.verified],
      );
      orgIds.set(o.name, row.id);
      step(`organisation ${o.name}`);
    }

    const userIds = new Map<string, string>();
    let newUsers = 0;
    for (const u of DEMO_USERS) {
      const { id, created } = await upsertUser(db, u, regionId(u.region), hashes.get(u.email));
      userIds.set(u.email, id);
      if (created) newUsers++;
      for (const org of u.organisations) {
        await db.query(
          `INSERT INTO membership (user_id, organisation_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
          [id, required(orgIds.get(org), `organisation ${org}`)],
        );
      }
      if (u.admin) {
        await db.query(
          `INSERT INTO role_grant (user_id, role, region_id) VALUES ($1, 'admin', NULL)
           ON CONFLICT ON CONSTRAINT role_grant_uq DO NOTHING`,
          [id],
        );
      }
      for (const code of u.staffOf ?? []) {
        await db.query(
          `INSERT INTO role_grant (user_id, role, region_id) VALUES ($1, 'staff', $2)
           ON CONFLICT ON CONSTRAINT role_grant_uq DO NOTHING`,
          [id, regionId(code)],
        );
      }
      step(`user ${u.email}`);
    }

    const adminId = userIds.get('admin@pratique.tn') ?? null;
    const spaceIds = new Map<string, string>();
    let spaceMembers = 0;
    for (const s of DEMO_SPACES) {
      const [row] = await db.query(
        `INSERT INTO space (slug, title, description, original_language, axis, scope, region_id, visibility, created_by)
         VALUES ($1, $2, $3, 'fr', $4, $5, $6, $7, $8)
         ON CONFLICT (slug) DO UPDATE SET
           title = EXCLUDED.title,
           description = EXCLUDED.description,
           original_language = EXCLUDED.original_language,
           axis = EXCLUDED.axis,
           scope = EXCLUDED.scope,
           region_id = EXCLUDED.region_id,
           visibility = EXCLUDED.visibility
         RETURNING id`,
        [
          s.slug,
          JSON.stringify(s.title),
          JSON.stringify(s.description),
          s.axis,
          s.region ? 'regional' : 'national',
          s.region ? regionId(s.region) : null,
          s.visibility,
          adminId,
        ],
      );
      spaceIds.set(s.slug, row.id);
      for (const u of DEMO_USERS) {
        for (const m of u.spaces.filter((x) => x.slug === s.slug)) {
          await db.query(
            `INSERT INTO space_member (space_id, user_id, role) VALUES ($1, $2, $3)
             ON CONFLICT (space_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
            [row.id, required(userIds.get(u.email), u.email), m.role],
          );
          spaceMembers++;
        }
      }
      step(`space ${s.slug}`);
    }
    const learning = await seedDemoLearning(db, spaceIds, userIds, step);
    const seminars = await seedDemoSeminars(db, { regionIds, orgIds, spaceIds, userIds }, step);
    const skills = await seedDemoSkills(db, { regionIds, orgIds, userIds });
    const community = await seedDemoCommunity(db, { spaceIds, userIds });
    step('done');

    return {
      regions: DEMO_REGIONS.length,
      organisations: DEMO_ORGANISATIONS.length,
      users: DEMO_USERS.length,
      newUsers,
      spaces: DEMO_SPACES.length,
      spaceMembers,
      learning,
      seminars,
      skills,
      community,
    };
  });
}

/** Inserts a user with the demo password, or refreshes their profile; never resets a password. */
async function upsertUser(
  db: EntityManager,
  u: DemoUser,
  regionId: string,
  precomputedHash: string | undefined,
): Promise<{ id: string; created: boolean }> {
  const existing: Array<{ id: string }> = await db.query(
    `SELECT id FROM app_user WHERE lower(email) = lower($1)`,
    [u.email],
  );
  if (existing[0]) {
    await db.query(
      `UPDATE app_user SET display_name = $2, preferred_language = $3, region_id = $4
       WHERE id = $1 AND (display_name, preferred_language, region_id) IS DISTINCT FROM ($2, $3, $4::uuid)`,
      [existing[0].id, u.displayName, u.language, regionId],
    );
    return { id: existing[0].id, created: false };
  }
  const hash = precomputedHash ?? (await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id }));
  const [row] = await db.query(
    `INSERT INTO app_user (email, password_hash, display_name, preferred_language, region_id)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT ((lower(email))) DO NOTHING
     RETURNING id`,
    [u.email, hash, u.displayName, u.language, regionId],
  );
  return { id: row.id, created: true };
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Demo data refers to an unknown ${what}`);
  return value;
}
