import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { seed } from '@/scripts/seed';
import {
  bounceEvents,
  consentEvents,
  deliveries,
  issues,
  subscribers,
  subscriptions,
  subscriptionThemes,
  suppressions,
  users,
} from '@/db/schema';
import { testDb } from '@/lib/test/db';
import { subscriberDataExport } from './admin-detail';
import { eraseSubscriber } from './erase';
import { liftSuppression } from './suppression-admin';
import { emailHash, isSuppressed, suppress } from './suppression';

describe('eraseSubscriber', () => {
  it('removes the person but keeps the row, deliveries and consent history for the counts', () => {
    const database = testDb();
    seed(database);
    const person = database
      .select()
      .from(subscribers)
      .where(eq(subscribers.email, 'j.devries@raad-zwolle.example'))
      .get()!;
    const issue = database.select().from(issues).get()!;
    database
      .insert(deliveries)
      .values({
        issueId: issue.id,
        subscriberId: person.id,
        status: 'failed',
        lastError: '550 j.devries@raad-zwolle.example unknown',
      })
      .run();
    database
      .update(consentEvents)
      .set({ details: { ip: '192.0.2.1' } })
      .where(eq(consentEvents.subscriberId, person.id))
      .run();
    database
      .update(subscribers)
      .set({ pendingEmail: 'nieuw@zwolle.example' })
      .where(eq(subscribers.id, person.id))
      .run();

    expect(database.transaction((tx) => eraseSubscriber(tx, person.id))).toBe(true);

    const after = database.select().from(subscribers).where(eq(subscribers.id, person.id)).get()!;
    expect(after).toMatchObject({
      email: null,
      name: null,
      municipality: null,
      pendingEmail: null,
      status: 'erased',
      tokenVersion: person.tokenVersion + 1,
    });
    expect(after.erasedAt).toBeInstanceOf(Date);
    const sub = database
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.subscriberId, person.id))
      .get()!;
    expect(sub.status).toBe('unsubscribed');
    expect(
      database
        .select()
        .from(subscriptionThemes)
        .where(eq(subscriptionThemes.subscriptionId, sub.id))
        .all(),
    ).toEqual([]);
    const events = database
      .select()
      .from(consentEvents)
      .where(eq(consentEvents.subscriberId, person.id))
      .all();
    expect(events.map((e) => [e.kind, e.details])).toEqual([
      ['confirmed', null],
      ['erased', null],
    ]);
    expect(
      database.select().from(deliveries).where(eq(deliveries.subscriberId, person.id)).all(),
    ).toEqual([expect.objectContaining({ status: 'failed', lastError: null })]);
    expect(JSON.stringify(subscriberDataExport(database, person.id))).not.toContain('devries');

    // A second erase is a no-op, and so is an unknown id.
    expect(database.transaction((tx) => eraseSubscriber(tx, person.id))).toBe(false);
    expect(database.transaction((tx) => eraseSubscriber(tx, 99_999))).toBe(false);
  });
});

describe('erasure and the suppression list', () => {
  const email = 'j.devries@raad-zwolle.example';
  const setUp = () => {
    const database = testDb();
    seed(database);
    const person = database.select().from(subscribers).where(eq(subscribers.email, email)).get()!;
    const admin = database.select().from(users).where(eq(users.role, 'admin')).get()!;
    return { database, person, admin };
  };

  it('puts the address on the list as a hash only, in the same transaction, by the eraser', () => {
    const { database, person, admin } = setUp();
    database
      .insert(bounceEvents)
      .values({
        dedupeKey: 'smtp:1',
        source: 'smtp',
        kind: 'soft',
        subscriberId: person.id,
        diagnostic: `452 mailbox ${email} full`,
      })
      .run();
    database.transaction((tx) => eraseSubscriber(tx, person.id, new Date(), admin.id));
    expect(database.select().from(suppressions).all()).toEqual([
      expect.objectContaining({
        emailHash: emailHash(email),
        email: null,
        reason: 'erased',
        detail: '',
        createdBy: admin.id,
        liftedAt: null,
      }),
    ]);
    expect(isSuppressed(database, email.toUpperCase())).toBe(true);
    // Bounce texts often repeat the address.
    expect(database.select().from(bounceEvents).get()).toMatchObject({ diagnostic: '' });
  });

  it('rolls back with the erasure', () => {
    const { database, person } = setUp();
    expect(() =>
      database.transaction((tx) => {
        eraseSubscriber(tx, person.id);
        throw new Error('later step fails');
      }),
    ).toThrow('later step fails');
    expect(database.select().from(suppressions).all()).toEqual([]);
    expect(
      database.select().from(subscribers).where(eq(subscribers.id, person.id)).get()!.email,
    ).toBe(email);
  });

  it('takes the address off rows that showed it, lifted ones too, and keeps the reason', () => {
    const { database, person, admin } = setUp();
    database.transaction((tx) => {
      suppress(tx, { email, reason: 'manual', detail: `verzoek van ${email}`, by: admin.id });
      const old = tx.select().from(suppressions).get()!;
      liftSuppression(tx, { id: old.id, reason: 'vergissing', by: admin.id });
      suppress(tx, { email, reason: 'hard_bounce', detail: `550 5.1.1 <${email}> unknown` });
    });
    database.transaction((tx) => eraseSubscriber(tx, person.id));
    const rows = database.select().from(suppressions).all();
    expect(rows.map((r) => [r.reason, r.email, r.detail, r.liftedAt === null])).toEqual([
      ['manual', null, '', false],
      ['hard_bounce', null, '', true],
    ]);
    expect(JSON.stringify(rows)).not.toContain('devries');
  });
});

describe('subscriberDataExport', () => {
  it('gives the details, subscriptions with themes and consent events of one subscriber', () => {
    const database = testDb();
    seed(database);
    const person = database
      .select()
      .from(subscribers)
      .where(eq(subscribers.email, 'h.bosma@sudwestfryslan.example'))
      .get()!;
    const data = subscriberDataExport(database, person.id)!;
    expect(data.subscriber).toMatchObject({
      email: 'h.bosma@sudwestfryslan.example',
      name: 'Henk Bosma',
      municipality: 'Súdwest-Fryslân',
    });
    expect(data.subscriptions).toEqual([
      expect.objectContaining({
        newsletter: 'Raadsbericht',
        status: 'active',
        themes: ['Bestuur', 'Financiën'],
      }),
    ]);
    expect(data.consentEvents).toEqual([
      expect.objectContaining({ kind: 'confirmed', source: 'demo', wordingVersion: 'demo-1' }),
    ]);
    expect(subscriberDataExport(database, 99_999)).toBeNull();
  });
});
