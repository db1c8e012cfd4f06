import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '@/lib/test/temp-dir';

const root = path.resolve(import.meta.dirname, '..');

function start(env: Record<string, string>) {
  return spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/start.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('npm start with bad configuration', () => {
  it('stops with a message that names DATABASE_URL when its folder cannot be created, without a stack trace', () => {
    const dir = tempDir('kopij-start');
    fs.writeFileSync(path.join(dir, 'bestand'), '');
    const result = start({
      DATA_DIR: dir,
      DATABASE_URL: path.join(dir, 'bestand', 'map', 'kopij.db'),
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/DATABASE_URL: de map .*bestand\/map kan niet worden aangemaakt/);
    expect(result.stderr).toContain('Kopij is niet gestart');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('names PORT when it is not a number', () => {
    const result = start({
      DATA_DIR: tempDir('kopij-start'),
      PORT: 'drieduizend',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT: moet een getal zijn');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
