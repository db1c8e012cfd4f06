import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { issueBlocks, issues, items, newsletters, themes, users } from '@/db/schema';
import { seed } from '@/scripts/seed';
import { testDb } from '@/lib/test/db';
import { issueDocument, type IssueDocument } from './document';
import { loadIssueDocument } from './load';
import { moveBlock, sectionContainer } from './operations';
import { saveIssueDocument } from './save';

function setup() {
  const database = testDb();
  seed(database);
  const draft = database.select().from(issues).where(eq(issues.status, 'concept')).get()!;
  const editor = database.select().from(users).where(eq(users.role, 'redacteur')).get()!;
  const snapshot = () => ({
    issue: database.select().from(issues).where(eq(issues.id, draft.id)).get(),
    blocks: database
      .select()
      .from(issueBlocks)
      .where(eq(issueBlocks.issueId, draft.id))
      .orderBy(asc(issueBlocks.position))
      .all(),
  });
  return {
    database,
    draft,
    editor,
    snapshot,
    doc: () => loadIssueDocument(database, draft.id)!.document,
  };
}

describe('saveIssueDocument', () => {
  it('saves a move, bumps the version and records who changed the content', () => {
    const { database, draft, editor, doc } = setup();
    const section = doc().sections.find((s) => s.blocks.length > 1)!;
    const moved = moveBlock(doc(), section.blocks[0]!.id, {
      container: sectionContainer(section.themeId),
      index: 1,
    });
    const result = saveIssueDocument(database, {
      issueId: draft.id,
      version: draft.version,
      document: moved,
      editorId: editor.id,
    });
    expect(result).toMatchObject({ status: 'ok', version: draft.version + 1 });
    expect(doc()).toEqual(moved);
    const after = database.select().from(issues).where(eq(issues.id, draft.id)).get()!;
    expect(after.contentChangedBy).toBe(editor.id);
  });

  it('refuses a save on a stale version and names who changed it, changing nothing', () => {
    const { database, draft, editor, snapshot, doc } = setup();
    const first = saveIssueDocument(database, {
      issueId: draft.id,
      version: draft.version,
      document: { ...doc(), subject: 'Eerste' },
      editorId: editor.id,
    });
    expect(first.status).toBe('ok');
    const before = snapshot();
    const second = saveIssueDocument(database, {
      issueId: draft.id,
      version: draft.version,
      document: { ...doc(), subject: 'Tweede' },
      editorId: editor.id,
    });
    expect(second).toMatchObject({
      status: 'conflict',
      version: draft.version + 1,
      changedBy: 'Fatima El Idrissi',
    });
    expect(snapshot()).toEqual(before);
  });

  it('refuses an item of another newsletter, and a theme or block of another issue, changing nothing', () => {
    const { database, draft, editor, snapshot, doc } = setup();
    const other = database
      .insert(newsletters)
      .values({
        slug: 'ander',
        name: 'Ander',
        organisation: 'X',
        senderName: 'X',
        senderEmail: 'x@x.nl',
      })
      .returning()
      .get();
    const theme = database
      .insert(themes)
      .values({ newsletterId: other.id, slug: 't', name: 'T', position: 1 })
      .returning()
      .get();
    const foreign = database
      .insert(items)
      .values({ newsletterId: other.id, themeId: theme.id, kind: 'news', title: 'Vreemd' })
      .returning()
      .get();
    const before = snapshot();
    const save = (document: IssueDocument) =>
      saveIssueDocument(database, {
        issueId: draft.id,
        version: draft.version,
        document,
        editorId: editor.id,
      });

    const withForeignItem = {
      ...doc(),
      sections: doc().sections.map((s, i) =>
        i === 0
          ? {
              ...s,
              blocks: [...s.blocks, { id: 'vreemd', kind: 'item' as const, itemId: foreign.id }],
            }
          : s,
      ),
    };
    expect(save(withForeignItem)).toEqual({
      status: 'invalid',
      message: 'Het nummer bevat een item dat niet bij deze nieuwsbrief hoort.',
    });
    expect(
      save({ ...doc(), sections: [...doc().sections, { themeId: theme.id, blocks: [] }] }),
    ).toEqual({
      status: 'invalid',
      message: 'Het nummer bevat een thema dat niet bij deze nieuwsbrief hoort.',
    });
    const sentBlock = database
      .select()
      .from(issueBlocks)
      .where(eq(issueBlocks.kind, 'footer'))
      .all()
      .find((b) => b.issueId !== draft.id)!;
    expect(save({ ...doc(), footer: { id: sentBlock.id, kind: 'footer' } })).toEqual({
      status: 'invalid',
      message: 'Het nummer bevat een blok van een ander nummer.',
    });
    expect(snapshot()).toEqual(before);
  });

  it('refuses to change a sent issue', () => {
    const { database, editor } = setup();
    const sent = database.select().from(issues).where(eq(issues.status, 'sent')).get()!;
    const document = loadIssueDocument(database, sent.id)!.document;
    expect(
      saveIssueDocument(database, {
        issueId: sent.id,
        version: sent.version,
        document: { ...document, subject: 'Achteraf' },
        editorId: editor.id,
      }),
    ).toMatchObject({ status: 'locked' });
  });
});

describe('the document schema as the first gate of a save', () => {
  it('refuses forged documents whole, with Dutch messages', () => {
    const { doc } = setup();
    const messages = (value: unknown) => {
      const result = issueDocument.safeParse(value);
      return result.success ? [] : result.error.issues.map((i) => i.message);
    };
    expect(
      messages({
        ...doc(),
        extras: [{ id: 'x', kind: 'iframe', reusableBlockId: null, content: {} }],
      }),
    ).toContain('Onbekend bloktype.');
    expect(messages({ ...doc(), subject: '<img src=x onerror=alert(1)>' })).toContain(
      'Het onderwerp mag geen HTML bevatten.',
    );
    const huge = {
      ...doc(),
      sections: [
        {
          themeId: 1,
          blocks: Array.from({ length: 10_000 }, (_, i) => ({
            id: `b${i}`,
            kind: 'item',
            itemId: i + 1,
          })),
        },
      ],
    };
    expect(messages(huge)).toContain('Een nummer mag hoogstens 200 blokken hebben.');
  });
});
