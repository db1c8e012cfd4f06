import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { subscribers, subscriptions, subscriptionThemes, themes } from '@/db/schema';
import { sendMail, type MailTarget } from '@/lib/mail';
import { newsletterIdentity } from '@/lib/newsletters/identity';
import { personalLink } from './links';
import { welcomeMail } from './mails';
import type { TokenClaims } from './tokens';

/** Where the welcome goes and the themes the reader chose, in the newsletter's order. */
export function welcomeDetails(database: Tx, claims: TokenClaims) {
  const subscription = database
    .select({ id: subscriptions.id, email: subscribers.email })
    .from(subscriptions)
    .innerJoin(subscribers, eq(subscribers.id, subscriptions.subscriberId))
    .where(
      and(
        eq(subscriptions.subscriberId, claims.subscriberId),
        eq(subscriptions.newsletterId, claims.newsletterId),
        eq(subscriptions.status, 'active'),
      ),
    )
    .get();
  const newsletter = newsletterIdentity(database, claims.newsletterId);
  if (!subscription?.email || !newsletter) return undefined;
  const chosen = database
    .select({ name: themes.name })
    .from(subscriptionThemes)
    .innerJoin(themes, eq(themes.id, subscriptionThemes.themeId))
    .where(eq(subscriptionThemes.subscriptionId, subscription.id))
    .orderBy(asc(themes.position))
    .all();
  return { email: subscription.email, newsletter, themes: chosen.map((t) => t.name) };
}

/**
 * The welcome after a confirmed sign-up: short, the themes chosen, the way to the preferences.
 * Sent after the confirmation was committed; nothing when the subscription is not active.
 */
export async function sendWelcome(
  database: Tx,
  claims: TokenClaims,
  options: { target?: MailTarget; publicUrl?: string; key?: Buffer } = {},
) {
  const details = welcomeDetails(database, claims);
  if (!details) return undefined;
  const link = personalLink('preferences', claims, {
    publicUrl: options.publicUrl,
    key: options.key,
  });
  const mail = await welcomeMail(details.newsletter, details.themes, link);
  return sendMail({ to: details.email, ...mail }, options.target);
}
