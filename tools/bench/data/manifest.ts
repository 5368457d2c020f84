/**
 * What `npm run bench:data` generated, kept as JSON in `COMMENT ON DATABASE <name>`. A copy made
 * with `CREATE DATABASE x TEMPLATE <name>` has the same rows (and ids) but not the comment:
 * read the manifest from the template's name.
 */
import { Client } from 'pg';
import type { PhaseTiming } from './progress';

export const MANIFEST_VERSION = 1;

export interface SampleMember {
  userId: string;
  /** Open seminars (not the whole-audience one, unless there is no other) whose audience holds the member. */
  seminarIds: string[];
}

export interface SampleLesson {
  userId: string;
  lessonId: string;
  moduleId: string;
  spaceId: string;
  /** 'page' or 'video': both may be marked done (POST /api/lessons/:id/complete). */
  kind: string;
}

export interface DatasetManifest {
  version: typeof MANIFEST_VERSION;
  database: string;
  scale: number;
  generatedAt: string;
  /** The last migration applied when the data was loaded. */
  lastMigration: string;
  seconds: number;
  sizeBytes: number;

  adminEmail: string;
  adminPassword: string;
  /** One staff account per region (same password). */
  staff: { regionId: string; email: string }[];
  /** Every member's password (they share one argon2id hash). Members: member-<n>@bench.pratique.tn, n = 1..members. */
  memberPassword: string;
  memberEmailPattern: string;

  regionIds: string[];
  /** The 20,000-member space (national, public). */
  bigSpaceId: string;
  bigSpaceMembers: number;
  /** Audience: every organisation, so every member; 3 requirements (modules of the big space), k = 2. */
  wholeAudienceSeminarId: string;
  wholeAudienceMembers: number;
  /** Members meeting its rule at generation time (the product's MEETS_RULE). */
  wholeAudienceEligible: number;

  /** About 200 members with several enrollments, each in the audience of at least one open seminar. */
  sampleMembers: SampleMember[];
  sampleMemberIds: string[];
  /** The union of the sample members' seminars. */
  sampleSeminarIds: string[];
  /** About 200 (member, lesson) pairs the member may record progress on and has not completed. */
  sampleLessons: SampleLesson[];

  /** Rows of every table of the schema (by table name), and `members`: the member accounts (admin and staff aside). */
  counts: Record<string, number>;
  /** Rows and seconds of each phase of the load. */
  phases: PhaseTiming[];
}

/** The manifest stored on database `database`, or null (no such database, no comment, or not one of ours). */
export async function readManifest(adminUrl: string, database: string): Promise<DatasetManifest | null> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [database],
    );
    const comment = rows[0]?.comment;
    if (!comment) return null;
    try {
      const manifest = JSON.parse(comment) as DatasetManifest;
      return manifest?.version === MANIFEST_VERSION ? manifest : null;
    } catch {
      return null;
    }
  } finally {
    await admin.end();
  }
}

export async function writeManifest(
  admin: Client,
  database: string,
  manifest: DatasetManifest,
): Promise<void> {
  await admin.query(
    `COMMENT ON DATABASE ${admin.escapeIdentifier(database)} IS ${admin.escapeLiteral(JSON.stringify(manifest))}`,
  );
}
