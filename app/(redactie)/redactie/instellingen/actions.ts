'use server';

import { and, count, eq, ne } from 'drizzle-orm';
import { sessions, users } from '@/db/schema';
import type { Tx } from '@/db';
import { editorAction, invalid } from '@/lib/actions';
import { recordAudit, actorOf } from '@/lib/audit';
import { roleLabels } from '@/lib/auth/roles';
import { addEditorSchema, updateEditorSchema } from '@/lib/editors/schema';

const revalidate = ['/redactie/instellingen'];

function otherActiveAdmins(tx: Tx, exceptId: string): number {
  return tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, exceptId)))
    .get()!.n;
}

export const addEditor = editorAction({
  name: 'redacteur toevoegen',
  role: 'admin',
  schema: addEditorSchema,
  revalidate,
  mutate(input, { editor, tx }) {
    const existing = tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, input.email))
      .get();
    if (existing)
      invalid('Dit adres hoort al bij een redacteur.', {
        email: 'Dit adres hoort al bij een redacteur.',
      });
    const id = crypto.randomUUID();
    tx.insert(users).values({ id, email: input.email, name: input.name, role: input.role }).run();
    recordAudit(tx, {
      actor: actorOf(editor),
      action: 'editor.added',
      entityType: 'editor',
      entityId: id,
      summary: `${input.name} (${input.email}) toegevoegd als ${roleLabels[input.role].toLowerCase()}`,
      details: { email: input.email, role: input.role },
    });
    return { status: 'ok', message: `${input.name} kan nu inloggen met ${input.email}.` };
  },
});

export const updateEditor = editorAction({
  name: 'redacteur wijzigen',
  role: 'admin',
  schema: updateEditorSchema,
  revalidate,
  mutate(input, { editor, tx }) {
    const target = tx.select().from(users).where(eq(users.id, input.id)).get();
    if (!target) invalid('Deze redacteur bestaat niet meer.');
    const losesAdmin =
      target.role === 'admin' && target.active && (input.role !== 'admin' || !input.active);
    if (losesAdmin && otherActiveAdmins(tx, target.id) === 0) {
      invalid('Er moet altijd minstens één actieve beheerder zijn.', {
        role: 'Er moet altijd minstens één actieve beheerder zijn.',
      });
    }
    if (target.role === input.role && target.active === input.active)
      return { status: 'ok', message: 'Er was niets gewijzigd.' };
    tx.update(users)
      .set({ role: input.role, active: input.active })
      .where(eq(users.id, target.id))
      .run();
    // A deactivated editor is signed out everywhere at once.
    if (!input.active) tx.delete(sessions).where(eq(sessions.userId, target.id)).run();
    const changes = [
      target.role !== input.role
        ? `rol ${roleLabels[target.role].toLowerCase()} → ${roleLabels[input.role].toLowerCase()}`
        : null,
      target.active !== input.active ? (input.active ? 'weer actief' : 'gedeactiveerd') : null,
    ].filter(Boolean);
    recordAudit(tx, {
      actor: actorOf(editor),
      action: 'editor.updated',
      entityType: 'editor',
      entityId: target.id,
      summary: `${target.name ?? target.email}: ${changes.join(', ')}`,
      details: {
        before: { role: target.role, active: target.active },
        after: { role: input.role, active: input.active },
      },
    });
    return { status: 'ok', message: `${target.name ?? target.email} is bijgewerkt.` };
  },
});
