import { db } from '@/db';
import { recordAudit, actorOf } from '@/lib/audit';
import { routeEditor } from '@/lib/auth/refusal';
import { filterToParams, parseSubscriberFilter } from '@/lib/subscribers/admin-filter';
import { subscriberCsv } from '@/lib/subscribers/queries';

// The list under the current filter as CSV. A whole address list leaving the app is a bigger
// step than viewing it, so it asks the role that may import and erase.
export async function GET(request: Request) {
  const auth = await routeEditor({
    name: 'abonnees exporteren',
    role: 'hoofdredacteur',
    returnTo: '/redactie/abonnees',
    refusal: 'U heeft geen rechten om abonnees te exporteren.',
  });
  if (!auth.ok) return auth.response;
  const { editor } = auth;
  const url = new URL(request.url);
  const filter = parseSubscriberFilter(Object.fromEntries(url.searchParams));
  const csv = subscriberCsv(filter);
  const date = new Date().toISOString().slice(0, 10);
  db().transaction((tx) =>
    recordAudit(tx, {
      actor: actorOf(editor),
      action: 'subscribers.exported',
      entityType: 'subscriber',
      summary: 'Abonneelijst geëxporteerd als CSV',
      details: { filter: filterToParams(filter).toString() },
    }),
  );
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="abonnees-${date}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
