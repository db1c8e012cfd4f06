import { eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { subscribers } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { getConfig } from '@/lib/config';
import { subscriptionOf } from '@/lib/subscribers/flows-common';
import { unsubscribe } from '@/lib/subscribers/flows-unsubscribe';
import { issueTitle } from '@/lib/newsletters/title';
import { normaliseAddress } from '@/lib/subscribers/address';
import { emailHash, suppress } from '@/lib/subscribers/suppression';
import type { BounceReport } from './event';
import { resolveTarget, type Target } from './resolve';
import { statementsFor, SYSTEM_LABEL, type Statements } from './statements';

export type ApplyResult = { applied: boolean; reason?: string };
export type ApplyOptions = { softLimit?: number; now?: Date };

/** One report being applied: its transaction, the prepared statements, who it is about. */
type Step = { tx: Tx; s: Statements; report: BounceReport; target: Target; now: Date };

const system = { id: null, label: SYSTEM_LABEL };

/** "5.1.1 550 5.1.1 user unknown": the status and the server's words, for people. */
function what(report: BounceReport): string {
  return [report.status, report.diagnostic].filter(Boolean).join(' ') || 'geen details';
}

const copyOf = (t: Target) =>
  t.issueNumber === null
    ? t.newsletterName
    : issueTitle({ name: t.newsletterName, titlePattern: t.titlePattern }, t.issueNumber);

function markDelivery({ s, target, now }: Step, text: string) {
  if (target.deliveryId === null) return;
  s.markDelivery.run({ id: target.deliveryId, text: text.slice(0, 500), now: now.getTime() });
}

/** On the suppression list as a hard bounce: the row suppress() writes, prepared. */
function suppressed({ s, target }: Step, detail: string) {
  s.suppressBounced.run({
    emailHash: emailHash(target.email!),
    email: normaliseAddress(target.email!),
    detail,
  });
}

/** Suppressed, and a line in the audit log (the line recordAudit() writes, prepared). */
function bounced(step: Step, detail: string, summary: string) {
  suppressed(step, detail);
  step.s.auditBounced.run({ subscriberId: String(step.target.subscriberId), summary });
}

/** A hard bounce: the address does not exist (any more). The reader is bounced at once. */
function applyHard(step: Step) {
  const { s, report, target, now } = step;
  markDelivery(step, `Later gebouncet: ${what(report)}`);
  s.hardBounce.run({ id: target.subscriberId, now: now.getTime() });
  const detail = `Harde bounce na verzending van ${copyOf(target)}: ${what(report)}`;
  // Already bounced (at send time, or by an earlier report): the list still gets the address.
  if (target.subscriberStatus !== 'active') return suppressed(step, detail);
  bounced(
    step,
    detail,
    `Abonnee ${target.subscriberId} staat op 'gebouncet' na een harde bounce op ${copyOf(target)}: ${what(report)}`,
  );
}

/**
 * A soft bounce (mailbox full, delayed): counted; at the limit the reader counts as bounced. A
 * copy that later goes through resets the count (bookkeeping.ts).
 */
function applySoft(step: Step, limit: number) {
  const { tx, report, target } = step;
  markDelivery(step, `Later tijdelijk gebouncet: ${what(report)}`);
  const after = tx
    .update(subscribers)
    .set({ softBounces: sql`${subscribers.softBounces} + 1` })
    .where(eq(subscribers.id, target.subscriberId))
    .returning({ softBounces: subscribers.softBounces })
    .get()!;
  if (after.softBounces < limit || target.subscriberStatus !== 'active') return;
  tx.update(subscribers)
    .set({ status: 'bounced' })
    .where(eq(subscribers.id, target.subscriberId))
    .run();
  bounced(
    step,
    `Gebouncet na ${after.softBounces} zachte bounces (laatste: ${what(report)})`,
    `Abonnee ${target.subscriberId} staat op 'gebouncet' na ${after.softBounces} zachte bounces; de laatste op ${copyOf(target)}: ${what(report)}`,
  );
}

function unsubscribeFrom({ tx, target, now }: Step, source: 'klacht' | 'mailto') {
  if (!subscriptionOf(tx, target)) return;
  const claims = {
    subscriberId: target.subscriberId,
    newsletterId: target.newsletterId,
    version: target.tokenVersion,
  };
  unsubscribe(tx, claims, source, now);
}

/**
 * A spam complaint (feedback loop): the reader is unsubscribed from this newsletter, with a
 * consent event, and the address is never mailed again until an admin lifts it.
 */
function applyComplaint(step: Step) {
  const { tx, report, target } = step;
  markDelivery(step, `Later als ongewenst gemeld (klacht): ${what(report)}`);
  unsubscribeFrom(step, 'klacht');
  suppress(tx, {
    email: target.email!,
    reason: 'complaint',
    detail: `Klacht (gemeld als ongewenst) over ${copyOf(target)}: ${what(report)}`,
  });
  recordAudit(tx, {
    actor: system,
    action: 'subscriber.complained',
    entityType: 'subscriber',
    entityId: target.subscriberId,
    summary: `Abonnee ${target.subscriberId} heeft ${copyOf(target)} als ongewenst gemeld: afgemeld voor ${target.newsletterName} en op de suppressielijst`,
  });
}

function record({ s, report, target, now }: Step): boolean {
  const rows = s.record.all({
    dedupeKey: report.dedupeKey,
    source: report.source,
    kind: report.kind,
    deliveryId: target.deliveryId,
    subscriberId: target.subscriberId,
    status: report.status ?? null,
    diagnostic: (report.diagnostic ?? '').slice(0, 1000),
    now: now.getTime(),
  });
  return rows.length > 0;
}

function applyIn(tx: Tx, s: Statements, report: BounceReport, options: ApplyOptions) {
  const target = resolveTarget(tx, s, report);
  if (typeof target === 'string') return { applied: false, reason: target };
  const step: Step = { tx, s, report, target, now: options.now ?? new Date() };
  if (!record(step)) return { applied: false, reason: 'al verwerkt' };
  // An erased reader keeps no address: the event is kept (for the counts), nothing else changes.
  if (target.subscriberStatus === 'erased' || !target.email)
    return { applied: true, reason: 'abonnee gewist' };
  // A bounce of a copy sent to an address the reader has since replaced says nothing about the
  // new one: noted on the copy, and the reader and their new address are left alone.
  if ((report.kind === 'hard' || report.kind === 'soft') && target.addressChanged) {
    markDelivery(step, `Later gebouncet op het oude adres (sindsdien gewijzigd): ${what(report)}`);
    return { applied: true, reason: 'adres sindsdien gewijzigd' };
  }
  switch (report.kind) {
    case 'hard':
      applyHard(step);
      break;
    case 'soft':
      applySoft(step, options.softLimit ?? getConfig().bounces.softLimit);
      break;
    case 'complaint':
      applyComplaint(step);
      break;
    case 'unsubscribe':
      unsubscribeFrom(step, 'mailto');
      break;
  }
  return { applied: true };
}

/**
 * Acts on one report in one transaction: the event is recorded under its dedupe key first, so
 * the same report twice (a relay retrying, a mailbox read again) changes nothing the second
 * time, and a report about no copy of ours records nothing.
 */
export function applyBounce(
  database: Tx,
  report: BounceReport,
  options: ApplyOptions = {},
): ApplyResult {
  const s = statementsFor(database);
  return database.transaction((tx) => applyIn(tx, s, report, options), {
    behavior: 'immediate',
  });
}

/**
 * Several reports in one transaction (group commit, see group-commit.ts), each in a savepoint
 * of its own: a report that fails yields its error and takes no other report down with it.
 * Throws only when the transaction as a whole cannot commit.
 */
export function applyBounceBatch(
  database: Tx,
  reports: BounceReport[],
  options: ApplyOptions = {},
): (ApplyResult | Error)[] {
  const s = statementsFor(database);
  return database.transaction(
    (tx) =>
      reports.map((report) => {
        try {
          return tx.transaction((savepoint) => applyIn(savepoint, s, report, options));
        } catch (error) {
          return error instanceof Error ? error : new Error(String(error));
        }
      }),
    { behavior: 'immediate' },
  );
}
