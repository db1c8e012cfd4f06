import fs from 'node:fs';
import { count } from 'drizzle-orm';
import { generateNKeysBetween } from 'fractional-indexing';
import { freezeSentItems } from '@/lib/issue/sent-items';
import { indexSentIssue } from '@/lib/archive/search';
import { ConfigError, parseConfig, prepareRuntime } from '@/lib/config';
import { openDatabase, type Db } from './index';
import { migrateDatabase } from './migrate';
import * as s from './schema';
import {
  demoIssues,
  demoItems,
  demoNewsletter,
  demoReusableBlocks,
  demoSubscribers,
  demoThemes,
} from './seed-data';

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

function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '');
}

export function isEmpty(database: Db): boolean {
  return (
    database.select({ n: count() }).from(s.newsletters).get()!.n === 0 &&
    database.select({ n: count() }).from(s.users).get()!.n === 0
  );
}

/** Fills an empty database with the demo newsletter, in one transaction. */
export function seed(database: Db, now = new Date()): void {
  database.transaction((tx) => {
    const editorIds = demoEditors.map(
      (e) => tx.insert(s.users).values(e).returning({ id: s.users.id }).get().id,
    );
    const adminId = editorIds[0]!;

    const newsletterId = tx
      .insert(s.newsletters)
      .values(demoNewsletter)
      .returning({ id: s.newsletters.id })
      .get().id;
    const themeIds = new Map(
      demoThemes.map((theme, index) => [
        theme.slug,
        tx
          .insert(s.themes)
          .values({ newsletterId, slug: theme.slug, name: theme.name, position: index + 1 })
          .returning({ id: s.themes.id })
          .get().id,
      ]),
    );
    const themeId = (slug: string) => themeIds.get(slug as never)!;

    const itemIds = new Map<string, number>();
    demoItems.forEach((item, index) => {
      const createdAt = new Date(now.getTime() - (60 - index) * DAY);
      const id = tx
        .insert(s.items)
        .values({
          newsletterId,
          themeId: themeId(item.theme),
          kind: item.kind,
          title: item.title,
          teaser: item.teaser,
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

    const reusable = demoReusableBlocks.map((block, index) => {
      const { kind, name, ...rest } = block;
      const content = Object.fromEntries(Object.entries(rest).filter(([field]) => field !== 'key'));
      const id = tx
        .insert(s.reusableBlocks)
        .values({ newsletterId, kind, name, content, inNewIssues: true, position: index + 1 })
        .returning({ id: s.reusableBlocks.id })
        .get().id;
      return { id, kind, content };
    });

    for (const issue of demoIssues) {
      // Sent at 09:00 Dutch time (08:00 UTC in winter), as a fortnightly newsletter would be.
      const sentAt =
        issue.sentDaysAgo == null
          ? null
          : new Date(`${dutchDate(now, -issue.sentDaysAgo)}T08:00:00Z`);
      const issueId = tx
        .insert(s.issues)
        .values({
          newsletterId,
          number: issue.number,
          subject: issue.subject,
          preheader: issue.preheader,
          status: sentAt ? 'sent' : 'concept',
          slug: `${issue.number}-${slugify(issue.subject.replace(/^[^:]*:\s*/, ''))}`,
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

      type NewBlock = Omit<typeof s.issueBlocks.$inferInsert, 'position' | 'issueId'>;
      const blocks: NewBlock[] = [{ kind: 'lead', itemId: itemIds.get(issue.lead)! }];
      for (const theme of demoThemes) {
        for (const key of issue.sections[theme.slug] ?? [])
          blocks.push({ kind: 'item', themeId: themeId(theme.slug), itemId: itemIds.get(key)! });
      }
      for (const block of reusable)
        blocks.push({ kind: block.kind, reusableBlockId: block.id, content: block.content });
      blocks.push({ kind: 'footer' });
      const positions = generateNKeysBetween(null, null, blocks.length);
      tx.insert(s.issueBlocks)
        .values(blocks.map((block, index) => ({ ...block, issueId, position: positions[index]! })))
        .run();
      if (sentAt) {
        freezeSentItems(tx, issueId);
        indexSentIssue(tx, issueId);
      }
    }

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
        .values({
          subscriberId,
          newsletterId,
          status: 'active',
          confirmedAt,
          createdAt: confirmedAt,
        })
        .returning({ id: s.subscriptions.id })
        .get().id;
      tx.insert(s.subscriptionThemes)
        .values(person.themes.map((slug) => ({ subscriptionId, themeId: themeId(slug) })))
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

    tx.insert(s.auditLog)
      .values({
        actorId: adminId,
        actorLabel: 'Systeem',
        action: 'system.seeded',
        entityType: 'system',
        summary: 'Demo-inhoud geladen',
      })
      .run();
  });
}

// `npm run db:seed [-- --reset]`
if (process.argv[1] === import.meta.filename) {
  try {
    const config = prepareRuntime(parseConfig());
    if (process.argv.includes('--reset')) {
      for (const suffix of ['', '-wal', '-shm'])
        fs.rmSync(config.databaseFile + suffix, { force: true });
    }
    const database = openDatabase(config.databaseFile);
    migrateDatabase(database);
    if (isEmpty(database)) {
      seed(database);
      console.log(`Demo-inhoud geladen in ${config.databaseFile}`);
    } else {
      console.log(
        'De database bevat al gegevens; er is niets gewijzigd. Gebruik `npm run db:seed -- --reset` om opnieuw te beginnen.',
      );
    }
    database.$client.close();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
