/** `npm run migrate`: applies pending migrations to DATABASE_URL and says which ran. */
import { createDataSource } from '../migrations/data-source';

async function main(): Promise<void> {
  const url = process.env['DATABASE_URL'];
  if (!url) {
    console.error('DATABASE_URL is not set. Example: DATABASE_URL=postgres://postgres@127.0.0.1:5432/pratique npm run migrate');
    process.exit(1);
  }
  const ds = createDataSource(url);
  await ds.initialize();
  const ran = await ds.runMigrations({ transaction: 'each' });
  console.log(ran.length ? `Applied ${ran.length} migration(s): ${ran.map((m) => m.name).join(', ')}` : 'Schema is up to date.');
  await ds.destroy();
}

main().catch((err) => {
  console.error(`Migration failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
