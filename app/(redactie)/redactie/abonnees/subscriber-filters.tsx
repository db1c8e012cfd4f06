import Link from 'next/link';
import { buttonClass } from '@/components/button';
import { FilterSelect } from '@/components/filter-select';
import { subscriberStatuses, subscriptionStatuses } from '@/db/schema';
import {
  subscriberStatusLabels,
  subscriptionStatusLabels,
  type SubscriberFilter,
} from '@/lib/subscribers/admin-filter';
import { audienceOptions } from '@/lib/subscribers/fields';
import type { newslettersWithThemes } from '@/lib/newsletters/queries';

type Newsletters = ReturnType<typeof newslettersWithThemes>;

const select = 'mt-1 block w-full rounded-md border border-gray-500 bg-white px-2 py-1.5';

/** Themes grouped by newsletter: two newsletters may each have a theme of the same name. */
function ThemeSelect({ value, newsletters }: { value?: number; newsletters: Newsletters }) {
  return (
    <div>
      <label htmlFor="thema" className="block text-sm font-semibold">
        Thema
      </label>
      <select id="thema" name="thema" defaultValue={value ?? ''} className={select}>
        <option value="">Alle thema’s</option>
        {newsletters.map((n) => (
          <optgroup key={n.id} label={n.name}>
            {n.themes.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

export function SubscriberFilters({
  filter,
  newsletters,
}: {
  filter: SubscriberFilter;
  newsletters: Newsletters;
}) {
  return (
    <form
      method="get"
      role="search"
      aria-label="Abonnees filteren"
      className="mb-6 grid items-end gap-3 rounded-lg border border-line bg-white p-4 sm:grid-cols-3 lg:grid-cols-6"
    >
      <div className="sm:col-span-3 lg:col-span-2">
        <label htmlFor="q" className="block text-sm font-semibold">
          Zoeken op naam of e-mailadres
        </label>
        <input id="q" name="q" type="search" defaultValue={filter.q ?? ''} className={select} />
      </div>
      <FilterSelect
        name="status"
        label="Status abonnee"
        value={filter.status}
        all="Alle"
        options={subscriberStatuses.map((s) => ({ value: s, label: subscriberStatusLabels[s] }))}
        className={select}
      />
      <FilterSelect
        name="inschrijving"
        label="Inschrijving"
        value={filter.subscription}
        all="Alle"
        options={subscriptionStatuses.map((s) => ({
          value: s,
          label: subscriptionStatusLabels[s],
        }))}
        className={select}
      />
      <FilterSelect
        name="functie"
        label="Functie"
        value={filter.audience}
        all="Alle functies"
        options={audienceOptions}
        className={select}
      />
      <ThemeSelect value={filter.themeId} newsletters={newsletters} />
      {newsletters.length > 1 ? (
        <FilterSelect
          name="nieuwsbrief"
          label="Nieuwsbrief"
          value={filter.newsletterId}
          all="Alle nieuwsbrieven"
          options={newsletters.map((n) => ({ value: n.id, label: n.name }))}
          className={select}
        />
      ) : null}
      <div className="flex gap-3 sm:col-span-3 lg:col-span-6">
        <button type="submit" className={buttonClass('secondary')}>
          Filteren
        </button>
        <Link href="/redactie/abonnees" className={buttonClass('ghost')}>
          Filters wissen
        </Link>
      </div>
    </form>
  );
}
