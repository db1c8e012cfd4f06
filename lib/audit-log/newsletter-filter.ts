import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { auditLog, issues, items, reusableBlocks, themes } from '@/db/schema';

/**
 * The log lines about one newsletter, as far as the log can tell: a line names one entity
 * (type and id), and some carry `newsletterId` in their details. So the filter takes
 * - the newsletter itself (`newsletter`: its settings, an import into it);
 * - its issues (`issue`: status changes, sends, corrections), items (`item`), themes (`theme`)
 *   and reusable blocks (`reusable_block`, `block`), by the ids those rows have now;
 * - any line whose details name the newsletter (`details.newsletterId`), e.g. a refused sign-up.
 * Lines about a subscriber, an editor or the suppression list belong to no newsletter and are
 * left out; so is a line about a row that was deleted since (its id is no longer found).
 */
export function newsletterCondition(database: Db, newsletterId: number): SQL {
  const ids = (table: typeof issues | typeof items | typeof themes | typeof reusableBlocks) =>
    database
      .select({ id: sql<string>`cast(${table.id} as text)` })
      .from(table)
      .where(eq(table.newsletterId, newsletterId));
  const of = (types: string[], subquery: ReturnType<typeof ids>) =>
    and(inArray(auditLog.entityType, types), inArray(auditLog.entityId, subquery));
  return or(
    and(eq(auditLog.entityType, 'newsletter'), eq(auditLog.entityId, String(newsletterId))),
    of(['issue'], ids(issues)),
    of(['item'], ids(items)),
    of(['theme'], ids(themes)),
    of(['reusable_block', 'block'], ids(reusableBlocks)),
    sql`json_extract(${auditLog.details}, '$.newsletterId') = ${newsletterId}`,
  )!;
}
