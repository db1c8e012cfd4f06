import type { ReactNode } from 'react';

export type Errors = Record<string, string> | undefined;

/** One fieldset of the settings form, named by its heading. */
export function Section({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <fieldset aria-labelledby={id} className="space-y-4 rounded-lg border border-line bg-white p-6">
      <h2 id={id} className="text-lg font-bold">
        {title}
      </h2>
      {children}
    </fieldset>
  );
}

/** A setting that is on or off: the box, its label, and what it means (read with the box). */
export function CheckboxSetting({
  name,
  label,
  hint,
  defaultChecked,
}: {
  name: string;
  label: string;
  hint: ReactNode;
  defaultChecked: boolean;
}) {
  return (
    <div className="flex items-start gap-2">
      <input
        type="checkbox"
        id={name}
        name={name}
        defaultChecked={defaultChecked}
        aria-describedby={`${name}-hint`}
        className="mt-1 h-4 w-4"
      />
      <div>
        <label htmlFor={name} className="font-semibold">
          {label}
        </label>
        <div id={`${name}-hint`} className="space-y-1 text-sm text-muted">
          {hint}
        </div>
      </div>
    </div>
  );
}
