/**
 * Small fixture factories writing straight to the test database. Every name is unique so tests
 * sharing this run's database never collide.
 */
import { GlobalRole, Language, SpaceRole, SpaceScope, SpaceVisibility, ThematicAxis } from '@pratique/contracts';
import * as argon2 from 'argon2';
import { randomBytes } from 'crypto';
import { DataSource } from 'typeorm';

export const TEST_PASSWORD = 'correct-horse-battery';
let passwordHash: Promise<string> | undefined;
export const uid = (): string => randomBytes(4).toString('hex');

export async function makeRegion(db: DataSource, name = `Région ${uid()}`): Promise<{ id: string; code: string; name: string }> {
  const code = `r-${uid()}`;
  const [row] = await db.query(`INSERT INTO region (code, name) VALUES ($1, $2) RETURNING id`, [code, name]);
  return { id: row.id, code, name };
}

export async function makeOrganisation(db: DataSource, regionId: string, name = `Association ${uid()}`): Promise<{ id: string; name: string }> {
  const [row] = await db.query(`INSERT INTO organisation (name, region_id) VALUES ($1, $2) RETURNING id`, [name, regionId]);
  return { id: row.id, name };
}

export interface MadeUser {
  id: string;
  email: string;
  password: string;
}

export interface MakeUserOptions {
  regionId: string;
  organisationId?: string;
  language?: Language;
  admin?: boolean;
  staffOf?: string[];
  displayName?: string;
}

export async function makeUser(db: DataSource, options: MakeUserOptions): Promise<MadeUser> {
  const email = `user-${uid()}@test.pratique.tn`;
  passwordHash ??= argon2.hash(TEST_PASSWORD, { type: argon2.argon2id });
  const [row] = await db.query(
    `INSERT INTO app_user (email, password_hash, display_name, preferred_language, region_id)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [email, await passwordHash, options.displayName ?? `Membre ${uid()}`, options.language ?? 'fr', options.regionId],
  );
  const organisationId = options.organisationId ?? (await makeOrganisation(db, options.regionId)).id;
  await db.query(`INSERT INTO membership (user_id, organisation_id) VALUES ($1, $2)`, [row.id, organisationId]);
  if (options.admin) await db.query(`INSERT INTO role_grant (user_id, role) VALUES ($1, $2)`, [row.id, GlobalRole.Admin]);
  for (const regionId of options.staffOf ?? [])
    await db.query(`INSERT INTO role_grant (user_id, role, region_id) VALUES ($1, $2, $3)`, [row.id, GlobalRole.Staff, regionId]);
  return { id: row.id, email, password: TEST_PASSWORD };
}

export interface MakeSpaceOptions {
  scope?: SpaceScope;
  regionId?: string | null;
  visibility?: SpaceVisibility;
  axis?: ThematicAxis;
  status?: 'open' | 'archived';
  title?: string;
}

export async function makeSpace(db: DataSource, options: MakeSpaceOptions = {}): Promise<{ id: string; slug: string }> {
  const slug = `espace-${uid()}`;
  const scope = options.scope ?? SpaceScope.National;
  const [row] = await db.query(
    `INSERT INTO space (slug, title, description, original_language, axis, scope, region_id, visibility, status)
     VALUES ($1, $2, $3, 'fr', $4, $5, $6, $7, $8) RETURNING id`,
    [
      slug,
      JSON.stringify({ fr: options.title ?? `Espace ${slug}`, en: `Space ${slug}` }),
      JSON.stringify({ fr: 'Un espace de test' }),
      options.axis ?? 'governance',
      scope,
      scope === SpaceScope.Regional ? options.regionId : null,
      options.visibility ?? SpaceVisibility.Public,
      options.status ?? 'open',
    ],
  );
  return { id: row.id, slug };
}

export async function addToSpace(db: DataSource, spaceId: string, userId: string, role: SpaceRole = SpaceRole.Member): Promise<void> {
  await db.query(`INSERT INTO space_member (space_id, user_id, role) VALUES ($1, $2, $3)`, [spaceId, userId, role]);
}

/** Many members at once (one INSERT), with a placeholder password: for load and consistency tests. */
export async function makeManyUsers(db: DataSource, count: number, regionId: string, organisationId: string): Promise<string[]> {
  const rows: { id: string }[] = await db.query(
    `INSERT INTO app_user (email, password_hash, display_name, preferred_language, region_id)
     SELECT 'bulk-' || $1 || '-' || g || '@test.pratique.tn', 'not-a-hash', 'Membre ' || lpad(g::text, 5, '0'), 'fr', $2
       FROM generate_series(1, $3) g RETURNING id`,
    [uid(), regionId, count],
  );
  await db.query(`INSERT INTO membership (user_id, organisation_id) SELECT unnest($1::uuid[]), $2`, [rows.map((r) => r.id), organisationId]);
  return rows.map((r) => r.id);
}

/** Sets members' percent in a module directly (an enrollment row), as if they had learned. */
export async function setPercent(db: DataSource, moduleId: string, userIds: string[], percent: number): Promise<void> {
  await db.query(
    `INSERT INTO enrollment (user_id, module_id, percent) SELECT unnest($1::uuid[]), $2, $3
     ON CONFLICT (user_id, module_id) DO UPDATE SET percent = EXCLUDED.percent`,
    [userIds, moduleId, percent],
  );
}
