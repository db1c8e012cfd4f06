import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { auditLog, users } from '@/db/schema';
import type { SessionEditor } from '@/lib/auth/guard';
import { testDb } from '@/lib/test/db';

const state = vi.hoisted(() => ({
  editor: null as SessionEditor | null,
  database: null as unknown,
}));
vi.mock('@/lib/auth/guard', () => ({
  currentEditor: async () => state.editor,
  editorLabel: (e: SessionEditor) => e.email,
}));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database,
}));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { editorAction, invalid } = await import('./actions');
const { Refusal } = await import('./refusal');
const { idle } = await import('./action-state');

const renameAll = editorAction({
  name: 'test hernoemen',
  role: 'hoofdredacteur',
  schema: z.object({ name: z.string().min(2, 'Te kort.') }),
  mutate(input, { tx }) {
    tx.update(users).set({ name: input.name }).run();
    if (input.name === 'halverwege') invalid('Afgebroken.');
    if (input.name === 'geweigerd') throw new Refusal('Die naam is al in gebruik.', 'name');
    return { status: 'ok', message: 'Gedaan.' };
  },
});

const db = () => state.database as ReturnType<typeof testDb>;
const names = () =>
  db()
    .select({ name: users.name })
    .from(users)
    .all()
    .map((u) => u.name);

beforeEach(() => {
  state.database = testDb();
  db().insert(users).values({ id: 'u1', email: 'a@b.nl', name: 'Oud', role: 'redacteur' }).run();
  state.editor = { id: 'u1', email: 'a@b.nl', name: 'Oud', role: 'hoofdredacteur' };
});

describe('editorAction', () => {
  it('refuses without a session before reading the input', async () => {
    state.editor = null;
    const result = await renameAll(idle, { name: 'Nieuw' });
    expect(result).toMatchObject({
      status: 'error',
      message: expect.stringContaining('niet (meer) ingelogd'),
    });
    expect(names()).toEqual(['Oud']);
  });

  it('answers invalid input with Dutch field errors and changes nothing', async () => {
    const result = await renameAll(idle, { name: 'x' });
    expect(result).toEqual({
      status: 'invalid',
      message: 'Controleer de gemarkeerde velden.',
      fieldErrors: { name: 'Te kort.' },
    });
    expect(names()).toEqual(['Oud']);
  });

  it('refuses a role that is too low and logs the attempt', async () => {
    state.editor = { ...state.editor!, role: 'redacteur' };
    const result = await renameAll(idle, { name: 'Nieuw' });
    expect(result).toMatchObject({
      status: 'error',
      message: 'U heeft geen rechten voor deze actie.',
    });
    expect(names()).toEqual(['Oud']);
    const logged = db().select().from(auditLog).where(eq(auditLog.action, 'access.denied')).all();
    expect(logged).toHaveLength(1);
    expect(logged[0]?.entityId).toBe('test hernoemen');
  });

  it('refuses a role that is too low before the validation says anything, and logs it', async () => {
    state.editor = { ...state.editor!, role: 'redacteur' };
    const result = await renameAll(idle, { name: 'x' });
    expect(result).toEqual({ status: 'error', message: 'U heeft geen rechten voor deze actie.' });
    const logged = db().select().from(auditLog).where(eq(auditLog.action, 'access.denied')).all();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ entityType: 'action', actorId: 'u1' });
  });

  it('rolls back everything when the mutation fails halfway', async () => {
    const result = await renameAll(idle, { name: 'halverwege' });
    expect(result).toEqual({ status: 'invalid', message: 'Afgebroken.', fieldErrors: undefined });
    expect(names()).toEqual(['Oud']);
  });

  it("answers a service's refusal beside its field and rolls back", async () => {
    expect(await renameAll(idle, { name: 'geweigerd' })).toEqual({
      status: 'invalid',
      message: 'Die naam is al in gebruik.',
      fieldErrors: { name: 'Die naam is al in gebruik.' },
    });
    expect(names()).toEqual(['Oud']);
  });

  it('reads FormData and commits', async () => {
    const form = new FormData();
    form.set('name', 'Nieuw');
    form.set('$ACTION_ID_abc', '');
    expect(await renameAll(idle, form)).toEqual({ status: 'ok', message: 'Gedaan.' });
    expect(names()).toEqual(['Nieuw']);
  });
});
