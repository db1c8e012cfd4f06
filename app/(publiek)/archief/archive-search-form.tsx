import { FilterSelect } from '@/components/filter-select';
import type { archiveFilters } from '@/lib/archive/queries';

const selectClass = 'mt-1 rounded-md border border-gray-500 px-3 py-2';

/** A GET form, so a search or filter is a link that can be shared and works without script. */
export function ArchiveSearchForm({
  q,
  theme,
  year,
  filters,
}: {
  q: string;
  theme: number | undefined;
  year: number | undefined;
  filters: ReturnType<typeof archiveFilters>;
}) {
  return (
    <search>
      <form
        action="/archief"
        method="get"
        className="mt-6 grid gap-3 rounded-md border border-line bg-white p-4 sm:grid-cols-[1fr_auto_auto_auto] sm:items-end"
      >
        <div>
          <label htmlFor="q" className="block text-sm font-semibold">
            Zoeken
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={200}
            className="mt-1 w-full rounded-md border border-gray-500 px-3 py-2"
          />
        </div>
        <FilterSelect
          name="thema"
          label="Thema"
          value={theme}
          all="Alle thema's"
          options={filters.themes.map((t) => ({ value: t.id, label: t.name }))}
          className={selectClass}
        />
        <FilterSelect
          name="jaar"
          label="Jaar"
          value={year}
          all="Alle jaren"
          options={filters.years.map((y) => ({ value: y, label: String(y) }))}
          className={selectClass}
        />
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
        >
          Zoeken
        </button>
      </form>
    </search>
  );
}
