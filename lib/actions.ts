import 'server-only';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import { db, type Tx } from '@/db';
import type { EditorRole } from '@/db/schema';
import { currentEditor, type SessionEditor } from '@/lib/auth/guard';
import { recordRefusal } from '@/lib/auth/refusal';
import { hasRole } from '@/lib/auth/roles';

import type { ActionState } from '@/lib/action-state';
import { Refusal } from '@/lib/refusal';

/** Revalidates each path; one with a `[segment]` is a route, which stands for all its cached pages. */
export function revalidatePaths(paths: readonly string[]) {
  for (const path of paths) revalidatePath(path, path.includes('[') ? 'page' : undefined);
}

/** Thrown inside `mutate` to roll the transaction back and answer with this state. */
export class ActionFailure extends Error {
  constructor(readonly state: ActionState) {
    super(state.message);
  }
}

export function invalid(message: string, fieldErrors?: Record<string, string>): never {
  throw new ActionFailure({ status: 'invalid', message, fieldErrors });
}

export function conflict(message: string): never {
  throw new ActionFailure({ status: 'conflict', message });
}

/** FormData to a plain object: a repeated key becomes an array; Next's own $ACTION fields are dropped. */
export function formDataToObject(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const values = form.getAll(key).filter((v): v is string => typeof v === 'string');
    out[key] = values.length === 1 ? values[0]! : values;
  }
  return out;
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fieldErrors[key] ??= issue.message;
  }
  return fieldErrors;
}

type Options<S extends z.ZodType, T> = {
  /** Names the action in the audit log when someone without the role tries it. */
  name: string;
  role: EditorRole;
  schema: S;
  /** Runs inside one transaction; throw via invalid()/conflict() to roll back. */
  mutate: (input: z.output<S>, ctx: { editor: SessionEditor; tx: Tx }) => ActionState<T> | void;
  /** Paths to revalidate after the commit; a function when they depend on what was changed. */
  revalidate?: string[] | ((state: ActionState<T>) => string[]);
  /** For actions without a form to mark fields on: answer with the first problem itself. */
  explainInvalid?: boolean;
};

type Authorized<S extends z.ZodType> =
  | { ok: true; editor: SessionEditor; input: z.output<S> }
  | { ok: false; state: ActionState<never> };

/**
 * The first three steps every action takes, in this order: session, permission, zod parse. The
 * role comes before the input, so a refused role learns nothing from the validation's answers.
 */
async function authorize<S extends z.ZodType>(
  options: { name: string; role: EditorRole; schema: S; explainInvalid?: boolean },
  payload: unknown,
): Promise<Authorized<S>> {
  const editor = await currentEditor();
  if (!editor)
    return {
      ok: false,
      state: {
        status: 'error',
        message: 'U bent niet (meer) ingelogd. Log opnieuw in en probeer het nog eens.',
      },
    };

  if (!hasRole(editor.role, options.role)) {
    recordRefusal(editor, { name: options.name, role: options.role, kind: 'action' });
    return {
      ok: false,
      state: { status: 'error', message: 'U heeft geen rechten voor deze actie.' },
    };
  }

  const parsed = options.schema.safeParse(
    payload instanceof FormData ? formDataToObject(payload) : payload,
  );
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    const message = options.explainInvalid
      ? (parsed.error.issues[0]?.message ?? 'Ongeldige invoer.')
      : 'Controleer de gemarkeerde velden.';
    return { ok: false, state: { status: 'invalid', message, fieldErrors } };
  }
  return { ok: true, editor, input: parsed.data };
}

/**
 * The one shape of every editor action: session → permission → zod parse → mutate in a
 * transaction → revalidate → typed state. Usable with useActionState or called directly.
 */
export function editorAction<S extends z.ZodType, T = unknown>(options: Options<S, T>) {
  return async function action(
    _previous: ActionState<T>,
    payload: unknown,
  ): Promise<ActionState<T>> {
    const auth = await authorize(options, payload);
    if (!auth.ok) return auth.state;
    let state: ActionState<T>;
    try {
      state = db().transaction((tx) => options.mutate(auth.input, { editor: auth.editor, tx })) ?? {
        status: 'ok',
      };
    } catch (error) {
      if (error instanceof ActionFailure) return error.state as ActionState<T>;
      if (error instanceof Refusal)
        return {
          status: 'invalid',
          message: error.message,
          fieldErrors: error.field ? { [error.field]: error.message } : undefined,
        };
      console.error(`Actie ${options.name} mislukt`, error);
      return {
        status: 'error',
        message: 'Er ging iets mis bij het opslaan. Er is niets gewijzigd; probeer het opnieuw.',
      };
    }
    revalidatePaths(
      typeof options.revalidate === 'function'
        ? options.revalidate(state)
        : (options.revalidate ?? []),
    );
    return state;
  };
}

/** The same checks for actions that do async work outside a transaction (render, send mail). */
export function editorTask<S extends z.ZodType, T = unknown>(options: {
  name: string;
  role: EditorRole;
  schema: S;
  explainInvalid?: boolean;
  run: (input: z.output<S>, ctx: { editor: SessionEditor }) => Promise<ActionState<T>>;
}) {
  return async function task(_previous: ActionState<T>, payload: unknown): Promise<ActionState<T>> {
    const auth = await authorize(options, payload);
    if (!auth.ok) return auth.state;
    try {
      return await options.run(auth.input, { editor: auth.editor });
    } catch (error) {
      console.error(`Actie ${options.name} mislukt`, error);
      return { status: 'error', message: 'Er ging iets mis. Probeer het opnieuw.' };
    }
  };
}

/**
 * An action that goes on to another page once it succeeds (a notice in the address says what was
 * done); a refusal stays on the form that asked. `to` reads the successful state and the payload.
 */
export function redirectAfter<T, P>(
  action: (previous: ActionState<T>, payload: P) => Promise<ActionState<T>>,
  to: (done: ActionState<T>, payload: P) => string,
) {
  return async (previous: ActionState, payload: P): Promise<ActionState> => {
    const result = await action(previous as ActionState<T>, payload);
    if (result.status === 'ok') redirect(to(result, payload));
    return result;
  };
}
