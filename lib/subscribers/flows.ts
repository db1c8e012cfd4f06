import { and, desc, eq, gte, inArray, ne, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import {
  consentEvents,
  subscribers,
  subscriptions,
  subscriptionThemes,
  themes,
  type Audience,
} from '@/db/schema';
import { CONFIRM_DAYS, DAY_MS } from './consent';
import { SubscriberError } from './errors';
import type { TokenClaims } from './tokens';

// The state changes behind the public subscriber pages. Each runs inside the caller's
// transaction and never sends mail itself: the route sends after the commit, so a mail
// failure cannot leave half a change behind, and a rollback cannot leave a mail sent.

type RequestDetails = { name: string; audience: Audience; themeIds: number[] };

function checkThemes(tx: Tx, newsletterId: number, ids: number[]): number[] {
  if (ids.length === 0)
    throw new SubscriberError('Kies minstens één thema.', 422, {
      themes: 'Kies minstens één thema.',
    });
  const known = tx
    .select({ id: themes.id })
    .from(themes)
    .where(and(eq(themes.newsletterId, newsletterId), inArray(themes.id, ids)))
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

function subscriptionOf(tx: Tx, claims: Pick<TokenClaims, 'subscriberId' | 'newsletterId'>) {
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

function replaceThemes(tx: Tx, subscriptionId: number, ids: number[]) {
  tx.delete(subscriptionThemes).where(eq(subscriptionThemes.subscriptionId, subscriptionId)).run();
  if (ids.length)
    tx.insert(subscriptionThemes)
      .values(ids.map((themeId) => ({ subscriptionId, themeId })))
      .run();
}

export type SignUp = { outcome: 'confirm' | 'already'; email: string; claims: TokenClaims };

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

export type UnsubscribeSource = 'afmeldpagina' | 'one-click' | 'voorkeuren';

/** Unsubscribes from this newsletter only; saying it twice changes nothing the second time. */
export function unsubscribe(
  tx: Tx,
  claims: TokenClaims,
  source: UnsubscribeSource,
  now = new Date(),
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

export type PreferencesInput = RequestDetails & { email: string; pauseDays: number | null };
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

  const event = (
    kind: 'preferences_changed' | 'paused' | 'email_change_requested',
    details?: Record<string, unknown>,
  ) =>
    tx
      .insert(consentEvents)
      .values({
        subscriberId: subscriber.id,
        newsletterId: claims.newsletterId,
        kind,
        source: 'voorkeuren',
        details,
        createdAt: now,
      })
      .run();
  event('preferences_changed', { themeIds: input.themeIds, audience: input.audience });
  if (paused) event('paused', { days: input.pauseDays });

  // A new address changes nothing until its owner confirms it; the old one stays in use.
  let emailChange: string | null = null;
  if (input.email !== subscriber.email) {
    emailChange = input.email;
    tx.update(subscribers)
      .set({ pendingEmail: input.email })
      .where(eq(subscribers.id, subscriber.id))
      .run();
    event('email_change_requested');
  } else if (subscriber.pendingEmail) {
    tx.update(subscribers)
      .set({ pendingEmail: null })
      .where(eq(subscribers.id, subscriber.id))
      .run();
  }
  return { emailChange, claims };
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
      tokenVersion: sql`${subscribers.tokenVersion} + 1`,
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
