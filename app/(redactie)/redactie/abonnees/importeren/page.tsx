import type { Metadata } from 'next';
import { PageHeader } from '@/components/page-header';
import { PageNotice } from '@/components/page-notice';
import { requireEditor } from '@/lib/auth/guard';
import { importPreview } from '@/lib/subscribers/import-preview';
import { newslettersWithThemes } from '@/lib/newsletters/queries';
import { Preview } from './preview';
import { UploadForm } from './upload-form';

export const metadata: Metadata = { title: 'Abonnees importeren' };

export default async function ImportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const editor = await requireEditor('hoofdredacteur', '/redactie/abonnees/importeren');
  const params = await searchParams;
  const newsletters = newslettersWithThemes({ active: true });
  const { error, preview } = importPreview(params, editor.id);
  return (
    <>
      <PageHeader
        title="Abonnees importeren"
        description="Eerst ziet u wat er zou gebeuren; pas na uw bevestiging wordt de lijst opgeslagen."
      />
      {error ? <PageNotice tone="danger">{error}</PageNotice> : null}
      {preview ? <Preview {...preview} /> : <UploadForm newsletters={newsletters} />}
    </>
  );
}
