/**
 * unit: pure domain logic, milliseconds. api: a real Strapi (compiled by `npm run build:server`)
 * on a fresh database per test file — SQLite by default, PostgreSQL when DATABASE_CLIENT=postgres.
 * e2e: the built admin panel (`npm run build`) in Debian's chromium, driven by playwright-core.
 * package: the plugin packed and installed into a fresh Strapi app (`npm run test:package`; needs npm).
 */
const os = require('os');

const transform = { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] };

module.exports = {
  projects: [
    { displayName: 'unit', testEnvironment: 'node', transform, testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      displayName: 'api',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/api/**/*.test.ts'],
      slowTestThreshold: 30,
    },
    { displayName: 'e2e', testEnvironment: 'node', transform, testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
    { displayName: 'package', testEnvironment: 'node', transform, testMatch: ['<rootDir>/tests/package/**/*.test.ts'] },
  ],
  testTimeout: 120000,
  // Every api file boots its own Strapi on a database of its own, and waits on the disk or on
  // PostgreSQL much of the time: two at once on a 2-core machine halve the suite's time (jest's
  // default there is one). The browser tests run one at a time (`--maxWorkers=1` where they run).
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
};
