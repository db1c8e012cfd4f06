import Link from 'next/link';
import { EmptyState } from '@/components/empty-state';
import { Badge } from '@/components/status-badge';
import type { ReusableBlock } from '@/db/schema';
import { BlockRowActions } from './block-row-actions';

const kindLabels: Record<ReusableBlock['kind'], string> = {
  text: 'Tekst',
  cta: 'Oproep met knop',
  footer: 'Voettekst',
};

export function BlockList({
  title,
  description,
  blocks,
  mode,
}: {
  title: string;
  description: string;
  blocks: ReusableBlock[];
  mode: 'start' | 'other' | 'archived';
}) {
  const headingId = `blokken-${mode}`;
  const List = mode === 'start' ? 'ol' : 'ul';
  return (
    <section
      aria-labelledby={headingId}
      className="mb-8 rounded-lg border border-line bg-white p-6"
    >
      <h2 id={headingId} className="text-lg font-bold">
        {title}
      </h2>
      <p className="mt-1 text-sm text-muted">{description}</p>
      {blocks.length === 0 ? (
        <div className="mt-4">
          <EmptyState title="Geen blokken" />
        </div>
      ) : (
        <List className="mt-4 divide-y divide-line" aria-labelledby={headingId}>
          {blocks.map((block, index) => (
            <li
              key={block.id}
              className="flex flex-wrap items-center justify-between gap-3 py-3"
              data-testid="vast-blok"
            >
              <div>
                <p className="font-semibold">
                  {mode === 'start' ? <span className="sr-only">Plaats {index + 1}: </span> : null}
                  {mode === 'archived' ? (
                    block.name
                  ) : (
                    <Link href={`/redactie/blokken/${block.id}`}>{block.name}</Link>
                  )}{' '}
                  <Badge>{kindLabels[block.kind]}</Badge>
                </p>
                <p className="text-sm text-muted">{String(block.content.title ?? '')}</p>
              </div>
              <BlockRowActions
                id={block.id}
                name={block.name}
                mode={mode}
                first={index === 0}
                last={index === blocks.length - 1}
              />
            </li>
          ))}
        </List>
      )}
    </section>
  );
}
