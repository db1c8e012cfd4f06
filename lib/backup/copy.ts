import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';

// The copy itself: VACUUM INTO a new file from a connection of its own, then integrity_check on
// the copy, switched to rollback mode so it is one self-contained file (no -wal or -shm belongs
// with it), and fsync. Inside the app this runs in a worker thread, so the app's event loop (web
// requests, the sender) never waits on it; `npm run backup` is a process of its own and runs it
// in line. Why VACUUM INTO and not the online backup API: see bench/backup.bench.ts and the
// commit that chose it. In short: from a connection of its own VACUUM INTO reads one snapshot
// and holds back no writer, where the backup API starts over at every write of another
// connection; on the app's own connection either would run on its event loop, and the
// integrity_check (0.9 s for a year of issues) has to leave it anyway.

/** Problems integrity_check found; empty when the copy is sound. */
export type CopyOutcome = { problems: string[] };

export function copyInLine(source: string, target: string): CopyOutcome {
  const from = new Database(source, { fileMustExist: true, timeout: 5000 });
  try {
    from.prepare('VACUUM INTO ?').run(target);
  } finally {
    from.close();
  }
  const copy = new Database(target, { fileMustExist: true });
  let problems: string[];
  try {
    copy.pragma('journal_mode = DELETE');
    const rows = copy.pragma('integrity_check') as { integrity_check: string }[];
    problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
  } finally {
    copy.close();
  }
  const fd = fs.openSync(target, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return { problems };
}

// The same steps as copyInLine, as plain JavaScript for a worker thread: the app's server code is
// bundled, so a worker cannot load our modules, only packages from node_modules. `require`
// resolves from the working directory, Kopij's folder when it runs (npm start).
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
let Database;
try {
  Database = require('better-sqlite3');
} catch (error) {
  parentPort.postMessage({ unavailable: String(error && error.message) });
}
if (Database) {
  try {
    const from = new Database(workerData.source, { fileMustExist: true, timeout: 5000 });
    try { from.prepare('VACUUM INTO ?').run(workerData.target); } finally { from.close(); }
    const copy = new Database(workerData.target, { fileMustExist: true });
    let problems;
    try {
      copy.pragma('journal_mode = DELETE');
      problems = copy.pragma('integrity_check').map((r) => r.integrity_check).filter((r) => r !== 'ok');
    } finally { copy.close(); }
    const fd = fs.openSync(workerData.target, 'r');
    try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
    parentPort.postMessage({ problems });
  } catch (error) {
    parentPort.postMessage({ error: { message: String(error && error.message), code: error && error.code } });
  }
}
`;

type WorkerReply =
  { problems: string[] } | { error: { message: string; code?: string } } | { unavailable: string };

/**
 * copyInLine in a worker thread. Where the worker cannot load better-sqlite3 (Kopij started from
 * another folder), the copy runs in line after all: `offThread` says which it was.
 */
export async function copyOffThread(
  source: string,
  target: string,
): Promise<CopyOutcome & { offThread: boolean }> {
  const reply = await new Promise<WorkerReply>((resolve, reject) => {
    const worker = new Worker(WORKER_CODE, { eval: true, workerData: { source, target } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`de back-upthread stopte (code ${code})`)));
  });
  if ('unavailable' in reply) return { ...copyInLine(source, target), offThread: false };
  if ('error' in reply) throw Object.assign(new Error(reply.error.message), reply.error);
  return { problems: reply.problems, offThread: true };
}
