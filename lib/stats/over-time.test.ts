import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { formatWeek } from '@/lib/format';
import { testDb } from '@/lib/test/db';
import { chartCsv } from './chart-data';
import { activeByAudience, activeByTheme, overTime, reachPerIssue } from './over-time';
import { overTimeFigure } from './over-time-charts';
import { addNewsletter, at, writeQuarter } from './over-time-fixture';
import { quarterPeriod } from './over-time-period';

// Seen from after the quarter: all of it, week 40 to 53.
const Q4 = quarterPeriod({ year: 2026, quarter: 4 }, new Date('2027-01-15T12:00:00Z'));

let database: Db;
let newsletterId: number;
let sent: { first: number; second: number };
beforeAll(() => {
  database = testDb();
  ({ newsletterId, sent } = writeQuarter(database));
});

describe('subscribers per week', () => {
  it('counts sign-ups, confirmations, unsubscribes, bounces and readers per Dutch ISO week', () => {
    const { weeks } = overTime(database, newsletterId, Q4);
    expect(weeks.map((w) => w.label)).toEqual(
      Array.from({ length: 14 }, (_, i) => `wk ${40 + i} 2026`),
    );
    const row = (label: string) => weeks.find((w) => w.label === label)!;
    const column = (key: keyof (typeof weeks)[number]) =>
      Object.fromEntries(weeks.filter((w) => w[key] !== 0).map((w) => [w.label, w[key]]));
    // s2 signed up on Sunday 23:30 and confirmed at 00:30: UTC would put both on Sunday.
    expect(column('signUps')).toEqual({ 'wk 41 2026': 2, 'wk 43 2026': 1, 'wk 53 2026': 1 });
    expect(column('confirmations')).toEqual({
      'wk 41 2026': 1,
      'wk 42 2026': 1,
      'wk 43 2026': 1,
    });
    // s7's unsubscribe (undone since), s3's, and s4's erasure; the other newsletter's not.
    expect(column('unsubscribes')).toEqual({
      'wk 42 2026': 1,
      'wk 45 2026': 1,
      'wk 46 2026': 1,
    });
    expect(column('hardBounces')).toEqual({ 'wk 41 2026': 1 });
    expect(column('softBounces')).toEqual({ 'wk 41 2026': 1 });
    expect(column('complaints')).toEqual({ 'wk 43 2026': 1 });
    expect(weeks.map((w) => w.active)).toEqual([3, 4, 5, 6, 6, 5, 4, 4, 4, 4, 4, 4, 4, 4]);
    expect(row('wk 53 2026').active).toBe(4);
  });

  it('has nothing for a newsletter without readers, but every week', () => {
    const empty = addNewsletter('leeg');
    const { weeks } = overTime(database, empty, Q4);
    expect(weeks).toHaveLength(14);
    expect(weeks.every((w) => w.signUps === 0 && w.active === 0 && w.hardBounces === 0)).toBe(true);
  });
});

describe('readers now', () => {
  it('counts active subscriptions per theme in order; an archived theme only while read', () => {
    expect(activeByTheme(database, newsletterId)).toEqual([
      { label: 'Bestuur', count: 2 },
      { label: 'Zorg', count: 2 },
      { label: 'Vroeger (gearchiveerd)', count: 1 },
    ]);
  });

  it('counts active subscriptions per function, every function listed', () => {
    expect(activeByAudience(database, newsletterId)).toEqual([
      { label: 'Raadslid', count: 1 },
      { label: 'Griffier', count: 1 },
      { label: 'Raadsadviseur', count: 0 },
      { label: 'Commissielid', count: 1 },
      { label: 'Anders', count: 0 },
    ]);
  });
});

describe('reach per issue', () => {
  it('counts recipients, deliveries, human clicks and archive views of the period’s sent issues', () => {
    expect(reachPerIssue(database, newsletterId, Q4)).toEqual([
      {
        issueId: sent.first,
        number: 2,
        sentAt: at('2026-10-08T09:00'),
        recipients: 2,
        delivered: 1,
        clicks: 6,
        archiveViews: 9,
      },
      {
        issueId: sent.second,
        number: 3,
        sentAt: at('2026-11-05T09:00'),
        recipients: 3,
        delivered: 2,
        clicks: 0,
        archiveViews: 0,
      },
    ]);
  });
});

describe('the figures', () => {
  it('give the chart, its table and its CSV the same numbers', () => {
    const data = overTime(database, newsletterId, Q4);
    const verloop = overTimeFigure('verloop', data);
    expect(verloop.orientation).toBe('vertical');
    const csv = chartCsv(verloop.data).split('\r\n');
    expect(csv[0]).toBe('\ufeffWeek;Aanmeldingen;Bevestigd;Afmeldingen');
    expect(csv).toContain('wk 41 2026;2;1;0');
    expect(verloop.summary).toBe(
      'Opgeteld over 14 weken: aanmeldingen 4, bevestigd 3, afmeldingen 3.',
    );
    const reach = overTimeFigure('bereik', data);
    expect(reach.orientation).toBe('horizontal');
    expect(chartCsv(reach.data).split('\r\n')[1]).toBe('"Nummer 2, 8 oktober 2026";2;1;6;9');
    expect(overTimeFigure('themas', data).summary).toBe('Het meest: Bestuur (2); samen 5.');
    expect(overTimeFigure('abonnees', data).summary).toBe(
      'Van 3 in wk 40 2026 naar 4 in wk 53 2026.',
    );
  });
});

describe('the week label', () => {
  it('names the ISO week of the Dutch calendar day', () => {
    expect(formatWeek(at('2026-11-18T12:00'))).toBe('wk 47 2026');
    // Sunday 23:30 UTC is Monday in Amsterdam: the next week.
    expect(formatWeek(new Date('2026-11-22T23:30:00Z'))).toBe('wk 48 2026');
    expect(formatWeek(at('2026-12-31T12:00'))).toBe('wk 53 2026');
    expect(formatWeek(at('2027-01-01T12:00'))).toBe('wk 53 2026');
    expect(formatWeek(at('2025-12-29T12:00'))).toBe('wk 1 2026');
  });
});

describe('the archive per week', () => {
  // Last: writeQuarter points the fixture at this database.
  it('counts the archive per week: views of the newsletter’s issues and every search', () => {
    const own = testDb();
    const quarter = writeQuarter(own);
    const day = (iso: string) => Math.floor(Date.parse(iso) / 86_400_000);
    own.$client
      .prepare('INSERT INTO archive_views (issue_id, day, views) VALUES (?, ?, ?)')
      .run(quarter.sent.first, day('2026-11-10T12:00:00Z'), 3);
    const search = own.$client.prepare(
      'INSERT INTO archive_searches (newsletter_id, day, searches) VALUES (?, ?, ?)',
    );
    search.run(0, day('2026-11-11T12:00:00Z'), 2);
    search.run(0, day('2026-11-17T12:00:00Z'), 1);
    const { weeks } = overTime(own, quarter.newsletterId, Q4);
    const column = (key: 'archiveViews' | 'archiveSearches') =>
      Object.fromEntries(weeks.filter((w) => w[key] !== 0).map((w) => [w.label, w[key]]));
    // The fixture's other views fall outside the quarter.
    expect(column('archiveViews')).toEqual({ 'wk 46 2026': 3 });
    expect(column('archiveSearches')).toEqual({ 'wk 46 2026': 2, 'wk 47 2026': 1 });
  });
});
