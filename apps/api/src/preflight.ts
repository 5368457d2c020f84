/**
 * Checks the environment and PostgreSQL before Nest starts, so a missing variable or service is
 * reported in one line naming the fix instead of a stack trace.
 */
import { AppEnv, ConfigError, validateEnv } from '@pratique/api/platform';
import { Client } from 'pg';

export async function preflight(): Promise<AppEnv> {
  const env = validateEnv(process.env);
  const client = new Client({ connectionString: env.DATABASE_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    const where = new URL(env.DATABASE_URL).host;
    if (/does not exist/.test(text)) throw new ConfigError(`${text}: create it (createdb) or fix DATABASE_URL.`);
    throw new ConfigError(
      `PostgreSQL is not reachable at ${where} (${text}). Start it, run \`docker compose up -d\`, or unset DATABASE_URL and use \`npm start\` (embedded database).`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  return env;
}
