import { buttonClass } from '@/components/button';
import { FilterSelect } from '@/components/filter-select';
import { ThemeOptions } from '@/components/theme-options';
import { itemKinds } from '@/db/schema';
import type { ItemListFilter } from '@/lib/items/list-filter';
import { itemKindLabels } from '@/lib/items/labels';

const select = 'mt-1 block w-full rounded-md border border-gray-500 bg-white px-2 py-1.5';

/** Shown when there are several newsletters: the list is always of one. */
function NewsletterFilter({
  newsletters,
  value,
}: {
  newsletters: { slug: string; name: string }[];
  value: string;
}) {
  if (newsletters.length < 2) return null;
  return (
    <div className="sm:col-span-6">
      <label htmlFor="nieuwsbrief" className="block text-sm font-semibold">
        Nieuwsbrief
      </label>
      <select
        id="nieuwsbrief"
        name="nieuwsbrief"
        defaultValue={value}
        className={`${select} sm:w-auto`}
      >
        {newsletters.map((n) => (
          <option key={n.slug} value={n.slug}>
            {n.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ItemFilters({
  filter,
  themes,
  newsletters,
  newsletterSlug,
}: {
  filter: ItemListFilter;
  themes: { id: number; name: string }[];
  newsletters: { slug: string; name: string }[];
  newsletterSlug: string;
}) {
  return (
    <form
      method="get"
      role="search"
      aria-label="Items filteren"
      className="mb-6 grid items-end gap-3 rounded-lg border border-line bg-white p-4 sm:grid-cols-6"
    >
      <NewsletterFilter newsletters={newsletters} value={newsletterSlug} />
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
      <FilterSelect
        name="geplaatst"
        label="Geplaatst"
        value={filter.unplaced ? 'nee' : ''}
        all="Alle items"
        options={[{ value: 'nee', label: 'Nog niet geplaatst' }]}
        className={select}
      />
      <FilterSelect
        name="status"
        label="Status"
        value={filter.archived ? 'gearchiveerd' : ''}
        all="In de bibliotheek"
        options={[{ value: 'gearchiveerd', label: 'Gearchiveerd' }]}
        className={select}
      />
      <div className="sm:col-span-6">
        <button type="submit" className={buttonClass('secondary')}>
          Filteren
        </button>
      </div>
    </form>
  );
}
