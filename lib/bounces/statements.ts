import { and, eq, gt, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import {
  auditLog,
  bounceEvents,
  consentEvents,
  deliveries,
  issues,
  newsletters,
  subscribers,
  suppressions,
} from '@/db/schema';
import { param } from '@/lib/prepared';

/** Who the audit log says acted on a bounce. */
export const SYSTEM_LABEL = 'Kopij (bounces)';

/**
 * A copy with its reader and newsletter. `addressChanged`: the reader confirmed a new address
 * after the copy went out, so a bounce of it is about the old mailbox, not the current one.
 */
export function targetQuery(database: Tx) {
  const changed = database
    .select({ one: sql`1` })
    .from(consentEvents)
    .where(
      and(
        eq(consentEvents.subscriberId, deliveries.subscriberId),
        eq(consentEvents.kind, 'email_changed'),
        gt(consentEvents.createdAt, sql`coalesce(${deliveries.sentAt}, ${deliveries.createdAt})`),
      ),
    );
  return database
    .select({
      deliveryId: deliveries.id,
      subscriberId: deliveries.subscriberId,
      newsletterId: issues.newsletterId,
      newsletterName: newsletters.name,
      titlePattern: newsletters.titlePattern,
      issueNumber: issues.number,
      email: subscribers.email,
      subscriberStatus: subscribers.status,
      tokenVersion: subscribers.tokenVersion,
      addressChanged: sql<boolean>`exists ${changed}`.mapWith(Boolean),
    })
    .from(deliveries)
    .innerJoin(issues, eq(issues.id, deliveries.issueId))
    .innerJoin(newsletters, eq(newsletters.id, issues.newsletterId))
    .innerJoin(subscribers, eq(subscribers.id, deliveries.subscriberId));
}

/**
 * The statements every report runs, prepared once per database (see lib/prepared.ts): a
 * bounce run lands thousands of reports in a few minutes, and building a statement costs more
 * than running it. They run inside applyBounce's transaction (the same connection).
 */
function prepare(database: Tx) {
  return {
    delivery: targetQuery(database)
      .where(eq(deliveries.id, param('id')))
      .prepare(),
    record: database
      .insert(bounceEvents)
      .values({
        dedupeKey: param('dedupeKey'),
        source: param('source'),
        kind: param('kind'),
        deliveryId: param('deliveryId'),
        subscriberId: param('subscriberId'),
        status: param('status'),
        diagnostic: param('diagnostic'),
        receivedAt: param('now'),
      })
      .onConflictDoNothing({ target: bounceEvents.dedupeKey })
      .returning({ id: bounceEvents.id })
      .prepare(),
    // The copy stays 'sent' (the relay took it); the note says what became of it afterwards.
    markDelivery: database
      .update(deliveries)
      .set({ lastError: param('text'), updatedAt: param('now') })
      .where(eq(deliveries.id, param('id')))
      .prepare(),
    hardBounce: database
      .update(subscribers)
      .set({
        hardBounces: sql`${subscribers.hardBounces} + 1`,
        status: sql`case when ${subscribers.status} = 'active' then 'bounced' else ${subscribers.status} end`,
        updatedAt: param('now'),
      })
      .where(eq(subscribers.id, param('id')))
      .prepare(),
    // suppress() (lib/subscribers/suppression.ts) for a hard bounce, prepared: the same row.
    suppressBounced: database
      .insert(suppressions)
      .values({
        emailHash: param('emailHash'),
        email: param('email'),
        reason: 'hard_bounce',
        detail: param('detail'),
      })
      .onConflictDoNothing()
      .prepare(),
    // recordAudit() (lib/audit.ts) for a reader set to bounced, prepared: the same line.
    auditBounced: database
      .insert(auditLog)
      .values({
        actorId: null,
        actorLabel: SYSTEM_LABEL,
        action: 'subscriber.bounced',
        entityType: 'subscriber',
        entityId: param('subscriberId'),
        summary: param('summary'),
      })
      .prepare(),
  };
}

export type Statements = ReturnType<typeof prepare>;

const prepared = new WeakMap<Tx, Statements>();

export function statementsFor(database: Tx): Statements {
  let found = prepared.get(database);
  if (!found) {
    found = prepare(database);
    prepared.set(database, found);
  }
  return found;
}
