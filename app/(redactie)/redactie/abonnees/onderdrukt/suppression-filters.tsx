import Link from 'next/link';
import { buttonClass } from '@/components/button';
import { FilterSelect } from '@/components/filter-select';
import { suppressionReasons } from '@/lib/enums';
import {
  suppressionReasonLabels,
  suppressionStateLabels,
  suppressionStates,
  type SuppressionFilter,
} from '@/lib/subscribers/suppression-filter';

const select = 'mt-1 block w-full rounded-md border border-gray-500 bg-white px-2 py-1.5';

export function SuppressionFilters({ filter }: { filter: SuppressionFilter }) {
  return (
    <form
      method="get"
      role="search"
      aria-label="Onderdrukkingslijst filteren"
      className="mb-6 grid items-end gap-3 rounded-lg border border-line bg-white p-4 sm:grid-cols-4"
    >
      <div className="sm:col-span-2">
        <label htmlFor="q" className="block text-sm font-semibold">
          Zoeken op e-mailadres
        </label>
        <p id="q-hint" className="text-sm text-muted">
          Een volledig adres vindt ook gewiste adressen.
        </p>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={filter.q ?? ''}
          aria-describedby="q-hint"
          className={select}
        />
      </div>
      <FilterSelect
        name="reden"
        label="Reden"
        value={filter.reason}
        all="Alle redenen"
        options={suppressionReasons.map((r) => ({ value: r, label: suppressionReasonLabels[r] }))}
        className={select}
      />
      <FilterSelect
        name="stand"
        label="Toon"
        value={filter.state === 'actief' ? undefined : filter.state}
        all={suppressionStateLabels.actief}
        options={suppressionStates.map((s) => ({ value: s, label: suppressionStateLabels[s] }))}
        className={select}
      />
      <div className="flex gap-3 sm:col-span-4">
        <button type="submit" className={buttonClass('secondary')}>
          Filteren
        </button>
        <Link href="/redactie/abonnees/onderdrukt" className={buttonClass('ghost')}>
          Filters wissen
        </Link>
      </div>
    </form>
  );
}
