import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { issueTemplates, issues, newsletters, reusableBlocks, users } from '@/db/schema';
import { testDb } from '@/lib/test/db';
import { seed } from '@/scripts/seed';
import { createIssue } from './create';
import type { ExtraBlock, IssueDocument } from './document';
import { loadIssueDocument } from './load';
import { archiveReusableBlock } from './reusable-blocks';
import { saveBlocks } from './storage';
import {
  deleteTemplate,
  listTemplates,
  renameTemplate,
  saveTemplate,
  TemplateRefusal,
  templateStructure,
} from './templates';

let database: Db;
let newsletterId: number;
const tx = <T>(fn: (t: Db) => T) => database.transaction((t) => fn(t as unknown as Db));
const editor = (email: string) => {
  const u = database.select().from(users).where(eq(users.email, email)).get()!;
  return { id: u.id, role: u.role };
};
const admin = () => editor('redactie@kopij.test');
const chief = () => editor('hoofdredactie@kopij.test');
const fatima = () => editor('redacteur@kopij.test');
const otherRedacteur = () => {
  const u = database
    .insert(users)
    .values({ email: 'tweede@kopij.test', name: 'Tweede Redacteur', role: 'redacteur' })
    .returning()
    .get();
  return { id: u.id, role: u.role };
};
const doc = (issueId: number) => loadIssueDocument(database, issueId)!;
const version = (issueId: number) => doc(issueId).issue.version;
const templateCount = () => database.select({ n: count() }).from(issueTemplates).get()!.n;
const issueCount = () => database.select({ n: count() }).from(issues).get()!.n;
/** A block as a template holds it: no id, the rest as it is. */
const frame = (blocks: ExtraBlock[]) =>
  blocks.map((b) => Object.fromEntries(Object.entries(b).filter(([key]) => key !== 'id')));

/** The demo draft (Raadsbericht 24): lead, items, both start blocks, footer. */
function draft() {
  return database.select().from(issues).where(eq(issues.status, 'concept')).get()!;
}

/** Rewrites the draft's fixed blocks: the CTA first, its text edited, then an image; no footer. */
function reshape(issueId: number): IssueDocument {
  const { document } = doc(issueId);
  const [forum, moties] = document.extras;
  if (moties?.kind !== 'cta' || !forum) throw new Error('demo changed');
  const changed: IssueDocument = {
    ...document,
    extras: [
      { ...moties, content: { ...moties.content, title: 'Moties, bewerkt in het nummer' } },
      forum,
      {
        id: 'img',
        kind: 'image',
        reusableBlockId: null,
        content: { mediaId: null, caption: 'Foto', link: null },
      },
    ],
    footer: null,
  };
  tx((t) => saveBlocks(t, issueId, changed));
  return changed;
}

const save = (issueId: number, name: string, who = fatima(), replace = false) =>
  tx((t) => saveTemplate(t, { issueId, version: version(issueId), name, replace }, who)).template;

beforeEach(() => {
  database = testDb();
  seed(database);
  newsletterId = database.select().from(newsletters).get()!.id;
});

describe('issue templates', () => {
  it('saves the fixed blocks, their order and the footer, without the items', () => {
    const source = draft();
    const changed = reshape(source.id);
    const template = save(source.id, 'Kort nummer');
    const structure = templateStructure.parse(template.structure);
    expect(structure).toEqual({ version: 1, blocks: frame(changed.extras), footer: false });
    expect(JSON.stringify(template.structure)).not.toMatch(/itemId|"id"/);
    expect(template).toMatchObject({ newsletterId, name: 'Kort nummer', createdBy: fatima().id });
  });

  it('starts a new issue with the template’s frame: same blocks and order, new ids, no items', () => {
    const source = draft();
    const changed = reshape(source.id);
    const template = save(source.id, 'Kort nummer');
    const made = tx((t) => createIssue(t, newsletterId, admin().id, template.id));
    const { document } = doc(made.id);
    expect(frame(document.extras)).toEqual(frame(changed.extras));
    // The text edited in the issue is kept, and the block still links to its reusable block.
    expect(document.extras[0]).toMatchObject({
      kind: 'cta',
      reusableBlockId: changed.extras[0]!.reusableBlockId,
      content: { title: 'Moties, bewerkt in het nummer' },
    });
    expect(document.extras.map((b) => b.id)).not.toContain(changed.extras[0]!.id);
    expect(document.lead).toBeNull();
    expect(document.sections.every((s) => s.blocks.length === 0)).toBe(true);
    expect(document.sections.map((s) => s.themeId)).toEqual(
      doc(source.id).document.sections.map((s) => s.themeId),
    );
    expect(document.footer).toBeNull();
    // Without a template: the start blocks and the footer, as before.
    const plain = doc(tx((t) => createIssue(t, newsletterId, admin().id)).id).document;
    expect(plain.extras.map((b) => b.kind)).toEqual(['text', 'cta']);
    expect(plain.footer).not.toBeNull();
  });

  it('refuses a template of another newsletter and writes no issue', () => {
    const template = save(draft().id, 'Standaard');
    const other = database
      .insert(newsletters)
      .values({
        slug: 'zorgpost',
        name: 'Zorgpost',
        organisation: 'O',
        senderName: 'S',
        senderEmail: 's@o.test',
      })
      .returning()
      .get();
    const before = issueCount();
    expect(() => tx((t) => createIssue(t, other.id, admin().id, template.id))).toThrow(
      'Dit sjabloon hoort bij een andere nieuwsbrief.',
    );
    expect(() => tx((t) => createIssue(t, other.id, admin().id, 99999))).toThrow(
      'Dit sjabloon bestaat niet (meer).',
    );
    expect(issueCount()).toBe(before);
  });

  it('keeps the saved copy of an archived or deleted reusable block, unlinked, and drops a lost image', () => {
    const source = draft();
    const { document } = doc(source.id);
    const [forum, moties] = document.extras;
    tx((t) =>
      saveBlocks(t, source.id, {
        ...document,
        extras: [
          ...document.extras,
          {
            id: 'img',
            kind: 'image',
            reusableBlockId: null,
            content: { mediaId: 4242, caption: 'Weg', link: null },
          },
        ],
      }),
    );
    const template = save(source.id, 'Met blokken');
    tx((t) => archiveReusableBlock(t, forum!.reusableBlockId!));
    database.delete(reusableBlocks).where(eq(reusableBlocks.id, moties!.reusableBlockId!)).run();
    const made = tx((t) => createIssue(t, newsletterId, admin().id, template.id));
    const extras = doc(made.id).document.extras;
    expect(extras.map((b) => [b.kind, b.reusableBlockId])).toEqual([
      ['text', null],
      ['cta', null],
      ['image', null],
    ]);
    expect(extras[0]!.content).toEqual(forum!.content);
    expect(extras[1]!.content).toEqual(moties!.content);
    expect(extras[2]!.content).toEqual({ mediaId: null, caption: 'Weg', link: null });
  });

  it('does not trust stored JSON: a broken structure is refused and listed as broken', () => {
    const broken = database
      .insert(issueTemplates)
      .values({
        newsletterId,
        name: 'Kapot',
        structure: {
          version: 1,
          blocks: [{ kind: 'text', reusableBlockId: null, content: { title: '<b>x</b>' } }],
          footer: true,
        },
      })
      .returning()
      .get();
    const before = issueCount();
    expect(() => tx((t) => createIssue(t, newsletterId, admin().id, broken.id))).toThrow(
      'Dit sjabloon is beschadigd',
    );
    expect(issueCount()).toBe(before);
    expect(listTemplates(database, newsletterId)).toMatchObject([{ name: 'Kapot', blocks: null }]);
  });

  it('refuses a name in use (whatever its case) unless replacing, and only its maker or a chief replaces', () => {
    const source = draft();
    save(source.id, 'Zomer');
    expect(() => save(source.id, ' zomer ')).toThrow(TemplateRefusal);
    expect(() => save(source.id, 'ZOMER')).toThrow('Er is al een sjabloon met de naam “Zomer”.');
    const second = otherRedacteur();
    expect(() => save(source.id, 'Zomer', second, true)).toThrow(
      'Alleen wie dit sjabloon maakte, een hoofdredacteur of een beheerder kan het vervangen.',
    );
    reshape(source.id);
    const replaced = tx((t) =>
      saveTemplate(
        t,
        { issueId: source.id, version: version(source.id), name: 'Zomer', replace: true },
        chief(),
      ),
    );
    expect(replaced.replaced).toBe(true);
    expect(templateCount()).toBe(1);
    expect(templateStructure.parse(replaced.template.structure).blocks).toHaveLength(3);
  });

  it('saves only the version the editor sees', () => {
    const source = draft();
    expect(() =>
      tx((t) =>
        saveTemplate(
          t,
          { issueId: source.id, version: source.version + 1, name: 'Oud', replace: false },
          fatima(),
        ),
      ),
    ).toThrow('Het nummer is intussen gewijzigd.');
    expect(templateCount()).toBe(0);
  });

  it('renames and deletes for the maker or a chief only; issues made from it stay', () => {
    const source = draft();
    const template = save(source.id, 'Basis');
    save(source.id, 'Anders');
    const made = tx((t) => createIssue(t, newsletterId, fatima().id, template.id));
    const second = otherRedacteur();
    expect(() => tx((t) => renameTemplate(t, template.id, 'Nieuw', second))).toThrow(
      'kan het hernoemen',
    );
    expect(() => tx((t) => renameTemplate(t, template.id, 'anders', fatima()))).toThrow(
      'Er is al een sjabloon met de naam “Anders”.',
    );
    tx((t) => renameTemplate(t, template.id, 'Basisnummer', fatima()));
    expect(() => tx((t) => deleteTemplate(t, template.id, second))).toThrow('kan het verwijderen');
    expect(templateCount()).toBe(2);
    expect(tx((t) => deleteTemplate(t, template.id, chief())).name).toBe('Basisnummer');
    expect(listTemplates(database, newsletterId).map((t) => t.name)).toEqual(['Anders']);
    expect(doc(made.id).document.extras).toHaveLength(2);
  });
});
