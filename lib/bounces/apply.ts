import { eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { bounceEvents, deliveries, subscribers } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { getConfig } from '@/lib/config';
import { subscriptionOf } from '@/lib/subscribers/flows-common';
import { unsubscribe } from '@/lib/subscribers/flows-unsubscribe';
import { suppress } from '@/lib/subscribers/suppression';
import type { BounceReport } from './event';
import { resolveTarget, type Target } from './resolve';

export type ApplyResult = { applied: boolean; reason?: string };
export type ApplyOptions = { softLimit?: number; now?: Date };

const system = { id: null, label: 'Kopij (bounces)' };

/** "5.1.1 550 5.1.1 user unknown": the status and the server's words, for people. */
function what(report: BounceReport): string {
  return [report.status, report.diagnostic].filter(Boolean).join(' ') || 'geen details';
}

const copyOf = (t: Target) =>
  t.issueNumber === null ? t.newsletterName : `${t.newsletterName} nummer ${t.issueNumber}`;

function markDelivery(tx: Tx, target: Target, text: string, now: Date) {
  if (target.deliveryId === null) return;
  // The copy stays 'sent' (the relay took it); the note says what became of it afterwards.
  tx.update(deliveries)
    .set({ lastError: text.slice(0, 500), updatedAt: now })
    .where(eq(deliveries.id, target.deliveryId))
    .run();
}

function bounced(tx: Tx, target: Target, detail: string, summary: string) {
  suppress(tx, { email: target.email!, reason: 'hard_bounce', detail });
  recordAudit(tx, {
    actor: system,
    action: 'subscriber.bounced',
    entityType: 'subscriber',
    entityId: target.subscriberId,
    summary,
  });
}

/** A hard bounce: the address does not exist (any more). The reader is bounced at once. */
function applyHard(tx: Tx, target: Target, report: BounceReport, now: Date) {
  markDelivery(tx, target, `Later gebouncet: ${what(report)}`, now);
  const before = target.subscriberStatus;
  tx.update(subscribers)
    .set({
      hardBounces: sql`${subscribers.hardBounces} + 1`,
      status: sql`case when ${subscribers.status} = 'active' then 'bounced' else ${subscribers.status} end`,
    })
    .where(eq(subscribers.id, target.subscriberId))
    .run();
  const detail = `Harde bounce na verzending van ${copyOf(target)}: ${what(report)}`;
  if (before === 'active')
    bounced(
      tx,
      target,
      detail,
      `Abonnee ${target.subscriberId} staat op 'gebouncet' na een harde bounce op ${copyOf(target)}: ${what(report)}`,
    );
  else suppress(tx, { email: target.email!, reason: 'hard_bounce', detail });
}

/**
 * A soft bounce (mailbox full, delayed): counted; at the limit the reader counts as bounced. A
 * copy that later goes through resets the count (bookkeeping.ts).
 */
function applySoft(tx: Tx, target: Target, report: BounceReport, limit: number, now: Date) {
  markDelivery(tx, target, `Later tijdelijk gebouncet: ${what(report)}`, now);
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
    tx,
    target,
    `Gebouncet na ${after.softBounces} zachte bounces (laatste: ${what(report)})`,
    `Abonnee ${target.subscriberId} staat op 'gebouncet' na ${after.softBounces} zachte bounces; de laatste op ${copyOf(target)}: ${what(report)}`,
  );
}

function unsubscribeFrom(tx: Tx, target: Target, source: 'klacht' | 'mailto', now: Date) {
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
function applyComplaint(tx: Tx, target: Target, report: BounceReport, now: Date) {
  markDelivery(tx, target, `Later als ongewenst gemeld (klacht): ${what(report)}`, now);
  unsubscribeFrom(tx, target, 'klacht', now);
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

function record(tx: Tx, report: BounceReport, target: Target, now: Date): boolean {
  const rows = tx
    .insert(bounceEvents)
    .values({
      dedupeKey: report.dedupeKey,
      source: report.source,
      kind: report.kind,
      deliveryId: target.deliveryId,
      subscriberId: target.subscriberId,
      status: report.status ?? null,
      diagnostic: (report.diagnostic ?? '').slice(0, 1000),
      receivedAt: now,
    })
    .onConflictDoNothing({ target: bounceEvents.dedupeKey })
    .returning({ id: bounceEvents.id })
    .all();
  return rows.length > 0;
}

function applyIn(tx: Tx, report: BounceReport, options: ApplyOptions): ApplyResult {
  const now = options.now ?? new Date();
  const target = resolveTarget(tx, report);
  if (typeof target === 'string') return { applied: false, reason: target };
  if (!record(tx, report, target, now)) return { applied: false, reason: 'al verwerkt' };
  // An erased reader keeps no address: the event is kept (for the counts), nothing else changes.
  if (target.subscriberStatus === 'erased' || !target.email)
    return { applied: true, reason: 'abonnee gewist' };
  switch (report.kind) {
    case 'hard':
      applyHard(tx, target, report, now);
      break;
    case 'soft':
      applySoft(tx, target, report, options.softLimit ?? getConfig().bounces.softLimit, now);
      break;
    case 'complaint':
      applyComplaint(tx, target, report, now);
      break;
    case 'unsubscribe':
      unsubscribeFrom(tx, target, 'mailto', now);
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
  return database.transaction((tx) => applyIn(tx, report, options), { behavior: 'immediate' });
}
