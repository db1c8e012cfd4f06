import { and, eq, inArray } from 'drizzle-orm';
import { db } from '@/db';
import { issueBlocks, items } from '@/db/schema';
import { icsFor } from '@/lib/archive/ics';
import { sentIssue } from '@/lib/archive/queries';
import { getConfig } from '@/lib/config';

const notFound = () => new Response('Deze activiteit staat niet in een verzonden nummer.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/** "Zet in agenda": an event of a sent issue as an .ics file; anything else is a 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ nieuwsbrief: string; nummer: string; item: string }> }) {
  const { nieuwsbrief, nummer, item } = await params;
  const itemId = /^\d{1,9}$/.test(item) ? Number(item) : NaN;
  const { publicUrl } = getConfig();
  const issue = Number.isSafeInteger(itemId) ? sentIssue(db(), decodeURIComponent(nieuwsbrief), decodeURIComponent(nummer), publicUrl) : null;
  if (!issue) return notFound();
  const row = db()
    .select({ item: items })
    .from(issueBlocks)
    .innerJoin(items, eq(items.id, issueBlocks.itemId))
    .where(and(eq(issueBlocks.issueId, issue.id), eq(issueBlocks.itemId, itemId), inArray(issueBlocks.kind, ['lead', 'item'])))
    .get();
  if (!row || row.item.kind !== 'event' || !row.item.eventDate) return notFound();
  const e = row.item;
  const body = icsFor({ uid: `item-${e.id}@${new URL(publicUrl).hostname}`, title: e.title, description: e.teaser, url: `${issue.url}#item-${e.id}`, eventDate: e.eventDate!, startTime: e.startTime, endTime: e.endTime, location: e.location, online: e.online });
  return new Response(body, { headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `attachment; filename="activiteit-${e.id}.ics"` } });
}
