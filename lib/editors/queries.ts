import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { db } from '@/db';
import { users } from '@/db/schema';

export function listEditors() {
  return db()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      lastSignInAt: users.lastSignInAt,
    })
    .from(users)
    .orderBy(asc(users.name), asc(users.email))
    .all();
}

/** The id of the active editor with this address: who may get a sign-in link and use it. */
export function findActiveEditor(email: string) {
  return db()
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email.toLowerCase()), eq(users.active, true)))
    .get();
}

export type EditorRow = ReturnType<typeof listEditors>[number];
