import type { ComponentProps, ReactNode } from 'react';

const control =
  'block w-full rounded-md border border-gray-500 bg-white px-3 py-2 text-base text-ink aria-[invalid=true]:border-danger aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-danger';

type FieldProps = { label: string; name: string; error?: string; hint?: ReactNode; id?: string };

function describedBy(id: string, hint: unknown, error: unknown) {
  return (
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  );
}

/** What every control shares: its id and name, and how its label, hint and error reach it. */
function controlProps({
  id,
  name,
  hint,
  error,
  required,
}: FieldProps & { id: string; required?: boolean }) {
  return {
    id,
    name,
    required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
    className: control,
  };
}

function FieldFrame({
  id,
  label,
  hint,
  error,
  required,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
        {required ? null : <span className="font-normal text-muted"> (optioneel)</span>}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-semibold text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A text input with its label, an optional hint and an error that is announced with it. */
export function TextField({
  label,
  name,
  error,
  hint,
  id = name,
  required,
  ...input
}: FieldProps & Omit<ComponentProps<'input'>, 'name' | 'id'>) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required}>
      <input {...controlProps({ id, name, label, hint, error, required })} {...input} />
    </FieldFrame>
  );
}

export function TextAreaField({
  label,
  name,
  error,
  hint,
  id = name,
  required,
  ...textarea
}: FieldProps & Omit<ComponentProps<'textarea'>, 'name' | 'id'>) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required}>
      <textarea {...controlProps({ id, name, label, hint, error, required })} {...textarea} />
    </FieldFrame>
  );
}

export function SelectField({
  label,
  name,
  error,
  hint,
  id = name,
  required,
  options,
  ...select
}: FieldProps & { options: { value: string; label: string; disabled?: boolean }[] } & Omit<
    ComponentProps<'select'>,
    'name' | 'id'
  >) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required}>
      <select {...controlProps({ id, name, label, hint, error, required })} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
