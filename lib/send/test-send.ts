import { inArray } from 'drizzle-orm';
import { db, type Db } from '@/db';
import { subscribers, users } from '@/db/schema';
import { getConfig } from '@/lib/config';
import type { IssueDocument } from '@/lib/issue/document';
import { loadIssueDocument } from '@/lib/issue/load';
import { deliver, mailTarget, systemEnvelopeFrom, type MailTarget } from '@/lib/mail';
import { issueIdentity } from '@/lib/newsletters/identity';
import { linkKey } from '@/lib/subscribers/links';
import { issueMessages } from './messages';
import { issueThemes, variantKey } from './plan';

export const MAX_TEST_ADDRESSES = 10;

/**
 * Whom a test greets by name: an editor by their account's name, a subscriber by theirs;
 * another address gets the greeting's fallback ("Beste lezer,").
 */
function testNames(database: Db, addresses: string[]): Map<string, string> {
  const names = new Map<string, string>();
  if (!addresses.length) return names;
  const known = [
    ...database
      .select({ email: subscribers.email, name: subscribers.name })
      .from(subscribers)
      .where(inArray(subscribers.email, addresses))
      .all(),
    ...database
      .select({ email: users.email, name: users.name })
      .from(users)
      .where(inArray(users.email, addresses))
      .all(),
  ];
  // Editors last, so their own account's name wins over a subscription with the same address.
  for (const { email, name } of known) if (email && name) names.set(email, name);
  return names;
}

/**
 * Sends the issue as a test, built exactly as a reader's copy (issueMessages: the same template,
 * headers, List-* and DKIM signature) with "[TEST]" before the subject. It shows every theme,
 * and its personal links lead to the page that mails a reader their own. `document` is the
 * editor's current one (saved or not); the stored one when absent. Returns false when the
 * issue does not exist (any more).
 */
export async function sendTestIssue(
  issue: { issueId: number; document?: IssueDocument },
  to: string[],
  options: { database?: Db; publicUrl?: string; target?: MailTarget } = {},
): Promise<boolean> {
  const database = options.database ?? db();
  const target = options.target ?? mailTarget();
  const current = issue.document ?? loadIssueDocument(database, issue.issueId)?.document;
  const newsletter = issueIdentity(database, issue.issueId);
  if (!current || !newsletter) return false;
  const document = { ...current, subject: current.subject || '(geen onderwerp)' };
  const messages = issueMessages(database, issue.issueId, {
    publicUrl: options.publicUrl ?? getConfig().publicUrl,
    linkKey: linkKey(),
    sendStartedAt: new Date(),
    dkim: target.dkim,
    test: { document },
  });
  if (!messages) return false;
  const present = issueThemes(document);
  const template = await messages.template(variantKey([...present], present));
  // A test names no delivery, so its bounces go where a system mail's go.
  const from = systemEnvelopeFrom(newsletter.sender.email, target);
  const names = testNames(database, to);
  for (const address of to) {
    const { raw } = messages.build(template, {
      deliveryId: 0,
      subscriberId: 0,
      email: address,
      tokenVersion: 0,
      name: names.get(address) ?? null,
    });
    await deliver({ from, to: address }, raw, target);
  }
  return true;
}
