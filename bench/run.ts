// `npm run bench`: runs every bench/*.bench.ts in turn (never two at once: the machine has two
// cores) and passes on their output, one JSON object per line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const only = process.argv[2];
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort();
let failed = 0;
for (const file of files) {
  const result = spawnSync(path.resolve(dir, '../node_modules/.bin/tsx'), [path.join(dir, file)], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) {
    failed += 1;
    console.error(`${file} mislukte (code ${result.status})`);
  }
}
process.exit(failed ? 1 : 0);
