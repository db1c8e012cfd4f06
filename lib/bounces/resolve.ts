import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db';
import { deliveries, newsletters, subscribers } from '@/db/schema';
import { normaliseAddress } from '@/lib/subscribers/address';
import { currentTokenVersion } from '@/lib/subscribers/flows-common';
import { linkKey } from '@/lib/subscribers/links';
import { verifyToken } from '@/lib/subscribers/tokens';
import type { BounceReport } from './event';
import { targetQuery, type Statements } from './statements';

/** Who and what a report is about, once it is known to be about one of ours. */
export type Target = {
  deliveryId: number | null;
  subscriberId: number;
  newsletterId: number;
  newsletterName: string;
  titlePattern: string | null;
  issueNumber: number | null;
  email: string | null;
  subscriberStatus: string;
  tokenVersion: number;
  /** The reader confirmed a new address after the copy went out (see targetQuery). */
  addressChanged: boolean;
};

/**
 * A webhook that names no VERP delivery names the copy by its Message-ID (as we wrote it, with
 * angle brackets; relays often drop them) or else by the reader's address: then the most recent
 * copy that went out to them is the one the report is about.
 */
function byMessageOrEmail(tx: Tx, report: BounceReport): Target | undefined {
  const id = report.messageId?.trim().replace(/^<|>$/g, '');
  if (id) {
    const found = targetQuery(tx)
      .where(inArray(deliveries.messageId, [`<${id}>`, id]))
      .get();
    if (found) return found;
  }
  if (!report.email) return undefined;
  return targetQuery(tx)
    .where(
      and(eq(subscribers.email, normaliseAddress(report.email)), eq(deliveries.status, 'sent')),
    )
    .orderBy(desc(deliveries.sentAt), desc(deliveries.id))
    .get();
}

/** A mailed unsubscribe names its reader and newsletter by the signed token in its subject. */
function byToken(tx: Tx, token: string): Target | string {
  const check = verifyToken(linkKey(), 'unsubscribe', token, {
    currentVersion: (id) => currentTokenVersion(tx, id),
  });
  if (!check.ok) return `afmeldcode ongeldig (${check.reason})`;
  const { subscriberId, newsletterId } = check.claims;
  const row = tx
    .select({
      email: subscribers.email,
      subscriberStatus: subscribers.status,
      tokenVersion: subscribers.tokenVersion,
      newsletterName: newsletters.name,
      titlePattern: newsletters.titlePattern,
    })
    .from(subscribers)
    .innerJoin(newsletters, eq(newsletters.id, newsletterId))
    .where(eq(subscribers.id, subscriberId))
    .get();
  if (!row) return 'afmeldcode voor een onbekende abonnee of nieuwsbrief';
  return {
    ...row,
    deliveryId: null,
    subscriberId,
    newsletterId,
    issueNumber: null,
    addressChanged: false,
  };
}

/** The reader (and copy) a report is about, or why it is about nobody we know. */
export function resolveTarget(tx: Tx, s: Statements, report: BounceReport): Target | string {
  if (report.kind === 'unsubscribe') {
    if (!report.unsubscribeToken) return 'afmelding zonder afmeldcode';
    return byToken(tx, report.unsubscribeToken);
  }
  const target =
    report.deliveryId !== undefined
      ? s.delivery.get({ id: report.deliveryId })
      : byMessageOrEmail(tx, report);
  return target ?? 'onbekende verzending';
}
