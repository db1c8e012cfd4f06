import Link from 'next/link';
import { Badge } from '@/components/status-badge';
import { eventSummary, itemKindLabels } from '@/lib/items/labels';
import type { listItems } from '@/lib/items/queries';

type ListedItem = ReturnType<typeof listItems>[number];

function ItemCard({ item }: { item: ListedItem }) {
  return (
    <li className="rounded-lg border border-line bg-white p-4">
      <p className="text-xs font-semibold text-muted uppercase">
        {itemKindLabels[item.kind]} · {item.themeName}
      </p>
      <h2 className="font-semibold">
        <Link href={`/redactie/items/${item.id}`}>{item.title}</Link>
      </h2>
      {item.kind === 'event' ? (
        <dl className="mt-1 text-sm">
          <dt className="sr-only">Wanneer en waar</dt>
          <dd>{eventSummary(item)}</dd>
        </dl>
      ) : null}
      {item.teaser ? <p className="mt-1 text-sm text-muted">{item.teaser}</p> : null}
      <p className="mt-2">
        {item.archivedAt ? <Badge>Gearchiveerd</Badge> : null}{' '}
        {item.placements ? (
          <Badge tone="success">Geplaatst</Badge>
        ) : (
          <Badge>Nog niet geplaatst</Badge>
        )}
      </p>
    </li>
  );
}

export function ItemList({ items }: { items: ListedItem[] }) {
  return (
    <ul className="space-y-2">
      {items.map((item) => (
        <ItemCard key={item.id} item={item} />
      ))}
    </ul>
  );
}
