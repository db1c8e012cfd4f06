import { eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { issues, newsletters } from '@/db/schema';
import type { SystemBrand } from '@/emails/system-layout';
import type { Sender } from '@/lib/mail';
import type { MailText } from './mail-texts';

/**
 * How mail about a newsletter looks (its colour and name), whom it comes from, and the texts
 * of its system mails as edited (a kind that is missing uses its default: mail-texts.ts).
 */
export type NewsletterIdentity = {
  brand: SystemBrand;
  sender: Sender;
  mailTexts: Record<string, MailText>;
};

const columns = {
  name: newsletters.name,
  organisation: newsletters.organisation,
  brandColor: newsletters.brandColor,
  senderName: newsletters.senderName,
  senderEmail: newsletters.senderEmail,
  replyTo: newsletters.replyTo,
  mailTexts: newsletters.mailTexts,
};

function identityOf(row: {
  name: string;
  organisation: string;
  brandColor: string;
  senderName: string;
  senderEmail: string;
  replyTo: string | null;
  mailTexts: Record<string, MailText>;
}): NewsletterIdentity {
  return {
    brand: { color: row.brandColor, name: row.name, organisation: row.organisation },
    sender: { name: row.senderName, email: row.senderEmail, replyTo: row.replyTo },
    mailTexts: row.mailTexts,
  };
}

export function newsletterIdentity(
  database: Tx,
  newsletterId: number,
): NewsletterIdentity | undefined {
  const row = database
    .select(columns)
    .from(newsletters)
    .where(eq(newsletters.id, newsletterId))
    .get();
  return row && identityOf(row);
}

/** The identity of the newsletter an issue belongs to. */
export function issueIdentity(database: Tx, issueId: number): NewsletterIdentity | undefined {
  const row = database
    .select(columns)
    .from(issues)
    .innerJoin(newsletters, eq(newsletters.id, issues.newsletterId))
    .where(eq(issues.id, issueId))
    .get();
  return row && identityOf(row);
}
