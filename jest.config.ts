/**
 * All tests, in three tiers, one run, one totals line:
 *  - unit:        `*.spec.ts` beside the code (pure rules, no database)
 *  - integration: `*.int-spec.ts` against the real PostgreSQL and Redis (a database per run)
 *  - journeys:    `apps/web/journeys/*.journey.ts`, the built web app in Debian's Chromium
 */
import type { Config } from 'jest';
import { pathsToModuleNameMapper } from 'ts-jest';
import { readFileSync } from 'fs';

const { compilerOptions } = JSON.parse(readFileSync(`${__dirname}/tsconfig.base.json`, 'utf8'));

const shared = {
  testEnvironment: 'node',
  rootDir: __dirname,
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
} satisfies Config;

const config: Config = {
  globalSetup: '<rootDir>/tools/jest/global-setup.ts',
  globalTeardown: '<rootDir>/tools/jest/global-teardown.ts',
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools,migrations}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,tools,migrations}/**/*.int-spec.ts'],
      // `testTimeout` here is ignored when several projects run together (npm test): set it per file.
      setupFilesAfterEnv: ['<rootDir>/tools/jest/timeout-30s.ts'],
    },
    {
      ...shared,
      displayName: 'journeys',
      testMatch: ['<rootDir>/apps/web/journeys/**/*.journey.ts'],
      setupFilesAfterEnv: ['<rootDir>/tools/jest/timeout-120s.ts'],
    },
  ],
};

export default config;
