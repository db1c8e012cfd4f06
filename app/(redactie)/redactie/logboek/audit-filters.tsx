import { buttonClass } from '@/components/button';
import { FilterSelect } from '@/components/filter-select';
import { auditGroups, type AuditFilter } from '@/lib/audit-log/list';

const control = 'block rounded-md border border-gray-500 bg-white px-3 py-2';

export function AuditFilters({
  filter,
  editors,
  newsletters,
}: {
  filter: AuditFilter;
  editors: { id: string; name: string | null; email: string }[];
  newsletters: { id: number; name: string }[];
}) {
  return (
    <form
      method="get"
      className="mb-6 flex flex-wrap items-end gap-4"
      aria-label="Logboek filteren"
    >
      <FilterSelect
        name="soort"
        label="Soort"
        value={filter.soort}
        all="Alles"
        options={Object.entries(auditGroups).map(([value, group]) => ({
          value,
          label: group.label,
        }))}
        className={control}
      />
      <FilterSelect
        name="door"
        label="Door"
        value={filter.door}
        all="Iedereen"
        options={editors.map((e) => ({ value: e.id, label: e.name ?? e.email }))}
        className={control}
      />
      {newsletters.length > 1 ? (
        <FilterSelect
          name="nieuwsbrief"
          label="Nieuwsbrief"
          value={filter.nieuwsbrief}
          all="Alle nieuwsbrieven"
          options={newsletters.map((n) => ({ value: n.id, label: n.name }))}
          className={control}
        />
      ) : null}
      <div>
        <label htmlFor="van" className="block text-sm font-semibold">
          Vanaf
        </label>
        <input id="van" name="van" type="date" defaultValue={filter.van} className={control} />
      </div>
      <div>
        <label htmlFor="tot" className="block text-sm font-semibold">
          Tot en met
        </label>
        <input id="tot" name="tot" type="date" defaultValue={filter.tot} className={control} />
      </div>
      <button type="submit" className={buttonClass('secondary')}>
        Filteren
      </button>
    </form>
  );
}
