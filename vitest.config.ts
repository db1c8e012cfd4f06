import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // Outside Next's react-server build this package throws on import; tests import server modules directly.
      'server-only': path.resolve(import.meta.dirname, 'lib/test/empty.ts'),
    },
  },
  test: {
    environment: 'node',
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', '.next/**', 'e2e/**', 'data/**'],
    testTimeout: 20_000,
    // Two files at a time even on a two-core machine: the longest files (the crash and outage
    // tests) mostly wait on sockets and timers, so a second file runs in their shadow.
    maxWorkers: 2,
    // Keys derived from the secret (links, VERP, suppression hashes) must not depend on data/.
    env: { AUTH_SECRET: 'vitest-secret-that-is-only-used-in-unit-tests' },
  },
});
