'use client';

import { useDraggable } from '@dnd-kit/core';
import { Button } from '@/components/button';
import { libraryCount } from '@/lib/issue/library-filter';
import type { LibraryItem, ReusableOption } from '@/lib/issue/load-builder';
import { eventSummary, itemKindLabels } from '@/lib/items/labels';
import { dragHandleClass } from './blocks';
import { libraryDragId, reusableDragId } from './dnd';
import { LibraryFilters } from './library-filters';
import type { Library } from './use-library';
import { useHeldItems, useLibraryList } from './use-library-list';

function DraggableRow({
  id,
  label,
  children,
}: {
  id: string;
  label: string;
  children: React.ReactNode;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id,
  });
  return (
    <li
      ref={setNodeRef}
      data-library={id}
      className={`flex items-start gap-2 rounded-md border border-line bg-white p-2 ${isDragging ? 'opacity-50' : ''}`}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        className={dragHandleClass}
        {...attributes}
        {...listeners}
        aria-label={`Sleep ${label} naar het nummer`}
      >
        ⠿
      </button>
      <div className="min-w-0 flex-1">{children}</div>
    </li>
  );
}

function LibraryRow({
  item,
  themeName,
  inIssue,
  onAdd,
}: {
  item: LibraryItem;
  themeName: string;
  inIssue: boolean;
  onAdd: (item: LibraryItem) => void;
}) {
  return (
    <DraggableRow id={libraryDragId(item.id)} label={item.title}>
      <p className="text-xs font-semibold text-muted uppercase">
        {itemKindLabels[item.kind]} · {themeName}
      </p>
      <p className="text-sm font-semibold">{item.title}</p>
      {item.kind === 'event' ? <p className="text-xs text-muted">{eventSummary(item)}</p> : null}
      {inIssue ? (
        <p className="mt-1 text-xs font-semibold text-success">In dit nummer</p>
      ) : (
        <button
          type="button"
          onClick={() => onAdd(item)}
          className="mt-1 text-xs font-semibold text-brand-700 underline"
        >
          Toevoegen aan {themeName}
          <span className="sr-only">: {item.title}</span>
        </button>
      )}
    </DraggableRow>
  );
}

function ReusableBlocks({ reusable }: { reusable: ReusableOption[] }) {
  return (
    <section aria-labelledby="vaste-blokken" className="rounded-lg border border-line bg-white p-4">
      <h2 id="vaste-blokken" className="text-lg font-bold">
        Vaste blokken
      </h2>
      <ul className="mt-2 space-y-2">
        {reusable.map((block) => (
          <DraggableRow key={block.id} id={reusableDragId(block.id)} label={block.name}>
            <p className="text-sm font-semibold">{block.name}</p>
          </DraggableRow>
        ))}
      </ul>
    </section>
  );
}

/** The count, "Meer laden" and how many of the matches are on screen. */
function ListFooter({
  list,
}: {
  list: Pick<ReturnType<typeof useLibraryList>, 'shown' | 'matching' | 'hasMore' | 'busy' | 'more'>;
}) {
  if (!list.hasMore) return null;
  return (
    <div className="mt-3 space-y-1">
      <p className="text-xs text-muted">{list.shown.length} getoond</p>
      <Button
        variant="secondary"
        className="w-full"
        aria-disabled={list.busy === 'more' || undefined}
        onClick={() => void list.more()}
      >
        {list.busy === 'more' ? 'Laden...' : 'Meer laden'}
        <span className="sr-only"> (nog {list.matching - list.shown.length} items)</span>
      </Button>
    </div>
  );
}

export function LibraryPanel({
  library,
  themes,
  placed,
  reusable,
  onAdd,
}: {
  library: Library;
  themes: { id: number; name: string }[];
  placed: Set<number>;
  reusable: ReusableOption[];
  onAdd: (item: LibraryItem) => void;
}) {
  const list = useLibraryList(library, placed);
  useHeldItems(library, placed);
  const themeName = (id: number) => themes.find((t) => t.id === id)?.name ?? '';

  return (
    <aside aria-label="Bibliotheek" className="min-w-0 space-y-4">
      <section aria-labelledby="bibliotheek" className="rounded-lg border border-line bg-white p-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="bibliotheek" className="text-lg font-bold">
            Bibliotheek
          </h2>
          <Button variant="secondary" className="px-3 py-1" onClick={library.openCreate}>
            Nieuw item
          </Button>
        </div>
        <LibraryFilters filter={list.filter} themes={themes} onChange={list.change} />
        <p className="mt-3 text-sm text-muted" data-library-count>
          {libraryCount(list.matching, list.total)}
        </p>
        {/* One polite message per settled search or save, not one per keystroke. */}
        <p className="sr-only" aria-live="polite" data-library-announcement>
          {list.announcement}
        </p>
        {list.error ? (
          <p role="alert" className="mt-2 text-sm font-semibold text-danger">
            {list.error}
          </p>
        ) : null}
        <ul
          className="mt-2 max-h-[32rem] space-y-2 overflow-y-auto"
          aria-busy={list.busy === 'list' || undefined}
          aria-label="Items"
        >
          {list.shown.map((item) => (
            <LibraryRow
              key={item.id}
              item={item}
              themeName={themeName(item.themeId)}
              inIssue={placed.has(item.id)}
              onAdd={onAdd}
            />
          ))}
        </ul>
        {list.shown.length === 0 && !list.busy ? (
          <p className="mt-2 text-sm text-muted">Geen items gevonden.</p>
        ) : null}
        <ListFooter list={list} />
      </section>
      <ReusableBlocks reusable={reusable} />
    </aside>
  );
}
