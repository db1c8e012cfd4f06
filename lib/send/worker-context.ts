import crypto from 'node:crypto';
import type { Db } from '@/db';
import type { DeliverySetup } from '@/lib/email/delivery-checks';
import { bookkeeping, type Bookkeeping } from './bookkeeping';
import { claimer, type Claim } from './claim';
import { DEFAULT_LEASE_MS } from './lease';
import type { Job, SendPolicy } from './jobs';
import type { IssueMessages, SendIdentity } from './messages';
import type { Transport } from './transport';

export type WorkerOptions = SendPolicy & {
  database: Db;
  transport: Transport;
  publicUrl: string;
  linkKey: Buffer;
  /** SMTP connections used side by side. */
  concurrency: number;
  /** Messages per second over all connections; 0 for no limit. */
  rate: number;
  /** How often an idle worker looks for work, scheduled issues and a free lease. */
  pollMs: number;
  /** Another process's lease counts as abandoned after this long without a heartbeat. */
  leaseMs?: number;
  /** Relay failures in a row (classify.ts) after which the running sends pause themselves; 5. */
  relayFailureLimit?: number;
  /** Where the "send paused" notice goes: a file, since the mail server is what failed. */
  outboxDir?: string;
  mailFrom?: string;
  dkim?: (raw: Buffer) => Buffer;
  /** The setup mail goes out under: a scheduled issue it would fail for is not started. */
  delivery?: DeliverySetup;
  /** Keys for VERP senders and Message-IDs, and the bounce domain; from the configuration if not given. */
  identity?: SendIdentity;
  onIssueDone?: (issueId: number, status: 'sent' | 'approved') => void;
  log?: (message: string) => void;
};

/** What the lanes and the control loop of one worker share. */
export type WorkerContext = {
  readonly options: WorkerOptions;
  readonly database: Db;
  /** This worker's name in the lease. */
  readonly holder: string;
  readonly leaseMs: number;
  readonly log: (message: string) => void;
  readonly claim: Claim;
  readonly books: Bookkeeping;
  /** Claimed jobs no lane has taken yet, and how many to claim at a time. */
  readonly buffer: Job[];
  readonly batch: number;
  /** Each issue's messages, built on first use and dropped when the issue is done. */
  readonly messages: Map<number, IssueMessages | null>;
  /** Whether this worker holds the lease, so it may send; when it last said so (Date.now()). */
  holding: boolean;
  heartbeatAt: number;
  stopping: boolean;
  /** When the rate limit lets the next message go (performance.now() time). */
  nextSlot: number;
  /** The mail server's health as the lanes see it (relay.ts). */
  relay: RelayState;
};

export type RelayState = {
  /** Relay failures in a row, counting one per outage wave (see relay.ts). */
  failures: number;
  /** Grows with each counted failure: a lane that started before it saw the same outage. */
  epoch: number;
  /** No lane talks to the server before this moment (Date.now() time). */
  waitUntil: number;
};

export function workerContext(options: WorkerOptions): WorkerContext {
  const log = options.log ?? (() => {});
  return {
    options,
    database: options.database,
    holder: crypto.randomUUID(),
    leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
    log,
    claim: claimer(options.database),
    books: bookkeeping(options.database, options, { batch: options.concurrency, log }),
    buffer: [],
    batch: Math.max(4, options.concurrency * 2),
    messages: new Map(),
    holding: false,
    heartbeatAt: 0,
    stopping: false,
    nextSlot: 0,
    relay: { failures: 0, epoch: 0, waitUntil: 0 },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
