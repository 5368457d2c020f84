#!/usr/bin/env node
/**
 * `npm test`: builds the web app (the browser journeys run against the production build served
 * by the API), then runs every jest project — unit, integration, journeys, lint — in one run.
 * The very last line is the totals: `N passed, N failed`. Extra arguments go to jest.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env }).status ?? 1;
const results = 'tmp/jest-results.json';

console.log('› Building the web app for the browser journeys…');
if (run('npx', ['nx', 'run', 'web:build:production', '--skip-nx-cache', '--output-style=stream']) !== 0) {
  console.error('The web build failed: fix the errors above, then run `npm test` again.');
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}

console.log('› Running unit, integration, journey and lint tests…');
mkdirSync('tmp', { recursive: true });
rmSync(results, { force: true });
// In CI, a forgotten timer must not keep the run alive after the last test.
const ci = process.env.CI ? ['--forceExit'] : [];
const status = run('npx', ['jest', '--ci', ...ci, '--json', `--outputFile=${results}`, ...process.argv.slice(2)]);

if (existsSync(results)) {
  const r = JSON.parse(readFileSync(results, 'utf8'));
  const failed = r.numFailedTests + r.numRuntimeErrorTestSuites;
  console.log(`\n${r.numPassedTests} passed, ${failed} failed`);
} else {
  console.log('\n0 passed, 1 failed');
}
process.exit(status);
