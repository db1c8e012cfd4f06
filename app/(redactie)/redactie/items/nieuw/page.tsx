import type { Metadata } from 'next';
import { pickNewsletter } from '@/components/newsletter-choice';
import { PageHeader } from '@/components/page-header';
import { db } from '@/db';
import { requireEditor } from '@/lib/auth/guard';
import { imageChoices } from '@/lib/media/library';
import { listNewsletters, newslettersWithThemes } from '@/lib/newsletters/queries';
import { createItem } from '../actions';
import { ItemForm } from '@/components/item-form';

export const metadata: Metadata = { title: 'Nieuw item' };

export default async function NewItemPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireEditor('redacteur', '/redactie/items/nieuw');
  const newsletter = pickNewsletter(listNewsletters(), (await searchParams).nieuwsbrief);
  if (!newsletter)
    return <PageHeader title="Nieuw item" description="Er is nog geen nieuwsbrief." />;
  const choices = newslettersWithThemes({ active: true });
  return (
    <>
      <PageHeader
        title="Nieuw item"
        description={
          choices.length > 1
            ? 'Een item hoort bij één nieuwsbrief en kan later in een nummer daarvan worden geplaatst.'
            : `Voor ${newsletter.name}. Een item kan later in een nummer worden geplaatst.`
        }
      />
      <ItemForm
        action={createItem}
        newsletters={choices}
        newsletterId={newsletter.id}
        hidden={{}}
        images={imageChoices(
          db(),
          choices.map((n) => n.id),
        )}
      />
    </>
  );
}
