import { and, asc, count, eq, max } from 'drizzle-orm';
import type { Tx } from '@/db';
import { issues, newsletters } from '@/db/schema';

export type ArchiveNewsletter = {
  id: number;
  slug: string;
  name: string;
  description: string;
  organisation: string;
  issueCount: number;
  lastSentAt: Date;
};

/**
 * The newsletters the public archive shows: those with a sent issue (archived newsletters keep
 * their archive), by name. The archive's list pages change only when an issue is sent or
 * corrected, and so does this.
 */
export function archiveNewsletters(database: Tx): ArchiveNewsletter[] {
  return database
    .select({
      id: newsletters.id,
      slug: newsletters.slug,
      name: newsletters.name,
      description: newsletters.description,
      organisation: newsletters.organisation,
      issueCount: count(issues.id),
      lastSentAt: max(issues.sentAt),
    })
    .from(newsletters)
    .innerJoin(issues, and(eq(issues.newsletterId, newsletters.id), eq(issues.status, 'sent')))
    .groupBy(newsletters.id)
    .orderBy(asc(newsletters.name))
    .all()
    .map((n) => ({ ...n, lastSentAt: n.lastSentAt! }));
}

/** One newsletter of the archive by slug, or undefined when it has no sent issue. */
export function archiveNewsletter(database: Tx, slug: string): ArchiveNewsletter | undefined {
  return archiveNewsletters(database).find((n) => n.slug === slug);
}
