import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { seed } from '@/scripts/seed';
import {
  consentEvents,
  deliveries,
  issues,
  subscribers,
  subscriptions,
  subscriptionThemes,
} from '@/db/schema';
import { testDb } from '@/lib/test/db';
import { subscriberDataExport } from './admin-detail';
import { eraseSubscriber } from './erase';

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
