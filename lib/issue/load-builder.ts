import { and, asc, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '@/db';
import { items, reusableBlocks, users } from '@/db/schema';
import { ctaContent, placedItemIds, textContent, type IssueDocument } from './document';
import { loadIssueDocument } from './load';
import { imageChoices } from '@/lib/media/library';
import { issueTitle } from '@/lib/newsletters/title';
import { sentThemeNames } from './sent-items';

export type LibraryItem = {
  id: number;
  kind: 'news' | 'event' | 'publication' | 'podcast';
  themeId: number;
  title: string;
  teaser: string;
  eventDate: string | null;
  startTime: string | null;
  endTime: string | null;
  location: string | null;
  online: boolean;
};

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
 * The items an editor may place, newest first: the newsletter's, except archived items and
 * items of archived themes; those this issue already holds stay known.
 */
function libraryOf(database: Db, { issue, document }: LoadedIssue): LibraryItem[] {
  const archived = new Set(issue.newsletter.themes.filter((t) => t.archivedAt).map((t) => t.id));
  const placed = placedItemIds(document);
  return (
    database
      .select({
        id: items.id,
        kind: items.kind,
        themeId: items.themeId,
        title: items.title,
        teaser: items.teaser,
        eventDate: items.eventDate,
        startTime: items.startTime,
        endTime: items.endTime,
        location: items.location,
        online: items.online,
      })
      .from(items)
      .where(
        and(
          eq(items.newsletterId, issue.newsletterId),
          or(isNull(items.archivedAt), inArray(items.id, [...placed])),
        ),
      )
      // Newest first: the items just written for this issue are the ones an editor looks for.
      .orderBy(desc(items.createdAt), desc(items.id))
      .all()
      .filter((item) => !archived.has(item.themeId) || placed.has(item.id))
  );
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
  const library = libraryOf(database, loaded);
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
    },
    // A sent issue, read-only here, shows the theme names it went out with.
    themes: themes.map((t) => ({ id: t.id, name: sentNames.get(t.id) ?? t.name })),
    document,
    library,
    reusable,
    /** The newsletter's media library, for image blocks. */
    images: imageChoices(database, [issue.newsletterId]),
    testAddresses: issue.newsletter.testAddresses,
  };
}

export type BuilderData = NonNullable<ReturnType<typeof loadBuilder>>;
