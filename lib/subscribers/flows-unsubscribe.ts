import { eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { consentEvents, subscriptions } from '@/db/schema';
import { SubscriberError } from './errors';
import { attributedIssue, subscriptionOf } from './flows-common';
import type { TokenClaims } from './tokens';

// Runs inside the caller's transaction and sends no mail: see flows-common.ts.

/** 'mailto': the List-Unsubscribe mail; 'klacht': a spam complaint (lib/bounces/apply.ts). */
export type UnsubscribeSource = 'afmeldpagina' | 'one-click' | 'voorkeuren' | 'mailto' | 'klacht';

/**
 * Unsubscribes from this newsletter only; saying it twice changes nothing the second time.
 * `issueId`: the sent issue whose link was followed, as the link says (attributedIssue).
 */
export function unsubscribe(
  tx: Tx,
  claims: TokenClaims,
  source: UnsubscribeSource,
  now = new Date(),
  issueId?: number | null,
): void {
  const subscription = subscriptionOf(tx, claims);
  if (!subscription) throw new SubscriberError('Dit abonnement bestaat niet (meer).', 410);
  if (subscription.status === 'unsubscribed') return;
  tx.update(subscriptions)
    .set({ status: 'unsubscribed', unsubscribedAt: now, pausedUntil: null })
    .where(eq(subscriptions.id, subscription.id))
    .run();
  tx.insert(consentEvents)
    .values({
      subscriberId: claims.subscriberId,
      newsletterId: claims.newsletterId,
      kind: 'unsubscribed',
      source,
      issueId: attributedIssue(tx, claims, issueId),
      createdAt: now,
    })
    .run();
}

/** Undo of an unsubscribe: only a subscription that was confirmed once comes back, with its themes. */
export function undoUnsubscribe(tx: Tx, claims: TokenClaims, now = new Date()): void {
  const subscription = subscriptionOf(tx, claims);
  if (!subscription) throw new SubscriberError('Dit abonnement bestaat niet (meer).', 410);
  if (subscription.status !== 'unsubscribed') return;
  if (!subscription.confirmedAt)
    throw new SubscriberError(
      'Deze aanmelding was nooit bevestigd. Meld u opnieuw aan via het aanmeldformulier.',
      409,
    );
  tx.update(subscriptions)
    .set({ status: 'active', unsubscribedAt: null })
    .where(eq(subscriptions.id, subscription.id))
    .run();
  tx.insert(consentEvents)
    .values({
      subscriberId: claims.subscriberId,
      newsletterId: claims.newsletterId,
      kind: 'resubscribed',
      source: 'afmelding-ongedaan',
      createdAt: now,
    })
    .run();
}
