import { db } from '@/db';
import { recordAudit } from '@/lib/audit';
import { currentEditor, editorLabel } from '@/lib/auth/guard';
import { hasRole } from '@/lib/auth/roles';
import { filterToParams, parseSubscriberFilter } from '@/lib/subscribers/admin-filter';
import { subscriberCsv } from '@/lib/subscribers/queries';

// The list under the current filter as CSV. A whole address list leaving the app is a bigger
// step than viewing it, so it asks the role that may import and erase.
export async function GET(request: Request) {
  const editor = await currentEditor();
  const url = new URL(request.url);
  if (!editor)
    return new Response(null, {
      status: 303,
      headers: { Location: `/inloggen?callbackUrl=${encodeURIComponent('/redactie/abonnees')}` },
    });
  if (!hasRole(editor.role, 'hoofdredacteur'))
    return new Response('U heeft geen rechten om abonnees te exporteren.', {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  const filter = parseSubscriberFilter(Object.fromEntries(url.searchParams));
  const csv = subscriberCsv(filter);
  const date = new Date().toISOString().slice(0, 10);
  db().transaction((tx) =>
    recordAudit(tx, {
      actor: { id: editor.id, label: editorLabel(editor) },
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
