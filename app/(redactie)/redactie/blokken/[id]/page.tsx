import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/page-header';
import { db } from '@/db';
import { requireEditor } from '@/lib/auth/guard';
import { getReusableBlock } from '@/lib/issue/reusable-blocks';
import { getNewsletter } from '@/lib/newsletters/queries';
import { updateBlock } from '../actions';
import { BlockForm } from '../block-form';

export const metadata: Metadata = { title: 'Vast blok bewerken' };

export default async function EditBlockPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireEditor('admin', `/redactie/blokken/${id}`);
  const block = /^\d+$/.test(id) ? getReusableBlock(db(), Number(id)) : undefined;
  if (!block || block.archivedAt || (block.kind !== 'text' && block.kind !== 'cta')) notFound();
  // By id, archived or not: a live block of an archived newsletter stays editable.
  const newsletter = getNewsletter(block.newsletterId);
  if (!newsletter) notFound();
  const content = block.content as Record<string, string | undefined>;
  return (
    <>
      <PageHeader
        title="Vast blok bewerken"
        description={`${block.name}, voor ${newsletter.name}. Nummers waarin het al staat houden hun eigen kopie.`}
      />
      <BlockForm
        action={updateBlock}
        hidden={{ id: block.id }}
        kindFixed
        values={{
          kind: block.kind,
          name: block.name,
          title: content.title ?? '',
          body: content.body ?? '',
          buttonLabel: content.buttonLabel ?? '',
          buttonUrl: content.buttonUrl ?? '',
          inNewIssues: block.inNewIssues,
        }}
        backHref={`/redactie/blokken?nieuwsbrief=${encodeURIComponent(newsletter.slug)}`}
      />
    </>
  );
}
