import type { Metadata } from 'next';
import { pickNewsletter } from '@/components/newsletter-choice';
import { PageHeader } from '@/components/page-header';
import { requireEditor } from '@/lib/auth/guard';
import { listNewsletters } from '@/lib/newsletters/queries';
import { createBlock } from '../actions';
import { BlockForm } from '../block-form';

export const metadata: Metadata = { title: 'Nieuw vast blok' };

export default async function NewBlockPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireEditor('admin', '/redactie/blokken/nieuw');
  const newsletter = pickNewsletter(listNewsletters(), (await searchParams).nieuwsbrief);
  if (!newsletter)
    return <PageHeader title="Nieuw vast blok" description="Er is nog geen nieuwsbrief." />;
  return (
    <>
      <PageHeader title="Nieuw vast blok" description={`Voor ${newsletter.name}.`} />
      <BlockForm
        action={createBlock}
        hidden={{ newsletterId: newsletter.id }}
        backHref={`/redactie/blokken?nieuwsbrief=${encodeURIComponent(newsletter.slug)}`}
      />
    </>
  );
}
