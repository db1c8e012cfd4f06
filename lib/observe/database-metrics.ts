import { and, count, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { auditLog, bounceEvents, consentEvents, deliveries, issues } from '@/db/schema';
import { param } from '@/lib/prepared';
import { lastBackup } from '@/lib/backup/status';
import { setCounter, type Metrics } from './metrics';

// The counts that live in the database, read at scrape time: the sender may be another process
// (npm run worker), and only the database knows what it did. A scrape must stay cheap on a
// database of years (bench/metrics-scrape.bench.ts), so nothing that cannot change is counted
// twice, and the statements are prepared once:
// - a sent issue's deliveries are final: counted once per process and kept;
// - bounce and consent events are only ever added: counted from the last id seen;
// - only the deliveries of issues not sent yet are counted every time, by status through the
//   (issue_id, status) index, reading the rows themselves only for failed copies.

type Failures = { sent: number; reader: number; retry: number };
type Tally = { lastId: number; counts: Record<string, number> };
type State = {
  statements: ReturnType<typeof prepare>;
  finished: Map<number, Failures>;
  bounces: Tally;
  signups: Tally;
};

/**
 * A failed copy is the reader's when the server refused it (5xx) or it failed before
 * SEND_MAX_ATTEMPTS was reached (refused before sending, for this address); otherwise it failed
 * on temporary errors until the sender gave up. Attempts, not only the error text: erasing a
 * subscriber clears the text (lib/subscribers/erase.ts).
 */
const readerFailure = sql<number>`coalesce(sum(${deliveries.status} = 'failed' and (${deliveries.lastError} glob '5[0-9][0-9]*' or ${deliveries.attempts} < ${param('maxAttempts')})), 0)`;
const failed = sql<number>`coalesce(sum(${deliveries.status} = 'failed'), 0)`;
const sent = sql<number>`coalesce(sum(${deliveries.status} = 'sent'), 0)`;
const notSent = ne(issues.status, 'sent');
const running = sql<number>`${issues.status} = 'sending'`;

function prepare(database: Tx) {
  return {
    sentIssues: database
      .select({ id: issues.id })
      .from(issues)
      .where(eq(issues.status, 'sent'))
      .prepare(),
    issueTotals: database
      .select({ sent, reader: readerFailure, failed })
      .from(deliveries)
      .where(eq(deliveries.issueId, param('id')))
      .prepare(),
    // Issues not sent yet: copies by status, and whether the issue is being sent (the queue).
    openByStatus: database
      .select({ status: deliveries.status, running, n: count() })
      .from(issues)
      .innerJoin(deliveries, eq(deliveries.issueId, issues.id))
      .where(notSent)
      .groupBy(deliveries.status, running)
      .prepare(),
    openFailures: database
      .select({ reader: readerFailure, failed })
      .from(issues)
      .innerJoin(deliveries, eq(deliveries.issueId, issues.id))
      .where(and(notSent, eq(deliveries.status, 'failed')))
      .prepare(),
    sends: database
      .select({ paused: sql<number>`${issues.sendPausedAt} is not null`, n: count() })
      .from(issues)
      .where(eq(issues.status, 'sending'))
      .groupBy(sql`${issues.sendPausedAt} is not null`)
      .prepare(),
    bounces: database
      .select({ kind: bounceEvents.kind, n: count(), lastId: sql<number>`max(${bounceEvents.id})` })
      .from(bounceEvents)
      .where(gt(bounceEvents.id, param('after')))
      .groupBy(bounceEvents.kind)
      .prepare(),
    signups: database
      .select({
        kind: consentEvents.kind,
        n: count(),
        lastId: sql<number>`max(${consentEvents.id})`,
      })
      .from(consentEvents)
      .where(
        and(
          gt(consentEvents.id, param('after')),
          inArray(consentEvents.kind, ['subscribe_requested', 'confirmed']),
        ),
      )
      .groupBy(consentEvents.kind)
      .prepare(),
    relayPauses: database
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.action, 'issue.sendPaused'))
      .prepare(),
  };
}

const states = new WeakMap<object, State>();

function stateOf(database: Tx): State {
  let state = states.get(database);
  if (!state) {
    state = {
      statements: prepare(database),
      finished: new Map(),
      bounces: { lastId: 0, counts: {} },
      signups: { lastId: 0, counts: {} },
    };
    states.set(database, state);
  }
  return state;
}

type Statements = State['statements'];

/** Sent copies and failures over all issues, and the queue of the running sends. */
function deliveryTotals(s: Statements, state: State, maxAttempts: number) {
  for (const { id } of s.sentIssues.all()) {
    if (state.finished.has(id)) continue;
    const row = s.issueTotals.get({ id, maxAttempts })!;
    state.finished.set(id, { sent: row.sent, reader: row.reader, retry: row.failed - row.reader });
  }
  const totals: Failures = { sent: 0, reader: 0, retry: 0 };
  for (const f of state.finished.values()) {
    totals.sent += f.sent;
    totals.reader += f.reader;
    totals.retry += f.retry;
  }
  const queue: Record<string, number> = { queued: 0, retry: 0, sending: 0 };
  for (const row of s.openByStatus.all()) {
    if (row.status === 'sent') totals.sent += row.n;
    if (row.running && row.status in queue) queue[row.status] = (queue[row.status] ?? 0) + row.n;
  }
  const open = s.openFailures.get({ maxAttempts })!;
  totals.reader += open.reader;
  totals.retry += open.failed - open.reader;
  return { totals, queue };
}

/** Adds the rows after the last id seen to a tally by kind. */
function tallyNew(tally: Tally, rows: { kind: string; n: number; lastId: number | null }[]) {
  for (const row of rows) {
    tally.counts[row.kind] = (tally.counts[row.kind] ?? 0) + row.n;
    tally.lastId = Math.max(tally.lastId, row.lastId ?? 0);
  }
  return tally.counts;
}

/** Reads the database's counts into the metrics, just before they are written out. */
export function collectDatabaseMetrics(
  database: Tx,
  m: Metrics,
  options: { maxAttempts: number; backupDir: string; now?: number },
) {
  const state = stateOf(database);
  const s = state.statements;
  const { totals, queue } = deliveryTotals(s, state, options.maxAttempts);
  setCounter(m.messagesSent, totals.sent);
  setCounter(m.failures, totals.reader, { class: 'reader' });
  setCounter(m.failures, totals.retry, { class: 'retry' });
  for (const [state, n] of Object.entries(queue)) m.queueDepth.set({ state }, n);
  setCounter(m.relayPauses, s.relayPauses.get()!.n);
  const bounces = tallyNew(state.bounces, s.bounces.all({ after: state.bounces.lastId }));
  for (const kind of ['hard', 'soft', 'complaint', 'unsubscribe'])
    setCounter(m.bounces, bounces[kind] ?? 0, { kind });
  const signups = tallyNew(state.signups, s.signups.all({ after: state.signups.lastId }));
  setCounter(m.signups, signups.subscribe_requested ?? 0, { stage: 'requested' });
  setCounter(m.signups, signups.confirmed ?? 0, { stage: 'confirmed' });
  const sends = s.sends.all();
  for (const paused of [0, 1])
    m.sendsRunning.set(
      { paused: paused ? 'yes' : 'no' },
      sends.find((r) => Number(r.paused) === paused)?.n ?? 0,
    );
  const backup = lastBackup(options.backupDir);
  m.backupAge.set(
    backup ? ((options.now ?? Date.now()) - backup.at.getTime()) / 1000 : Number.POSITIVE_INFINITY,
  );
}
