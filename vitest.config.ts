import fs from 'node:fs';
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const INCLUDE = ['**/*.test.ts', '**/*.test.tsx'];
const EXCLUDE = ['node_modules/**', '.next/**', 'e2e/**', 'data/**'];
const SKIPPED_DIRS = new Set(['node_modules', '.next', '.git', 'e2e', 'data', 'test-results']);

/** Every test file, relative to the root. */
function testFiles(dir = root): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : testFiles(file);
    return /\.test\.tsx?$/.test(entry.name) ? [path.relative(root, file)] : [];
  });
}

// A file that replaces modules or globals (vi.mock and kin) gets module instances of its own;
// every other file shares them with the files before it on its worker. Importing the module
// graph afresh for each of 128 files was half the unit tests' CPU time: on two cores 190 s
// against 110 s for the whole run, which is what `npm test` waits on beside the build.
const REPLACES_MODULES = /\bvi\.(mock|doMock|stubEnv|stubGlobal|resetModules)\(/;
const ownModules = testFiles()
  .filter((file) => REPLACES_MODULES.test(fs.readFileSync(path.join(root, file), 'utf8')))
  // As glob patterns: route folders such as (redactie) and [id] hold glob syntax.
  .map((file) => file.replace(/[()[\]{}*?!+@]/g, '\\$&'));

// The scenario files that take a minute or more (thousands of copies through a real SMTP server,
// a 30-second outage, a process killed ten times) start first, so the short files fill the
// other workers around them instead of one of them ending the run alone. Without a results
// cache (a fresh clone) Vitest keeps the files in the order it found them, and the crash test
// started after two minutes.
const LONGEST = [
  'lib/send/crash.test.ts',
  'lib/send/outage.test.ts',
  'lib/backup/under-load.test.ts',
];

class LongestFirst extends BaseSequencer {
  async sort(files: TestSpecification[]) {
    const rank = (spec: TestSpecification) => {
      const index = LONGEST.indexOf(path.relative(root, spec.moduleId));
      return index === -1 ? LONGEST.length : index;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(root),
      // Outside Next's react-server build this package throws on import; tests import server modules directly.
      'server-only': path.resolve(root, 'lib/test/empty.ts'),
    },
  },
  test: {
    environment: 'node',
    testTimeout: 20_000,
    // Three files at a time on a two-core machine: the longest files (the crash and outage
    // tests, about 50 s each) mostly wait on sockets and timers, and the others run in their
    // shadow. Measured: 145 s against 172 s with two; 895 tests green both ways.
    maxWorkers: 3,
    sequence: { sequencer: LongestFirst },
    // Keys derived from the secret (links, VERP, suppression hashes) must not depend on data/.
    env: { AUTH_SECRET: 'vitest-secret-that-is-only-used-in-unit-tests' },
    projects: [
      { extends: true, test: { name: 'eigen-modules', include: ownModules, isolate: true } },
      {
        extends: true,
        test: {
          name: 'gedeeld',
          include: INCLUDE,
          exclude: [...EXCLUDE, ...ownModules],
          isolate: false,
        },
      },
    ],
  },
});
