import { and, eq, inArray, isNull, lte, max, or, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { deliveries, issues, workerLeases } from '@/db/schema';
import { holderGone } from '@/lib/send/lease';
import { dueScheduled } from '@/lib/send/queue';
import { fail, type CheckResult } from './health-storage';

// Sending checks for /api/health/ready: the sender's heartbeat is fresh when a sender is
// expected, and the mail server answered lately while a send runs. Both read what the sender
// writes to the database, so they hold whichever process sends.

type SendingIssue = {
  id: number;
  startedAt: Date | null;
  pausedAt: Date | null;
  pauseReason: string | null;
};

/** Sends not cancelled: running, paused by an editor, or paused by the sender itself. */
function sendingIssues(database: Tx): SendingIssue[] {
  return database
    .select({
      id: issues.id,
      startedAt: issues.sendStartedAt,
      pausedAt: issues.sendPausedAt,
      pauseReason: issues.sendPauseReason,
    })
    .from(issues)
    .where(and(eq(issues.status, 'sending'), isNull(issues.sendCancelledAt)))
    .all();
}

/** A scheduled issue whose time has come: the sender must be there to start it. */
function scheduledDue(database: Tx, now: number): boolean {
  return !!database
    .select({ id: issues.id })
    .from(issues)
    .where(dueScheduled(new Date(now)))
    .limit(1)
    .get();
}

/**
 * The sender's heartbeat (worker_leases, renewed every 5 s by lib/send/control-loop.ts) is
 * fresh by the rule another sender would use to take over: not older than the lease, and not
 * left by a process on this host that is gone. Only asked when a sender is expected: it runs
 * inside this app (SEND_WORKER=app), or a send is running or due.
 */
export function checkSender(
  database: Tx,
  options: { inApp: boolean; leaseMs: number; now?: number },
): CheckResult {
  const now = options.now ?? Date.now();
  const running = sendingIssues(database).some((i) => !i.pausedAt);
  if (!options.inApp && !running && !scheduledDue(database, now))
    return { ok: true, overgeslagen: 'Geen verzending bezig of te starten' };
  const lease = database.select().from(workerLeases).where(eq(workerLeases.name, 'sender')).get();
  const hint = options.inApp
    ? 'de verzender in de app is niet gestart'
    : 'start de verzender met npm run worker (SEND_WORKER=apart)';
  if (!lease) return fail(`Er draait geen verzender: ${hint}`);
  const gone = holderGone(lease, options.leaseMs, now);
  if (gone === 'dead') return fail(`Het verzendproces is gestopt: ${hint}`);
  if (gone === 'stale')
    return fail(
      `De verzender gaf ${Math.round((now - lease.heartbeatAt.getTime()) / 1000)} s geen teken van leven (normaal elke 5 s)`,
    );
  return { ok: true };
}

/** When the mail server last answered for one of these issues: a copy sent, refused or deferred. */
function lastAnswer(database: Tx, issueIds: number[]): number {
  const row = database
    .select({ at: max(deliveries.updatedAt) })
    .from(deliveries)
    .where(
      and(
        inArray(deliveries.issueId, issueIds),
        or(
          inArray(deliveries.status, ['sent', 'failed']),
          // A deferral (4xx) waits for a retry; a relay failure is put back without one.
          and(eq(deliveries.status, 'retry'), sql`${deliveries.nextAttemptAt} is not null`),
        ),
      ),
    )
    .get();
  return row?.at?.getTime() ?? 0;
}

/**
 * Work that has waited for the mail server since before `since`: queued copies, copies in
 * flight, and retries due (a relay failure puts a copy back without a time: due at once).
 * Copies that only became due within the window do not count, so a send whose last copies wait
 * an hour for a greylisting retry is not the mail server's fault.
 */
function waitingSince(database: Tx, issueIds: number[], since: number): boolean {
  const before = new Date(since);
  return !!database
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(
      and(
        inArray(deliveries.issueId, issueIds),
        or(
          and(eq(deliveries.status, 'queued'), lte(deliveries.createdAt, before)),
          and(eq(deliveries.status, 'sending'), lte(deliveries.claimedAt, before)),
          and(
            eq(deliveries.status, 'retry'),
            or(isNull(deliveries.nextAttemptAt), lte(deliveries.nextAttemptAt, before)),
          ),
        ),
      ),
    )
    .limit(1)
    .get();
}

/**
 * While a send runs, the mail server answered within `windowMs`. A send the sender paused
 * itself because the mail server failed counts as not answered until someone resumes it: the
 * copies wait, whatever the server does meanwhile.
 */
export function checkRelay(database: Tx, options: { windowMs: number; now?: number }): CheckResult {
  const now = options.now ?? Date.now();
  const sending = sendingIssues(database);
  const relayPaused = sending.filter((i) => i.pausedAt && i.pauseReason);
  if (relayPaused.length)
    return fail(
      `De verzending van nummer ${relayPaused.map((i) => i.id).join(', ')} staat stil omdat de mailserver niet antwoordde of weigerde; hervat haar als de mailserver weer werkt`,
    );
  const running = sending.filter((i) => !i.pausedAt);
  if (!running.length) return { ok: true, overgeslagen: 'Geen verzending bezig' };
  const since = now - options.windowMs;
  const started = Math.min(...running.map((i) => i.startedAt?.getTime() ?? now));
  const ids = running.map((i) => i.id);
  if (started >= since) return { ok: true };
  const answered = lastAnswer(database, ids);
  if (answered >= since || !waitingSince(database, ids, since)) return { ok: true };
  const minutes = Math.round(options.windowMs / 60_000);
  return fail(
    answered
      ? `De mailserver antwoordde ${Math.round((now - answered) / 60_000)} minuten niet terwijl er een verzending loopt (grens ${minutes} minuten, HEALTH_RELAY_MINUTES)`
      : `De mailserver antwoordde nog niet sinds de verzending ${Math.round((now - started) / 60_000)} minuten geleden begon (grens ${minutes} minuten, HEALTH_RELAY_MINUTES)`,
  );
}
