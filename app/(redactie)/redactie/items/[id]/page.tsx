import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/page-header';
import { requireEditor } from '@/lib/auth/guard';
import { getItem, themesOf } from '@/lib/items/queries';
import { updateItem } from '../actions';
import { ItemForm } from '../item-form';

export const metadata: Metadata = { title: 'Item bewerken' };

export default async function EditItemPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireEditor('redacteur', `/redactie/items/${id}`);
  const item = /^\d+$/.test(id) ? getItem(Number(id)) : undefined;
  if (!item) notFound();
  return (
    <>
      <PageHeader title="Item bewerken" description={item.title} />
      <ItemForm
        action={updateItem}
        themes={themesOf(item.newsletterId, item.themeId)}
        item={item}
        hidden={{ id: item.id }}
      />
    </>
  );
}
