import { db } from '@/db';
import { icsFor } from '@/lib/archive/ics';
import { archivedItemParams } from '@/lib/archive/params';
import { sentIssue } from '@/lib/archive/queries';
import { sentItem } from '@/lib/archive/sent-items';
import { getConfig } from '@/lib/config';
import { plainText } from '@/lib/http/responses';

const notFound = () => plainText('Deze activiteit staat niet in een verzonden nummer.', 404);

/** "Zet in agenda": an event of a sent issue as an .ics file; anything else is a 404. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ nieuwsbrief: string; nummer: string; item: string }> },
) {
  const parsed = archivedItemParams.safeParse(await params);
  if (!parsed.success) return notFound();
  const { nieuwsbrief, nummer, item: itemId } = parsed.data;
  const { publicUrl } = getConfig();
  const issue = sentIssue(db(), nieuwsbrief, nummer, publicUrl);
  if (!issue) return notFound();
  const e = sentItem(db(), issue.id, itemId);
  if (!e || e.kind !== 'event' || !e.eventDate) return notFound();
  const body = icsFor({
    uid: `item-${e.itemId}@${new URL(publicUrl).hostname}`,
    title: e.title,
    description: e.teaser,
    url: `${issue.url}#item-${e.itemId}`,
    eventDate: e.eventDate,
    startTime: e.startTime,
    endTime: e.endTime,
    location: e.location,
    online: e.online,
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="activiteit-${e.itemId}.ics"`,
    },
  });
}
