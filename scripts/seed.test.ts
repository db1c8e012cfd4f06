import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { AnySQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { loadIssue } from '@/lib/issue/load';
import { sentItemsOf } from '@/lib/issue/sent-items';
import { testDb } from '@/lib/test/db';
import * as s from '@/db/schema';
import { demoEditors, isEmpty } from '@/db/demo-content';
import { demoNewsletter } from '@/db/seed-data';
import { seed } from './seed';

const rows = (database: ReturnType<typeof testDb>, table: AnySQLiteTable) =>
  database.select({ n: count() }).from(table).get()!.n;

describe('seed', () => {
  it('fills an empty database with the demo newsletter', () => {
    const database = testDb();
    expect(isEmpty(database)).toBe(true);
    seed(database);
    expect(isEmpty(database)).toBe(false);
    expect(rows(database, s.newsletters)).toBe(1);
    expect(rows(database, s.themes)).toBe(5);
    expect(rows(database, s.items)).toBeGreaterThanOrEqual(25);
    expect(rows(database, s.reusableBlocks)).toBe(2);
    expect(rows(database, s.subscribers)).toBe(50);
    const statuses = database
      .select({ status: s.issues.status })
      .from(s.issues)
      .all()
      .map((i) => i.status);
    expect(statuses.filter((x) => x === 'sent')).toHaveLength(3);
    expect(statuses.filter((x) => x === 'concept')).toHaveLength(1);
    const admin = database
      .select()
      .from(s.users)
      .where(eq(s.users.email, 'redactie@kopij.test'))
      .get();
    expect(admin?.role).toBe('admin');
    expect(demoEditors.map((e) => e.role)).toEqual(['admin', 'hoofdredacteur', 'redacteur']);
  });

  it('makes the demo newsletter through the admin screen’s service, with the demo’s values', () => {
    const database = testDb();
    seed(database);
    const row = database.select().from(s.newsletters).get()!;
    expect(row).toMatchObject({
      ...demoNewsletter,
      titlePattern: '{naam} {nummer}',
      fourEyes: true,
    });
    const created = database
      .select()
      .from(s.auditLog)
      .where(eq(s.auditLog.action, 'newsletter.created'))
      .all();
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ entityId: String(row.id), actorLabel: 'Systeem' });
  });

  it('lays out the draft like the reference issue: lead, themed sections in order, reusable blocks, footer', () => {
    const database = testDb();
    seed(database);
    const draft = database.select().from(s.issues).where(eq(s.issues.status, 'concept')).get()!;
    const issue = loadIssue(database, draft.id)!;
    const kinds = issue.blocks.map((b) => b.kind);
    expect(kinds[0]).toBe('lead');
    expect(kinds.slice(-3)).toEqual(['text', 'cta', 'footer']);
    const themeOrder = new Map(issue.newsletter.themes.map((t) => [t.id, t.position]));
    const sectionPositions = issue.blocks
      .filter((b) => b.kind === 'item')
      .map((b) => themeOrder.get(b.themeId!)!);
    expect(sectionPositions).toEqual([...sectionPositions].sort((a, b) => a - b));
    expect(new Set(sectionPositions).size).toBeGreaterThanOrEqual(3);
    for (const block of issue.blocks.filter((b) => b.kind === 'item'))
      expect(block.item?.themeId).toBe(block.themeId);
  });

  it('gives each sent demo issue its items as sent and its search rows, as a send would', () => {
    const database = testDb();
    seed(database);
    const sent = database.select().from(s.issues).where(eq(s.issues.status, 'sent')).all();
    expect(sent).toHaveLength(3);
    for (const issue of sent) {
      const placed = database
        .selectDistinct({ itemId: s.issueBlocks.itemId })
        .from(s.issueBlocks)
        .where(
          and(eq(s.issueBlocks.issueId, issue.id), inArray(s.issueBlocks.kind, ['lead', 'item'])),
        )
        .all()
        .map((b) => b.itemId!)
        .sort((a, b) => a - b);
      expect(placed.length).toBeGreaterThan(0);
      expect([...sentItemsOf(database, issue.id).keys()].sort((a, b) => a - b)).toEqual(placed);
      // archive_search is an FTS5 table, outside the drizzle schema.
      const indexed = database.all<{ itemId: number }>(
        sql`select item_id as itemId from archive_search where issue_id = ${issue.id}`,
      );
      expect(indexed.map((r) => r.itemId).sort((a, b) => a - b)).toEqual(placed);
    }
  });
});
