import fs from 'node:fs';
import path from 'node:path';

// When the newest backup was written. A stand-in until lib/backup's own lastBackup() is merged:
// the newest regular file in the backup folder, leaving out what a backup still being written
// or SQLite's side files look like.

const unfinished = /(^\.|\.(tmp|part|partial)$|-(journal|wal|shm)$)/;

export function lastBackup(dir: string): { at: Date } | undefined {
  let newest = 0;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    if (!entry.isFile() || unfinished.test(entry.name)) continue;
    try {
      newest = Math.max(newest, fs.statSync(path.join(dir, entry.name)).mtimeMs);
    } catch {
      // removed meanwhile (retention)
    }
  }
  return newest ? { at: new Date(newest) } : undefined;
}
