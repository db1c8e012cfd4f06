import 'server-only';
import { count, desc, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { issueBlocks, issues, subscriptions, users } from '@/db/schema';

export function listIssues(newsletterId?: number, limit = 100) {
  return db()
    .select({
      id: issues.id,
      newsletterId: issues.newsletterId,
      number: issues.number,
      subject: issues.subject,
      status: issues.status,
      updatedAt: issues.updatedAt,
      sentAt: issues.sentAt,
      updatedBy: users.name,
      items: sql<number>`(select count(*) from ${issueBlocks} where ${issueBlocks.issueId} = ${issues.id} and ${issueBlocks.itemId} is not null)`,
    })
    .from(issues)
    .leftJoin(users, eq(users.id, issues.updatedBy))
    .where(newsletterId ? eq(issues.newsletterId, newsletterId) : undefined)
    .orderBy(desc(issues.number))
    .limit(limit)
    .all();
}

export function activeSubscriptionCount(): number {
  return (
    db().select({ n: count() }).from(subscriptions).where(eq(subscriptions.status, 'active')).get()
      ?.n ?? 0
  );
}
