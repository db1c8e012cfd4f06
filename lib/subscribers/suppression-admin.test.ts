import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { subscribers, suppressions, users } from '@/db/schema';
import { seed } from '@/scripts/seed';
import { testDb } from '@/lib/test/db';
import {
  countSuppressions,
  erasedOnList,
  liftSuppression,
  listSuppressions,
  suppressManually,
} from './suppression-admin';
import { parseSuppressionFilter } from './suppression-filter';
import { isSuppressed, suppress, suppressionMatcher } from './suppression';

let database: ReturnType<typeof testDb>;
let adminId: string;

beforeEach(() => {
  database = testDb();
  seed(database);
  adminId = database.select().from(users).where(eq(users.role, 'admin')).get()!.id;
});

const filter = (params: Record<string, string> = {}) => parseSuppressionFilter(params);

describe('suppressionMatcher', () => {
  it('matches kept addresses without hashing and erased ones by their hash', () => {
    database.transaction((tx) => {
      suppress(tx, { email: 'Kapot@Example.nl', reason: 'hard_bounce' });
      suppress(tx, { email: 'weg@example.nl', reason: 'erased' });
      suppress(tx, { email: 'opgeheven@example.nl', reason: 'manual' });
    });
    const lifted = database
      .select()
      .from(suppressions)
      .where(eq(suppressions.email, 'opgeheven@example.nl'))
      .get()!;
    database.transaction((tx) => liftSuppression(tx, { id: lifted.id, reason: 'x', by: adminId }));
    const matches = suppressionMatcher(database);
    expect(matches(' kapot@example.NL')).toBe(true);
    expect(matches('WEG@example.nl')).toBe(true);
    expect(matches('opgeheven@example.nl')).toBe(false);
    expect(matches('heel@example.nl')).toBe(false);
  });

  it('is empty for an empty list', () => {
    expect(suppressionMatcher(database)('wie@dan.ook')).toBe(false);
  });
});

describe('suppressManually', () => {
  it('adds the address once and stops its active subscriber at once', () => {
    const email = 'j.devries@raad-zwolle.example';
    const first = database.transaction((tx) =>
      suppressManually(tx, { email: email.toUpperCase(), detail: 'Op verzoek', by: adminId }),
    );
    expect(first).toMatchObject({ stopped: 1 });
    expect(
      database.select().from(subscribers).where(eq(subscribers.email, email)).get()!.status,
    ).toBe('bounced');
    expect(
      database.transaction((tx) => suppressManually(tx, { email, detail: 'x', by: adminId })),
    ).toBeNull();
    expect(database.select().from(suppressions).get()).toMatchObject({
      id: first!.id,
      email,
      reason: 'manual',
      detail: 'Op verzoek',
      createdBy: adminId,
    });
  });
});

describe('liftSuppression', () => {
  it('keeps the row with who and why, once, and resubscribes nobody', () => {
    const email = 'j.devries@raad-zwolle.example';
    const added = database.transaction((tx) =>
      suppressManually(tx, { email, detail: 'Test', by: adminId }),
    )!;
    const lift = () =>
      database.transaction((tx) =>
        liftSuppression(tx, { id: added.id, reason: 'Weer bereikbaar', by: adminId }),
      );
    expect(lift()).toEqual({ id: added.id, reason: 'manual' });
    expect(lift()).toBeNull();
    expect(isSuppressed(database, email)).toBe(false);
    expect(database.select().from(suppressions).get()).toMatchObject({
      liftedBy: adminId,
      liftReason: 'Weer bereikbaar',
    });
    expect(
      database.select().from(subscribers).where(eq(subscribers.email, email)).get()!.status,
    ).toBe('bounced');
    // Lifted, so the address may be suppressed again.
    expect(
      database.transaction((tx) => suppressManually(tx, { email, detail: 'Weer', by: adminId })),
    ).not.toBeNull();
  });
});

describe('the list', () => {
  beforeEach(() => {
    database.transaction((tx) => {
      suppress(tx, { email: 'a-bounce@example.nl', reason: 'hard_bounce', detail: '5.1.1' });
      suppress(tx, { email: 'b-klacht@example.nl', reason: 'complaint' });
      suppress(tx, { email: 'c-gewist@example.nl', reason: 'erased' });
      for (let n = 0; n < 5; n++)
        suppress(tx, { email: `hand${n}@example.nl`, reason: 'manual', by: adminId });
    });
  });

  it('filters by reason and searches by part of an address', () => {
    expect(countSuppressions(database, filter())).toBe(8);
    expect(countSuppressions(database, filter({ reden: 'manual' }))).toBe(5);
    expect(listSuppressions(database, filter({ q: 'KLACHT' })).rows.map((r) => r.email)).toEqual([
      'b-klacht@example.nl',
    ]);
    // A part of an erased address finds nothing: the address is not kept.
    expect(countSuppressions(database, filter({ q: 'gewist' }))).toBe(0);
  });

  it('finds an erased address by the whole address, and says it is erased', () => {
    const found = listSuppressions(database, filter({ q: ' C-Gewist@example.nl ' })).rows;
    expect(found).toMatchObject([{ email: null, reason: 'erased' }]);
    expect(erasedOnList(database, 'c-gewist@example.nl')).toBe(true);
    expect(erasedOnList(database, 'a-bounce@example.nl')).toBe(false);
    expect(erasedOnList(database, 'gewist')).toBe(false);
  });

  it('pages by keyset both ways and shows who added a row', () => {
    const first = listSuppressions(database, filter(), {}, 3);
    expect(first.rows.map((r) => r.email)).toEqual([
      'hand4@example.nl',
      'hand3@example.nl',
      'hand2@example.nl',
    ]);
    expect(first.rows[0]).toMatchObject({ createdBy: 'Sanne Bakker' });
    expect(first.previous).toBeUndefined();
    const second = listSuppressions(database, filter(), { after: first.next }, 3);
    expect(second.rows.map((r) => r.email)).toEqual(['hand1@example.nl', 'hand0@example.nl', null]);
    const back = listSuppressions(database, filter(), { before: second.previous }, 3);
    expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
  });

  it('shows lifted rows apart', () => {
    const row = listSuppressions(database, filter({ q: 'a-bounce' })).rows[0]!;
    database.transaction((tx) => liftSuppression(tx, { id: row.id, reason: 'Fout', by: adminId }));
    expect(countSuppressions(database, filter())).toBe(7);
    expect(listSuppressions(database, filter({ stand: 'opgeheven' })).rows).toMatchObject([
      { email: 'a-bounce@example.nl', liftReason: 'Fout', liftedBy: 'Sanne Bakker' },
    ]);
    expect(countSuppressions(database, filter({ stand: 'alle' }))).toBe(8);
  });
});
