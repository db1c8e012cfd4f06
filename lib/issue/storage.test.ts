import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { issueBlocks, issues, themes } from '@/db/schema';
import { seed } from '@/scripts/seed';
import { testDb } from '@/lib/test/db';
import { issueDocument } from './document';
import { moveBlock, removeBlock, sectionContainer } from './operations';
import { documentFromRows, saveBlocks } from './storage';

function setup() {
  const database = testDb();
  seed(database);
  const issue = database.select().from(issues).where(eq(issues.status, 'concept')).get()!;
  const themeIds = database
    .select({ id: themes.id })
    .from(themes)
    .orderBy(asc(themes.position))
    .all()
    .map((t) => t.id);
  const load = () =>
    documentFromRows(
      issue,
      themeIds,
      database
        .select()
        .from(issueBlocks)
        .where(eq(issueBlocks.issueId, issue.id))
        .orderBy(asc(issueBlocks.position))
        .all(),
    );
  const positions = () =>
    new Map(
      database
        .select()
        .from(issueBlocks)
        .where(eq(issueBlocks.issueId, issue.id))
        .all()
        .map((r) => [r.id, r.position]),
    );
  return { database, issue, load, positions };
}

describe('documentFromRows / saveBlocks', () => {
  it('round-trips the seeded draft into a valid document', () => {
    const { load } = setup();
    const doc = load();
    expect(issueDocument.safeParse(doc).success).toBe(true);
    expect(doc.lead).not.toBeNull();
    expect(doc.sections).toHaveLength(5);
    expect(doc.extras.map((b) => b.kind)).toEqual(['text', 'cta']);
  });

  it('saves an unchanged document without writing a row', () => {
    const { database, issue, load } = setup();
    expect(saveBlocks(database, issue.id, load())).toBe(0);
  });

  it('rewrites only the moved block and keeps every other position', () => {
    const { database, issue, load, positions } = setup();
    const doc = load();
    const before = positions();
    const section = doc.sections.find((s) => s.blocks.length >= 2)!;
    const moving = section.blocks[0]!.id;
    const moved = moveBlock(doc, moving, {
      container: sectionContainer(section.themeId),
      index: section.blocks.length - 1,
    });
    expect(saveBlocks(database, issue.id, moved)).toBe(2); // one delete and one insert of the same block
    const after = positions();
    for (const [id, position] of before) if (id !== moving) expect(after.get(id)).toBe(position);
    expect(load()).toEqual(moved);
  });

  it('stores moves between sections, into the lead slot and removals', () => {
    const { database, issue, load } = setup();
    let doc = load();
    const target = doc.sections.find((s) => s.blocks.length === 0) ?? doc.sections[4]!;
    const block = doc.sections.find((s) => s.blocks.length > 0)!.blocks.at(-1)!;
    doc = moveBlock(doc, block.id, { container: sectionContainer(target.themeId), index: 0 });
    doc = moveBlock(doc, doc.sections[1]!.blocks[0]!.id, { container: 'lead', index: 0 });
    doc = removeBlock(doc, doc.extras[0]!.id);
    saveBlocks(database, issue.id, doc);
    expect(load()).toEqual(doc);
  });
});
