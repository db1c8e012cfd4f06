import { and, desc, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '@/db';
import { consentEvents, subscribers, subscriptions, themes } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { CONFIRM_DAYS, DAY_MS } from './consent';
import { SubscriberError } from './errors';
import { checkThemes, replaceThemes, subscriptionOf, type RequestDetails } from './flows-common';
import { activeSuppression, isSuppressed } from './suppression';
import type { TokenClaims } from './tokens';

// Runs inside the caller's transaction and sends no mail: see flows-common.ts.

export type SignUp =
  | { outcome: 'confirm' | 'already'; email: string; claims: TokenClaims }
  | { outcome: 'suppressed' };

/**
 * Records a sign-up request. Nothing about an existing subscriber changes until the mailbox
 * owner confirms: the requested details wait in the consent event, so a stranger typing someone
 * else's address can neither subscribe them nor change their name or themes.
 */
export function requestSignUp(
  tx: Tx,
  input: RequestDetails & {
    email: string;
    newsletterId: number;
    wordingVersion: string;
    source: string;
    client: string;
  },
): SignUp {
  checkThemes(tx, input.newsletterId, input.themeIds);
  // No mail at all, and nothing stored about the person; the visitor sees the usual answer,
  // so the form does not tell strangers which addresses are on the list.
  const suppression = activeSuppression(tx, input.email);
  if (suppression) {
    recordAudit(tx, {
      actor: { id: null, label: 'Aanmeldformulier' },
      action: 'subscriber.signUpSuppressed',
      entityType: 'suppression',
      entityId: suppression.id,
      summary: `Aanmelding niet verwerkt: het adres staat op de onderdrukkingslijst (#${suppression.id})`,
      details: { newsletterId: input.newsletterId, source: input.source },
    });
    return { outcome: 'suppressed' };
  }
  let subscriber = tx.select().from(subscribers).where(eq(subscribers.email, input.email)).get();
  subscriber ??= tx
    .insert(subscribers)
    .values({ email: input.email, name: input.name || null, audience: input.audience })
    .returning()
    .get();
  let subscription = subscriptionOf(tx, {
    subscriberId: subscriber.id,
    newsletterId: input.newsletterId,
  });
  subscription ??= tx
    .insert(subscriptions)
    .values({ subscriberId: subscriber.id, newsletterId: input.newsletterId, status: 'pending' })
    .returning()
    .get();

  const claims = {
    subscriberId: subscriber.id,
    newsletterId: input.newsletterId,
    version: subscriber.tokenVersion,
  };
  if (subscription.status === 'active' || subscription.status === 'paused')
    return { outcome: 'already', email: input.email, claims };

  tx.insert(consentEvents)
    .values({
      subscriberId: subscriber.id,
      newsletterId: input.newsletterId,
      kind: 'subscribe_requested',
      source: input.source,
      wordingVersion: input.wordingVersion,
      details: {
        name: input.name,
        audience: input.audience,
        themeIds: input.themeIds,
        client: input.client,
      },
    })
    .run();
  return { outcome: 'confirm', email: input.email, claims };
}

/** The latest sign-up request younger than the confirmation window, if any. */
function pendingRequest(tx: Tx, claims: TokenClaims, now: Date) {
  return tx
    .select()
    .from(consentEvents)
    .where(
      and(
        eq(consentEvents.subscriberId, claims.subscriberId),
        eq(consentEvents.newsletterId, claims.newsletterId),
        eq(consentEvents.kind, 'subscribe_requested'),
        gte(consentEvents.createdAt, new Date(now.getTime() - CONFIRM_DAYS * DAY_MS)),
      ),
    )
    .orderBy(desc(consentEvents.createdAt), desc(consentEvents.id))
    .get();
}

export type ConfirmOutcome = 'confirmed' | 'already';

/** Applies the latest request: details, themes, and an active subscription with proof of consent. */
export function confirmSignUp(tx: Tx, claims: TokenClaims, now = new Date()): ConfirmOutcome {
  const subscription = subscriptionOf(tx, claims);
  if (!subscription) throw new SubscriberError('Deze aanmelding bestaat niet (meer).', 410);
  if (subscription.status === 'active' || subscription.status === 'paused') return 'already';
  const request = pendingRequest(tx, claims, now);
  if (!request)
    throw new SubscriberError('Deze bevestigingslink is verlopen. Meld u opnieuw aan.', 410);

  const details = request.details as Partial<RequestDetails> | null;
  const stillThemes = tx
    .select({ id: themes.id })
    .from(themes)
    .where(
      and(
        eq(themes.newsletterId, claims.newsletterId),
        inArray(themes.id, details?.themeIds ?? []),
        isNull(themes.archivedAt),
      ),
    )
    .all()
    .map((t) => t.id);

  tx.update(subscribers)
    .set({
      ...(details?.name ? { name: details.name } : {}),
      ...(details?.audience ? { audience: details.audience } : {}),
      // A confirmed mailbox is a working mailbox again.
      status: 'active',
      hardBounces: 0,
      softBounces: 0,
    })
    .where(eq(subscribers.id, claims.subscriberId))
    .run();
  tx.update(subscriptions)
    .set({ status: 'active', confirmedAt: now, unsubscribedAt: null, pausedUntil: null })
    .where(eq(subscriptions.id, subscription.id))
    .run();
  replaceThemes(tx, subscription.id, stillThemes);
  tx.insert(consentEvents)
    .values({
      subscriberId: claims.subscriberId,
      newsletterId: claims.newsletterId,
      kind: subscription.status === 'unsubscribed' ? 'resubscribed' : 'confirmed',
      source: 'bevestigingslink',
      wordingVersion: request.wordingVersion,
      details: { request: request.id },
      createdAt: now,
    })
    .run();
  return 'confirmed';
}

export type FreshLink = {
  kind: 'preferences' | 'confirm';
  email: string;
  claims: TokenClaims;
} | null;

/**
 * "Stuur mij een nieuwe link": preferences for a current subscriber, a new confirmation for a
 * pending one (re-dating the request so the new link works its full week), nothing otherwise.
 */
export function freshLinkFor(
  tx: Tx,
  email: string,
  newsletterId: number,
  now = new Date(),
): FreshLink {
  if (isSuppressed(tx, email)) return null;
  const subscriber = tx.select().from(subscribers).where(eq(subscribers.email, email)).get();
  if (!subscriber) return null;
  const claims = { subscriberId: subscriber.id, newsletterId, version: subscriber.tokenVersion };
  const subscription = subscriptionOf(tx, claims);
  if (!subscription) return null;
  if (subscription.status === 'active' || subscription.status === 'paused')
    return { kind: 'preferences', email, claims };
  if (subscription.status !== 'pending') return null;
  const last = tx
    .select()
    .from(consentEvents)
    .where(
      and(
        eq(consentEvents.subscriberId, subscriber.id),
        eq(consentEvents.newsletterId, newsletterId),
        eq(consentEvents.kind, 'subscribe_requested'),
      ),
    )
    .orderBy(desc(consentEvents.createdAt), desc(consentEvents.id))
    .get();
  if (!last) return null;
  tx.insert(consentEvents)
    .values({
      subscriberId: subscriber.id,
      newsletterId,
      kind: 'subscribe_requested',
      source: 'nieuwe-link',
      wordingVersion: last.wordingVersion,
      details: last.details,
      createdAt: now,
    })
    .run();
  return { kind: 'confirm', email, claims };
}
