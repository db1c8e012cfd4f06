import { buttonClass } from '@/components/button';

type Option = { value: string; label: string };

const selectClass = 'mt-1 block rounded-md border border-gray-500 bg-white px-2 py-1.5';

/**
 * The GET form above the statistics: which newsletter (only when there are several) and which
 * period. A plain form, so the page works and prints without script.
 */
export function StatisticsChoice({
  label,
  newsletters,
  newsletter,
  period,
}: {
  label: string;
  newsletters: Option[];
  newsletter: string;
  period: { name: string; label: string; value: string; options: Option[] };
}) {
  return (
    <form
      method="get"
      className="mb-8 flex flex-wrap items-end gap-3 print:hidden"
      aria-label={label}
    >
      {newsletters.length > 1 ? (
        <div>
          <label htmlFor="nieuwsbrief" className="block text-sm font-semibold">
            Nieuwsbrief
          </label>
          <select
            id="nieuwsbrief"
            name="nieuwsbrief"
            defaultValue={newsletter}
            className={selectClass}
          >
            {newsletters.map((n) => (
              <option key={n.value} value={n.value}>
                {n.label}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <input type="hidden" name="nieuwsbrief" value={newsletter} />
      )}
      <div>
        <label htmlFor={period.name} className="block text-sm font-semibold">
          {period.label}
        </label>
        <select
          id={period.name}
          name={period.name}
          defaultValue={period.value}
          className={selectClass}
        >
          {period.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass('secondary')}>
        Tonen
      </button>
    </form>
  );
}
