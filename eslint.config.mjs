import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import { defineConfig, globalIgnores } from 'eslint/config';
import { clientBoundary } from './scripts/eslint-client-boundary.mjs';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    plugins: { kopij: { rules: { 'client-boundary': clientBoundary } } },
    rules: { 'kopij/client-boundary': 'error' },
  },
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
