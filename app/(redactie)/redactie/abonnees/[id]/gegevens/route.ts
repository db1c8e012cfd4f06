import { db } from '@/db';
import { recordAudit, actorOf } from '@/lib/audit';
import { routeEditor } from '@/lib/auth/refusal';
import { subscriberExport } from '@/lib/subscribers/queries';
import { plainText } from '@/lib/http/responses';

// One subscriber's data as JSON (AVG art. 15), for an editor answering a request for access.
// Personal data leaving the app asks the role that may export the list (see ../../exporteren).
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await routeEditor({
    name: 'abonneegegevens exporteren',
    role: 'hoofdredacteur',
    returnTo: '/redactie/abonnees',
    refusal: 'U heeft geen rechten om gegevens van abonnees te exporteren.',
  });
  if (!auth.ok) return auth.response;
  const { editor } = auth;
  const { id } = await params;
  const data = /^[1-9][0-9]{0,8}$/.test(id) ? subscriberExport(Number(id)) : null;
  if (!data) return plainText('Deze abonnee bestaat niet.', 404);
  db().transaction((tx) =>
    recordAudit(tx, {
      actor: actorOf(editor),
      action: 'subscriber.exported',
      entityType: 'subscriber',
      entityId: data.subscriber.id,
      summary: `Gegevens van abonnee #${data.subscriber.id} geëxporteerd (AVG art. 15)`,
    }),
  );
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="abonnee-${data.subscriber.id}.json"`,
      'Cache-Control': 'no-store',
    },
  });
}
