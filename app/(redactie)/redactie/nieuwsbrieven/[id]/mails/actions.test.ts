import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, newsletters, users } from '@/db/schema';
import { mailTextDefinitions } from '@/lib/newsletters/mail-texts';
import { testDb } from '@/lib/test/db';
import { seed } from '@/scripts/seed';

// The admin screen's actions as the form calls them: what is saved, what is refused (and then
// nothing changes), what the preview shows.

const session = await vi.hoisted(() => import('@/lib/test/action-session'));
const { state } = session;
vi.mock('@/lib/auth/guard', () => session.guardModule());
vi.mock('@/db', (original) => session.dbModule(original));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { previewMailTextAction, resetMailTextAction, saveMailTextAction, saveWelcomeMailAction } =
  await import('./actions');

const database = () => state.database as ReturnType<typeof testDb>;
let newsletterId: number;

beforeEach(() => {
  state.database = testDb();
  seed(database());
  const admin = database().select().from(users).where(eq(users.role, 'admin')).get()!;
  state.editor = { id: admin.id, email: admin.email, name: admin.name, role: admin.role };
  newsletterId = database().select({ id: newsletters.id }).from(newsletters).get()!.id;
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const stored = () =>
  database()
    .select({ mailTexts: newsletters.mailTexts, welcomeMail: newsletters.welcomeMail })
    .from(newsletters)
    .where(eq(newsletters.id, newsletterId))
    .get()!;
const audit = () =>
  database()
    .select({ action: auditLog.action, summary: auditLog.summary })
    .from(auditLog)
    .all()
    // The seed's own line (the demo newsletter made through the admin screen's service) aside.
    .filter((a) => a.action.startsWith('newsletter.') && a.action !== 'newsletter.created');

const confirmation = mailTextDefinitions.bevestiging.default;
const edited = {
  subject: 'Bevestig uw aanmelding voor {nieuwsbrief}',
  body: confirmation.body.replace('{bevestigingslink}', 'Dank u wel!\n\n{bevestigingslink}'),
};

describe('saving a system mail text', () => {
  it('stores a valid edit, logged', async () => {
    const answer = await saveMailTextAction(
      { status: 'idle' },
      form({ newsletterId: String(newsletterId), kind: 'bevestiging', ...edited }),
    );
    expect(answer).toEqual({ status: 'ok', message: 'De bevestigingsmail is opgeslagen.' });
    expect(stored().mailTexts).toEqual({ bevestiging: edited });
    expect(audit()).toEqual([
      {
        action: 'newsletter.mail-text.updated',
        summary: 'Raadsbericht: bevestigingsmail gewijzigd',
      },
    ]);
  });

  it('refuses a confirmation without {bevestigingslink} in Dutch, and changes nothing', async () => {
    const answer = await saveMailTextAction(
      { status: 'idle' },
      form({
        newsletterId: String(newsletterId),
        kind: 'bevestiging',
        subject: edited.subject,
        body: 'Goedendag,\n\nKlik maar nergens.',
      }),
    );
    expect(answer).toMatchObject({
      status: 'invalid',
      message: 'Controleer de gemarkeerde velden.',
      fieldErrors: { body: expect.stringMatching(/^De tekst moet \{bevestigingslink\} bevatten/) },
    });
    expect(stored().mailTexts).toEqual({});
    expect(audit()).toEqual([]);
  });

  it('refuses an unknown placeholder, naming it', async () => {
    const answer = await saveMailTextAction(
      { status: 'idle' },
      form({
        newsletterId: String(newsletterId),
        kind: 'welkom',
        subject: 'Welkom {voornaam}',
        body: 'Hallo',
      }),
    );
    expect(answer.fieldErrors?.subject).toContain('{voornaam} bestaat niet');
    expect(stored().mailTexts).toEqual({});
  });

  it('stores the default text as no edit at all', async () => {
    await saveMailTextAction(
      { status: 'idle' },
      form({ newsletterId: String(newsletterId), kind: 'bevestiging', ...edited }),
    );
    await saveMailTextAction(
      { status: 'idle' },
      form({ newsletterId: String(newsletterId), kind: 'bevestiging', ...confirmation }),
    );
    expect(stored().mailTexts).toEqual({});
  });

  it('restores the default text, logged; a second time changes nothing', async () => {
    await saveMailTextAction(
      { status: 'idle' },
      form({ newsletterId: String(newsletterId), kind: 'bevestiging', ...edited }),
    );
    const reset = form({ newsletterId: String(newsletterId), kind: 'bevestiging' });
    expect(await resetMailTextAction({ status: 'idle' }, reset)).toMatchObject({
      status: 'ok',
      message: 'De bevestigingsmail heeft weer de standaardtekst.',
    });
    expect(stored().mailTexts).toEqual({});
    expect(await resetMailTextAction({ status: 'idle' }, reset)).toMatchObject({
      message: 'Er was niets gewijzigd.',
    });
    expect(audit().map((a) => a.action)).toEqual([
      'newsletter.mail-text.updated',
      'newsletter.mail-text.reset',
    ]);
  });

  it('refuses a newsletter that does not exist', async () => {
    const answer = await saveMailTextAction(
      { status: 'idle' },
      form({ newsletterId: '999', kind: 'bevestiging', ...edited }),
    );
    expect(answer).toMatchObject({
      status: 'invalid',
      message: 'Deze nieuwsbrief bestaat niet (meer).',
    });
  });
});

describe('the preview', () => {
  it('shows the text as typed, not saved, with an example link', async () => {
    const answer = await previewMailTextAction(
      { status: 'idle' },
      form({ newsletterId: String(newsletterId), kind: 'bevestiging', ...edited }),
    );
    expect(answer.status).toBe('ok');
    expect(answer.data?.subject).toBe('Bevestig uw aanmelding voor Raadsbericht');
    expect(answer.data?.html).toContain('Dank u wel!');
    expect(answer.data?.text).toMatch(/\/aanmelden\/bevestigen\/voorbeeld/);
    expect(stored().mailTexts).toEqual({});
  });

  it('answers an invalid text with the same Dutch field errors', async () => {
    const answer = await previewMailTextAction(
      { status: 'idle' },
      form({ newsletterId: String(newsletterId), kind: 'al-aangemeld', subject: 'x', body: 'y' }),
    );
    expect(answer.fieldErrors?.body).toContain('{voorkeurenlink}');
  });
});

describe('the welcome switch', () => {
  it('turns the welcome mail off (an unticked box sends nothing) and on again, logged', async () => {
    expect(stored().welcomeMail).toBe(true);
    await saveWelcomeMailAction({ status: 'idle' }, form({ newsletterId: String(newsletterId) }));
    expect(stored().welcomeMail).toBe(false);
    await saveWelcomeMailAction(
      { status: 'idle' },
      form({ newsletterId: String(newsletterId), welkomstmail: 'aan' }),
    );
    expect(stored().welcomeMail).toBe(true);
    expect(audit().map((a) => a.summary)).toEqual([
      'Raadsbericht: welkomstmail uit',
      'Raadsbericht: welkomstmail aan',
    ]);
  });
});
