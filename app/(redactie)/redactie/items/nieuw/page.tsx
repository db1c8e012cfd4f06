import type { Metadata } from 'next';
import { PageHeader } from '@/components/page-header';
import { requireEditor } from '@/lib/auth/guard';
import { themesOf } from '@/lib/items/queries';
import { listNewsletters } from '@/lib/newsletters/queries';
import { createItem } from '../actions';
import { ItemForm } from '../item-form';

export const metadata: Metadata = { title: 'Nieuw item' };

export default async function NewItemPage() {
  await requireEditor('redacteur', '/redactie/items/nieuw');
  const newsletter = listNewsletters()[0];
  if (!newsletter)
    return <PageHeader title="Nieuw item" description="Er is nog geen nieuwsbrief." />;
  return (
    <>
      <PageHeader
        title="Nieuw item"
        description={`Voor ${newsletter.name}. Een item kan later in een nummer worden geplaatst.`}
      />
      <ItemForm
        action={createItem}
        themes={themesOf(newsletter.id)}
        hidden={{ newsletterId: newsletter.id }}
      />
    </>
  );
}
