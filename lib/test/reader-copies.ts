import { asc, eq } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Db } from '@/db';
import { deliveries, subscribers } from '@/db/schema';
import { issueMessages, sendIdentity } from '@/lib/send/messages';
import { tokenKey } from '@/lib/subscribers/tokens';

export const COPIES_SECRET = 'een-geheim-van-minstens-tweeendertig-tekens';
export const COPIES_PUBLIC_URL = 'https://nieuwsbrief.example.nl';

/**
 * Every reader's copy of an issue whose send has started, built as the sender builds them and
 * read back as a mail client would, in reader order; `test` builds test mails instead.
 * `templates` holds each rendering once: one per theme combination.
 */
export async function readerCopies(
  database: Db,
  issueId: number,
  { test = false, sendStartedAt = new Date('2026-11-30T09:00:00Z') } = {},
) {
  const messages = issueMessages(database, issueId, {
    publicUrl: COPIES_PUBLIC_URL,
    linkKey: tokenKey(COPIES_SECRET),
    sendStartedAt,
    identity: sendIdentity({ authSecret: COPIES_SECRET, bounces: {} }),
    test: test ? {} : undefined,
  })!;
  const rows = database
    .select({ id: deliveries.id, variant: deliveries.variant, subscriber: subscribers })
    .from(deliveries)
    .innerJoin(subscribers, eq(subscribers.id, deliveries.subscriberId))
    .where(eq(deliveries.issueId, issueId))
    .orderBy(asc(subscribers.id))
    .all();
  const templates = new Set<unknown>();
  const mails: ParsedMail[] = [];
  for (const row of rows) {
    const template = await messages.template(row.variant);
    templates.add(template);
    const { raw } = messages.build(template, {
      deliveryId: row.id,
      subscriberId: row.subscriber.id,
      email: row.subscriber.email!,
      tokenVersion: row.subscriber.tokenVersion,
      name: row.subscriber.name,
    });
    mails.push(await simpleParser(raw));
  }
  return { mails, templates, variants: new Set(rows.map((r) => r.variant)).size };
}
