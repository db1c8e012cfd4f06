import 'server-only';
import { db } from '@/db';
import type { EditorRole } from '@/db/schema';
import { recordAudit, actorOf } from '@/lib/audit';
import { currentEditor, type SessionEditor } from '@/lib/auth/guard';
import { hasRole } from '@/lib/auth/roles';
import { plainText, seeOther } from '@/lib/http/responses';

// Every action and route handler under /redactie asks, in this order: a session, the role, and
// only then the input. A refused role learns nothing about what its input would have caused,
// and every refusal is in the audit log.

/** Logs that `editor` tried what `name` needs `role` for. */
export function recordRefusal(
  editor: SessionEditor,
  { name, role, kind }: { name: string; role: EditorRole; kind: 'action' | 'route' },
) {
  db().transaction((tx) =>
    recordAudit(tx, {
      actor: actorOf(editor),
      action: 'access.denied',
      entityType: kind,
      entityId: name,
      summary: `Geweigerd: ${name} vraagt de rol ${role}`,
    }),
  );
}

/**
 * For route handlers under /redactie: the signed-in editor with at least `role`, or the answer to
 * give instead (a redirect to sign in, or 403 with the refusal logged). Call it before reading
 * anything from the request.
 */
export async function routeEditor(options: {
  name: string;
  role: EditorRole;
  /** Where sign-in returns to. */
  returnTo: string;
  /** The 403 text, in Dutch. */
  refusal: string;
}): Promise<{ ok: true; editor: SessionEditor } | { ok: false; response: Response }> {
  const editor = await currentEditor();
  if (!editor)
    return {
      ok: false,
      response: seeOther(`/inloggen?callbackUrl=${encodeURIComponent(options.returnTo)}`),
    };
  if (!hasRole(editor.role, options.role)) {
    recordRefusal(editor, { name: options.name, role: options.role, kind: 'route' });
    return { ok: false, response: plainText(options.refusal, 403) };
  }
  return { ok: true, editor };
}
