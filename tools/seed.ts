/**
 * `npm run seed`: fills DATABASE_URL (already migrated) with the demo community. Safe to run
 * again: nothing changes the second time. Logins: docs/DEMO.md.
 */
import { SingleBar, Presets } from 'cli-progress';
import { createDataSource } from '../migrations/data-source';
import { DEMO_PASSWORD } from './seed/demo-content';
import { seedDemoData, SeedProgress } from './seed/demo-data';

async function main(): Promise<void> {
  const url = process.env['DATABASE_URL'];
  if (!url) {
    console.error(
      'DATABASE_URL is not set. Example: DATABASE_URL=postgres://postgres@127.0.0.1:5432/pratique npm run seed',
    );
    process.exit(1);
  }
  const ds = createDataSource(url);
  try {
    await ds.initialize();
  } catch (err) {
    console.error(
      `Cannot connect to PostgreSQL at ${redact(url)}: ${message(err)}. Is it running? (npm start runs one for you.)`,
    );
    process.exit(1);
  }
  const missing = await ds.query(`SELECT to_regclass('public.space') IS NULL AS missing`);
  if (missing[0]?.missing) {
    console.error('The database has no schema yet: run `npm run migrate` first.');
    await ds.destroy();
    process.exit(1);
  }

  const started = Date.now();
  const bar = process.stdout.isTTY
    ? new SingleBar(
        { format: 'Seeding demo data [{bar}] {value}/{total} {label}', hideCursor: true },
        Presets.shades_classic,
      )
    : null;
  let lastPrinted = 0;
  const onProgress = ({ done, total, label }: SeedProgress) => {
    if (bar) {
      if (done === 1) bar.start(total, 0, { label });
      bar.update(done, { label: label.slice(0, 40) });
    } else if (done === total || done - lastPrinted >= 10) {
      lastPrinted = done;
      console.log(`Seeding demo data: ${done}/${total}`);
    }
  };

  try {
    const s = await seedDemoData(ds, onProgress);
    bar?.stop();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `Demo data ready in ${seconds} s: ${s.regions} regions, ${s.organisations} organisations, ${s.users} users ` +
        `(${s.newUsers} new), ${s.spaces} spaces, ${s.spaceMembers} space memberships, ` +
        `${s.learning.modules} modules (${s.learning.newModules} new), ${s.learning.enrollments} enrollments, ` +
        `${s.learning.certificates} certificates, ${s.seminars.seminars} seminars (${s.seminars.newSeminars} new), ` +
        `${s.seminars.registrations} registrations (${s.seminars.newRegistrations} new), ` +
        `${s.skills.offers} skill offers, ${s.skills.requests} needs, ${s.skills.sessions} skill session(s).`,
    );
    console.log(
      `Sign in as admin@pratique.tn, membre@pratique.tn, … with the password ${DEMO_PASSWORD} (docs/DEMO.md).`,
    );
  } catch (err) {
    bar?.stop();
    console.error(`Seeding failed: ${message(err)}`);
    process.exitCode = 1;
  } finally {
    await ds.destroy();
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):([^@/]+)@/, '//$1:***@');
}

main().catch((err) => {
  console.error(`Seeding failed: ${message(err)}`);
  process.exit(1);
});
