'use client';

import { useDraggable } from '@dnd-kit/core';
import { useId, useMemo, useState } from 'react';
import type { LibraryItem, ReusableOption } from '@/lib/issue/load-builder';
import { eventSummary, itemKindLabels } from '@/lib/items/labels';
import { ThemeOptions } from '@/components/theme-options';
import { dragHandleClass } from './blocks';
import { libraryDragId, reusableDragId } from './dnd';

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

function Filters({
  ids,
  query,
  theme,
  themes,
  onQuery,
  onTheme,
}: {
  ids: { search: string; theme: string };
  query: string;
  theme: string;
  themes: { id: number; name: string }[];
  onQuery: (query: string) => void;
  onTheme: (theme: string) => void;
}) {
  return (
    <div className="mt-2 space-y-2">
      <div>
        <label htmlFor={ids.search} className="block text-sm font-semibold">
          Zoeken
        </label>
        <input
          id={ids.search}
          type="search"
          value={query}
          onChange={(e) => onQuery(e.target.value)}
          className="mt-1 block w-full rounded-md border border-gray-500 px-2 py-1"
        />
      </div>
      <div>
        <label htmlFor={ids.theme} className="block text-sm font-semibold">
          Thema
        </label>
        <select
          id={ids.theme}
          value={theme}
          onChange={(e) => onTheme(e.target.value)}
          className="mt-1 block w-full rounded-md border border-gray-500 px-2 py-1"
        >
          <ThemeOptions themes={themes} />
        </select>
      </div>
    </div>
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

export function LibraryPanel({
  library,
  themes,
  placed,
  reusable,
  onAdd,
}: {
  library: LibraryItem[];
  themes: { id: number; name: string }[];
  placed: Set<number>;
  reusable: ReusableOption[];
  onAdd: (item: LibraryItem) => void;
}) {
  const [query, setQuery] = useState('');
  const [theme, setTheme] = useState('');
  // The ids stay here so that they do not change with the components that use them.
  const searchId = useId();
  const themeId = useId();
  const visible = useMemo(() => {
    const q = query.trim().toLowerCase();
    return library.filter(
      (i) =>
        (!theme || String(i.themeId) === theme) &&
        (!q || i.title.toLowerCase().includes(q) || i.teaser.toLowerCase().includes(q)),
    );
  }, [library, query, theme]);
  const themeName = (id: number) => themes.find((t) => t.id === id)?.name ?? '';

  return (
    <aside aria-label="Bibliotheek" className="space-y-4">
      <section aria-labelledby="bibliotheek" className="rounded-lg border border-line bg-white p-4">
        <h2 id="bibliotheek" className="text-lg font-bold">
          Bibliotheek
        </h2>
        <Filters
          ids={{ search: searchId, theme: themeId }}
          query={query}
          theme={theme}
          themes={themes}
          onQuery={setQuery}
          onTheme={setTheme}
        />
        <p className="mt-3 text-sm text-muted" aria-live="polite">
          {visible.length} van {library.length} items
        </p>
        <ul className="mt-2 max-h-[32rem] space-y-2 overflow-y-auto">
          {visible.map((item) => (
            <LibraryRow
              key={item.id}
              item={item}
              themeName={themeName(item.themeId)}
              inIssue={placed.has(item.id)}
              onAdd={onAdd}
            />
          ))}
        </ul>
      </section>
      <ReusableBlocks reusable={reusable} />
    </aside>
  );
}
