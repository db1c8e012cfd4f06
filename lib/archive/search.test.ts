import fs from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { migrationsFolder } from '@/db/migrate';
import { seed } from '@/scripts/seed';
import { deliveries, issueBlocks, issues, items, sentItems, themes } from '@/db/schema';
import { completeIfDone } from '@/lib/send/complete';
import { testDb } from '@/lib/test/db';
import { sendFixture, startFixtureSend } from '@/lib/test/send-fixture';
import {
  archiveSearchParams,
  indexSentIssue,
  markedToHtml,
  searchArchive,
  toFtsQuery,
} from './search';

function seeded() {
  const database = testDb();
  seed(database);
  return database;
}

const search = (
  database: Db,
  q: string,
  extra: { themeId?: number; limit?: number; offset?: number } = {},
) =>
  searchArchive(database, {
    q,
    limit: extra.limit ?? 50,
    offset: extra.offset ?? 0,
    themeId: extra.themeId,
  });

const itemId = (database: Db, titleStart: string) =>
  database
    .select({ id: items.id })
    .from(items)
    .where(sql`${items.title} like ${`${titleStart}%`}`)
    .get()!.id;

// What a correction does to the text as sent; the library item stays as it is.
const correct = (
  database: Db,
  hit: { issueId: number; itemId: number },
  text: { title?: string; teaser?: string },
) =>
  database
    .update(sentItems)
    .set(text)
    .where(and(eq(sentItems.issueId, hit.issueId), eq(sentItems.itemId, hit.itemId)))
    .run();

const draftOf = (database: Db) =>
  database.select().from(issues).where(eq(issues.status, 'concept')).get()!;

describe('toFtsQuery', () => {
  it('quotes every word, ANDs them and matches the last word and longer words as prefixes', () => {
    expect(toFtsQuery('  financiën ')).toBe('"financiën"*');
    expect(toFtsQuery('de raad vergadert')).toBe('"de" AND "raad"* AND "vergadert"*');
    expect(toFtsQuery('wmo en')).toBe('"wmo"* AND "en"*');
  });

  it('makes FTS5 syntax plain text', () => {
    expect(toFtsQuery('"raad" OR NEAR(wijk* -team)')).toBe(
      '"raad"* AND "OR" AND "NEAR"* AND "wijk"* AND "team"*',
    );
    expect(toFtsQuery('a"b')).toBe('"a" AND "b"*');
  });

  it('gives null for nothing to search: empty, only punctuation, too long', () => {
    for (const q of ['', '   ', '"', '*', '()', ' - " * ^ : ', 'x'.repeat(201)])
      expect(toFtsQuery(q)).toBeNull();
    expect(toFtsQuery('x'.repeat(200))).not.toBeNull();
  });
});

describe('archiveSearchParams', () => {
  it('reads the page parameters as Next passes them', () => {
    expect(archiveSearchParams.parse({ q: '  raad ', thema: '3', pagina: '2' })).toEqual({
      q: 'raad',
      thema: 3,
      pagina: 2,
    });
    expect(archiveSearchParams.parse({ q: ['wmo', 'x'], thema: '', pagina: undefined })).toEqual({
      q: 'wmo',
      thema: undefined,
      pagina: undefined,
    });
    expect(archiveSearchParams.parse({})).toEqual({ q: '', thema: undefined, pagina: undefined });
  });

  it('refuses overlong queries and pages or themes that are not positive whole numbers', () => {
    expect(archiveSearchParams.safeParse({ q: 'x'.repeat(201) }).success).toBe(false);
    for (const value of ['0', '-1', '1.5', 'abc']) {
      expect(archiveSearchParams.safeParse({ thema: value }).success).toBe(false);
      expect(archiveSearchParams.safeParse({ pagina: value }).success).toBe(false);
    }
  });
});

describe('markedToHtml', () => {
  it('escapes the text and turns only balanced markers into <mark>', () => {
    expect(markedToHtml('a <b> \u0002c\u0003 & d')).toBe('a &lt;b&gt; <mark>c</mark> &amp; d');
    expect(markedToHtml('\u0003x\u0002y\u0002z')).toBe('x<mark>yz</mark>');
  });
});

describe('searchArchive', () => {
  it('finds a sent item by a word from its teaser, with its issue, anchor and a highlighted snippet', () => {
    const database = seeded();
    const { total, results } = search(database, 'betalingsachterstanden');
    expect(total).toBe(1);
    const [hit] = results;
    const id = itemId(database, 'Handreiking: vroegsignalering');
    expect(hit).toMatchObject({
      itemId: id,
      anchor: `item-${id}`,
      issueNumber: 21,
      newsletterSlug: 'raadsbericht',
      newsletterName: 'Raadsbericht',
      themeName: 'Sociaal domein breed',
    });
    expect(hit!.issueSlug).toMatch(/^21-/);
    expect(hit!.sentAt).toBeInstanceOf(Date);
    expect(hit!.snippet).toContain('<mark>betalingsachterstanden</mark>');
  });

  it('ignores diacritics both ways', () => {
    const database = seeded();
    const id = itemId(database, 'Normbedragen voor de opvang');
    for (const q of ['oekraine', 'Oekraïne', 'OEKRAINE']) {
      const { results } = search(database, q);
      expect(results.map((r) => r.itemId)).toContain(id);
    }
    expect(search(database, 'oekraine').results.find((r) => r.itemId === id)!.titleHtml).toContain(
      '<mark>Oekraïne</mark>',
    );
    // The theme name is searchable too: 'financien' finds the items of Financiën.
    const finance = search(database, 'financien').results;
    expect(finance.length).toBeGreaterThan(0);
    expect(finance.every((r) => r.themeName === 'Financiën')).toBe(true);
  });

  it('matches prefixes, so half a word and the first part of a compound find the item', () => {
    const database = seeded();
    expect(search(database, 'betalingsachter').total).toBe(1);
    const podcast = itemId(database, 'Podcast Raadsbericht #12');
    expect(search(database, 'sociaal wijkt').results.map((r) => r.itemId)).toContain(podcast);
    expect(search(database, 'wijk').results.map((r) => r.itemId)).toContain(podcast);
  });

  it('pages through the results', () => {
    const database = seeded();
    const all = search(database, 'vereniging');
    expect(all.total).toBeGreaterThan(3);
    expect(all.results).toHaveLength(all.total);
    const page = search(database, 'vereniging', { limit: 2, offset: 2 });
    expect(page.total).toBe(all.total);
    expect(page.results.map((r) => r.itemId)).toEqual(all.results.slice(2, 4).map((r) => r.itemId));
    expect(search(database, 'vereniging', { offset: 1000 })).toEqual({
      total: all.total,
      results: [],
    });
  });

  it('ranks a match in the title above one in the teaser, then newer above older', () => {
    const database = seeded();
    const older = search(database, 'betalingsachterstanden').results[0]!;
    const newer = search(database, 'wijkteam').results[0]!;
    expect(newer.sentAt.getTime()).toBeGreaterThan(older.sentAt.getTime());
    correct(database, older, { title: 'Kwartelkoning in de raad' });
    correct(database, newer, { teaser: 'Over de kwartelkoning en de raad.' });
    indexSentIssue(database, older.issueId);
    indexSentIssue(database, newer.issueId);
    expect(search(database, 'kwartelkoning').results.map((r) => r.itemId)).toEqual([
      older.itemId,
      newer.itemId,
    ]);
  });

  it('filters by theme', () => {
    const database = seeded();
    const bestuur = database.select().from(themes).where(eq(themes.slug, 'bestuur')).get()!;
    const all = search(database, 'raad');
    const filtered = search(database, 'raad', { themeId: bestuur.id });
    expect(filtered.total).toBeGreaterThan(0);
    expect(filtered.total).toBeLessThan(all.total);
    expect(filtered.results.every((r) => r.themeName === 'Bestuur')).toBe(true);
  });

  it("never finds a draft's items, not even by their exact title, nor when the draft was indexed by mistake", () => {
    const database = seeded();
    const draft = draftOf(database);
    const draftOnly = database
      .select({ id: items.id, title: items.title })
      .from(items)
      .innerJoin(issueBlocks, eq(issueBlocks.itemId, items.id))
      .where(eq(issueBlocks.issueId, draft.id))
      .all()
      .filter(
        (i) =>
          i.title.startsWith('Evaluatie verkiezingen') ||
          i.title.startsWith('Wetsvoorstel versterking'),
      );
    expect(draftOnly).toHaveLength(2);
    const check = () => {
      expect(search(database, 'stemopneming').total).toBe(0);
      for (const item of draftOnly)
        expect(search(database, item.title).results.map((r) => r.itemId)).not.toContain(item.id);
      expect(search(database, 'raad', { limit: 1000 }).results.map((r) => r.issueId)).not.toContain(
        draft.id,
      );
    };
    check();
    indexSentIssue(database, draft.id);
    check();
  });

  it('drops an issue that is no longer sent', () => {
    const database = seeded();
    const hit = search(database, 'wijkteam').results[0]!;
    database.update(issues).set({ status: 'approved' }).where(eq(issues.id, hit.issueId)).run();
    expect(search(database, 'wijkteam').total).toBe(0);
  });

  it('treats query syntax as text and never throws', () => {
    const database = seeded();
    for (const q of [
      '"',
      '""wijkteam',
      '*',
      'wijk*',
      'NEAR(',
      'NEAR(wijkteam raad, 2)',
      'OR',
      'wijkteam OR',
      'AND NOT',
      '-x',
      '-wijkteam',
      ')',
      '(',
      'title:wijkteam',
      '^wijkteam',
      '{title}: x',
      "l'auto's",
      '\u0000',
      '😀 raad',
    ]) {
      expect(() => search(database, q), q).not.toThrow();
    }
    expect(search(database, '"wijkteam"').total).toBe(1);
    expect(search(database, '(wijkteam)').total).toBe(1);
    expect(search(database, '-wijkteam').total).toBe(1);
    // 'title:' would be a column filter in FTS5; here it is the word 'title', which is nowhere.
    expect(search(database, 'title:wijkteam').total).toBe(0);
    expect(search(database, 'wijkteam NEAR').total).toBe(0);
    expect(search(database, '"').total).toBe(0);
  });

  it('escapes what an editor typed in the snippet and the title', () => {
    const database = seeded();
    const hit = search(database, 'wijkteam').results[0]!;
    correct(database, hit, {
      title: 'Wijkteam <b>vet</b>',
      teaser: 'Let op <script>alert("x")</script> & \u0002meer\u0003 <img src=x onerror=alert(1)>',
    });
    indexSentIssue(database, hit.issueId);
    const [found] = search(database, 'alert').results;
    expect(found!.snippet).toContain(
      '&lt;script&gt;<mark>alert</mark>(&quot;x&quot;)&lt;/script&gt; &amp; meer &lt;img',
    );
    expect(found!.snippet).not.toMatch(/<(?!\/?mark>)/);
    const byTitle = search(database, 'vet').results.find((r) => r.itemId === hit.itemId)!;
    expect(byTitle.titleHtml).toBe('Wijkteam &lt;b&gt;<mark>vet</mark>&lt;/b&gt;');
    expect(byTitle.title).toBe('Wijkteam <b>vet</b>');
  });

  it('indexes an issue when its send completes', () => {
    const database = testDb();
    const fixture = sendFixture(database, 3);
    expect(search(database, 'stemopneming').total).toBe(0);
    startFixtureSend(database, fixture.issueId);
    expect(search(database, 'stemopneming').total).toBe(0);
    database.update(deliveries).set({ status: 'sent', sentAt: new Date() }).run();
    expect(completeIfDone(database, fixture.issueId)).toEqual({ status: 'sent' });
    const { results } = search(database, 'stemopneming');
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      issueId: fixture.issueId,
      issueNumber: 24,
      anchor: `item-${itemId(database, 'Evaluatie verkiezingen')}`,
    });
  });

  it('re-indexing replaces the rows of an issue rather than adding to them', () => {
    const database = seeded();
    const before = search(database, 'raad', { limit: 1000 }).total;
    const issueId = search(database, 'wijkteam').results[0]!.issueId;
    indexSentIssue(database, issueId);
    indexSentIssue(database, issueId);
    expect(search(database, 'raad', { limit: 1000 }).total).toBe(before);
  });
});

const migrationStatements = (name: string) =>
  fs
    .readFileSync(path.join(migrationsFolder, `${name}.sql`), 'utf8')
    .split('--> statement-breakpoint');

describe('migrations 0005_archive_search and 0006_sent_items', () => {
  it('0005 backfills the same rows as indexSentIssue', () => {
    const database = seeded();
    const rows = () =>
      database.all(
        sql`select title, teaser, theme, issue_id, item_id, theme_id from archive_search order by issue_id, item_id`,
      );
    const indexed = rows();
    expect(indexed.length).toBeGreaterThan(10);
    const statements = migrationStatements('0005_archive_search');
    expect(statements).toHaveLength(2);
    database.run(sql`delete from archive_search`);
    database.run(sql.raw(statements[1]!));
    expect(rows()).toEqual(indexed);
  });

  it('0006 copies the items of sent issues as they stand and indexes those copies', () => {
    const database = seeded();
    // The columns 0006 made; later ones (the teaser's document, the article, the image) are
    // filled by later migrations and the rich-text upgrade.
    const copies = () =>
      database.all(
        sql`select issue_id, item_id, theme_id, theme_name, kind, title, teaser, url, event_date,
                   start_time, end_time, location, online, registration_url
            from sent_items order by issue_id, item_id`,
      );
    const index = () =>
      database.all(
        sql`select title, teaser, theme, issue_id, item_id, theme_id from archive_search order by issue_id, item_id`,
      );
    const [frozen, indexed] = [copies(), index()];
    expect(frozen.length).toBeGreaterThan(10);
    const statements = migrationStatements('0006_sent_items');
    database.run(sql`delete from sent_items`);
    database.run(sql`delete from archive_search`);
    for (const statement of statements.slice(2)) database.run(sql.raw(statement));
    // 0009 then gives those copies the names their themes had.
    for (const statement of migrationStatements('0009_make_it_yours').filter((s) =>
      s.includes('UPDATE `sent_items`'),
    ))
      database.run(sql.raw(statement));
    expect(copies()).toEqual(frozen);
    expect(index()).toEqual(indexed);
  });
});
