import { buttonClass } from './button';

/** The look of every select in a choice form above a page. */
export const selectClass = 'mt-1 block rounded-md border border-gray-500 bg-white px-2 py-1.5';

type Choice = { id: number; slug: string; name: string; archivedAt: Date | null };

/**
 * The newsletter a page is about, from `?nieuwsbrief=<slug>`: that one if it exists, otherwise
 * the first active one (an archived newsletter is still reachable by its slug).
 */
export function pickNewsletter<T extends Choice>(list: T[], slug: unknown): T | undefined {
  return (
    list.find((n) => typeof slug === 'string' && n.slug === slug) ??
    list.find((n) => !n.archivedAt) ??
    list[0]
  );
}

/**
 * A GET form that switches the page to another newsletter; shown only when there are several,
 * unless the page adds fields of its own (`children`, e.g. a period), which then always show.
 */
export function NewsletterChoice({
  newsletters,
  current,
  hidden = {},
  label = 'Nieuwsbrief kiezen',
  children,
}: {
  newsletters: Choice[];
  current: Choice;
  hidden?: Record<string, string>;
  label?: string;
  children?: React.ReactNode;
}) {
  const several = newsletters.length > 1;
  if (!several && !children) return null;
  return (
    <form
      method="get"
      className="mb-6 flex flex-wrap items-end gap-3 print:hidden"
      aria-label={label}
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {several ? (
        <div>
          <label htmlFor="nieuwsbrief" className="block text-sm font-semibold">
            Nieuwsbrief
          </label>
          <select
            id="nieuwsbrief"
            name="nieuwsbrief"
            defaultValue={current.slug}
            className={selectClass}
          >
            {newsletters.map((n) => (
              <option key={n.id} value={n.slug}>
                {n.name}
                {n.archivedAt ? ' (gearchiveerd)' : ''}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <input type="hidden" name="nieuwsbrief" value={current.slug} />
      )}
      {children}
      <button type="submit" className={buttonClass('secondary')}>
        Tonen
      </button>
    </form>
  );
}
