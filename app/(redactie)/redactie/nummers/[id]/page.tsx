import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/page-header';
import { StatusBadge } from '@/components/status-badge';
import { db } from '@/db';
import { requireEditor } from '@/lib/auth/guard';
import { loadBuilder } from '@/lib/issue/load-builder';
import { Builder } from './builder';
import { IssueReadOnly } from './issue-readonly';

export const metadata: Metadata = { title: 'Nummer samenstellen' };

export default async function BuilderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireEditor('redacteur', `/redactie/nummers/${id}`);
  const issueId = Number(id);
  const data = Number.isSafeInteger(issueId) && issueId > 0 ? loadBuilder(db(), issueId) : null;
  if (!data) notFound();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/redactie/nummers">Alle nummers</Link>
      </p>
      <PageHeader title={`${data.issue.newsletterName} ${data.issue.number}`} description={<StatusBadge status={data.issue.status} />} />
      {['concept', 'review', 'approved'].includes(data.issue.status) ? <Builder data={data} /> : <IssueReadOnly data={data} />}
    </>
  );
}
