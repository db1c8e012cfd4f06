import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/page-header';
import { Badge } from '@/components/status-badge';
import { db } from '@/db';
import { requireEditor } from '@/lib/auth/guard';
import { removalOf } from '@/lib/items/lifecycle';
import { imageChoices } from '@/lib/media/library';
import { getItem } from '@/lib/items/queries';
import { newslettersWithThemes } from '@/lib/newsletters/queries';
import { updateItem } from '../actions';
import { ItemForm } from '@/components/item-form';
import { ItemRemoval } from './item-removal';

export const metadata: Metadata = { title: 'Item bewerken' };

export default async function EditItemPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireEditor('redacteur', `/redactie/items/${id}`);
  const item = /^\d+$/.test(id) ? getItem(Number(id)) : undefined;
  if (!item) notFound();
  const removal = removalOf(db(), item.id);
  const choices = newslettersWithThemes({
    active: true,
    keep: { newsletterId: item.newsletterId, themeId: item.themeId },
  });
  return (
    <>
      <PageHeader
        title="Item bewerken"
        description={
          <>
            {item.title} {item.archivedAt ? <Badge>Gearchiveerd</Badge> : null}
          </>
        }
      />
      <ItemForm
        action={updateItem}
        newsletters={choices}
        images={imageChoices(
          db(),
          choices.map((n) => n.id),
        )}
        newsletterId={item.newsletterId}
        locked={removal.placed}
        item={item}
        hidden={{ id: item.id }}
      />
      <ItemRemoval
        id={item.id}
        title={item.title}
        archived={!!item.archivedAt}
        open={removal.open}
        sent={removal.sent}
      />
    </>
  );
}
