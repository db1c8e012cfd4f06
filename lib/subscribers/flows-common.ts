import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Tx } from '@/db';
import {
  deliveries,
  issues,
  subscribers,
  subscriptions,
  subscriptionThemes,
  themes,
  type Audience,
} from '@/db/schema';
import { SubscriberError } from './errors';
import type { TokenClaims } from './tokens';

// The state changes behind the public subscriber pages (flows-sign-up, flows-preferences,
// flows-unsubscribe, flows-address) and what they share. Each runs inside the caller's
// transaction and never sends mail itself: the route sends after the commit, so a mail
// failure cannot leave half a change behind, and a rollback cannot leave a mail sent.

export type RequestDetails = { name: string; audience: Audience; themeIds: number[] };

export function checkThemes(tx: Tx, newsletterId: number, ids: number[]): number[] {
  if (ids.length === 0)
    throw new SubscriberError('Kies minstens één thema.', 422, {
      themes: 'Kies minstens één thema.',
    });
  const known = tx
    .select({ id: themes.id })
    .from(themes)
    // An archived theme is no longer offered, so a form naming one is out of date.
    .where(
      and(
        eq(themes.newsletterId, newsletterId),
        inArray(themes.id, ids),
        isNull(themes.archivedAt),
      ),
    )
    .all();
  if (known.length !== ids.length)
    throw new SubscriberError('Een van de gekozen thema’s bestaat niet.', 422, {
      themes: 'Kies thema’s uit de lijst.',
    });
  return ids;
}

export function currentTokenVersion(tx: Tx, subscriberId: number): number | undefined {
  return tx
    .select({ v: subscribers.tokenVersion })
    .from(subscribers)
    .where(and(eq(subscribers.id, subscriberId), ne(subscribers.status, 'erased')))
    .get()?.v;
}

export function subscriptionOf(tx: Tx, claims: Pick<TokenClaims, 'subscriberId' | 'newsletterId'>) {
  return tx
    .select()
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.subscriberId, claims.subscriberId),
        eq(subscriptions.newsletterId, claims.newsletterId),
      ),
    )
    .get();
}

export function replaceThemes(tx: Tx, subscriptionId: number, ids: number[]) {
  tx.delete(subscriptionThemes).where(eq(subscriptionThemes.subscriptionId, subscriptionId)).run();
  if (ids.length)
    tx.insert(subscriptionThemes)
      .values(ids.map((themeId) => ({ subscriptionId, themeId })))
      .run();
}

/**
 * The sent issue an unsubscribe or preference change is counted for: the one its personal link
 * named (`?nummer=`, outside the signed token, so anyone could change it), believed only when
 * that issue of this newsletter was sent to this reader. Anything else counts for no issue.
 */
export function attributedIssue(
  tx: Tx,
  claims: Pick<TokenClaims, 'subscriberId' | 'newsletterId'>,
  issueId: number | null | undefined,
): number | null {
  if (!issueId) return null;
  const row = tx
    .select({ id: deliveries.issueId })
    .from(deliveries)
    .innerJoin(issues, eq(issues.id, deliveries.issueId))
    .where(
      and(
        eq(deliveries.issueId, issueId),
        eq(deliveries.subscriberId, claims.subscriberId),
        eq(issues.newsletterId, claims.newsletterId),
      ),
    )
    .get();
  return row?.id ?? null;
}
