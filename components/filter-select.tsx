/** One filter of a list page (a GET form): a label, "all" as the empty choice, then the options. */
export function FilterSelect({
  name,
  label,
  value,
  all,
  options,
  className,
}: {
  name: string;
  label: string;
  value: string | number | undefined;
  all: string;
  options: readonly { value: string | number; label: string }[];
  className: string;
}) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-semibold">
        {label}
      </label>
      <select id={name} name={name} defaultValue={value ?? ''} className={className}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
