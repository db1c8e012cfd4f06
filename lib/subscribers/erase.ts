import { and, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import {
  consentEvents,
  deliveries,
  subscribers,
  subscriptions,
  subscriptionThemes,
} from '@/db/schema';

/**
 * Erases a subscriber (GDPR art. 17). The person goes; the row, its deliveries and its consent
 * events stay without personal data, so sent and subscriber counts of the past remain true.
 * Returns false when there is no such subscriber or it was erased already.
 */
export function eraseSubscriber(tx: Tx, id: number, now = new Date()): boolean {
  const subscriber = tx
    .select({ status: subscribers.status })
    .from(subscribers)
    .where(eq(subscribers.id, id))
    .get();
  if (!subscriber || subscriber.status === 'erased') return false;
  tx.update(subscribers)
    .set({
      email: null,
      name: null,
      municipality: null,
      pendingEmail: null,
      status: 'erased',
      erasedAt: now,
      // Every personal link ever sent stops working.
      tokenVersion: sql`${subscribers.tokenVersion} + 1`,
    })
    .where(eq(subscribers.id, id))
    .run();
  const subs = tx
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(eq(subscriptions.subscriberId, id))
    .all();
  for (const sub of subs)
    tx.delete(subscriptionThemes).where(eq(subscriptionThemes.subscriptionId, sub.id)).run();
  tx.update(subscriptions)
    .set({ status: 'unsubscribed', unsubscribedAt: now, pausedUntil: null })
    .where(and(eq(subscriptions.subscriberId, id), ne(subscriptions.status, 'unsubscribed')))
    .run();
  // Details may hold old and new addresses or a client's IP; kind, time and source stay as proof.
  tx.update(consentEvents).set({ details: null }).where(eq(consentEvents.subscriberId, id)).run();
  // SMTP errors often repeat the recipient's address.
  tx.update(deliveries).set({ lastError: null }).where(eq(deliveries.subscriberId, id)).run();
  tx.insert(consentEvents)
    .values({ subscriberId: id, kind: 'erased', source: 'redactie', createdAt: now })
    .run();
  return true;
}
