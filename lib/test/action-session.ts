import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import { editorLabel } from '@/lib/audit';
import type { SessionEditor } from '@/lib/auth/guard';

// Tests that call server actions (and route handlers) directly, as a form or a forged request
// would: who is signed in, which database db() returns, and where redirect() went. A test file
// replaces the modules with the factories below, in its own vi.mock calls (Vitest hoists those):
//
//   const session = await vi.hoisted(() => import('@/lib/test/action-session'));
//   vi.mock('@/lib/auth/guard', () => session.guardModule());
//   vi.mock('@/db', (original) => session.dbModule(original));

export const state = {
  editor: null as SessionEditor | null,
  database: null as Db | null,
  redirects: [] as string[],
};

/** @/lib/auth/guard as the actions see it: the session is `state.editor`. */
export const guardModule = () => ({
  currentEditor: async () => state.editor,
  editorLabel,
});

/** @/db with db() returning the test's database; everything else as it is. */
export async function dbModule(original: <T>() => Promise<T>) {
  return { ...(await original<typeof import('@/db')>()), db: () => state.database };
}

/** next/navigation's redirect, noted instead of thrown. */
export const navigationModule = () => ({
  redirect: (url: string) => {
    state.redirects.push(url);
  },
});

/** The test's database (set `state.database` in beforeEach). */
export const database = (): Db => state.database!;

/** Signs in as the seeded editor with this address (null: nobody). */
export function signInAs(email: string | null) {
  if (!email) return void (state.editor = null);
  const u = database().select().from(users).where(eq(users.email, email)).get()!;
  state.editor = { id: u.id, email: u.email, name: u.name, role: u.role };
}
