import { count } from 'drizzle-orm';
import { generateNKeysBetween } from 'fractional-indexing';
import { createReusableBlock, reusableBlockInput } from '@/lib/issue/reusable-blocks';
import { createNewsletter } from '@/lib/newsletters/service';
import { addTheme } from '@/lib/newsletters/themes';
import { teaserColumns } from '@/lib/items/schema';
import { fromPlainText } from '@/lib/richtext/plain';
import { emptyDoc } from '@/lib/richtext/schema';
import { slugify } from '@/lib/slug';
import type { Db, Tx } from '@/db';
import * as s from '@/db/schema';
import {
  demoIssues,
  demoItems,
  demoNewsletter,
  demoReusableBlocks,
  demoSubscribers,
  demoThemes,
  type DemoIssue,
  type ThemeSlug,
} from '@/db/seed-data';

export const demoEditors = [
  { email: 'redactie@kopij.test', name: 'Sanne Bakker', role: 'admin' },
  { email: 'hoofdredactie@kopij.test', name: 'Pieter Jansen', role: 'hoofdredacteur' },
  { email: 'redacteur@kopij.test', name: 'Fatima El Idrissi', role: 'redacteur' },
] as const;

const DAY = 24 * 60 * 60 * 1000;

/** A calendar date in Dutch time, `days` from `now`, as YYYY-MM-DD. */
function dutchDate(now: Date, days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
    new Date(now.getTime() + days * DAY),
  );
}

export function isEmpty(database: Db): boolean {
  return (
    database.select({ n: count() }).from(s.newsletters).get()!.n === 0 &&
    database.select({ n: count() }).from(s.users).get()!.n === 0
  );
}

/** The ids the later steps refer to. */
type Demo = {
  now: Date;
  editorIds: string[];
  newsletterId: number;
  themeId: (slug: ThemeSlug) => number;
  itemIds: Map<string, number>;
  reusable: { id: number; kind: 'text' | 'cta'; content: Record<string, unknown> }[];
};

/** Makes the newsletter the way the admin screen's "Nieuwe nieuwsbrief" does: one way to make one. */
function insertNewsletter(tx: Tx, adminId: string) {
  const made = createNewsletter(tx, demoNewsletter, { id: adminId, label: 'Systeem' });
  if (!made.ok)
    throw new Error(
      `Demo-nieuwsbrief geweigerd: ${made.message} ${JSON.stringify(made.fieldErrors ?? {})}`,
    );
  const newsletterId = made.id;
  // The same path as the themes screen: slug from the name, in order, each logged.
  const themeIds = new Map(
    demoThemes.map((theme) => [
      theme.slug,
      addTheme(tx, newsletterId, theme.name, { id: null, label: 'Systeem' }).id,
    ]),
  );
  return { newsletterId, themeId: (slug: ThemeSlug) => themeIds.get(slug)! };
}

function insertItems(tx: Tx, demo: Omit<Demo, 'itemIds' | 'reusable'>): Map<string, number> {
  const { now, editorIds } = demo;
  const itemIds = new Map<string, number>();
  demoItems.forEach((item, index) => {
    const createdAt = new Date(now.getTime() - (60 - index) * DAY);
    const id = tx
      .insert(s.items)
      .values({
        newsletterId: demo.newsletterId,
        themeId: demo.themeId(item.theme),
        kind: item.kind,
        title: item.title,
        ...teaserColumns(
          typeof item.teaser === 'string'
            ? fromPlainText(item.teaser, { headings: false })
            : item.teaser,
        ),
        body: item.body ?? emptyDoc(),
        url: item.url,
        eventDate: item.event ? dutchDate(now, item.event.daysFromNow) : null,
        startTime: item.event?.startTime ?? null,
        endTime: item.event?.endTime ?? null,
        location: item.event?.location ?? null,
        online: item.event?.online ?? false,
        registrationUrl: item.event?.registrationUrl ?? null,
        createdBy: editorIds[index % editorIds.length],
        updatedBy: editorIds[index % editorIds.length],
        createdAt,
        updatedAt: createdAt,
      })
      .returning({ id: s.items.id })
      .get().id;
    itemIds.set(item.key, id);
  });
  return itemIds;
}

/** Through the admin screen's own service, all marked for new issues in the demo's order. */
function insertReusableBlocks(tx: Tx, newsletterId: number): Demo['reusable'] {
  return demoReusableBlocks.map((block) => {
    // Through the form's schema, which turns the demo's plain text into a document.
    const input = reusableBlockInput.parse({ ...block, inNewIssues: true });
    const created = createReusableBlock(tx, newsletterId, input);
    return {
      id: created.id,
      kind: block.kind,
      content: created.content,
    };
  });
}

/** Lead, themed sections in the themes' order, the reusable blocks, footer: the reference issue. */
function insertBlocks(tx: Tx, demo: Demo, issue: DemoIssue, issueId: number): void {
  type NewBlock = Omit<typeof s.issueBlocks.$inferInsert, 'position' | 'issueId'>;
  const blocks: NewBlock[] = [{ kind: 'lead', itemId: demo.itemIds.get(issue.lead)! }];
  for (const theme of demoThemes) {
    for (const key of issue.sections[theme.slug] ?? [])
      blocks.push({
        kind: 'item',
        themeId: demo.themeId(theme.slug),
        itemId: demo.itemIds.get(key)!,
      });
  }
  for (const block of demo.reusable)
    blocks.push({ kind: block.kind, reusableBlockId: block.id, content: block.content });
  blocks.push({ kind: 'footer' });
  const positions = generateNKeysBetween(null, null, blocks.length);
  tx.insert(s.issueBlocks)
    .values(blocks.map((block, index) => ({ ...block, issueId, position: positions[index]! })))
    .run();
}

/** Inserts one demo issue with its blocks; returns its id and whether it counts as sent. */
function insertIssue(tx: Tx, demo: Demo, issue: DemoIssue): { issueId: number; sent: boolean } {
  const { now, editorIds } = demo;
  // Sent at 09:00 Dutch time (08:00 UTC in winter), as a fortnightly newsletter would be.
  const sentAt =
    issue.sentDaysAgo == null ? null : new Date(`${dutchDate(now, -issue.sentDaysAgo)}T08:00:00Z`);
  const issueId = tx
    .insert(s.issues)
    .values({
      newsletterId: demo.newsletterId,
      number: issue.number,
      subject: issue.subject,
      preheader: issue.preheader,
      status: sentAt ? 'sent' : 'concept',
      slug: `${issue.number}-${slugify(issue.subject.replace(/^[^:]*:\s*/, ''), 60)}`,
      sentAt,
      approvedAt: sentAt,
      approvedBy: sentAt ? editorIds[1] : null,
      contentChangedAt: sentAt ?? now,
      contentChangedBy: editorIds[2],
      createdBy: editorIds[2],
      updatedBy: sentAt ? editorIds[1] : editorIds[2],
      updatedAt: sentAt ?? now,
    })
    .returning({ id: s.issues.id })
    .get().id;
  insertBlocks(tx, demo, issue, issueId);
  return { issueId, sent: sentAt !== null };
}

function insertSubscribers(tx: Tx, demo: Demo): void {
  const { now, newsletterId } = demo;
  demoSubscribers.forEach((person, index) => {
    const confirmedAt = new Date(now.getTime() - (200 - index) * DAY);
    const subscriberId = tx
      .insert(s.subscribers)
      .values({
        email: person.email,
        name: person.name,
        municipality: person.municipality,
        audience: person.audience,
        createdAt: confirmedAt,
      })
      .returning({ id: s.subscribers.id })
      .get().id;
    const subscriptionId = tx
      .insert(s.subscriptions)
      .values({ subscriberId, newsletterId, status: 'active', confirmedAt, createdAt: confirmedAt })
      .returning({ id: s.subscriptions.id })
      .get().id;
    tx.insert(s.subscriptionThemes)
      .values(person.themes.map((slug) => ({ subscriptionId, themeId: demo.themeId(slug) })))
      .run();
    tx.insert(s.consentEvents)
      .values({
        subscriberId,
        newsletterId,
        kind: 'confirmed',
        source: 'demo',
        wordingVersion: 'demo-1',
        createdAt: confirmedAt,
      })
      .run();
  });
}

/**
 * Writes the demo newsletter, inside the caller's transaction, and returns the ids of the issues
 * it writes as sent. Those still lack what a send adds when it starts and completes (the items as
 * sent, the search rows): that is the archive's business, above db/, so the caller adds it
 * (scripts/seed.ts).
 */
export function writeDemoContent(tx: Tx, now: Date): number[] {
  const editorIds = demoEditors.map(
    (e) => tx.insert(s.users).values(e).returning({ id: s.users.id }).get().id,
  );
  const newsletter = insertNewsletter(tx, editorIds[0]!);
  const base = { now, editorIds, ...newsletter };
  const itemIds = insertItems(tx, base);
  const demo: Demo = { ...base, itemIds, reusable: insertReusableBlocks(tx, base.newsletterId) };
  const sent = demoIssues
    .map((issue) => insertIssue(tx, demo, issue))
    .filter((i) => i.sent)
    .map((i) => i.issueId);
  insertSubscribers(tx, demo);
  tx.insert(s.auditLog)
    .values({
      actorId: editorIds[0]!,
      actorLabel: 'Systeem',
      action: 'system.seeded',
      entityType: 'system',
      summary: 'Demo-inhoud geladen',
    })
    .run();
  return sent;
}
