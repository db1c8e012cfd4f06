import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { SQLiteTable, getTableConfig } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { testDb } from '@/lib/test/db';
import { openDatabase } from './index';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { migrateDatabase } from './migrate';
import * as schema from './schema';

const root = path.resolve(import.meta.dirname, '..');

describe('migrations', () => {
  it('are up to date with db/schema.ts: drizzle-kit generate finds nothing to add', () => {
    // Run against a copy so a drifted schema cannot leave a stray migration in the repo.
    // drizzle-kit takes paths relative to the working directory, so the copy lives inside the repo.
    const dir = fs.mkdtempSync(path.join(root, 'node_modules', '.cache-kopij-drift-'));
    fs.cpSync(path.join(root, 'db', 'migrations'), path.join(dir, 'migrations'), {
      recursive: true,
    });
    const config = path.join(dir, 'drizzle.config.ts');
    const out = path.relative(root, path.join(dir, 'migrations'));
    fs.writeFileSync(
      config,
      `export default { dialect: 'sqlite', schema: './db/schema.ts', out: ${JSON.stringify(out)} };`,
    );
    const output = execFileSync(
      path.join(root, 'node_modules/.bin/drizzle-kit'),
      ['generate', `--config=${config}`],
      { cwd: root, encoding: 'utf8' },
    );
    fs.rmSync(dir, { recursive: true, force: true });
    expect(output).toContain('No schema changes, nothing to migrate');
  });

  it('build every table of the schema from an empty database', () => {
    const database = testDb();
    // FTS5 tables live in raw-SQL migrations only (drizzle-kit cannot express them), with their shadow tables.
    const virtual = database
      .all<{ name: string }>(
        sql`select name from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL TABLE%'`,
      )
      .map((t) => t.name);
    expect(virtual).toEqual(['archive_search']);
    const tables = database
      .all<{ name: string }>(sql`select name from sqlite_master where type = 'table'`)
      .map((t) => t.name)
      .filter(
        (name) =>
          !name.startsWith('__') &&
          name !== 'sqlite_sequence' &&
          !virtual.some((v) => name === v || name.startsWith(`${v}_`)),
      );
    const expected = (Object.values(schema) as unknown[])
      .filter((value) => value instanceof SQLiteTable)
      .map((table) => getTableConfig(table).name);
    expect(tables.sort()).toEqual(expected.sort());
  });

  it('turn on foreign keys and WAL-compatible settings', () => {
    const database = testDb();
    expect(database.$client.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});

describe('constraints', () => {
  const newsletter = {
    slug: 'test',
    name: 'Test',
    organisation: 'Org',
    senderName: 'Org',
    senderEmail: 'a@b.nl',
  };

  it('refuse values outside an enumeration', () => {
    const database = testDb();
    expect(() =>
      database
        .insert(schema.users)
        .values({ email: 'a@b.nl', role: 'baas' as never })
        .run(),
    ).toThrow(/CHECK constraint failed: users_role_check/);
  });

  it('refuse an event without a date or a place', () => {
    const database = testDb();
    const nl = database.insert(schema.newsletters).values(newsletter).returning().get();
    const theme = database
      .insert(schema.themes)
      .values({ newsletterId: nl.id, slug: 't', name: 'T', position: 1 })
      .returning()
      .get();
    const event = {
      newsletterId: nl.id,
      themeId: theme.id,
      kind: 'event' as const,
      title: 'Webinar',
    };
    expect(() => database.insert(schema.items).values(event).run()).toThrow(/items_event_check/);
    expect(() =>
      database
        .insert(schema.items)
        .values({ ...event, eventDate: '2026-12-01' })
        .run(),
    ).toThrow(/items_event_check/);
    database
      .insert(schema.items)
      .values({ ...event, eventDate: '2026-12-01', online: true })
      .run();
  });

  it('refuse an item block without an item and a brand colour that is not #rrggbb', () => {
    const database = testDb();
    expect(() =>
      database
        .insert(schema.newsletters)
        .values({ ...newsletter, brandColor: 'blauw' })
        .run(),
    ).toThrow(/brand_color_check/);
    const nl = database.insert(schema.newsletters).values(newsletter).returning().get();
    const issue = database
      .insert(schema.issues)
      .values({ newsletterId: nl.id, number: 1, slug: '1' })
      .returning()
      .get();
    expect(() =>
      database
        .insert(schema.issueBlocks)
        .values({ issueId: issue.id, kind: 'lead', position: 'a0' })
        .run(),
    ).toThrow(/issue_blocks_item_check/);
  });

  it('keep subscriber addresses normalised and unique, and an erased subscriber without one', () => {
    const database = testDb();
    expect(() =>
      database.insert(schema.subscribers).values({ email: 'Jan@Gemeente.nl' }).run(),
    ).toThrow(/subscribers_email_check/);
    database.insert(schema.subscribers).values({ email: 'jan@gemeente.nl' }).run();
    expect(() =>
      database.insert(schema.subscribers).values({ email: 'jan@gemeente.nl' }).run(),
    ).toThrow(/UNIQUE/);
    const row = database
      .select()
      .from(schema.subscribers)
      .where(eq(schema.subscribers.email, 'jan@gemeente.nl'))
      .get()!;
    expect(() =>
      database
        .update(schema.subscribers)
        .set({ status: 'erased' })
        .where(eq(schema.subscribers.id, row.id))
        .run(),
    ).toThrow(/subscribers_erased_check/);
    database
      .update(schema.subscribers)
      .set({ status: 'erased', email: null, name: null })
      .where(eq(schema.subscribers.id, row.id))
      .run();
  });

  it('store timestamps as UTC milliseconds', () => {
    const database = testDb();
    const before = Date.now();
    const user = database.insert(schema.users).values({ email: 'a@b.nl' }).returning().get();
    expect(user.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(user.createdAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });
});

describe('migrating a database that holds data', () => {
  it('rebuilds tables that other rows point into without losing or breaking a reference', () => {
    // A database as it stood before the media library (migrations up to 0011), with an issue
    // that places an item: 0012 rebuilds `items`, which `issue_blocks` points into.
    const dir = fs.mkdtempSync(path.join(root, 'node_modules', '.cache-kopij-upgrade-'));
    const old = path.join(dir, 'migrations');
    fs.cpSync(path.join(root, 'db', 'migrations'), old, { recursive: true });
    const journal = JSON.parse(fs.readFileSync(path.join(old, 'meta', '_journal.json'), 'utf8'));
    journal.entries = journal.entries.filter((e: { tag: string }) => e.tag < '0012');
    fs.writeFileSync(path.join(old, 'meta', '_journal.json'), JSON.stringify(journal));
    const database = openDatabase(':memory:');
    migrate(database, { migrationsFolder: old });
    const run = (statement: string) => database.$client.exec(statement);
    run(`insert into newsletters (id, slug, name, organisation, sender_name, sender_email)
         values (1, 'rb', 'Raadsbericht', 'VSG', 'VSG', 'rb@vsg.example')`);
    run(
      `insert into themes (id, newsletter_id, slug, name, position) values (1, 1, 'bestuur', 'Bestuur', 0)`,
    );
    run(`insert into items (id, newsletter_id, theme_id, kind, title, teaser)
         values (7, 1, 1, 'news', 'Een item', 'Eerste alinea.\n\nTweede alinea.')`);
    run(`insert into issues (id, newsletter_id, number, slug) values (3, 1, 24, '24')`);
    run(`insert into issue_blocks (id, issue_id, kind, position, theme_id, item_id)
         values ('b', 3, 'item', 'a0', 1, 7)`);

    migrateDatabase(database);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(database.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(database.$client.pragma('foreign_key_check')).toEqual([]);
    expect(database.select().from(schema.issueBlocks).all()).toMatchObject([
      { id: 'b', itemId: 7 },
    ]);
    const item = database.select().from(schema.items).get()!;
    expect(item).toMatchObject({ id: 7, imageMediaId: null, imagePlacement: 'beside' });
    expect(item.teaserDoc.content).toHaveLength(2);
  });
});
