import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import {
  auditLog,
  bounceEvents,
  consentEvents,
  deliveries,
  subscribers,
  subscriptions,
  suppressions,
} from '@/db/schema';
import { bookkeeping } from '@/lib/send/bookkeeping';
import type { Job } from '@/lib/send/jobs';
import { linkKey } from '@/lib/subscribers/links';
import { isSuppressed } from '@/lib/subscribers/suppression';
import { signToken } from '@/lib/subscribers/tokens';
import { bounceSetup } from '@/lib/test/bounce-setup';
import { testDb } from '@/lib/test/db';
import { applyBounce } from './apply';
import type { BounceReport } from './event';

const hard = (deliveryId: number, key = `hard-${deliveryId}`): BounceReport => ({
  source: 'smtp',
  kind: 'hard',
  dedupeKey: key,
  deliveryId,
  status: '5.1.1',
  diagnostic: '550 5.1.1 User unknown',
});
const soft = (deliveryId: number): BounceReport => ({
  source: 'smtp',
  kind: 'soft',
  dedupeKey: `soft-${deliveryId}`,
  deliveryId,
  status: '5.2.2',
  diagnostic: '552 5.2.2 Mailbox full',
});

const subscriber = (database: Db, id: number) =>
  database.select().from(subscribers).where(eq(subscribers.id, id)).get()!;
const delivery = (database: Db, id: number) =>
  database.select().from(deliveries).where(eq(deliveries.id, id)).get()!;
const events = (database: Db) => database.select().from(bounceEvents).all();

describe('applying a hard bounce', () => {
  it('bounces the reader at once, suppresses the address, notes it on the copy and in the audit log', () => {
    const database = testDb();
    const setup = bounceSetup(database, { readers: 2 });
    const [reader, other] = setup.readers;
    const deliveryId = reader!.deliveries[0]!;
    expect(applyBounce(database, hard(deliveryId))).toEqual({ applied: true });

    expect(subscriber(database, reader!.subscriberId)).toMatchObject({
      status: 'bounced',
      hardBounces: 1,
    });
    expect(subscriber(database, other!.subscriberId).status).toBe('active');
    expect(delivery(database, deliveryId)).toMatchObject({
      status: 'sent',
      lastError: 'Later gebouncet: 5.1.1 550 5.1.1 User unknown',
    });
    expect(isSuppressed(database, reader!.email)).toBe(true);
    const row = database.select().from(suppressions).get()!;
    expect(row).toMatchObject({ reason: 'hard_bounce', email: reader!.email });
    expect(row.detail).toContain('5.1.1');
    expect(row.detail).toContain('na verzending van Raadsbericht 1:');
    expect(events(database)).toMatchObject([
      { kind: 'hard', source: 'smtp', deliveryId, subscriberId: reader!.subscriberId },
    ]);
    const audit = database.select().from(auditLog).all();
    expect(audit).toMatchObject([
      { action: 'subscriber.bounced', entityId: String(reader!.subscriberId) },
    ]);
  });

  it('the same report twice counts once', () => {
    const database = testDb();
    const setup = bounceSetup(database);
    const deliveryId = setup.readers[0]!.deliveries[0]!;
    applyBounce(database, hard(deliveryId));
    expect(applyBounce(database, hard(deliveryId))).toEqual({
      applied: false,
      reason: 'al verwerkt',
    });
    expect(events(database)).toHaveLength(1);
    expect(subscriber(database, setup.readers[0]!.subscriberId).hardBounces).toBe(1);
    expect(database.select().from(auditLog).all()).toHaveLength(1);
  });

  it('a report about no copy of ours records nothing', () => {
    const database = testDb();
    bounceSetup(database);
    expect(applyBounce(database, hard(999_999))).toEqual({
      applied: false,
      reason: 'onbekende verzending',
    });
    expect(events(database)).toEqual([]);
  });

  it('a bounce of a copy sent before the reader changed address leaves the new address alone', () => {
    const database = testDb();
    const setup = bounceSetup(database, { issues: 2 });
    const reader = setup.readers[0]!;
    const [before, after] = reader.deliveries as [number, number];
    // Confirmed between the two copies (bounceSetup sends them a day apart).
    database
      .insert(consentEvents)
      .values({
        subscriberId: reader.subscriberId,
        newsletterId: setup.newsletterId,
        kind: 'email_changed',
        source: 'bevestigingslink',
        createdAt: new Date(delivery(database, before).sentAt!.getTime() + 3_600_000),
      })
      .run();
    expect(applyBounce(database, hard(before))).toEqual({
      applied: true,
      reason: 'adres sindsdien gewijzigd',
    });
    expect(subscriber(database, reader.subscriberId).status).toBe('active');
    expect(database.select().from(suppressions).all()).toEqual([]);
    expect(delivery(database, before).lastError).toMatch(/^Later gebouncet op het oude adres/);
    expect(events(database)).toHaveLength(1);

    expect(applyBounce(database, hard(after))).toEqual({ applied: true });
    expect(subscriber(database, reader.subscriberId).status).toBe('bounced');
  });

  it("an erased reader's event is kept, and nothing else changes", () => {
    const database = testDb();
    const setup = bounceSetup(database);
    const reader = setup.readers[0]!;
    database
      .update(subscribers)
      .set({ status: 'erased', email: null })
      .where(eq(subscribers.id, reader.subscriberId))
      .run();
    expect(applyBounce(database, hard(reader.deliveries[0]!)).applied).toBe(true);
    expect(events(database)).toHaveLength(1);
    expect(database.select().from(suppressions).all()).toEqual([]);
  });
});

describe('soft bounces', () => {
  it('count up to the limit; then the reader is bounced and suppressed', () => {
    const database = testDb();
    const setup = bounceSetup(database, { issues: 3 });
    const reader = setup.readers[0]!;
    for (const id of reader.deliveries.slice(0, 2)) {
      expect(applyBounce(database, soft(id), { softLimit: 3 }).applied).toBe(true);
      expect(subscriber(database, reader.subscriberId).status).toBe('active');
    }
    expect(subscriber(database, reader.subscriberId).softBounces).toBe(2);
    expect(isSuppressed(database, reader.email)).toBe(false);
    expect(delivery(database, reader.deliveries[0]!).lastError).toBe(
      'Later tijdelijk gebouncet: 5.2.2 552 5.2.2 Mailbox full',
    );

    applyBounce(database, soft(reader.deliveries[2]!), { softLimit: 3 });
    expect(subscriber(database, reader.subscriberId)).toMatchObject({
      status: 'bounced',
      softBounces: 3,
    });
    const row = database.select().from(suppressions).get()!;
    expect(row.reason).toBe('hard_bounce');
    expect(row.detail).toMatch(/^Gebouncet na 3 zachte bounces/);
  });

  it('a copy going out resets the count only once the copy before it drew no bounce', () => {
    const database = testDb();
    const setup = bounceSetup(database, { issues: 4 });
    const reader = setup.readers[0]!;
    const [first, second, third, fourth] = reader.deliveries as [number, number, number, number];
    database.update(deliveries).set({ status: 'queued', sentAt: null }).run();
    const books = bookkeeping(database, { maxAttempts: 3, retryBaseMs: 1000, bounceLimit: 3 });
    let now = Date.UTC(2026, 2, 3);
    const send = (id: number) => {
      const s = subscriber(database, reader.subscriberId);
      const job = {
        id,
        subscriberId: reader.subscriberId,
        hardBounces: s.hardBounces,
        softBounces: s.softBounces,
      } as Job;
      books.record(job, { ok: true, response: '250 OK' }, setup.messageId(id), (now += 86_400_000));
    };
    const count = () => subscriber(database, reader.subscriberId).softBounces;

    send(first);
    applyBounce(database, soft(first));
    send(second); // the first copy bounced: the count stands
    expect(count()).toBe(1);
    applyBounce(database, soft(second));
    send(third);
    expect(count()).toBe(2);
    send(fourth); // the third copy drew no bounce: the mailbox works again
    expect(count()).toBe(0);
  });
});

describe('copies named by a webhook', () => {
  it('by Message-ID (with or without brackets), else by the reader’s most recent copy', () => {
    const database = testDb();
    const setup = bounceSetup(database, { issues: 2 });
    const reader = setup.readers[0]!;
    const bare = setup.messageId(reader.deliveries[0]!).replace(/^<|>$/g, '');
    const base = { source: 'postmark', kind: 'soft', status: '4.2.2' } as const;
    applyBounce(database, { ...base, dedupeKey: 'a', messageId: bare }, { softLimit: 9 });
    applyBounce(database, { ...base, dedupeKey: 'b', email: ` ${reader.email.toUpperCase()}` });
    expect(events(database).map((e) => e.deliveryId)).toEqual(reader.deliveries);
    expect(
      applyBounce(database, { ...base, dedupeKey: 'c', email: 'onbekend@example.nl' }),
    ).toEqual({ applied: false, reason: 'onbekende verzending' });
  });
});

describe('complaints and mailed unsubscribes', () => {
  it('a complaint unsubscribes from that newsletter only, with a consent event, and suppresses', () => {
    const database = testDb();
    const setup = bounceSetup(database);
    const other = bounceSetup(database, { slug: 'griffiebericht' });
    const reader = setup.readers[0]!;
    const result = applyBounce(database, {
      source: 'smtp',
      kind: 'complaint',
      dedupeKey: 'klacht-1',
      deliveryId: reader.deliveries[0]!,
      diagnostic: 'Feedback-Type: abuse',
    });
    expect(result.applied).toBe(true);
    const status = (newsletterId: number) =>
      database
        .select({ status: subscriptions.status })
        .from(subscriptions)
        .where(
          and(
            eq(subscriptions.subscriberId, reader.subscriberId),
            eq(subscriptions.newsletterId, newsletterId),
          ),
        )
        .get()!.status;
    expect(status(setup.newsletterId)).toBe('unsubscribed');
    expect(status(other.newsletterId)).toBe('active');
    expect(database.select().from(consentEvents).all()).toMatchObject([
      { kind: 'unsubscribed', source: 'klacht', newsletterId: setup.newsletterId },
    ]);
    expect(database.select().from(suppressions).get()).toMatchObject({ reason: 'complaint' });
    expect(database.select().from(auditLog).get()!.action).toBe('subscriber.complained');
    expect(subscriber(database, reader.subscriberId).status).toBe('active');
  });

  it('a mailed unsubscribe with a valid token unsubscribes; a forged or revoked one does nothing', () => {
    const database = testDb();
    const setup = bounceSetup(database);
    const reader = setup.readers[0]!;
    const claims = { subscriberId: reader.subscriberId, newsletterId: setup.newsletterId };
    const token = (version: number) => signToken(linkKey(), 'unsubscribe', { ...claims, version });
    const mailed = (unsubscribeToken: string): BounceReport => ({
      source: 'imap',
      kind: 'unsubscribe',
      dedupeKey: unsubscribeToken,
      unsubscribeToken,
    });
    const forged = token(1).slice(0, -2) + (token(1).endsWith('AA') ? 'BB' : 'AA');
    expect(applyBounce(database, mailed(forged))).toMatchObject({ applied: false });
    expect(applyBounce(database, mailed(token(2)))).toMatchObject({ applied: false });
    expect(database.select().from(consentEvents).all()).toEqual([]);

    expect(applyBounce(database, mailed(token(1)))).toEqual({ applied: true });
    expect(database.select().from(subscriptions).get()!.status).toBe('unsubscribed');
    expect(database.select().from(consentEvents).all()).toMatchObject([
      { kind: 'unsubscribed', source: 'mailto', subscriberId: reader.subscriberId },
    ]);
    expect(events(database)).toMatchObject([
      { kind: 'unsubscribe', deliveryId: null, subscriberId: reader.subscriberId },
    ]);
    expect(isSuppressed(database, reader.email)).toBe(false);
  });
});
