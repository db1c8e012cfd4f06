import type { ActionState } from '@/lib/action-state';

/** The outcome of a form's action, announced to screen readers. */
export function FormMessage({ state }: { state: Pick<ActionState, 'status' | 'message'> }) {
  if (state.status === 'idle' || !state.message) return <div role="status" aria-live="polite" />;
  const ok = state.status === 'ok';
  return (
    <div
      role={ok ? 'status' : 'alert'}
      className={`rounded-md border px-4 py-3 text-sm font-semibold ${ok ? 'border-green-300 bg-success-50 text-success' : 'border-red-300 bg-danger-50 text-danger'}`}
    >
      {state.message}
    </div>
  );
}
