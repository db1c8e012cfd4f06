import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { newsletters, subscribers, subscriptions, subscriptionThemes, themes } from '@/db/schema';
import { sendMail, type MailTarget } from '@/lib/mail';
import { newsletterIdentity } from '@/lib/newsletters/identity';
import { confirmSignUp } from './flows-sign-up';
import { personalLinks } from './links';
import { welcomeMail } from './mails';
import type { TokenClaims } from './tokens';

/**
 * Where the welcome goes and the themes the reader chose, in the newsletter's order; nothing
 * when the subscription is not active or the newsletter sends no welcome (its admin's choice).
 */
export function welcomeDetails(database: Tx, claims: TokenClaims) {
  const subscription = database
    .select({ id: subscriptions.id, email: subscribers.email, welcome: newsletters.welcomeMail })
    .from(subscriptions)
    .innerJoin(subscribers, eq(subscribers.id, subscriptions.subscriberId))
    .innerJoin(newsletters, eq(newsletters.id, subscriptions.newsletterId))
    .where(
      and(
        eq(subscriptions.subscriberId, claims.subscriberId),
        eq(subscriptions.newsletterId, claims.newsletterId),
        eq(subscriptions.status, 'active'),
      ),
    )
    .get();
  const newsletter = newsletterIdentity(database, claims.newsletterId);
  if (!subscription?.email || !subscription.welcome || !newsletter) return undefined;
  const chosen = database
    .select({ name: themes.name })
    .from(subscriptionThemes)
    .innerJoin(themes, eq(themes.id, subscriptionThemes.themeId))
    .where(eq(subscriptionThemes.subscriptionId, subscription.id))
    .orderBy(asc(themes.position))
    .all();
  return { email: subscription.email, newsletter, themes: chosen.map((t) => t.name) };
}

type WelcomeOptions = { target?: MailTarget; publicUrl?: string; key?: Buffer };

/**
 * The welcome after a confirmed sign-up, in the newsletter's own words (its "welkom" text):
 * the themes chosen and the reader's own preferences and unsubscribe links. Sent after the
 * confirmation was committed; nothing when the subscription is not active or welcomes are off.
 */
export async function sendWelcome(database: Tx, claims: TokenClaims, options: WelcomeOptions = {}) {
  const details = welcomeDetails(database, claims);
  if (!details) return undefined;
  const links = personalLinks(claims, { publicUrl: options.publicUrl, key: options.key });
  const mail = await welcomeMail(details.newsletter, {
    themes: details.themes,
    preferencesLink: links.preferences,
    unsubscribeLink: links.unsubscribe,
  });
  return sendMail({ to: details.email, ...mail }, options.target);
}

/**
 * The confirm button: activates the subscription, then (after the commit, and only for a new
 * confirmation, so a second click sends no second welcome) the welcome. The reader is
 * subscribed either way, so a mail problem is logged, not shown.
 */
export async function confirmWithWelcome(
  database: Tx,
  claims: TokenClaims,
  options: WelcomeOptions = {},
) {
  const outcome = database.transaction((tx) => confirmSignUp(tx, claims));
  if (outcome === 'confirmed')
    await sendWelcome(database, claims, options).catch((error: unknown) =>
      console.error('Welkomstmail niet verstuurd', error),
    );
  return outcome;
}
