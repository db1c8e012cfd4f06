import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import {
  bounceEvents,
  deliveries,
  issues,
  newsletters,
  subscribers,
  subscriptions,
} from '@/db/schema';
import { parseConfig } from '@/lib/config';
import { testDb } from '@/lib/test/db';
import { startTestImap, type TestImap } from '@/lib/test/imap';
import { bounceFixture } from '@/lib/test/bounce-fixtures';
import { sendFixture, startFixtureSend, waitFor } from '@/lib/test/send-fixture';
import { bounceDomain, verpAddress } from './verp';
import type { ImapPoller } from './imap';
import { imapPollerFromConfig } from './mailbox';

const open: { imap?: TestImap; poller?: ImapPoller } = {};
afterEach(async () => {
  await open.poller?.stop();
  await open.imap?.close();
});

/** The delivery of the issue's copy to `email`, and where its bounces go. */
function deliveryTo(database: Db, issueId: number, email: string) {
  const row = database
    .select({
      id: deliveries.id,
      subscriberId: deliveries.subscriberId,
      sender: newsletters.senderEmail,
    })
    .from(deliveries)
    .innerJoin(subscribers, eq(subscribers.id, deliveries.subscriberId))
    .innerJoin(issues, eq(issues.id, deliveries.issueId))
    .innerJoin(newsletters, eq(newsletters.id, issues.newsletterId))
    .where(and(eq(deliveries.issueId, issueId), eq(subscribers.email, email)))
    .get()!;
  return { ...row, verp: verpAddress(row.id, bounceDomain(row.sender)) };
}

/** A Postfix-style DSN (RFC 3464) for a copy sent from `verp` to `email`: 5.1.1, no such user. */
function dsn(verp: string, email: string) {
  return [
    'Return-Path: <>',
    `Delivered-To: ${verp}`,
    'From: Mail Delivery System <MAILER-DAEMON@mx.example.test>',
    `To: ${verp}`,
    'Subject: Undelivered Mail Returned to Sender',
    'Date: Mon, 3 Mar 2025 10:00:00 +0100',
    'Message-ID: <20250303090000.DSN1@mx.example.test>',
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="grens"',
    '',
    '--grens',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is the mail system at host mx.example.test.',
    '',
    `<${email}>: host mail.example.test said: 550 5.1.1 User unknown`,
    '',
    '--grens',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.test',
    'Arrival-Date: Mon, 3 Mar 2025 09:59:58 +0100',
    '',
    `Final-Recipient: rfc822; ${email}`,
    `Original-Recipient: rfc822;${email}`,
    'Action: failed',
    'Status: 5.1.1',
    'Remote-MTA: dns; mail.example.test',
    'Diagnostic-Code: smtp; 550 5.1.1 User unknown',
    '',
    '--grens',
    'Content-Type: text/rfc822-headers',
    '',
    `Return-Path: <${verp}>`,
    `To: ${email}`,
    'Subject: Nieuwsbrief',
    '',
    '--grens--',
    '',
  ].join('\r\n');
}

describe('the bounce mailbox as configured', () => {
  it('marks the reader of a bounced copy as bounced, once for a DSN that arrives twice', async () => {
    const database = testDb();
    const fixture = sendFixture(database, 2);
    startFixtureSend(database, fixture.issueId);
    const bounced = deliveryTo(database, fixture.issueId, 'lezer1@example.test');
    const other = deliveryTo(database, fixture.issueId, 'lezer2@example.test');
    const imap = (open.imap = await startTestImap());
    // The reporting server retried: the same report twice.
    await imap.append(dsn(bounced.verp, 'lezer1@example.test'));
    await imap.append(dsn(bounced.verp, 'lezer1@example.test'));

    const config = parseConfig({ IMAP_URL: imap.url, IMAP_POLL_SECONDS: '1' });
    open.poller = imapPollerFromConfig(config, database);
    await waitFor(() => imap.folder('Kopij/Verwerkt')?.length === 2, 'beide berichten verwerkt');

    expect(imap.folder('Kopij/Fout')).toBeUndefined();
    const status = (id: number) =>
      database.select().from(subscribers).where(eq(subscribers.id, id)).get()!.status;
    expect(status(bounced.subscriberId)).toBe('bounced');
    expect(status(other.subscriberId)).toBe('active');
    const events = database.select().from(bounceEvents).all();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      source: 'imap',
      kind: 'hard',
      deliveryId: bounced.id,
      subscriberId: bounced.subscriberId,
      status: '5.1.1',
    });
  });

  it('reads the Postfix, Exchange and Gmail shapes and a complaint, each for its own reader', async () => {
    const database = testDb();
    const fixture = sendFixture(database, 5);
    startFixtureSend(database, fixture.issueId);
    const shapes = ['postfix-hard', 'exchange-hard', 'gmail-hard', 'arf-complaint'] as const;
    const readers = shapes.map((shape, i) => {
      const email = `lezer${i + 1}@example.test`;
      return { shape, email, ...deliveryTo(database, fixture.issueId, email) };
    });
    const untouched = deliveryTo(database, fixture.issueId, 'lezer5@example.test');
    const imap = (open.imap = await startTestImap());
    for (const r of readers)
      await imap.append(bounceFixture(r.shape, { verp: r.verp, email: r.email }));

    const config = parseConfig({ IMAP_URL: imap.url, IMAP_POLL_SECONDS: '1' });
    open.poller = imapPollerFromConfig(config, database);
    await waitFor(() => imap.folder('Kopij/Verwerkt')?.length === 4, 'alle berichten verwerkt');

    expect(imap.folder('Kopij/Fout')).toBeUndefined();
    const events = database.select().from(bounceEvents).all();
    expect(events.map((e) => [e.deliveryId, e.kind, e.source])).toEqual(
      readers.map((r) => [r.id, r.shape === 'arf-complaint' ? 'complaint' : 'hard', 'imap']),
    );
    const subscriber = (id: number) =>
      database.select().from(subscribers).where(eq(subscribers.id, id)).get()!;
    for (const r of readers.slice(0, 3)) expect(subscriber(r.subscriberId).status).toBe('bounced');
    expect(subscriber(untouched.subscriberId).status).toBe('active');
    // The complaint unsubscribes its reader from this newsletter.
    const subscription = database
      .select({ status: subscriptions.status })
      .from(subscriptions)
      .where(eq(subscriptions.subscriberId, readers[3]!.subscriberId))
      .get()!;
    expect(subscription.status).toBe('unsubscribed');
  });

  it('is off without IMAP_URL', () => {
    expect(imapPollerFromConfig(parseConfig({}), testDb())).toBeUndefined();
  });
});
