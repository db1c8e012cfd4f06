import 'server-only';
import { db } from '@/db';
import { getConfig } from '@/lib/config';
import { imapPollerFromConfig } from '@/lib/bounces/mailbox';
import type { ImapPoller } from '@/lib/bounces/imap';
import { workerFromConfig } from './run';
import type { SendWorker } from './worker';

const globalForWorker = globalThis as unknown as {
  kopijWorker?: SendWorker;
  kopijImap?: ImapPoller;
};

/** Starts the in-app sender (and bounce mailbox) once per process; `register` may be called more than once. */
export function startAppWorker() {
  const config = getConfig();
  if (config.send.worker !== 'app' || globalForWorker.kopijWorker) return;
  // No signal handlers: Next owns shutdown, and a send cut off at any moment resumes safely (see worker.ts).
  globalForWorker.kopijWorker = workerFromConfig(config, db());
  // The bounce mailbox (IMAP_URL) is read where the sender runs: one process polls it.
  globalForWorker.kopijImap = imapPollerFromConfig(config, db());
}
