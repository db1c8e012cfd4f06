import { eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { consentEvents, subscribers, subscriptions } from '@/db/schema';
import { DAY_MS } from './consent';
import { SubscriberError } from './errors';
import { requestEmailChange } from './flows-address';
import {
  attributedIssue,
  checkThemes,
  replaceThemes,
  subscriptionOf,
  type RequestDetails,
} from './flows-common';
import type { TokenClaims } from './tokens';

// Runs inside the caller's transaction and sends no mail: see flows-common.ts.

export type PreferencesInput = RequestDetails & {
  email: string;
  pauseDays: number | null;
  /** The sent issue whose link led here, as the link says (attributedIssue). */
  issueId?: number | null;
};
export type PreferencesOutcome = { emailChange: string | null; claims: TokenClaims };

export function updatePreferences(
  tx: Tx,
  claims: TokenClaims,
  input: PreferencesInput,
  now = new Date(),
): PreferencesOutcome {
  const subscription = subscriptionOf(tx, claims);
  const subscriber = tx
    .select()
    .from(subscribers)
    .where(eq(subscribers.id, claims.subscriberId))
    .get();
  if (!subscription || !subscriber?.email)
    throw new SubscriberError('Dit abonnement bestaat niet (meer).', 410);
  if (subscription.status === 'unsubscribed' || subscription.status === 'pending') {
    throw new SubscriberError('U bent niet (meer) aangemeld. Meld u eerst (opnieuw) aan.', 409);
  }
  checkThemes(tx, claims.newsletterId, input.themeIds);

  tx.update(subscribers)
    .set({ name: input.name || null, audience: input.audience })
    .where(eq(subscribers.id, subscriber.id))
    .run();
  replaceThemes(tx, subscription.id, input.themeIds);
  const paused = input.pauseDays !== null;
  tx.update(subscriptions)
    .set(
      paused
        ? { status: 'paused', pausedUntil: new Date(now.getTime() + input.pauseDays! * DAY_MS) }
        : { status: 'active', pausedUntil: null },
    )
    .where(eq(subscriptions.id, subscription.id))
    .run();

  const issueId = attributedIssue(tx, claims, input.issueId);
  const event = (kind: 'preferences_changed' | 'paused', details?: Record<string, unknown>) =>
    tx
      .insert(consentEvents)
      .values({
        subscriberId: subscriber.id,
        newsletterId: claims.newsletterId,
        kind,
        source: 'voorkeuren',
        details,
        issueId,
        createdAt: now,
      })
      .run();
  event('preferences_changed', { themeIds: input.themeIds, audience: input.audience });
  if (paused) event('paused', { days: input.pauseDays });

  const emailChange = requestEmailChange(tx, {
    subscriber,
    newsletterId: claims.newsletterId,
    email: input.email,
    now,
  });
  return { emailChange, claims };
}
