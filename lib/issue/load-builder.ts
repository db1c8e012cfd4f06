import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { reusableBlocks, users } from '@/db/schema';
import { ctaContent, placedItemIds, textContent, type IssueDocument } from './document';
import { loadIssueDocument } from './load';
import { imageChoices } from '@/lib/media/library';
import { issueTitle } from '@/lib/newsletters/title';
import { sentThemeNames } from './sent-items';
import { defaultLibraryFilter } from './library-filter';
import { libraryItems, libraryPage } from './library-query';

export type { LibraryItem } from './library-query';

export type ReusableOption = { id: number; name: string } & (
  | {
      kind: 'text';
      content: Extract<IssueDocument['extras'][number], { kind: 'text' }>['content'];
    }
  | {
      kind: 'cta';
      content: { title: string; body: string; buttonLabel: string; buttonUrl: string };
    }
);

type LoadedIssue = NonNullable<ReturnType<typeof loadIssueDocument>>;

/**
 * The library as the builder opens: the first page, newest first, and every item the issue
 * holds (archived or not, on that page or not), so that its blocks keep their titles. Later pages,
 * search and filters come from the server (library-actions.ts), a page at a time.
 */
function libraryOf(database: Db, { issue, document }: LoadedIssue) {
  const first = libraryPage(database, issue.newsletterId, defaultLibraryFilter);
  const shown = new Set(first.items.map((i) => i.id));
  const held = [...placedItemIds(document)].filter((id) => !shown.has(id));
  return {
    /** Every item the builder knows, by id: the first page and the issue's own. */
    library: [...first.items, ...libraryItems(database, issue.newsletterId, held)],
    libraryPage: {
      ids: first.items.map((i) => i.id),
      next: first.next,
      total: first.total,
      matching: first.matching,
    },
  };
}

/** The newsletter's live reusable blocks, in their order. */
function reusableOf(database: Db, newsletterId: number): ReusableOption[] {
  return database
    .select()
    .from(reusableBlocks)
    .where(and(eq(reusableBlocks.newsletterId, newsletterId), isNull(reusableBlocks.archivedAt)))
    .orderBy(asc(reusableBlocks.position))
    .all()
    .flatMap((b): ReusableOption[] => {
      if (b.kind === 'text')
        return [{ id: b.id, name: b.name, kind: 'text', content: textContent.parse(b.content) }];
      if (b.kind === 'cta')
        return [{ id: b.id, name: b.name, kind: 'cta', content: ctaContent.parse(b.content) }];
      return [];
    });
}

/** Everything the builder needs: the document, the newsletter's library and reusable blocks. */
export function loadBuilder(database: Db, issueId: number) {
  const loaded = loadIssueDocument(database, issueId);
  if (!loaded) return null;
  const { issue, themes, document } = loaded;
  const { library, libraryPage: firstPage } = libraryOf(database, loaded);
  const reusable = reusableOf(database, issue.newsletterId);
  const sentNames =
    issue.status === 'sent' || issue.status === 'sending'
      ? sentThemeNames(database, issue.id)
      : new Map<number, string>();
  const updatedBy = issue.updatedBy
    ? database.select({ name: users.name }).from(users).where(eq(users.id, issue.updatedBy)).get()
        ?.name
    : null;
  return {
    issue: {
      id: issue.id,
      number: issue.number,
      status: issue.status,
      version: issue.version,
      updatedAt: issue.updatedAt.getTime(),
      updatedBy: updatedBy ?? null,
      newsletterName: issue.newsletter.name,
      title: issueTitle(issue.newsletter, issue.number),
      newsletterId: issue.newsletterId,
      fourEyes: issue.newsletter.fourEyes,
      contentChangedBy: issue.contentChangedBy,
      scheduledAt: issue.scheduledAt?.getTime() ?? null,
      sentAt: issue.sentAt?.getTime() ?? null,
      slug: issue.slug,
      newsletterSlug: issue.newsletter.slug,
      correctedAt: issue.correctedAt?.getTime() ?? null,
      correctionNote: issue.correctionNote,
      /** The audience groups it goes to; null: every subscriber (lib/issue/audience.ts). */
      audiences: issue.audiences ?? null,
    },
    // A sent issue, read-only here, shows the theme names it went out with.
    themes: themes.map((t) => ({ id: t.id, name: sentNames.get(t.id) ?? t.name })),
    document,
    library,
    /** The library panel's first page (ids into `library`) and where the next one starts. */
    libraryPage: firstPage,
    reusable,
    /** The newsletter's media library, for image blocks. */
    images: imageChoices(database, [issue.newsletterId]),
    testAddresses: issue.newsletter.testAddresses,
  };
}

export type BuilderData = NonNullable<ReturnType<typeof loadBuilder>>;
