/** What the phases of the load share: the connection, the plan, and the ids written so far. */
import { Client } from 'pg';
import { Plan, Rng } from './plan';
import { Progress } from './progress';

export const BENCH_PASSWORD = 'bench-password-2026';
export const EMAIL_DOMAIN = 'bench.pratique.tn';

export interface RegionRow {
  id: string;
  code: string;
  name: string;
}
export interface OrganisationRow {
  id: string;
  regionIdx: number;
}
export interface SpaceRow {
  id: string;
  idx: number;
  regionIdx: number | null;
  createdAt: Date;
  /** Member count aimed at (animators included). */
  size: number;
}
export interface ModuleRow {
  id: string;
  spaceIdx: number;
  /** Popularity inside its space (higher: chosen by more members). */
  weight: number;
}

export interface World {
  db: Client;
  plan: Plan;
  rng: Rng;
  progress: Progress;
  sharedHash: string;
  adminId: string;
  adminEmail: string;
  staff: { id: string; regionId: string; email: string }[];
  regions: RegionRow[];
  organisations: OrganisationRow[];
  spaces: SpaceRow[];
  modules: ModuleRow[];
  bigSpaceId: string;
  wholeAudienceSeminarId: string;
}

/**
 * Inserts `rows` in one set-based statement per 2,000 (`INSERT … SELECT … FROM jsonb_to_recordset`):
 * for the small tables built in TypeScript. `columns` are `name type` pairs.
 */
export async function insertRecords(
  db: Client,
  table: string,
  columns: [string, string][],
  rows: object[],
  tick?: (n: number) => void,
): Promise<void> {
  const names = columns.map(([n]) => n).join(', ');
  const defs = columns.map(([n, t]) => `${n} ${t}`).join(', ');
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000);
    await db.query(
      `INSERT INTO ${table} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${defs})`,
      [JSON.stringify(chunk)],
    );
    tick?.(chunk.length);
  }
}
