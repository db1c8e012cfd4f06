'use client';

import { useId } from 'react';
import { ThemeOptions } from '@/components/theme-options';
import { itemKinds, type ItemKind } from '@/lib/enums';
import {
  librarySortLabels,
  librarySorts,
  libraryStatusLabels,
  libraryStatuses,
  type LibrarySort,
  type LibraryStatus,
} from '@/lib/issue/library-filter';
import { itemKindLabels } from '@/lib/items/labels';
import type { ListFilter } from './use-library-list';

const control =
  'block w-full min-w-0 rounded-md border border-gray-500 bg-white px-2 py-1 text-sm text-ink';

/** A label beside its select: four of them fit a library column of 16 rem. */
function Choice({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: React.ReactNode;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="text-sm font-semibold">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={control}>
        {children}
      </select>
    </>
  );
}

/** Search, sort and filters of the library, stacked for its narrow column. */
export function LibraryFilters({
  filter,
  themes,
  onChange,
}: {
  filter: ListFilter;
  themes: { id: number; name: string }[];
  onChange: (patch: Partial<ListFilter>) => void;
}) {
  const searchId = useId();
  return (
    <div className="mt-2 space-y-2">
      <div>
        <label htmlFor={searchId} className="block text-sm font-semibold">
          Zoeken
        </label>
        <input
          id={searchId}
          type="search"
          value={filter.query}
          onChange={(e) => onChange({ query: e.target.value })}
          className={`mt-1 ${control}`}
        />
      </div>
      <div className="grid grid-cols-[auto_minmax(0,1fr)] items-center gap-x-2 gap-y-1.5">
        <Choice
          label="Thema"
          value={filter.themeId === null ? '' : String(filter.themeId)}
          onChange={(v) => onChange({ themeId: v ? Number(v) : null })}
        >
          <ThemeOptions themes={themes} />
        </Choice>
        <Choice
          label="Soort"
          value={filter.kind ?? ''}
          onChange={(v) => onChange({ kind: v ? (v as ItemKind) : null })}
        >
          <option value="">Alle soorten</option>
          {itemKinds.map((k) => (
            <option key={k} value={k}>
              {itemKindLabels[k]}
            </option>
          ))}
        </Choice>
        <Choice
          label="Status"
          value={filter.status ?? ''}
          onChange={(v) => onChange({ status: v ? (v as LibraryStatus) : null })}
        >
          <option value="">Alle items</option>
          {libraryStatuses.map((s) => (
            <option key={s} value={s}>
              {libraryStatusLabels[s]}
            </option>
          ))}
        </Choice>
        <Choice
          label="Volgorde"
          value={filter.sort}
          onChange={(v) => onChange({ sort: v as LibrarySort })}
        >
          {librarySorts.map((s) => (
            <option key={s} value={s}>
              {librarySortLabels[s]}
            </option>
          ))}
        </Choice>
      </div>
    </div>
  );
}
