import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, subscribers, suppressions } from '@/db/schema';
import { seed } from '@/scripts/seed';
import { testDb } from '@/lib/test/db';

// The suppression actions called directly, as a forged request would, past any hidden form.
const session = await vi.hoisted(() => import('@/lib/test/action-session'));
const { state } = session;
vi.mock('@/lib/auth/guard', () => session.guardModule());
vi.mock('@/db', (original) => session.dbModule(original));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next/navigation', () => session.navigationModule());

const { addSuppression, liftSuppressionAction } = await import('./actions');
const { idle } = await import('@/lib/action-state');
const database = () => state.database as ReturnType<typeof testDb>;

const EMAIL = 'j.devries@raad-zwolle.example';

const { signInAs } = session;

const audit = (action: string) =>
  database().select().from(auditLog).where(eq(auditLog.action, action)).all();

beforeEach(() => {
  state.database = testDb();
  state.redirects = [];
  seed(database());
});

describe('adding an address by hand', () => {
  it('is refused to a hoofdredacteur, changes nothing and logs the attempt', async () => {
    signInAs('hoofdredactie@kopij.test');
    expect(await addSuppression(idle, { email: EMAIL, detail: 'Op verzoek' })).toMatchObject({
      status: 'error',
      message: 'U heeft geen rechten voor deze actie.',
    });
    expect(database().select().from(suppressions).all()).toEqual([]);
    expect(audit('access.denied')).toHaveLength(1);
  });

  it('lets an admin add it once with a reason, stopping its subscriber', async () => {
    signInAs('redactie@kopij.test');
    expect(await addSuppression(idle, { email: EMAIL, detail: '' })).toMatchObject({
      status: 'invalid',
      fieldErrors: { detail: 'Geef een reden op van minstens 3 tekens.' },
    });
    const added = await addSuppression(idle, { email: EMAIL.toUpperCase(), detail: 'Op verzoek' });
    expect(added).toMatchObject({ status: 'ok' });
    expect(added.message).toContain('Onbestelbaar');
    expect(database().select().from(suppressions).all()).toMatchObject([
      { email: EMAIL, reason: 'manual', detail: 'Op verzoek' },
    ]);
    expect(
      database().select().from(subscribers).where(eq(subscribers.email, EMAIL)).get()!.status,
    ).toBe('bounced');
    const [line] = audit('suppression.added');
    expect(line!.summary).toMatch(/^Adres handmatig op de onderdrukkingslijst gezet \(#\d+\)/);
    expect(JSON.stringify(line)).not.toContain('devries');
    expect(await addSuppression(idle, { email: EMAIL, detail: 'Nog eens' })).toMatchObject({
      status: 'invalid',
      fieldErrors: { email: 'Dit adres staat al op de onderdrukkingslijst.' },
    });
  });
});

describe('lifting a suppression', () => {
  let id: number;
  beforeEach(async () => {
    signInAs('redactie@kopij.test');
    await addSuppression(idle, { email: EMAIL, detail: 'Op verzoek' });
    id = database().select().from(suppressions).get()!.id;
  });

  it('is refused to a hoofdredacteur', async () => {
    signInAs('hoofdredactie@kopij.test');
    expect(await liftSuppressionAction(idle, toForm({ id, reason: 'Weer bereikbaar' }))).toEqual({
      status: 'error',
      message: 'U heeft geen rechten voor deze actie.',
    });
    expect(database().select().from(suppressions).get()!.liftedAt).toBeNull();
  });

  it('needs a reason', async () => {
    expect(await liftSuppressionAction(idle, toForm({ id, reason: ' ' }))).toMatchObject({
      status: 'invalid',
      message: 'Geef een reden op van minstens 5 tekens.',
    });
    expect(database().select().from(suppressions).get()!.liftedAt).toBeNull();
    expect(state.redirects).toEqual([]);
  });

  it('keeps who and why, logs the reason, and resubscribes nobody', async () => {
    expect(
      await liftSuppressionAction(idle, toForm({ id, reason: 'Adres weer in gebruik' })),
    ).toEqual({ status: 'ok' });
    expect(state.redirects).toEqual(['/redactie/abonnees/onderdrukt?opgeheven=1']);
    expect(database().select().from(suppressions).get()).toMatchObject({
      liftedBy: state.editor!.id,
      liftReason: 'Adres weer in gebruik',
    });
    expect(audit('suppression.lifted')).toMatchObject([
      {
        entityId: String(id),
        summary: `Onderdrukking #${id} opgeheven (handmatig toegevoegd): Adres weer in gebruik`,
      },
    ]);
    expect(
      database().select().from(subscribers).where(eq(subscribers.email, EMAIL)).get()!.status,
    ).toBe('bounced');
    expect(await liftSuppressionAction(idle, toForm({ id, reason: 'Nog een keer' }))).toEqual({
      status: 'invalid',
      message: 'Deze onderdrukking bestaat niet of is al opgeheven.',
    });
  });
});

function toForm(fields: Record<string, string | number>) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, String(value));
  return form;
}
