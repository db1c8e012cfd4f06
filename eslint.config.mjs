import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import { defineConfig, globalIgnores } from 'eslint/config';
import { clientBoundary } from './scripts/eslint-client-boundary.mjs';

/** One no-restricted-imports block per layer, for its own files (tests may reach further). */
function layers(rules) {
  return rules.map(([files, patterns]) => ({
    files: [files],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: patterns, message: 'Data flows one way (see README, Indeling).' }] },
      ],
    },
  }));
}

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    plugins: { kopij: { rules: { 'client-boundary': clientBoundary } } },
    rules: { 'kopij/client-boundary': 'error' },
  },
  {
    // Measured after Prettier, counting every line (blank lines and comments too). Tests,
    // the schema, migrations and the demo data may be longer.
    files: ['**/*.{ts,tsx,mjs}'],
    ignores: ['**/*.test.{ts,tsx}', 'e2e/**', 'db/schema.ts', 'db/seed-data.ts'],
    rules: {
      'max-lines': ['error', { max: 300 }],
      'max-lines-per-function': ['error', { max: 80 }],
    },
  },
  // Data flows one way: builder -> lib/issue -> emails + lib/email (renderer) -> lib/send ->
  // lib/archive, all on top of db/. A module never imports one further along the flow.
  ...layers([
    [
      'db/**',
      [
        '**/lib/**',
        '!**/lib/config',
        '!**/lib/enums',
        '!**/lib/private-files',
        // The rich-text document is a stored format, as the enums are stored values.
        '!**/lib/richtext',
        '!**/lib/richtext/*',
        '**/app/**',
        '**/scripts/**',
      ],
    ],
    ['lib/issue/**', ['**/lib/email/**', '**/emails/**', '**/lib/send/**', '**/lib/archive/**']],
    ['{lib/email,emails}/**', ['**/lib/send/**', '**/lib/archive/**', '@/app/**']],
    ['lib/send/**', ['@/app/**']],
    ['lib/archive/**', ['**/lib/send/**', '@/app/**']],
  ]),
  globalIgnores([
    '.next/**',
    '.next-e2e/**',
    'data/**',
    'next-env.d.ts',
    'test-results/**',
    'playwright-report/**',
    'db/migrations/**',
  ]),
]);
