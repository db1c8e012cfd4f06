import { eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { consentEvents, subscribers, type Subscriber } from '@/db/schema';
import { SubscriberError } from './errors';
import type { TokenClaims } from './tokens';

// Runs inside the caller's transaction and sends no mail: see flows-common.ts.

/**
 * Asked for on the preferences page. A new address changes nothing until its owner confirms
 * it; the old one stays in use. Returns the address that now waits for confirmation, if any.
 */
export function requestEmailChange(
  tx: Tx,
  change: { subscriber: Subscriber; newsletterId: number; email: string; now: Date },
): string | null {
  const { subscriber } = change;
  if (change.email !== subscriber.email) {
    tx.update(subscribers)
      .set({ pendingEmail: change.email })
      .where(eq(subscribers.id, subscriber.id))
      .run();
    tx.insert(consentEvents)
      .values({
        subscriberId: subscriber.id,
        newsletterId: change.newsletterId,
        kind: 'email_change_requested',
        source: 'voorkeuren',
        createdAt: change.now,
      })
      .run();
    return change.email;
  }
  // Saving the form with the current address drops a change that was never confirmed.
  if (subscriber.pendingEmail)
    tx.update(subscribers)
      .set({ pendingEmail: null })
      .where(eq(subscribers.id, subscriber.id))
      .run();
  return null;
}

export function pendingEmailOf(tx: Tx, subscriberId: number): string | null {
  return (
    tx
      .select({ e: subscribers.pendingEmail })
      .from(subscribers)
      .where(eq(subscribers.id, subscriberId))
      .get()?.e ?? null
  );
}

/**
 * Moves the subscriber to the confirmed new address and revokes every link sent before
 * (those went to the old mailbox). Returns the claims for the new links.
 */
export function confirmEmailChange(tx: Tx, claims: TokenClaims, now = new Date()): TokenClaims {
  const subscriber = tx
    .select()
    .from(subscribers)
    .where(eq(subscribers.id, claims.subscriberId))
    .get();
  if (!subscriber?.pendingEmail)
    throw new SubscriberError('Er wacht geen adreswijziging (meer) op bevestiging.', 410);
  const taken = tx
    .select({ id: subscribers.id })
    .from(subscribers)
    .where(eq(subscribers.email, subscriber.pendingEmail))
    .get();
  if (taken)
    throw new SubscriberError(
      'Dit adres is al aangemeld. Wijzig uw voorkeuren via een link in een mail aan dat adres.',
      409,
    );
  tx.update(subscribers)
    .set({
      email: subscriber.pendingEmail,
      pendingEmail: null,
      // Read in this transaction; the claims returned below carry the same number.
      tokenVersion: subscriber.tokenVersion + 1,
    })
    .where(eq(subscribers.id, subscriber.id))
    .run();
  tx.insert(consentEvents)
    .values({
      subscriberId: subscriber.id,
      newsletterId: claims.newsletterId,
      kind: 'email_changed',
      source: 'bevestigingslink',
      createdAt: now,
    })
    .run();
  return { ...claims, version: subscriber.tokenVersion + 1 };
}
