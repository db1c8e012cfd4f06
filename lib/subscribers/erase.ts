import { and, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import {
  bounceEvents,
  consentEvents,
  deliveries,
  subscribers,
  subscriptions,
  subscriptionThemes,
  suppressions,
} from '@/db/schema';
import { emailHash, suppress } from './suppression';

/**
 * Erases a subscriber (GDPR art. 17). The person goes; the row, its deliveries and its consent
 * events stay without personal data, so sent and subscriber counts of the past remain true.
 * The address goes on the suppression list as a keyed hash only, so it is never mailed again,
 * also when it comes back through a sign-up or an import. `by` is the editor who erased.
 * Returns false when there is no such subscriber or it was erased already.
 */
export function eraseSubscriber(
  tx: Tx,
  id: number,
  now = new Date(),
  by: string | null = null,
): boolean {
  const subscriber = tx
    .select({ status: subscribers.status, email: subscribers.email })
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
  tx.update(bounceEvents).set({ diagnostic: '' }).where(eq(bounceEvents.subscriberId, id)).run();
  tx.insert(consentEvents)
    .values({ subscriberId: id, kind: 'erased', source: 'redactie', createdAt: now })
    .run();
  if (subscriber.email) suppressErased(tx, subscriber.email, by);
  return true;
}

/**
 * The address may be on the list already, shown in full (a bounce, a complaint, an admin's
 * choice): every row of it, lifted ones too, keeps only the hash from now on, and loses its
 * detail, which for a bounce often repeats the address. The unlifted row stays as it is, with
 * its reason; otherwise a new 'erased' row is added.
 */
function suppressErased(tx: Tx, email: string, by: string | null) {
  tx.update(suppressions)
    .set({ email: null, detail: '' })
    .where(eq(suppressions.emailHash, emailHash(email)))
    .run();
  suppress(tx, { email, reason: 'erased', by });
}
