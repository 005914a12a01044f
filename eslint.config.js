import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const ONLY_THROUGH_INDEX = { regex: '^\\.\\./[a-z-]+/(?!index\\.js$)', message: 'Import another module only through its index.ts (its public surface).' };
const NO_INSTRUMENT = { regex: '^\\.\\./(recognitions|vouchers|techmarket|projects|programmes|awards|finance|carriers|outreach)/', message: 'A kernel module never imports an instrument: the instrument registers its hooks with the kernel.' };

export default tseslint.config(
  { ignores: ['node_modules', 'web/dist', 'data', 'coverage', 'server/src/db/migrations', 'web/src/lib/api-types.ts', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['web/vite.config.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
    },
  },
  // Module boundaries: a module reaches another only through its index.ts (its public surface),
  // and a kernel (cases, experts, notices, ledger, calendar, audit, timeline, indicators, reports)
  // never imports an instrument — arrows point from instruments to kernels. Tests may reach inside.
  {
    files: ['server/src/modules/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ONLY_THROUGH_INDEX] }] },
  },
  {
    files: ['server/src/modules/{cases,experts,notices,ledger,calendar,audit,timeline,payments}/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ONLY_THROUGH_INDEX, NO_INSTRUMENT] }] },
  },
  {
    files: ['web/src/**/*.tsx', 'web/src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', fetch: 'readonly' } },
  },
);
