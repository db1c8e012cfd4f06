import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { archiveSearches, archiveViews, issues } from '@/db/schema';
import { epochDay, Tally } from '@/lib/stats/tally';
import { testDb } from '@/lib/test/db';
import { seed } from '@/scripts/seed';
import { archiveSearchesByDay, archiveViewsByIssue } from './reach';
import { countReach, type ReachTallies } from './reach-count';
import type { ReachEvent } from './reach-request';
import { ReachStore } from './reach-store';

// The archive's reach from the server's count to the tables and back: the seed's three sent
// issues of raadsbericht (ids 1 to 3), its draft (4), and issue 3's one item with a page (4).

const at = Date.UTC(2026, 10, 30, 9, 0, 0);
const day = epochDay(at);
const tallies = (): ReachTallies => ({
  views: new Tally(['views'], 100),
  searches: new Tally(['searches'], 100),
});

function seeded() {
  const database = testDb();
  seed(database);
  const slug = (id: number) =>
    database.select({ slug: issues.slug }).from(issues).where(eq(issues.id, id)).get()!.slug;
  const view = (id: number, item = 0): Extract<ReachEvent, { kind: 'view' }> => ({
    kind: 'view',
    newsletter: 'raadsbericht',
    issue: slug(id),
    item,
  });
  return { database, view };
}

const views = (database: ReturnType<typeof testDb>) =>
  database.select().from(archiveViews).orderBy(asc(archiveViews.issueId)).all();

describe('the archive’s reach', () => {
  it('writes views per sent issue and day, its item pages included; others not at all', () => {
    const { database, view } = seeded();
    const counts = tallies();
    for (const event of [view(3), view(3), view(3, 4), view(1), view(1, 2)])
      countReach(event, at, counts);
    countReach(view(3), at + 86_400_000, counts);
    // A draft, an unknown slug, an unknown newsletter, an item not in the issue.
    for (const event of [view(4), { ...view(3), issue: '99-bestaat-niet' }, view(3, 6)])
      countReach(event, at, counts);
    countReach({ ...view(3), newsletter: 'lijst' }, at, counts);
    const store = new ReachStore(database);
    expect(store.flush(counts)).toBe(9);
    expect(counts.views.waiting).toBe(0);
    // Issue 1's item 2 links out: it has no page of its own, so that view is not counted.
    expect(views(database)).toEqual([
      { issueId: 1, day, views: 1 },
      { issueId: 3, day, views: 3 },
      { issueId: 3, day: day + 1, views: 1 },
    ]);
    countReach(view(3), at, counts);
    store.flush(counts);
    expect(archiveViewsByIssue(database, [1, 2, 3])).toEqual(
      new Map([
        [1, 1],
        [2, 0],
        [3, 5],
      ]),
    );
    expect(archiveViewsByIssue(database, [])).toEqual(new Map());
  });

  it('asks the database once per issue, not once per view', () => {
    const { database, view } = seeded();
    const store = new ReachStore(database);
    expect(store.issueOf(view(3))).toBe(3);
    // Known from now on: a renamed slug would not even be looked up again.
    database.update(issues).set({ slug: 'anders' }).where(eq(issues.id, 3)).run();
    expect(store.issueOf({ ...view(3), issue: '23-eigen-bijdrage-wmo-weer-naar-inkomen' })).toBe(3);
    // Not found is asked again: the issue may be sent in between.
    expect(store.issueOf({ ...view(3), issue: 'later' })).toBeNull();
    database.update(issues).set({ slug: 'later', status: 'sent' }).where(eq(issues.id, 4)).run();
    expect(store.issueOf({ ...view(3), issue: 'later' })).toBe(4);
  });

  it('skips an issue deleted while its views waited', () => {
    const { database, view } = seeded();
    const store = new ReachStore(database);
    const counts = tallies();
    countReach(view(2), at, counts);
    expect(store.issueOf(view(2))).toBe(2);
    database.delete(issues).where(eq(issues.id, 2)).run();
    store.flush(counts);
    expect(views(database)).toEqual([]);
  });

  it('writes searches per newsletter and day, and reads them back in order', () => {
    const { database } = seeded();
    const store = new ReachStore(database);
    const counts = tallies();
    const search: ReachEvent = { kind: 'search', newsletterId: 0 };
    for (const when of [at, at, at + 86_400_000, at - 2 * 86_400_000])
      countReach(search, when, counts);
    store.flush(counts);
    countReach(search, at, counts);
    store.flush(counts);
    expect(database.select().from(archiveSearches).all()).toHaveLength(3);
    expect(archiveSearchesByDay(database)).toEqual([
      { day: day - 2, searches: 1 },
      { day, searches: 3 },
      { day: day + 1, searches: 1 },
    ]);
    expect(archiveSearchesByDay(database, { fromDay: day, toDay: day })).toEqual([
      { day, searches: 3 },
    ]);
    expect(archiveSearchesByDay(database, { newsletterId: 1 })).toEqual([]);
  });

  it('keeps the counts when writing fails, and drops new addresses past the cap', () => {
    const { database, view } = seeded();
    const store = new ReachStore(database);
    const counts: ReachTallies = { views: new Tally(['views'], 2), searches: tallies().searches };
    countReach(view(3), at, counts);
    countReach(view(1), at, counts);
    countReach({ ...view(1), issue: 'verzonnen' }, at, counts);
    countReach(view(3), at, counts);
    expect(counts.views.waiting).toBe(2);
    database.$client.exec(
      `CREATE TEMP TRIGGER refuse BEFORE INSERT ON archive_views
       BEGIN SELECT RAISE(ABORT, 'schijf vol'); END`,
    );
    expect(() => store.flush(counts)).toThrow('schijf vol');
    expect(views(database)).toEqual([]);
    database.$client.exec('DROP TRIGGER refuse');
    store.flush(counts);
    expect(views(database)).toEqual([
      { issueId: 1, day, views: 1 },
      { issueId: 3, day, views: 2 },
    ]);
  });
});
