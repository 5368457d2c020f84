#!/usr/bin/env node
/**
 * `npm run start:prod` (after `npm run build`): the built API (serving the built web app) and the
 * built worker, side by side, configured only by environment variables:
 *
 *   DATABASE_URL, SESSION_SECRET (≥ 32 characters)   required
 *   REDIS_URL, PORT, QUEUE_PREFIX, LOG_LEVEL         optional (see README)
 *   WEB_DIST                                         default dist/apps/web/browser
 *
 * Migrations run first. SIGTERM/SIGINT are passed to both processes; when one of them stops on
 * its own, the other is stopped too and the exit code is passed on (so a supervisor restarts us).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const API = path.join(ROOT, 'dist/apps/api/main.js');
const WORKER = path.join(ROOT, 'dist/apps/worker/main.js');
const STOP_TIMEOUT_MS = 30_000;

const fail = (message) => {
  console.error(`✗ ${message}`);
  process.exit(1);
};

const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' };
if (!env.DATABASE_URL) fail('DATABASE_URL is not set (e.g. postgres://user:password@host:5432/pratique).');
if (!env.SESSION_SECRET)
  fail(
    'SESSION_SECRET is not set: use a random string of at least 32 characters (e.g. `openssl rand -base64 32`).',
  );
if (env.SESSION_SECRET.length < 32) fail('SESSION_SECRET is too short: at least 32 characters.');
for (const [file, what] of [
  [API, 'API'],
  [WORKER, 'worker'],
]) {
  if (!existsSync(file))
    fail(`The ${what} is not built (${path.relative(ROOT, file)} is missing): run \`npm run build\` first.`);
}
if (!env.WEB_DIST) {
  const web = path.join(ROOT, 'dist/apps/web/browser');
  if (existsSync(path.join(web, 'index.html'))) env.WEB_DIST = web;
  else
    console.warn(
      '! dist/apps/web/browser is missing: the API starts without the web app (run `npm run build`).',
    );
}

await migrate();

const children = new Map();
let stopping = false;
let exitCode = 0;

for (const [name, file] of [
  ['api', API],
  ['worker', WORKER],
]) {
  const child = spawn(process.execPath, ['--enable-source-maps', file], { cwd: ROOT, env, stdio: 'inherit' });
  children.set(name, child);
  child.once('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      console.error(`✗ The ${name} stopped (${signal ?? `exit code ${code}`}); stopping the rest.`);
      exitCode = code || 1;
      stopAll('SIGTERM');
    }
    if (children.size === 0) process.exit(exitCode);
  });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => stopAll(signal));
}

function stopAll(signal) {
  if (stopping) return;
  stopping = true;
  for (const child of children.values()) child.kill(signal);
  setTimeout(() => {
    for (const child of children.values()) child.kill('SIGKILL');
  }, STOP_TIMEOUT_MS).unref();
}

/** Applies pending migrations with tools/migrate.ts (needs ts-node, installed by `npm install`). */
async function migrate() {
  let tsNode;
  try {
    const manifest = require.resolve('ts-node/package.json', { paths: [ROOT] });
    tsNode = path.join(path.dirname(manifest), require(manifest).bin['ts-node']);
  } catch {
    console.warn(
      '! ts-node is not installed (npm install --omit=dev?): skipping migrations here; run `npm run migrate` where it is.',
    );
    return;
  }
  const code = await new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [tsNode, '-P', 'tools/tsconfig.tools.json', '-r', 'tsconfig-paths/register', 'tools/migrate.ts'],
      { cwd: ROOT, env: { ...env, TS_NODE_TRANSPILE_ONLY: 'true' }, stdio: 'inherit' },
    );
    child.once('exit', (c) => resolve(c ?? 1));
  });
  if (code !== 0) fail('Migrations failed (see above); nothing was started.');
}
