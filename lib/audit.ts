import type { Tx } from '@/db';
import { auditLog } from '@/db/schema';

export type AuditActor = { id: string | null; label: string };

/** How the log (and every notice) names an editor: "Naam (adres)", or the address alone. */
export function editorLabel(editor: { name: string | null; email: string }): string {
  return editor.name ? `${editor.name} (${editor.email})` : editor.email;
}

/** An editor as the actor of an audit line. */
export const actorOf = (editor: {
  id: string;
  name: string | null;
  email: string;
}): { id: string; label: string } => ({
  id: editor.id,
  label: editorLabel(editor),
});

/** Appends one line to the audit log, inside the caller's transaction. */
export function recordAudit(
  tx: Tx,
  entry: {
    actor: AuditActor;
    action: string;
    entityType: string;
    entityId?: string | number | null;
    summary: string;
    details?: Record<string, unknown>;
  },
) {
  tx.insert(auditLog)
    .values({
      actorId: entry.actor.id,
      actorLabel: entry.actor.label,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId == null ? null : String(entry.entityId),
      summary: entry.summary,
      details: entry.details ?? null,
    })
    .run();
}
