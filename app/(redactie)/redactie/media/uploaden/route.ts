import { db } from '@/db';
import { actorOf, recordAudit } from '@/lib/audit';
import { routeEditor } from '@/lib/auth/refusal';
import { getConfig } from '@/lib/config';
import { foreignOrigin, foreignOriginResponse } from '@/lib/http/posted-origin';
import { MAX_UPLOAD_BYTES, MediaRefusal, readUpload } from '@/lib/media/intake';
import { storeUpload, uploadName } from '@/lib/media/store';
import { listNewsletters } from '@/lib/newsletters/queries';
import { seeOther } from '@/lib/http/responses';

// Receives an image as an ordinary multipart form post (it works without JavaScript, and is not
// held to the 1 MB body limit of server actions), keeps it and redirects to the library, where
// the editor describes it. The body is read up to the limit and no further.
const page = '/redactie/media';
const FORM_OVERHEAD = 64 * 1024;

export async function POST(request: Request) {
  if (foreignOrigin(request)) return foreignOriginResponse();
  const auth = await routeEditor({
    name: 'afbeelding uploaden',
    role: 'redacteur',
    returnTo: page,
    refusal: 'U heeft geen rechten om afbeeldingen te uploaden.',
  });
  if (!auth.ok) return auth.response;
  const back = (query: string) => seeOther(`${page}?${query}`);
  const declared = request.headers.get('content-length');
  let form: FormData;
  try {
    const body = await readUpload(
      request.body ?? new ReadableStream(),
      declared === null ? undefined : Number(declared),
      MAX_UPLOAD_BYTES + FORM_OVERHEAD,
    );
    const type = request.headers.get('content-type') ?? '';
    form = await new Response(new Uint8Array(body), {
      headers: { 'content-type': type },
    }).formData();
  } catch (error) {
    if (error instanceof MediaRefusal && error.code === 'te-groot') return back('fout=te-groot');
    return back('fout=geen-bestand');
  }
  const newsletter = listNewsletters().find(
    (n) => !n.archivedAt && n.slug === form.get('nieuwsbrief'),
  );
  if (!newsletter) return back('fout=nieuwsbrief');
  const to = (query: string) => back(`nieuwsbrief=${encodeURIComponent(newsletter.slug)}&${query}`);
  const file = form.get('bestand');
  if (!(file instanceof File) || file.size === 0) return to('fout=geen-bestand');
  if (file.size > MAX_UPLOAD_BYTES) return to('fout=te-groot');
  try {
    const stored = await storeUpload(db(), getConfig().dataDir, {
      newsletterId: newsletter.id,
      name: file.name,
      data: Buffer.from(await file.arrayBuffer()),
      editorId: auth.editor.id,
    });
    if (stored.created)
      db().transaction((tx) =>
        recordAudit(tx, {
          actor: actorOf(auth.editor),
          action: 'media.uploaded',
          entityType: 'media',
          entityId: stored.id,
          summary: `Afbeelding "${uploadName(file.name)}" geüpload`,
          details: { newsletterId: newsletter.id },
        }),
      );
    // No #fragment: the browser's scroll to it, when the page has loaded, moves the focus to
    // the page itself, and raced the page's own focus on the new image's alt text (which brings
    // the card into view anyway; the newest image is first in the list).
    return to(`${stored.created ? 'nieuw' : 'bestond'}=${stored.id}`);
  } catch (error) {
    if (error instanceof MediaRefusal) return to(`fout=${error.code}`);
    throw error;
  }
}
