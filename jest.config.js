// @ts-check
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

const shared = {
  testEnvironment: 'node',
  // Type checking is `npm run typecheck`'s job; tests only transpile (much faster).
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  rootDir: __dirname,
};

/** @type {import('jest').Config} */
module.exports = {
  // e2e tests wait on real brokers and retries; unit tests finish in milliseconds anyway.
  testTimeout: 180_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e.spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
    // Reliability scenarios that start (and break) a Kafka or PostgreSQL of their own per file;
    // heavy, so they run on their own: `npm run test:faults` (in band).
    { ...shared, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.faults.spec.ts'] },
  ],
};
