'use server';

import { redirect } from 'next/navigation';
import { db } from '@/db';
import type { ActionState } from '@/lib/action-state';
import { editorAction, invalid, redirectAfter } from '@/lib/actions';
import { recordAudit, actorOf } from '@/lib/audit';
import { eraseSubscriber } from '@/lib/subscribers/erase';
import {
  commitImport,
  importErrors,
  loadImportContext,
  planImport,
  readImportFile,
  type ImportCounts,
} from '@/lib/subscribers/import';
import { dropUpload, findUpload } from '@/lib/subscribers/import-store';
import { recordId, z } from '@/lib/validation';

const commit = editorAction<z.ZodType<{ upload: string }>, ImportCounts>({
  name: 'abonnees importeren',
  role: 'hoofdredacteur',
  schema: z.object({ upload: z.string().regex(/^[A-Za-z0-9_-]{22}$/, importErrors.verlopen) }),
  explainInvalid: true,
  revalidate: ['/redactie/abonnees'],
  mutate(input, { editor, tx }) {
    const upload = findUpload(input.upload, editor.id);
    if (!upload) invalid(importErrors.verlopen);
    const read = readImportFile(upload.text);
    if (!read.ok) invalid(read.message);
    // Planned again inside the transaction: whoever unsubscribed since the preview stays out.
    // db() is the connection the transaction runs on, so commitImport joins it as a savepoint.
    const plan = planImport(read.rows, loadImportContext(db(), upload.newsletterId));
    const counts = commitImport(db(), plan, {
      newsletterId: upload.newsletterId,
      editorId: editor.id,
      fileName: upload.fileName,
    });
    recordAudit(tx, {
      actor: actorOf(editor),
      action: 'subscribers.imported',
      entityType: 'newsletter',
      entityId: upload.newsletterId,
      summary: `CSV-import: ${counts.created} nieuw, ${counts.updated} bijgewerkt, ${counts.invalid} ongeldig, ${counts.duplicate} dubbel, ${counts.unsubscribed} eerder afgemeld${counts.suppressed ? `, ${counts.suppressed} op de onderdrukkingslijst` : ''}`,
      details: { ...counts, rows: plan.total },
    });
    return { status: 'ok', data: counts };
  },
});

export async function commitSubscriberImport(
  previous: ActionState<ImportCounts>,
  form: FormData,
): Promise<ActionState<ImportCounts>> {
  const result = await commit(previous, form);
  if (result.status !== 'ok' || !result.data) return result;
  dropUpload(String(form.get('upload')));
  const c = result.data;
  redirect(
    `/redactie/abonnees?import=klaar&nieuw=${c.created}&bijgewerkt=${c.updated}&overgeslagen=${c.invalid + c.duplicate + c.unsubscribed + c.suppressed}`,
  );
}

const erase = editorAction({
  name: 'abonnee wissen',
  role: 'hoofdredacteur',
  schema: z.object({
    id: recordId,
    bevestigd: z.literal('ja', {
      error: 'Vink aan dat u begrijpt dat wissen niet ongedaan kan worden.',
    }),
  }),
  explainInvalid: true,
  revalidate: ['/redactie/abonnees'],
  mutate(input, { editor, tx }) {
    if (!eraseSubscriber(tx, input.id, new Date(), editor.id))
      invalid('Deze abonnee bestaat niet of is al gewist.');
    // No address in the log: the point of erasing is that it is gone everywhere.
    recordAudit(tx, {
      actor: actorOf(editor),
      action: 'subscriber.erased',
      entityType: 'subscriber',
      entityId: input.id,
      summary: `Abonnee #${input.id} gewist (AVG art. 17)`,
    });
    return { status: 'ok' };
  },
});

export const eraseSubscriberAction = redirectAfter(
  erase,
  (_done, form: FormData) => `/redactie/abonnees/${Number(form.get('id'))}?gewist=1`,
);
