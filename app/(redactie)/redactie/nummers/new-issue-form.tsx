'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { idle } from '@/lib/action-state';
import { createIssueAction } from './actions';

export function NewIssueForm({ newsletterId, name }: { newsletterId: number; name: string }) {
  const [state, action] = useActionState(createIssueAction, idle);
  return (
    <form action={action} className="flex items-center gap-3">
      <input type="hidden" name="newsletterId" value={newsletterId} />
      <SubmitButton pendingText="Aanmaken...">
        Nieuw nummer<span className="sr-only"> van {name}</span>
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
