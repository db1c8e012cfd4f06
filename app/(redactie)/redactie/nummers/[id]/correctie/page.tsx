import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/page-header';
import { db } from '@/db';
import { correctionDraft } from '@/lib/archive/correct';
import { requireEditor } from '@/lib/auth/guard';
import { formatDateTime } from '@/lib/format';
import { CorrectionForm } from './correction-form';

export const metadata: Metadata = { title: 'Webversie corrigeren' };

export default async function CorrectionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireEditor('redacteur', `/redactie/nummers/${id}/correctie`);
  const issueId = Number(id);
  // Only a sent issue has a web version to correct; anything else is not found here.
  const draft =
    Number.isSafeInteger(issueId) && issueId > 0 ? correctionDraft(db(), issueId) : null;
  if (!draft) notFound();
  const { issue, groups, extras } = draft;
  const publicPath = `/archief/${issue.newsletterSlug}/${issue.slug}`;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/redactie/nummers/${issue.id}`}>{issue.title}</Link>
      </p>
      <PageHeader
        title={`Webversie corrigeren: ${issue.title}`}
        description={
          <>
            Herstel een typefout, een dode link of een verkeerde tijd in de{' '}
            <a href={publicPath}>webversie</a>.
            {issue.correctedAt
              ? ` Laatst gecorrigeerd op ${formatDateTime(issue.correctedAt)}: ${issue.correctionNote ?? ''}`
              : null}
          </>
        }
      />
      <CorrectionForm issue={issue} groups={groups} extras={extras} publicPath={publicPath} />
    </>
  );
}
