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
    // Three files at a time on a two-core machine: the longest files (the crash and outage
    // tests, about 50 s each) mostly wait on sockets and timers, and the others run in their
    // shadow. Measured: 145 s against 172 s with two; 895 tests green both ways.
    maxWorkers: 3,
    // Keys derived from the secret (links, VERP, suppression hashes) must not depend on data/.
    env: { AUTH_SECRET: 'vitest-secret-that-is-only-used-in-unit-tests' },
  },
});
