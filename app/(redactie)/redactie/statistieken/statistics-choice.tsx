import { NewsletterChoice, selectClass } from '@/components/newsletter-choice';

type Option = { value: string; label: string };

/**
 * The GET form above the statistics: which newsletter (only when there are several) and which
 * period. A plain form, so the page works and prints without script.
 */
export function StatisticsChoice({
  label,
  ...choice
}: {
  label: string;
  period: { name: string; label: string; value: string; options: Option[] };
} & Pick<React.ComponentProps<typeof NewsletterChoice>, 'newsletters' | 'current'>) {
  const { period } = choice;
  return (
    <NewsletterChoice newsletters={choice.newsletters} current={choice.current} label={label}>
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
    </NewsletterChoice>
  );
}
