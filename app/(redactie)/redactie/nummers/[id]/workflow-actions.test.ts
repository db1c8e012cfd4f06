import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, issues, users } from '@/db/schema';
import { seed } from '@/scripts/seed';
import type { SessionEditor } from '@/lib/auth/guard';
import { testDb } from '@/lib/test/db';

// A forged request: a redacteur calls the approve action directly, past any hidden button.
const state = vi.hoisted(() => ({
  editor: null as SessionEditor | null,
  database: null as unknown,
}));
vi.mock('@/lib/auth/guard', () => ({
  currentEditor: async () => state.editor,
  editorLabel: (e: SessionEditor) => e.name ?? e.email,
}));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database,
}));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { approve, schedule } = await import('./workflow-actions');
const { idle } = await import('@/lib/action-state');
const database = () => state.database as ReturnType<typeof testDb>;

let issueId: number;
beforeEach(() => {
  state.database = testDb();
  seed(database());
  const u = database().select().from(users).where(eq(users.email, 'redacteur@kopij.test')).get()!;
  state.editor = { id: u.id, email: u.email, name: u.name, role: u.role };
  issueId = database().select().from(issues).where(eq(issues.status, 'concept')).get()!.id;
  database().update(issues).set({ status: 'review' }).where(eq(issues.id, issueId)).run();
});

describe('workflow actions called directly', () => {
  it.each([
    ['approve', () => approve(idle, { issueId })],
    ['schedule', () => schedule(idle, { issueId, moment: '2030-01-01T10:00' })],
  ])(
    'refuses a redacteur’s %s, changes nothing and logs the attempt with their name',
    async (_name, call) => {
      const result = await call();
      expect(result).toMatchObject({
        status: 'error',
        message: 'U heeft geen rechten voor deze actie.',
      });
      expect(database().select().from(issues).where(eq(issues.id, issueId)).get()!.status).toBe(
        'review',
      );
      const denied = database()
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'access.denied'))
        .all();
      expect(denied).toHaveLength(1);
      expect(denied[0]!.actorLabel).toBe('Fatima El Idrissi');
    },
  );
});
