import fs from 'node:fs';
import path from 'node:path';

// Backups are named after the moment they were started, in UTC, so a listing sorts by age:
// kopij-20261129T153000Z.db. A second one within the same second gets -2, -3 and so on.
// Only files of this shape are ever counted or removed by retention.

const PATTERN = /^kopij-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z(?:-(\d+))?\.db$/;

export type BackupFile = { file: string; name: string; at: Date; n: number; bytes: number };

/** 20261129T153000Z: compact ISO 8601 in UTC, for backups and for databases kept aside. */
export const utcStamp = (at: Date) =>
  at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');

export function backupName(at: Date, n = 1): string {
  return `kopij-${utcStamp(at)}${n > 1 ? `-${n}` : ''}.db`;
}

export function parseBackupName(name: string): { at: Date; n: number } | undefined {
  const m = PATTERN.exec(name);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, n] = m;
  const at = new Date(Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!));
  return Number.isNaN(at.getTime()) ? undefined : { at, n: n ? Number(n) : 1 };
}

/** The finished backups in a folder, newest first; none when the folder does not exist. */
export function listBackups(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (error) {
    // No folder (yet), or BACKUP_DIR points below a file: no backups there either way.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
  const found: BackupFile[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const file = path.join(dir, name);
    try {
      found.push({ file, name, ...parsed, bytes: fs.statSync(file).size });
    } catch {
      // Removed by another process's retention meanwhile.
    }
  }
  return found.sort((a, b) => b.at.getTime() - a.at.getTime() || b.n - a.n);
}

/** Where a backup is written before it is complete: hidden, and not of the pattern above. */
export const partialName = (name: string) => `.${name}.deel`;
export const isPartial = (name: string) => /^\.kopij-.*\.db\.deel(-journal)?$/.test(name);
