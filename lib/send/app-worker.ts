import 'server-only';
import { db } from '@/db';
import { getConfig } from '@/lib/config';
import { workerFromConfig } from './run';
import type { SendWorker } from './worker';

const globalForWorker = globalThis as unknown as { kopijWorker?: SendWorker };

/** Starts the in-app sender once per process; `register` may be called more than once. */
export function startAppWorker() {
  const config = getConfig();
  if (config.send.worker !== 'app' || globalForWorker.kopijWorker) return;
  // No signal handlers: Next owns shutdown, and a send cut off at any moment resumes safely (see worker.ts).
  globalForWorker.kopijWorker = workerFromConfig(config, db());
}
