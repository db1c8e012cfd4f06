'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { editorRoles, type EditorRole } from '@/lib/enums';
import { idle } from '@/lib/action-state';
import { roleLabels } from '@/lib/auth/roles';
import { updateEditor } from './actions';

const select = 'rounded-md border border-gray-500 bg-white px-2 py-1.5 text-sm';

export function EditorRowForm({
  editor,
}: {
  editor: { id: string; label: string; role: EditorRole; active: boolean };
}) {
  const [state, action] = useActionState(updateEditor, idle);
  const error = state.fieldErrors?.role ?? state.fieldErrors?.active;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={editor.id} />
      <label className="sr-only" htmlFor={`role-${editor.id}`}>
        Rol van {editor.label}
      </label>
      <select id={`role-${editor.id}`} name="role" defaultValue={editor.role} className={select}>
        {editorRoles.map((role) => (
          <option key={role} value={role}>
            {roleLabels[role]}
          </option>
        ))}
      </select>
      <label className="sr-only" htmlFor={`active-${editor.id}`}>
        Status van {editor.label}
      </label>
      <select
        id={`active-${editor.id}`}
        name="active"
        defaultValue={editor.active ? 'ja' : 'nee'}
        className={select}
      >
        <option value="ja">Actief</option>
        <option value="nee">Gedeactiveerd</option>
      </select>
      <SubmitButton variant="secondary" pendingText="Opslaan...">
        Opslaan<span className="sr-only"> voor {editor.label}</span>
      </SubmitButton>
      <div className="w-full">
        {error ? (
          <FormMessage state={{ status: 'invalid', message: error }} />
        ) : (
          <FormMessage state={state} />
        )}
      </div>
    </form>
  );
}
