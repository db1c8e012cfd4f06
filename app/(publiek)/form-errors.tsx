import type { PublicFormState } from './use-public-form';

/** The error summary above a public form: announced, and each message links to its field. */
export function FormErrors({
  state,
  labels,
}: {
  state: PublicFormState;
  labels: Record<string, string>;
}) {
  if (state.status !== 'invalid') return <div role="alert" />;
  const entries = Object.entries(state.fieldErrors);
  return (
    <div
      role="alert"
      className="rounded-md border border-red-300 bg-danger-50 px-4 py-3 text-danger"
    >
      <p className="font-semibold">{state.message}</p>
      {entries.length ? (
        <ul className="mt-2 list-disc pl-5 text-sm">
          {entries.map(([name, message]) => (
            <li key={name}>
              <a href={`#${labels[name] ? name : ''}`} className="underline">
                {labels[name] ? `${labels[name]}: ` : ''}
                {message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
