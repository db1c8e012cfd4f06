import { describe, expect, it } from 'vitest';
import { epochDay, epochHour, Tally } from './tally';

describe('Tally', () => {
  it('adds per key, hands every row over once, and starts again empty', () => {
    const tally = new Tally<{ issueId: number; day: number }, 'views' | 'bots'>(['views', 'bots']);
    tally.add({ issueId: 1, day: 5 }, { views: 1 });
    tally.add({ issueId: 1, day: 5 }, { views: 2, bots: 1 });
    tally.add({ issueId: 1, day: 6 }, { bots: -1 });
    expect(tally.waiting).toBe(2);
    const written: unknown[] = [];
    expect(tally.drain((rows) => written.push(...rows))).toBe(2);
    expect(written).toEqual([
      { issueId: 1, day: 5, views: 3, bots: 1 },
      { issueId: 1, day: 6, views: 0, bots: -1 },
    ]);
    expect(tally.drain(() => expect.unreachable())).toBe(0);
  });

  it('keeps keys apart whatever their values look like', () => {
    const tally = new Tally<{ a: string; b: string }, 'n'>(['n']);
    tally.add({ a: 'x y', b: 'z' }, { n: 1 });
    tally.add({ a: 'x', b: 'y z' }, { n: 1 });
    expect(tally.waiting).toBe(2);
  });

  it('drops new keys past its cap, but keeps counting the ones it holds', () => {
    const tally = new Tally<{ k: string }, 'n'>(['n'], 2);
    expect(tally.add({ k: 'a' }, { n: 1 })).toBe(true);
    expect(tally.add({ k: 'b' }, { n: 1 })).toBe(true);
    expect(tally.add({ k: 'c' }, { n: 1 })).toBe(false);
    expect(tally.add({ k: 'a' }, { n: 1 })).toBe(true);
    const rows: unknown[] = [];
    tally.drain((r) => rows.push(...r));
    expect(rows).toEqual([
      { k: 'a', n: 2 },
      { k: 'b', n: 1 },
    ]);
  });

  it('keeps what a failed write was handed, added to what came in meanwhile', () => {
    const tally = new Tally<{ k: string }, 'n'>(['n'], 1);
    tally.add({ k: 'a' }, { n: 2 });
    expect(() =>
      tally.drain(() => {
        // Meanwhile (a counter shared with the request path): another key takes the one place.
        tally.add({ k: 'b' }, { n: 1 });
        throw new Error('schijf vol');
      }),
    ).toThrow('schijf vol');
    const rows: unknown[] = [];
    tally.drain((r) => rows.push(...r));
    expect(rows).toEqual([
      { k: 'b', n: 1 },
      { k: 'a', n: 2 },
    ]);
  });
});

describe('epochHour and epochDay', () => {
  it('count whole hours and days since 1970 in UTC', () => {
    const at = Date.UTC(2026, 10, 30, 23, 59, 59);
    expect(epochHour(at)).toBe(Math.floor(at / 3_600_000));
    expect(epochDay(at)).toBe(Date.UTC(2026, 10, 30) / 86_400_000);
    expect(epochDay(at + 1000)).toBe(epochDay(at) + 1);
  });
});
