'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { idle } from '@/lib/action-state';
import { createIssueAction } from './actions';

/**
 * "Nieuw nummer" of one newsletter. With templates saved, the editor chooses what the issue
 * starts with: the newsletter's standard blocks (the default) or a template's frame.
 */
export function NewIssueForm({
  newsletterId,
  name,
  templates = [],
}: {
  newsletterId: number;
  name: string;
  templates?: { id: number; name: string }[];
}) {
  const [state, action] = useActionState(createIssueAction, idle);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="newsletterId" value={newsletterId} />
      {templates.length ? (
        <div>
          <label htmlFor={`start-${newsletterId}`} className="block text-sm font-semibold">
            Start van
          </label>
          <select
            id={`start-${newsletterId}`}
            name="templateId"
            className="mt-1 block rounded-md border border-gray-500 bg-white px-3 py-2 text-base text-ink"
          >
            <option value="">Standaardblokken</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                Sjabloon: {t.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <SubmitButton pendingText="Aanmaken...">
        Nieuw nummer<span className="sr-only"> van {name}</span>
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
