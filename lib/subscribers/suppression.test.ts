import { describe, expect, it } from 'vitest';
import { suppressions } from '@/db/schema';
import { testDb } from '@/lib/test/db';
import { emailHash, isSuppressed, suppress, suppressedAmong } from './suppression';

describe('suppression list', () => {
  it('catches the address however it is typed, once', () => {
    const db = testDb();
    expect(suppress(db, { email: 'Jan@Example.nl ', reason: 'hard_bounce', detail: '5.1.1' })).toBe(
      true,
    );
    expect(suppress(db, { email: 'jan@example.nl', reason: 'complaint' })).toBe(false);
    expect(isSuppressed(db, 'JAN@example.NL')).toBe(true);
    expect(isSuppressed(db, 'piet@example.nl')).toBe(false);
    expect(suppressedAmong(db, ['piet@example.nl', 'Jan@example.nl'])).toEqual(
      new Set(['jan@example.nl']),
    );
  });

  it('keeps no address for an erasure, and the hash is not a plain digest', () => {
    const db = testDb();
    suppress(db, { email: 'weg@example.nl', reason: 'erased' });
    const [row] = db.select().from(suppressions).all();
    expect(row).toMatchObject({ email: null, reason: 'erased' });
    expect(row!.emailHash).toBe(emailHash('weg@example.nl'));
    expect(isSuppressed(db, 'weg@example.nl')).toBe(true);
  });
});
