// ESLint: JavaScript's and typescript-eslint's recommended rules (without type information: fast, and `tsc` already
// type-checks), plus the import rules that keep the layers. Layout is Prettier's job (.prettierrc.json).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Each rule below is `no-restricted-imports` with the patterns of one folder. Flat config replaces a rule's options
// for files that match a later block, so every block repeats the ones that also hold for its files.
const NO_DEV = { regex: '^\\.{1,2}/(.*/)?dev(/|$)', message: 'src/ never imports dev/: the preview and the simulator are not deployed.' };
const NO_OUTER_LAYERS = {
  regex: '^\\.{1,2}/(.*/)?(adapters|resolvers|events|index)(/|$)',
  message: 'Adapters, resolvers and event handlers sit outside; reach them through ports the application owns.',
};
const NO_FORGE = { regex: '^@forge/', message: 'Only adapters and the composition root talk to Forge.' };

const layers = [
  { files: ['src/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [NO_DEV] }] } },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_DEV,
            NO_OUTER_LAYERS,
            { regex: '^\\.{1,2}/(.*/)?application(/|$)', message: 'The domain is pure: it knows no use case or port.' },
            {
              regex: '^(?!\\.{1,2}/|date-fns(/|$)|re2js$)',
              message: 'The domain imports only the contract, other domain files and pure libraries (date-fns, re2js).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/application/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_DEV, NO_OUTER_LAYERS, NO_FORGE] }] },
  },
  {
    files: ['src/resolvers/**/*.ts', 'src/events/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_DEV,
            {
              regex: '^\\.{1,2}/(.*/)?adapters(/|$)',
              message: 'Entry points get their Jira, storage and queue from the composition root (src/composition.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!\\./|zod(/|$))', message: 'The contract is shared with the UI: only zod and other contract files.' }] },
      ],
    },
  },
  {
    files: ['static/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.{1,2}/(.*/)?src/(?!contract(/|$))', message: 'The UI shares only src/contract with the backend.' },
            { regex: '^\\.{1,2}/(.*/)?dev(/|$)', message: 'The UI never imports the preview or the simulator.' },
          ],
        },
      ],
    },
  },
];

// Globals for the plain JavaScript files (TypeScript files get theirs from tsc).
const readonly = (names) => Object.fromEntries(names.map((g) => [g, 'readonly']));
const NODE_GLOBALS = readonly([
  'process',
  'console',
  'require',
  'module',
  '__dirname',
  'URL',
  'Buffer',
  'setTimeout',
  'clearTimeout',
  'structuredClone',
  'fetch',
]);
const BROWSER_GLOBALS = readonly(['window', 'document', 'location', 'localStorage', 'URLSearchParams', 'console', 'fetch', 'setTimeout', 'clearTimeout']);

export default tseslint.config(
  {
    ignores: ['**/node_modules/', 'static/*/build/', 'test/contract/openapi/', 'bench/results/', 'docs/screenshots/', 'coverage/', '.valuerank-data/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: { globals: NODE_GLOBALS },
  },
  {
    files: ['dev/preview/public/**/*.js'],
    languageOptions: { globals: BROWSER_GLOBALS },
  },
  {
    files: ['**/*.cjs', 'jest.config.js', 'test/e2e/jest.config.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      // `_name` marks a parameter kept for its position (a handler's signature).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Tests and benchmarks read JSON answers over HTTP and poke at them; `any` there is a probe, not a boundary.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The React team's hook rules for the Custom UI (the code already marks its one deliberate exception).
    files: ['static/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  ...layers,
);
