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
