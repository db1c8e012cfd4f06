import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { auth } from '@/auth';
import type { EditorRole } from '@/db/schema';
import { hasRole } from './roles';

export type SessionEditor = { id: string; email: string; name: string | null; role: EditorRole };

/** The signed-in editor, or null. Reads the session from the database on every call. */
export async function currentEditor(): Promise<SessionEditor | null> {
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return { id: user.id, email: user.email, name: user.name ?? null, role: user.role };
}

/** For pages under /redactie: sends anonymous visitors to /inloggen and answers 403 to a too-low role. */
export async function requireEditor(
  atLeast: EditorRole = 'redacteur',
  returnTo = '/redactie',
): Promise<SessionEditor> {
  const editor = await currentEditor();
  if (!editor) redirect(`/inloggen?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!hasRole(editor.role, atLeast)) forbidden();
  return editor;
}

// Kept here too: route handlers and actions name the editor of the session they checked.
export { editorLabel } from '@/lib/audit';
