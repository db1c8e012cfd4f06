import { and, count, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { auditLog, bounceEvents, consentEvents, deliveries, issues } from '@/db/schema';
import { lastBackup } from './backup-age';
import { setCounter, type Metrics } from './metrics';

// The counts that live in the database, read at scrape time: the sender may be another process
// (npm run worker), and only the database knows what it did. A scrape must stay cheap on a
// database of years, so nothing is counted twice that cannot change:
// - a sent issue's deliveries are final: counted once per process and kept;
// - bounce and consent events are only ever added: counted from the last id seen.
// Only the deliveries of issues not yet sent are counted on every scrape (by issue id, indexed).

type Failures = { sent: number; reader: number; retry: number };
type Tally = { lastId: number; counts: Record<string, number> };
type State = { finished: Map<number, Failures>; bounces: Tally; signups: Tally };

const states = new WeakMap<object, State>();

function stateOf(database: Tx): State {
  let state = states.get(database);
  if (!state) {
    state = {
      finished: new Map(),
      bounces: { lastId: 0, counts: {} },
      signups: { lastId: 0, counts: {} },
    };
    states.set(database, state);
  }
  return state;
}

/**
 * A failed copy is the reader's when the server refused it (5xx) or it failed before
 * SEND_MAX_ATTEMPTS was reached (refused before sending, for this address); otherwise it failed
 * on temporary errors until the sender gave up. Attempts, not only the error text: erasing a
 * subscriber clears the text (lib/subscribers/erase.ts).
 */
const readerFailure = (maxAttempts: number) =>
  sql<number>`coalesce(sum(${deliveries.status} = 'failed' and (${deliveries.lastError} glob '5[0-9][0-9]*' or ${deliveries.attempts} < ${maxAttempts})), 0)`;
const anyFailure = sql<number>`coalesce(sum(${deliveries.status} = 'failed'), 0)`;
const sentCopies = sql<number>`coalesce(sum(${deliveries.status} = 'sent'), 0)`;

function failureCounts(database: Tx, issueIds: number[], maxAttempts: number) {
  return database
    .select({
      issueId: deliveries.issueId,
      sent: sentCopies,
      reader: readerFailure(maxAttempts),
      failed: anyFailure,
    })
    .from(deliveries)
    .where(inArray(deliveries.issueId, issueIds))
    .groupBy(deliveries.issueId)
    .all()
    .map((r) => ({
      issueId: r.issueId,
      sent: r.sent,
      reader: r.reader,
      retry: r.failed - r.reader,
    }));
}

/** Sent copies and failures over all issues; sent issues from the cache after their first count. */
function deliveryTotals(database: Tx, state: State, maxAttempts: number): Failures {
  const sentIds = database
    .select({ id: issues.id })
    .from(issues)
    .where(eq(issues.status, 'sent'))
    .all()
    .map((r) => r.id);
  const uncounted = sentIds.filter((id) => !state.finished.has(id));
  for (let i = 0; i < uncounted.length; i += 500)
    for (const row of failureCounts(database, uncounted.slice(i, i + 500), maxAttempts))
      state.finished.set(row.issueId, row);
  for (const id of uncounted) if (!state.finished.has(id)) state.finished.set(id, zero());
  const open = database
    .select({ id: issues.id })
    .from(issues)
    .where(ne(issues.status, 'sent'))
    .all()
    .map((r) => r.id);
  const totals = zero();
  for (const row of [...state.finished.values(), ...failureCounts(database, open, maxAttempts)]) {
    totals.sent += row.sent;
    totals.reader += row.reader;
    totals.retry += row.retry;
  }
  return totals;
}

const zero = (): Failures => ({ sent: 0, reader: 0, retry: 0 });

/** Adds the rows after the last id seen to a tally by one column. */
function tallyNew(
  tally: Tally,
  rows: { kind: string; n: number; lastId: number | null }[],
): Record<string, number> {
  for (const row of rows) {
    tally.counts[row.kind] = (tally.counts[row.kind] ?? 0) + row.n;
    tally.lastId = Math.max(tally.lastId, row.lastId ?? 0);
  }
  return tally.counts;
}

function bounceCounts(database: Tx, state: State) {
  const rows = database
    .select({
      kind: bounceEvents.kind,
      n: count(),
      lastId: sql<number>`max(${bounceEvents.id})`,
    })
    .from(bounceEvents)
    .where(gt(bounceEvents.id, state.bounces.lastId))
    .groupBy(bounceEvents.kind)
    .all();
  return tallyNew(state.bounces, rows);
}

function signupCounts(database: Tx, state: State) {
  const rows = database
    .select({
      kind: consentEvents.kind,
      n: count(),
      lastId: sql<number>`max(${consentEvents.id})`,
    })
    .from(consentEvents)
    .where(
      and(
        gt(consentEvents.id, state.signups.lastId),
        inArray(consentEvents.kind, ['subscribe_requested', 'confirmed']),
      ),
    )
    .groupBy(consentEvents.kind)
    .all();
  return tallyNew(state.signups, rows);
}

/** Copies of running sends not sent yet, and the running sends (paused or not). */
function queue(database: Tx) {
  const depth = database
    .select({ status: deliveries.status, n: count() })
    .from(deliveries)
    .innerJoin(issues, eq(issues.id, deliveries.issueId))
    .where(
      and(eq(issues.status, 'sending'), inArray(deliveries.status, ['queued', 'retry', 'sending'])),
    )
    .groupBy(deliveries.status)
    .all();
  const running = database
    .select({ paused: sql<number>`${issues.sendPausedAt} is not null`, n: count() })
    .from(issues)
    .where(eq(issues.status, 'sending'))
    .groupBy(sql`${issues.sendPausedAt} is not null`)
    .all();
  return { depth, running };
}

function relayPauses(database: Tx): number {
  return database
    .select({ n: count() })
    .from(auditLog)
    .where(eq(auditLog.action, 'issue.sendPaused'))
    .get()!.n;
}

/** Reads the database's counts into the metrics, just before they are written out. */
export function collectDatabaseMetrics(
  database: Tx,
  m: Metrics,
  options: { maxAttempts: number; backupDir: string; now?: number },
) {
  const state = stateOf(database);
  const totals = deliveryTotals(database, state, options.maxAttempts);
  setCounter(m.messagesSent, totals.sent);
  setCounter(m.failures, totals.reader, { class: 'reader' });
  setCounter(m.failures, totals.retry, { class: 'retry' });
  setCounter(m.relayPauses, relayPauses(database));
  const bounces = bounceCounts(database, state);
  for (const kind of ['hard', 'soft', 'complaint', 'unsubscribe'])
    setCounter(m.bounces, bounces[kind] ?? 0, { kind });
  const signups = signupCounts(database, state);
  setCounter(m.signups, signups.subscribe_requested ?? 0, { stage: 'requested' });
  setCounter(m.signups, signups.confirmed ?? 0, { stage: 'confirmed' });
  const { depth, running } = queue(database);
  for (const status of ['queued', 'retry', 'sending'] as const)
    m.queueDepth.set({ state: status }, depth.find((d) => d.status === status)?.n ?? 0);
  for (const paused of [0, 1])
    m.sendsRunning.set(
      { paused: paused ? 'yes' : 'no' },
      running.find((r) => Number(r.paused) === paused)?.n ?? 0,
    );
  const backup = lastBackup(options.backupDir);
  m.backupAge.set(
    backup ? ((options.now ?? Date.now()) - backup.at.getTime()) / 1000 : Number.POSITIVE_INFINITY,
  );
}
