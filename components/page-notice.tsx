import type { ReactNode } from 'react';

// Whole class strings rather than a shared base: Tailwind's class sorting keeps them identical to
// what each page wrote by hand before.
const tones = {
  success: {
    role: 'status',
    className:
      'mb-4 rounded-md border border-green-300 bg-success-50 px-4 py-3 text-sm font-semibold text-success',
  },
  danger: {
    role: 'alert',
    className:
      'mb-4 rounded-md border border-red-300 bg-danger-50 px-4 py-3 text-sm font-semibold text-danger',
  },
} as const;

/** What just happened, at the top of a page: a success is announced politely, a failure at once. */
export function PageNotice({
  tone = 'success',
  children,
}: {
  tone?: keyof typeof tones;
  children: ReactNode;
}) {
  const { role, className } = tones[tone];
  return (
    <p role={role} className={className}>
      {children}
    </p>
  );
}
