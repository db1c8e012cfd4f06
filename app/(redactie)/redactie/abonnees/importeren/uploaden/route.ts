import { routeEditor } from '@/lib/auth/refusal';
import { foreignOrigin, foreignOriginResponse } from '@/lib/http/posted-origin';
import { MAX_IMPORT_BYTES, readImportFile, type ImportError } from '@/lib/subscribers/import';
import { keepUpload } from '@/lib/subscribers/import-store';
import { newslettersWithThemes } from '@/lib/newsletters/queries';
import { seeOther } from '@/lib/http/responses';

// Receives the CSV as an ordinary multipart form post (works without JavaScript, and is not held
// to the 1 MB body limit of server actions), keeps it for the preview and redirects there.
const page = '/redactie/abonnees/importeren';
const fail = (error: ImportError) => seeOther(`${page}?fout=${error}`);

export async function POST(request: Request) {
  if (foreignOrigin(request)) return foreignOriginResponse();
  const auth = await routeEditor({
    name: 'abonnees importeren (uploaden)',
    role: 'hoofdredacteur',
    returnTo: page,
    refusal: 'U heeft geen rechten om abonnees te importeren.',
  });
  if (!auth.ok) return auth.response;
  const { editor } = auth;
  if (Number(request.headers.get('content-length') ?? 0) > MAX_IMPORT_BYTES + 64 * 1024)
    return fail('te-groot');

  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return fail('geen-bestand');
  }
  const file = form.get('bestand');
  if (!(file instanceof File) || file.size === 0) return fail('geen-bestand');
  if (file.size > MAX_IMPORT_BYTES) return fail('te-groot');
  const newsletterId = Number(form.get('nieuwsbrief'));
  if (!newslettersWithThemes({ active: true }).some((n) => n.id === newsletterId))
    return fail('nieuwsbrief');

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return fail('geen-utf8');
  }
  const read = readImportFile(text);
  if (!read.ok) return fail(read.error);
  const id = keepUpload({
    editorId: editor.id,
    newsletterId,
    fileName: file.name || 'import.csv',
    text,
  });
  return seeOther(`${page}?voorbeeld=${id}`);
}
