import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { deliveries, issues, subscribers } from '@/db/schema';
import type { Audience } from '@/lib/enums';
import { testDb } from '@/lib/test/db';
import { sendFixture, startFixtureSend } from '@/lib/test/send-fixture';
import { suppress } from '@/lib/subscribers/suppression';
import { recipientCount, variantKey } from './plan';

describe('the send plan and the suppression list', () => {
  it('creates no delivery for a suppressed address among 5,000 readers, and counts them', () => {
    const database = testDb();
    const fixture = sendFixture(database, 5000);
    const suppressed = ['lezer7@example.test', 'LEZER4000@example.test', 'lezer4999@example.test'];
    database.transaction((tx) => {
      suppress(tx, { email: suppressed[0]!, reason: 'hard_bounce', detail: '5.1.1' });
      suppress(tx, { email: suppressed[1]!, reason: 'complaint' });
      // Kept only as a hash: an erased reader whose address came back as a new subscriber.
      suppress(tx, { email: suppressed[2]!, reason: 'erased' });
      // Lifted suppressions and addresses nobody has do not count.
      suppress(tx, { email: 'niemand@example.test', reason: 'manual' });
    });
    expect(recipientCount(database, fixture.issueId)).toBe(4997);

    const result = startFixtureSend(database, fixture.issueId);
    expect(result).toMatchObject({ recipients: 4997, suppressed: 3 });
    const planned = database
      .select({ email: subscribers.email })
      .from(deliveries)
      .innerJoin(subscribers, eq(subscribers.id, deliveries.subscriberId))
      .where(eq(deliveries.issueId, fixture.issueId))
      .all()
      .map((r) => r.email);
    expect(planned).toHaveLength(4997);
    for (const email of suppressed) expect(planned).not.toContain(email.toLowerCase());
    expect(planned).toContain('lezer8@example.test');
  });

  it('plans everyone when the list is empty', () => {
    const database = testDb();
    const fixture = sendFixture(database, 20);
    expect(startFixtureSend(database, fixture.issueId)).toMatchObject({
      recipients: 20,
      suppressed: 0,
    });
  });
});

describe('the send plan and the audience groups', () => {
  /** 60 readers; every third a griffier, every fifth a raadslid (15 is both: the griffier wins). */
  function groupsFixture() {
    const database = testDb();
    const fixture = sendFixture(database, 60);
    const griffiers = new Set<number>();
    for (const [email, reader] of fixture.readers) {
      const n = Number(/\d+/.exec(email)![0]);
      const audience = n % 3 === 0 ? 'griffier' : n % 5 === 0 ? 'raadslid' : 'anders';
      if (audience === 'griffier') griffiers.add(reader.subscriberId);
      database
        .update(subscribers)
        .set({ audience })
        .where(eq(subscribers.id, reader.subscriberId))
        .run();
    }
    const chooseGroups = (groups: Audience[] | null) =>
      database
        .update(issues)
        .set({ audiences: groups })
        .where(eq(issues.id, fixture.issueId))
        .run();
    return { database, fixture, griffiers, chooseGroups };
  }

  const planned = (database: ReturnType<typeof testDb>, issueId: number) =>
    database.select().from(deliveries).where(eq(deliveries.issueId, issueId)).all();

  it('sends an issue for griffiers to exactly the griffiers, each with their own themes', () => {
    const { database, fixture, griffiers, chooseGroups } = groupsFixture();
    chooseGroups(['griffier']);
    expect(recipientCount(database, fixture.issueId)).toBe(20);

    expect(startFixtureSend(database, fixture.issueId)).toMatchObject({ recipients: 20 });
    const rows = planned(database, fixture.issueId);
    expect(new Set(rows.map((r) => r.subscriberId))).toEqual(griffiers);
    const themesOf = new Map([...fixture.readers.values()].map((r) => [r.subscriberId, r]));
    for (const row of rows)
      expect(row.variant).toBe(
        variantKey(themesOf.get(row.subscriberId)!.themeIds, fixture.issueThemeIds),
      );
    // The readers' combinations differ: the groups do not flatten them to one copy.
    expect(new Set(rows.map((r) => r.variant)).size).toBeGreaterThan(1);
  });

  it('counts what it plans for several groups, and for everyone when no group is chosen', () => {
    const { database, fixture, chooseGroups } = groupsFixture();
    chooseGroups(['raadslid', 'griffier']);
    const count = recipientCount(database, fixture.issueId);
    // 20 griffiers and the 8 raadsleden that are not also a multiple of three.
    expect(count).toBe(28);
    chooseGroups(null);
    expect(recipientCount(database, fixture.issueId)).toBe(60);
    chooseGroups(['raadslid', 'griffier']);
    expect(startFixtureSend(database, fixture.issueId)).toMatchObject({ recipients: count });
    expect(planned(database, fixture.issueId)).toHaveLength(count);
  });

  it('keeps each copy’s group as it was at the start, whatever the reader changes after', () => {
    const { database, fixture, chooseGroups } = groupsFixture();
    chooseGroups(null);
    startFixtureSend(database, fixture.issueId);
    const groups = () =>
      planned(database, fixture.issueId).map((r) => [r.subscriberId, r.audience] as const);
    const atStart = groups();
    expect(new Set(atStart.map(([, audience]) => audience))).toEqual(
      new Set(['griffier', 'raadslid', 'anders']),
    );
    for (const [subscriberId, audience] of atStart) {
      const now = database.select().from(subscribers).where(eq(subscribers.id, subscriberId)).get();
      expect(now!.audience).toBe(audience);
    }
    database.update(subscribers).set({ audience: 'commissielid' }).run();
    expect(groups()).toEqual(atStart);
  });

  it('plans nobody for a stored empty choice rather than everyone', () => {
    const { database, fixture, chooseGroups } = groupsFixture();
    chooseGroups([]);
    expect(recipientCount(database, fixture.issueId)).toBe(0);
  });
});
