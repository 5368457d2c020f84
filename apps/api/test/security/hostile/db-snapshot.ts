/**
 * A fingerprint of the whole database: per table, its row count and an md5 of its rows (each
 * row as text, sorted), in one statement. Two equal snapshots mean nothing was written, not even
 * a row changed in place. `session` is left out: signing in and rolling cookies write it.
 */
import { DataSource } from 'typeorm';

export type DbSnapshot = Map<string, { rows: number; md5: string }>;

const EXCLUDED = new Set(['session']);
let statement: Promise<string> | undefined;

async function snapshotStatement(db: DataSource): Promise<string> {
  const tables: { name: string }[] = await db.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  return tables
    .filter((t) => !EXCLUDED.has(t.name))
    .map(
      (t) =>
        `SELECT '${t.name}' AS name, count(*)::int AS rows, md5(coalesce(string_agg(r::text, E'\\n' ORDER BY r::text), '')) AS md5 FROM "${t.name}" r`,
    )
    .join('\nUNION ALL\n');
}

export async function snapshotDb(db: DataSource): Promise<DbSnapshot> {
  statement ??= snapshotStatement(db);
  const rows: { name: string; rows: number; md5: string }[] = await db.query(await statement);
  return new Map(rows.map((r) => [r.name, { rows: r.rows, md5: r.md5 }]));
}

/** The tables that differ, e.g. `["seminar: 3 → 4 rows", "lesson: rows changed"]`. Empty when equal. */
export function diffSnapshots(before: DbSnapshot, after: DbSnapshot): string[] {
  const changed: string[] = [];
  for (const [name, a] of after) {
    const b = before.get(name);
    if (!b) changed.push(`${name}: new table`);
    else if (b.rows !== a.rows) changed.push(`${name}: ${b.rows} → ${a.rows} rows`);
    else if (b.md5 !== a.md5) changed.push(`${name}: rows changed`);
  }
  return changed;
}
