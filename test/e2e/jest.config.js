/**
 * End-to-end tests in Chromium (playwright-core) against the local preview, started in-process per test file.
 * Run: `jest -c test/e2e/jest.config.js` (npm run test:e2e). Chromium is expected at /usr/bin/chromium, or set
 * VALUERANK_CHROMIUM. The UI must be built first (`npm run build:ui`): the preview serves static/<module>/build.
 */
const { resolve } = require('node:path');

// Scores and quarter boundaries depend on the time zone; Forge runs functions in UTC, and so do the tests.
process.env.TZ = 'UTC';

module.exports = {
  rootDir: resolve(__dirname, '../..'),
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }],
  },
  // One preview and one browser at a time: the preview installs the local Forge runtime process-wide.
  maxWorkers: 1,
  testTimeout: 120_000,
  watchman: false,
};
