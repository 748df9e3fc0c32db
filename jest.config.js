/** Unit and integration tests; TypeScript is transformed by SWC (type checking is `npm run typecheck`). */
// Scores and quarter boundaries depend on the time zone; Forge runs functions in UTC, and so do the tests.
process.env.TZ = 'UTC';
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }],
  },
  watchman: false,
};
