'use client';

import { useFormStatus } from 'react-dom';
import { Button } from './button';

/** A submit button that shows it is busy while its form's action runs. */
export function SubmitButton({
  children,
  pendingText,
  variant,
}: {
  children: React.ReactNode;
  pendingText: string;
  variant?: 'primary' | 'secondary' | 'danger';
}) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} disabled={pending} aria-disabled={pending}>
      {pending ? pendingText : children}
    </Button>
  );
}
