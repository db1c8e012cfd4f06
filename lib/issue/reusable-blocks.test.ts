import { extraLabel } from './document';
import { textBody } from '@/lib/test/issue-document';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { issueBlocks, newsletters, reusableBlocks, users } from '@/db/schema';
import { seed } from '@/scripts/seed';
import { testDb } from '@/lib/test/db';
import { createIssue } from './create';
import { loadBuilder } from './load-builder';
import { loadIssueDocument } from './load';
import {
  archiveReusableBlock,
  BlockRefusal,
  createReusableBlock,
  listReusableBlocks,
  moveStartBlock,
  reusableBlockInput,
  restoreReusableBlock,
  setStartOrder,
  startOrder,
  updateReusableBlock,
} from './reusable-blocks';

let database: Db;
let newsletterId: number;
let editorId: string;

const text = (name: string, inNewIssues = false) =>
  reusableBlockInput.parse({
    kind: 'text',
    name,
    title: `${name} titel`,
    body: 'Tekst',
    inNewIssues,
  });
const cta = (name: string, inNewIssues = false) =>
  reusableBlockInput.parse({
    kind: 'cta',
    name,
    title: `${name} titel`,
    body: 'Oproep',
    buttonLabel: 'Doe mee',
    buttonUrl: 'https://www.vsg.example/doe-mee',
    inNewIssues,
  });
const tx = <T>(fn: (t: Db) => T) => database.transaction((t) => fn(t as unknown as Db));
const newIssueExtras = () => {
  const issue = tx((t) => createIssue(t, newsletterId, editorId));
  return loadIssueDocument(database, issue.id)!.document.extras.map((b) => extraLabel(b));
};
const names = (ids: number[]) =>
  ids.map(
    (id) => database.select().from(reusableBlocks).where(eq(reusableBlocks.id, id)).get()!.name,
  );

beforeEach(() => {
  database = testDb();
  seed(database);
  newsletterId = database.select().from(newsletters).get()!.id;
  editorId = database.select().from(users).get()!.id;
});

describe('reusable blocks', () => {
  it('makes the demo blocks through the service: both start every new issue, in order', () => {
    expect(names(startOrder(database, newsletterId))).toEqual([
      'Raadsforum (vast blok)',
      'Moties van gemeenteraden (oproep)',
    ]);
    expect(newIssueExtras()).toEqual([
      'Raadsforum: kennis delen met collega’s uit het hele land',
      'Aangenomen moties van gemeenteraden',
    ]);
  });

  it('takes the builder’s content shapes and refuses what the builder would refuse', () => {
    expect(
      reusableBlockInput.safeParse({ kind: 'cta', name: 'X', title: 'T', body: 'B' }).success,
    ).toBe(false);
    const badUrl = reusableBlockInput.safeParse({
      kind: 'cta',
      name: 'X',
      title: 'T',
      body: 'B',
      buttonLabel: 'Klik',
      buttonUrl: 'javascript:alert(1)',
    });
    expect(badUrl.success).toBe(false);
    const plainHttp = reusableBlockInput.safeParse({
      ...cta('X'),
      buttonUrl: 'http://vsg.example/',
    });
    expect(plainHttp.error?.issues[0]).toMatchObject({
      path: ['buttonUrl'],
      message: 'Gebruik een beveiligd webadres dat begint met https://',
    });
    expect(
      reusableBlockInput.safeParse({ kind: 'text', name: 'X', title: '<b>T</b>', body: 'B' })
        .success,
    ).toBe(false);
    const block = tx((t) => createReusableBlock(t, newsletterId, text('Los')));
    expect(block.content).toEqual({ title: 'Los titel', body: textBody('Tekst') });
  });

  it('starts new issues with the marked blocks in the chosen order, and only those', () => {
    const a = tx((t) => createReusableBlock(t, newsletterId, text('Alfa', true)));
    const b = tx((t) => createReusableBlock(t, newsletterId, cta('Beta', true)));
    tx((t) => createReusableBlock(t, newsletterId, text('Gamma')));
    const [forum, moties] = startOrder(database, newsletterId);
    tx((t) => setStartOrder(t, newsletterId, [b.id, forum!, a.id]));
    expect(newIssueExtras()).toEqual([
      'Beta titel',
      'Raadsforum: kennis delen met collega’s uit het hele land',
      'Alfa titel',
    ]);
    tx((t) => moveStartBlock(t, a.id, -1));
    expect(startOrder(database, newsletterId)).toEqual([b.id, a.id, forum]);
    tx((t) => moveStartBlock(t, b.id, -1)); // already first: nothing moves
    expect(startOrder(database, newsletterId)).toEqual([b.id, a.id, forum]);
    const unmarked = database
      .select()
      .from(reusableBlocks)
      .where(eq(reusableBlocks.id, moties!))
      .get()!;
    expect(unmarked.inNewIssues).toBe(false);
  });

  it('archives a block: gone from new issues and the builder, kept in issues that hold it', () => {
    const issue = tx((t) => createIssue(t, newsletterId, editorId));
    const [forum] = startOrder(database, newsletterId);
    tx((t) => archiveReusableBlock(t, forum!));
    expect(names(startOrder(database, newsletterId))).toEqual([
      'Moties van gemeenteraden (oproep)',
    ]);
    expect(newIssueExtras()).toEqual(['Aangenomen moties van gemeenteraden']);
    expect(loadBuilder(database, issue.id)!.reusable.map((r) => r.id)).not.toContain(forum);
    const kept = database
      .select()
      .from(issueBlocks)
      .where(eq(issueBlocks.reusableBlockId, forum!))
      .all()
      .filter((row) => row.issueId === issue.id);
    expect(kept).toHaveLength(1);
    expect(listReusableBlocks(database, newsletterId, true).map((r) => r.id)).toEqual([forum]);
    expect(() => tx((t) => archiveReusableBlock(t, forum!))).toThrow('is al gearchiveerd.');
    tx((t) => restoreReusableBlock(t, forum!));
    expect(listReusableBlocks(database, newsletterId, true)).toEqual([]);
    expect(startOrder(database, newsletterId)).not.toContain(forum);
    expect(() => tx((t) => restoreReusableBlock(t, forum!))).toThrow('is niet gearchiveerd.');
  });

  it('refuses what does not fit and changes nothing', () => {
    const before = database.select().from(reusableBlocks).all();
    const [forum, moties] = startOrder(database, newsletterId);
    tx((t) => archiveReusableBlock(t, moties!));
    const afterArchive = database.select().from(reusableBlocks).all();
    expect(() => tx((t) => setStartOrder(t, newsletterId, [moties!]))).toThrow(BlockRefusal);
    expect(() => tx((t) => setStartOrder(t, newsletterId, [forum!, forum!]))).toThrow(BlockRefusal);
    expect(() => tx((t) => setStartOrder(t, newsletterId, [9999]))).toThrow(BlockRefusal);
    expect(() => tx((t) => updateReusableBlock(t, forum!, cta('Ander soort')))).toThrow(
      'De soort van een blok kan niet worden gewijzigd.',
    );
    expect(() => tx((t) => updateReusableBlock(t, moties!, cta('Gearchiveerd')))).toThrow(
      BlockRefusal,
    );
    expect(database.select().from(reusableBlocks).all()).toEqual(afterArchive);
    expect(afterArchive).toHaveLength(before.length);
  });

  it('updates name and content, and joins or leaves the start order with the mark', () => {
    const [forum, moties] = startOrder(database, newsletterId);
    tx((t) => updateReusableBlock(t, forum!, text('Forum', false)));
    expect(startOrder(database, newsletterId)).toEqual([moties]);
    tx((t) => updateReusableBlock(t, forum!, text('Forum', true)));
    expect(startOrder(database, newsletterId)).toEqual([moties, forum]);
    expect(names([forum!])).toEqual(['Forum']);
  });
});
