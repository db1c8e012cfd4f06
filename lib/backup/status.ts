import fs from 'node:fs';
import path from 'node:path';
import { getConfig } from '@/lib/config';
import { PRIVATE_FILE } from '@/lib/private-files';
import { listBackups } from './names';

// The outcome of the last backup, for health and metrics. A finished backup is its own record
// (only verified copies get a backup's name); a failure is kept in this process and, when the
// folder can be written, in a small file there, so another process (npm run backup) sees it too.

type Failure = { at: Date; reason: string };

const MARKER = '.laatste-fout.json';
const globalForBackup = globalThis as unknown as { kopijBackupFailures?: Map<string, Failure> };
const failures = () => (globalForBackup.kopijBackupFailures ??= new Map());

export function recordOutcome(
  dir: string,
  outcome: { at: Date; ok: true; file: string } | { at: Date; ok: false; reason: string },
) {
  const marker = path.join(dir, MARKER);
  if (outcome.ok) {
    failures().delete(dir);
    fs.rmSync(marker, { force: true });
    return;
  }
  const failure = { at: outcome.at, reason: outcome.reason };
  failures().set(dir, failure);
  try {
    fs.writeFileSync(marker, JSON.stringify(failure), { mode: PRIVATE_FILE });
  } catch {
    // A full disk or an unwritable folder is exactly when this cannot be written; memory has it.
  }
}

function readMarker(dir: string): Failure | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8'));
    const at = new Date(parsed.at);
    return Number.isNaN(at.getTime()) ? undefined : { at, reason: String(parsed.reason) };
  } catch {
    return undefined;
  }
}

/** The latest failed backup in `dir` that no backup has followed since, if any. */
export function lastBackupFailure(dir = getConfig().backup.dir): Failure | undefined {
  const candidates = [failures().get(dir), readMarker(dir)].filter((f) => f !== undefined);
  const failure = candidates.sort((a, b) => b.at.getTime() - a.at.getTime())[0];
  const newest = listBackups(dir)[0];
  return failure && (!newest || failure.at >= newest.at) ? failure : undefined;
}

export type LastBackup = {
  /** When the newest verified backup was started: the backup's age counts from here. */
  at: Date;
  file: string;
  bytes: number;
  /** False when a later attempt failed; `failure` then says when and why. */
  ok: boolean;
  failure?: Failure;
};

/**
 * The newest backup in the backup folder and whether the last attempt since went well;
 * undefined when there is no backup at all (`lastBackupFailure` then tells whether one failed).
 */
export function lastBackup(dir = getConfig().backup.dir): LastBackup | undefined {
  const newest = listBackups(dir)[0];
  if (!newest) return undefined;
  const failure = lastBackupFailure(dir);
  return { at: newest.at, file: newest.file, bytes: newest.bytes, ok: !failure, failure };
}
