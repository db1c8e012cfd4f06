import 'server-only';
import { asc } from 'drizzle-orm';
import { db } from '@/db';
import { users } from '@/db/schema';

export function listEditors() {
  return db()
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, active: users.active, lastSignInAt: users.lastSignInAt })
    .from(users)
    .orderBy(asc(users.name), asc(users.email))
    .all();
}

export type EditorRow = ReturnType<typeof listEditors>[number];
