import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { issueLinks, issues, linkClicks } from '@/db/schema';
import { seed } from '@/scripts/seed';
import { testDb } from '@/lib/test/db';
import { ClickCounter } from './counter';

function withLinks(count = 3) {
  const database = testDb();
  seed(database);
  const issue = database.select().from(issues).get()!;
  const ids = Array.from({ length: count }, (_, i) =>
    database
      .insert(issueLinks)
      .values({ issueId: issue.id, position: i + 1, url: `https://example.org/${i + 1}` })
      .returning({ id: issueLinks.id })
      .get(),
  ).map((r) => r.id);
  return { database, issueId: issue.id, ids };
}

const rows = (database: Db) =>
  database.select().from(linkClicks).orderBy(asc(linkClicks.linkId), asc(linkClicks.hour)).all();
const changes = (database: Db) =>
  (database.$client.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

describe('ClickCounter', () => {
  it('writes nothing per click, and per link and hour on flush', () => {
    const { database, ids } = withLinks();
    const [a, b] = ids as [number, number];
    const counter = new ClickCounter(database);
    const before = changes(database);
    for (let i = 0; i < 500; i++) counter.add(a, 100, false);
    counter.add(a, 100, true);
    counter.add(a, 101, false);
    counter.add(b, 100, true);
    expect(changes(database)).toBe(before);
    expect(rows(database)).toEqual([]);
    expect(counter.waiting).toBe(3);
    expect(counter.flush()).toBe(3);
    expect(rows(database)).toEqual([
      { linkId: a, hour: 100, clicks: 500, automated: 1 },
      { linkId: a, hour: 101, clicks: 1, automated: 0 },
      { linkId: b, hour: 100, clicks: 0, automated: 1 },
    ]);
    expect(counter.waiting).toBe(0);
    expect(counter.flush()).toBe(0);
  });

  it('adds to what an earlier flush wrote, and recounts a click as automated', () => {
    const { database, ids } = withLinks();
    const [a] = ids as [number];
    const counter = new ClickCounter(database);
    counter.add(a, 100, false);
    counter.add(a, 100, false);
    counter.flush();
    counter.add(a, 100, false);
    counter.recount(a, 100);
    counter.flush();
    expect(rows(database)).toEqual([{ linkId: a, hour: 100, clicks: 2, automated: 1 }]);
  });

  it('writes everything in one transaction: a failure writes nothing and keeps the counts', () => {
    const { database, ids } = withLinks();
    const [a, b, c] = ids as [number, number, number];
    const counter = new ClickCounter(database);
    counter.add(a, 100, false);
    counter.add(b, 100, false);
    counter.add(c, 100, true);
    database.$client.exec(
      `CREATE TEMP TRIGGER refuse BEFORE INSERT ON link_clicks WHEN NEW.link_id = ${c}
       BEGIN SELECT RAISE(ABORT, 'schijf vol'); END`,
    );
    expect(() => counter.flush()).toThrow('schijf vol');
    // a and b came before c in the same transaction: rolled back with it.
    expect(rows(database)).toEqual([]);
    expect(counter.waiting).toBe(3);
    counter.add(a, 100, false);
    database.$client.exec('DROP TRIGGER refuse');
    expect(counter.flush()).toBe(3);
    expect(rows(database).map((r) => [r.linkId, r.clicks, r.automated])).toEqual([
      [a, 2, 0],
      [b, 1, 0],
      [c, 0, 1],
    ]);
  });

  it('skips the clicks of a link deleted with its issue meanwhile', () => {
    const { database, issueId, ids } = withLinks(1);
    const counter = new ClickCounter(database);
    counter.add(ids[0]!, 100, false);
    database.delete(issueLinks).where(eq(issueLinks.issueId, issueId)).run();
    expect(counter.flush()).toBe(1);
    expect(rows(database)).toEqual([]);
  });
});
