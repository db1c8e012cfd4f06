'use client';

import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { useFormAction } from '@/components/use-form-action';
import { comment } from './workflow-actions';

export function CommentForm({
  issueId,
  blocks,
}: {
  issueId: number;
  blocks: { id: string; label: string }[];
}) {
  const form = useFormAction(comment);
  return (
    <form
      onSubmit={form.onSubmit}
      action={form.formAction}
      className="mt-4 space-y-2"
      key={form.state.status === 'ok' ? form.state.message : 'open'}
    >
      <input type="hidden" name="issueId" value={issueId} />
      <label htmlFor="comment-block" className="block text-sm font-semibold">
        Over
      </label>
      <select
        id="comment-block"
        name="blockId"
        className="block w-full max-w-xl rounded-md border border-gray-500 bg-white px-3 py-2"
      >
        <option value="">Het hele nummer</option>
        {blocks.map((b) => (
          <option key={b.id} value={b.id}>
            {b.label}
          </option>
        ))}
      </select>
      <label htmlFor="comment-body" className="block text-sm font-semibold">
        Opmerking
      </label>
      <textarea
        id="comment-body"
        name="body"
        rows={3}
        maxLength={2000}
        required
        className="block w-full max-w-xl rounded-md border border-gray-500 px-3 py-2"
      />
      <SubmitButton variant="secondary" pendingText="Plaatsen…">
        Opmerking plaatsen
      </SubmitButton>
      <FormMessage state={form.state} />
    </form>
  );
}
