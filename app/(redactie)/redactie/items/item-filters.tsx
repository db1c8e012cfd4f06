import { buttonClass } from '@/components/button';
import { ThemeOptions } from '@/components/theme-options';
import { itemKinds } from '@/db/schema';
import type { ItemListFilter } from '@/lib/items/list-filter';
import { itemKindLabels } from '@/lib/items/labels';

const select = 'mt-1 block w-full rounded-md border border-gray-500 bg-white px-2 py-1.5';

export function ItemFilters({
  filter,
  themes,
}: {
  filter: ItemListFilter;
  themes: { id: number; name: string }[];
}) {
  return (
    <form
      method="get"
      role="search"
      aria-label="Items filteren"
      className="mb-6 grid items-end gap-3 rounded-lg border border-line bg-white p-4 sm:grid-cols-5"
    >
      <div className="sm:col-span-2">
        <label htmlFor="q" className="block text-sm font-semibold">
          Zoeken in titel en teaser
        </label>
        <input id="q" name="q" type="search" defaultValue={filter.q} className={select} />
      </div>
      <div>
        <label htmlFor="thema" className="block text-sm font-semibold">
          Thema
        </label>
        <select id="thema" name="thema" defaultValue={filter.themeId ?? ''} className={select}>
          <ThemeOptions themes={themes} />
        </select>
      </div>
      <div>
        <label htmlFor="soort" className="block text-sm font-semibold">
          Soort
        </label>
        <select id="soort" name="soort" defaultValue={filter.kind ?? ''} className={select}>
          <option value="">Alle soorten</option>
          {itemKinds.map((k) => (
            <option key={k} value={k}>
              {itemKindLabels[k]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="geplaatst" className="block text-sm font-semibold">
          Geplaatst
        </label>
        <select
          id="geplaatst"
          name="geplaatst"
          defaultValue={filter.unplaced ? 'nee' : ''}
          className={select}
        >
          <option value="">Alle items</option>
          <option value="nee">Nog niet geplaatst</option>
        </select>
      </div>
      <div className="sm:col-span-5">
        <button type="submit" className={buttonClass('secondary')}>
          Filteren
        </button>
      </div>
    </form>
  );
}
