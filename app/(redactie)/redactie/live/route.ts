import { db } from '@/db';
import { routeEditor } from '@/lib/auth/refusal';
import { liveState, viewerOf } from '@/lib/issue/live';
import { presence } from '@/lib/issue/presence';
import { recordId, z } from '@/lib/validation';
import { plainText } from '@/lib/http/responses';

// Polled every few seconds by each open issue page, issue list and dashboard
// (components/live-updates.tsx): a small stamp, so a page renders again only when something it
// shows changed. For an issue page (`?nummer=`) the poll is also the editor's heartbeat for
// "Ook open bij", and `&weg=1` says they left the page.

const query = z.object({
  nummer: recordId.optional(),
  weg: z.literal('1').optional(),
});

const headers = { 'Cache-Control': 'no-store' };

export async function GET(request: Request) {
  const auth = await routeEditor({
    name: 'live bijwerken',
    role: 'redacteur',
    returnTo: '/redactie',
    refusal: 'U heeft geen toegang tot de redactie.',
  });
  if (!auth.ok) return auth.response;
  const { editor } = auth;
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return plainText('Onbekend nummer.', 400, headers);
  const { nummer, weg } = parsed.data;
  if (weg) {
    if (nummer) presence().leave(nummer, editor.id);
    return new Response(null, { status: 204, headers });
  }
  return Response.json(liveState(db(), viewerOf(editor), nummer, { heartbeat: true }), { headers });
}
