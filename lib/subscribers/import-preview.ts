import 'server-only';
import { importErrors, type ImportError } from '@/lib/subscribers/import';
import { findUpload } from '@/lib/subscribers/import-store';
import { planUpload } from '@/lib/subscribers/queries';

type Params = Record<string, string | string[] | undefined>;

/**
 * What the import page shows for its query string: the plan of an upload kept for this editor
 * (?voorbeeld=), and the message of whatever went wrong, from the upload route (?fout=), from
 * reading the file, or because the upload expired or is someone else's.
 */
export function importPreview(params: Params, editorId: string) {
  const uploadId = typeof params.voorbeeld === 'string' ? params.voorbeeld : null;
  const upload = uploadId ? findUpload(uploadId, editorId) : null;
  const planned = upload ? planUpload(upload.text, upload.newsletterId) : null;
  const code = (
    uploadId && !upload ? 'verlopen' : typeof params.fout === 'string' ? params.fout : null
  ) as ImportError | null;
  const error =
    planned && !planned.ok
      ? planned.message
      : code && code in importErrors
        ? importErrors[code]
        : null;
  const preview =
    planned?.ok && uploadId && upload
      ? { plan: planned.plan, upload: uploadId, fileName: upload.fileName }
      : null;
  return { error, preview };
}
