import { and, asc, count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import {
  auditLog,
  issues,
  items,
  newsletters,
  sentItems,
  subscriptionThemes,
  themes,
  users,
} from '@/db/schema';
import { archiveFilters, listSentIssues, sentIssue } from '@/lib/archive/queries';
import { searchArchive } from '@/lib/archive/search';
import { emailSource } from '@/lib/email/source';
import { issueEmailProps } from '@/lib/email/render';
import { createIssue } from '@/lib/issue/create';
import { loadBuilder } from '@/lib/issue/load-builder';
import { loadIssueDocument } from '@/lib/issue/load';
import { saveIssueDocument } from '@/lib/issue/save';
import { testDb } from '@/lib/test/db';
import { seed } from '@/scripts/seed';
import { themesWithUsage } from './theme-usage';
import {
  addTheme,
  archiveTheme,
  deleteTheme,
  moveTheme,
  renameTheme,
  reorderThemes,
  restoreTheme,
  themeSlug,
  ThemeError,
} from './themes';

const URL = 'https://kopij.test';
const actor = { id: null, label: 'Test' };
let database: Db;
let newsletterId: number;
let newsletterSlug: string;

const tx = <T>(fn: (t: Db) => T): T => database.transaction((t) => fn(t as unknown as Db));
const themeBySlug = (slug: string) =>
  database.select().from(themes).where(eq(themes.slug, slug)).get()!;
const orderedNames = () =>
  database
    .select({ name: themes.name })
    .from(themes)
    .where(eq(themes.newsletterId, newsletterId))
    .orderBy(asc(themes.position))
    .all()
    .map((t) => t.name);
const rows = (table: typeof themes | typeof auditLog | typeof subscriptionThemes) =>
  database.select({ n: count() }).from(table).get()!.n;
const refusal = (fn: () => unknown): string => {
  try {
    tx(fn);
  } catch (error) {
    expect(error).toBeInstanceOf(ThemeError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};
/** A sent demo issue with an item under the theme, and its archive slug. */
const sentIssueWith = (themeId: number) => {
  const row = database
    .selectDistinct({ id: issues.id, slug: issues.slug })
    .from(issues)
    .innerJoin(sentItems, eq(sentItems.issueId, issues.id))
    .where(and(eq(issues.status, 'sent'), eq(sentItems.themeId, themeId)))
    .get();
  return row!;
};
const sectionNames = (issueSlug: string) =>
  sentIssue(database, newsletterSlug, issueSlug, URL)!.content.sections.map((s) => s.name);

beforeEach(() => {
  database = testDb();
  seed(database);
  ({ id: newsletterId, slug: newsletterSlug } = database.select().from(newsletters).get()!);
});

describe('adding a theme', () => {
  it('makes the demo themes through addTheme, slugs from their names, each logged', () => {
    expect(themeSlug('Financiën')).toBe('financien');
    expect(themeSlug('  Wonen & Ruimte! ')).toBe('wonen-ruimte');
    expect(themeBySlug('financien').name).toBe('Financiën');
    expect(
      database.select().from(auditLog).where(eq(auditLog.action, 'theme.added')).all(),
    ).toHaveLength(5);
  });

  it('puts a new theme last, with a free slug, and logs it', () => {
    const wonen = tx((t) => addTheme(t, newsletterId, '  Wonen ', actor));
    expect(wonen).toMatchObject({ name: 'Wonen', slug: 'wonen', position: 6, archivedAt: null });
    expect(orderedNames().at(-1)).toBe('Wonen');
    const entry = database
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(wonen.id)));
    expect(entry.get()).toMatchObject({ action: 'theme.added', actorLabel: 'Test' });
    // Another name with the same slug gets its own.
    expect(tx((t) => addTheme(t, newsletterId, 'Wonen!', actor)).slug).toBe('wonen-2');
  });

  it('refuses a duplicate name in any case, in Dutch, and changes nothing', () => {
    const before = { themes: rows(themes), log: rows(auditLog) };
    expect(refusal(() => addTheme(database, newsletterId, 'bestuur', actor))).toMatch(
      /Er is al een thema “Bestuur” in deze nieuwsbrief/,
    );
    expect(refusal(() => addTheme(database, newsletterId, '   ', actor))).toMatch(/naam/);
    expect({ themes: rows(themes), log: rows(auditLog) }).toEqual(before);
  });
});

describe('deleting a theme', () => {
  it('refuses a theme that items, sent issues and subscribers use, says why, changes nothing', () => {
    const bestuur = themeBySlug('bestuur');
    const before = { themes: rows(themes), log: rows(auditLog), follows: rows(subscriptionThemes) };
    const message = refusal(() => deleteTheme(database, bestuur.id, actor, newsletterId));
    expect(message).toMatch(/verzonden nummer/);
    expect(message).toMatch(/abonnee/);
    expect(message).toMatch(/Archiveer het in plaats daarvan/);
    expect(themeBySlug('bestuur')).toEqual(bestuur);
    expect({
      themes: rows(themes),
      log: rows(auditLog),
      follows: rows(subscriptionThemes),
    }).toEqual(before);
  });

  it('refuses a theme with only a library item', () => {
    const wonen = tx((t) => addTheme(t, newsletterId, 'Wonen', actor));
    const item = database.select().from(items).get()!;
    database.update(items).set({ themeId: wonen.id }).where(eq(items.id, item.id)).run();
    expect(refusal(() => deleteTheme(database, wonen.id, actor))).toMatch(/1 item/);
  });

  it('deletes an unused theme and logs it', () => {
    const wonen = tx((t) => addTheme(t, newsletterId, 'Wonen', actor));
    expect(themesWithUsage(database, newsletterId).at(-1)).toMatchObject({
      name: 'Wonen',
      items: 0,
      followers: 0,
      deletable: true,
    });
    tx((t) => deleteTheme(t, wonen.id, actor, newsletterId));
    expect(orderedNames()).not.toContain('Wonen');
    expect(
      database.select().from(auditLog).where(eq(auditLog.action, 'theme.deleted')).get(),
    ).toMatchObject({ summary: 'Thema “Wonen” verwijderd' });
  });

  it('refuses a theme of another newsletter', () => {
    const bestuur = themeBySlug('bestuur');
    expect(refusal(() => deleteTheme(database, bestuur.id, actor, newsletterId + 1))).toMatch(
      /bestaat niet/,
    );
  });
});

describe('archiving a theme', () => {
  it('keeps every follower’s other themes and the sent sections, drops it from new issues', () => {
    const bestuur = themeBySlug('bestuur');
    const follows = database.select().from(subscriptionThemes).all();
    const sent = sentIssueWith(bestuur.id);
    const sectionsBefore = sectionNames(sent.slug);
    expect(sectionsBefore).toContain('Bestuur');

    tx((t) => archiveTheme(t, bestuur.id, actor, newsletterId));

    expect(database.select().from(subscriptionThemes).all()).toEqual(follows);
    expect(sectionNames(sent.slug)).toEqual(sectionsBefore);
    expect(archiveFilters(database).themes.map((t) => t.name)).toContain('Bestuur');
    const editor = database.select().from(users).get()!;
    const fresh = tx((t) => createIssue(t, newsletterId, editor.id));
    const builder = loadBuilder(database, fresh.id)!;
    expect(builder.document.sections.map((s) => s.themeId)).not.toContain(bestuur.id);
    expect(builder.themes.map((t) => t.name)).not.toContain('Bestuur');
    expect(builder.library.every((i) => i.themeId !== bestuur.id)).toBe(true);
    expect(themesWithUsage(database, newsletterId).find((t) => t.id === bestuur.id)).toMatchObject({
      deletable: false,
    });

    tx((t) => restoreTheme(t, bestuur.id, actor, newsletterId));
    expect(loadBuilder(database, fresh.id)!.themes.map((t) => t.name)).toContain('Bestuur');
  });

  it('refuses a new item in an archived section from a builder opened before', () => {
    const bestuur = themeBySlug('bestuur');
    const draft = database.select().from(issues).where(eq(issues.status, 'concept')).get()!;
    const stale = loadIssueDocument(database, draft.id)!.document;
    const section = stale.sections.find((s) => s.themeId === bestuur.id)!;
    const free = database
      .select()
      .from(items)
      .where(eq(items.themeId, bestuur.id))
      .all()
      .find((i) => !section.blocks.some((b) => b.itemId === i.id))!;
    tx((t) => archiveTheme(t, bestuur.id, actor));
    const editor = database.select().from(users).get()!;
    const save = (document: typeof stale) =>
      tx((t) =>
        saveIssueDocument(t, {
          issueId: draft.id,
          version: draft.version,
          document,
          editorId: editor.id,
        }),
      );
    const added = structuredClone(stale);
    added.sections
      .find((s) => s.themeId === bestuur.id)!
      .blocks.push({ id: crypto.randomUUID(), kind: 'item', itemId: free.id });
    expect(save(added)).toEqual({
      status: 'invalid',
      message: 'Het thema Bestuur is gearchiveerd en neemt geen nieuwe items meer op.',
    });
    // What was already there may stay (and be saved again).
    expect(save(stale)).toMatchObject({ status: 'ok' });
  });

  it('refuses to archive the last active theme', () => {
    const all = database.select().from(themes).all();
    for (const t of all.slice(1)) tx((d) => archiveTheme(d, t.id, actor));
    expect(refusal(() => archiveTheme(database, all[0]!.id, actor))).toMatch(/laatste actieve/);
  });
});

describe('renaming a theme', () => {
  it('changes future issues only: the sent issue keeps the name it was sent with', () => {
    const bestuur = themeBySlug('bestuur');
    const sent = sentIssueWith(bestuur.id);
    tx((t) => renameTheme(t, bestuur.id, 'Bestuur en raad', actor, newsletterId));

    expect(themeBySlug('bestuur').name).toBe('Bestuur en raad');
    const frozen = database
      .selectDistinct({ name: sentItems.themeName })
      .from(sentItems)
      .where(eq(sentItems.themeId, bestuur.id))
      .all();
    expect(frozen).toEqual([{ name: 'Bestuur' }]);
    // The archive page, the mail as sent, the list and the filters: the old name.
    expect(sectionNames(sent.slug)).toContain('Bestuur');
    expect(sectionNames(sent.slug)).not.toContain('Bestuur en raad');
    const asSent = issueEmailProps(emailSource(database, sent.id, URL, { asSent: true })!);
    expect(asSent.sections.map((s) => s.name)).toContain('Bestuur');
    expect(loadBuilder(database, sent.id)!.themes.map((t) => t.name)).toContain('Bestuur');
    const listed = listSentIssues(database, {}).issues.find((i) => i.id === sent.id)!;
    expect(listed.themes).toContain('Bestuur');
    expect(archiveFilters(database).themes.find((t) => t.id === bestuur.id)!.name).toBe('Bestuur');

    // The draft and a new issue: the new name.
    const draft = database.select().from(issues).where(eq(issues.status, 'concept')).get()!;
    expect(
      issueEmailProps(emailSource(database, draft.id, URL)!).sections.map((s) => s.name),
    ).toContain('Bestuur en raad');
    expect(loadBuilder(database, draft.id)!.themes.map((t) => t.name)).toContain('Bestuur en raad');
    expect(
      database.select().from(auditLog).where(eq(auditLog.action, 'theme.renamed')).get(),
    ).toMatchObject({ summary: 'Thema “Bestuur” hernoemd tot “Bestuur en raad”' });
  });

  it('keeps the sent name in search after a re-index (as a correction does)', async () => {
    const bestuur = themeBySlug('bestuur');
    const sent = sentIssueWith(bestuur.id);
    tx((t) => renameTheme(t, bestuur.id, 'Bestuur en raad', actor));
    const { indexSentIssue } = await import('@/lib/archive/search');
    tx((t) => indexSentIssue(t, sent.id));
    const title = database
      .select({ title: sentItems.title })
      .from(sentItems)
      .where(and(eq(sentItems.issueId, sent.id), eq(sentItems.themeId, bestuur.id)))
      .get()!.title;
    const hit = searchArchive(database, { q: title, limit: 20, offset: 0 }).results.find(
      (r) => r.issueId === sent.id && r.title === title,
    );
    expect(hit?.themeName).toBe('Bestuur');
  });

  it('refuses a name another theme has', () => {
    const bestuur = themeBySlug('bestuur');
    expect(refusal(() => renameTheme(database, bestuur.id, 'FINANCIËN', actor))).toMatch(
      /al een thema “Financiën”/,
    );
    expect(themeBySlug('bestuur').name).toBe('Bestuur');
  });
});

describe('reordering themes', () => {
  it('saves the given order, and one step up or down', () => {
    const ids = database
      .select()
      .from(themes)
      .orderBy(asc(themes.position))
      .all()
      .map((t) => t.id);
    tx((t) => reorderThemes(t, newsletterId, [...ids].reverse(), actor));
    expect(orderedNames()).toEqual([
      'Sociaal domein breed',
      'Over de vereniging',
      'Financiën',
      'Bestuur',
      'Asiel tot integratie',
    ]);
    tx((t) => moveTheme(t, themeBySlug('bestuur').id, 'up', actor));
    expect(orderedNames().slice(2, 4)).toEqual(['Bestuur', 'Financiën']);
    // At the top, up changes nothing.
    tx((t) => moveTheme(t, themeBySlug('sociaal-domein-breed').id, 'up', actor));
    expect(orderedNames()[0]).toBe('Sociaal domein breed');
    expect(
      database.select().from(auditLog).where(eq(auditLog.action, 'theme.reordered')).all(),
    ).toHaveLength(2);
  });

  it('refuses a list that misses or repeats a theme', () => {
    const ids = database
      .select()
      .from(themes)
      .all()
      .map((t) => t.id);
    const before = orderedNames();
    expect(refusal(() => reorderThemes(database, newsletterId, ids.slice(1), actor))).toMatch(
      /intussen gewijzigd/,
    );
    expect(
      refusal(() => reorderThemes(database, newsletterId, [ids[0]!, ...ids.slice(0, -1)], actor)),
    ).toMatch(/intussen gewijzigd/);
    expect(orderedNames()).toEqual(before);
  });
});
