#!/usr/bin/env node
/**
 * `npm test`: builds the web app (the browser journeys run against the production build served
 * by the API), then runs every jest project — unit, integration, journeys, lint — in one run,
 * which ends with one line: `N passed, N failed`. Extra arguments go to jest.
 */
import { spawnSync } from 'node:child_process';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env }).status ?? 1;

console.log('› Building the web app for the browser journeys…');
if (run('npx', ['nx', 'run', 'web:build:production', '--skip-nx-cache', '--output-style=stream']) !== 0) {
  console.error('The web build failed: fix the errors above, then run `npm test` again.');
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}

console.log('› Running unit, integration, journey and lint tests…');
process.exit(run('npx', ['jest', '--ci', ...process.argv.slice(2)]));
