import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, issueTemplates, issues, newsletters, users } from '@/db/schema';
import { loadIssueDocument } from '@/lib/issue/load';
import { saveBlocks } from '@/lib/issue/storage';
import { testDb } from '@/lib/test/db';
import { seed } from '@/scripts/seed';

// The template actions and "Nieuw nummer" called directly, as a form or a forged request would.
const session = await vi.hoisted(() => import('@/lib/test/action-session'));
const { state } = session;
vi.mock('@/lib/auth/guard', () => session.guardModule());
vi.mock('@/db', (original) => session.dbModule(original));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { to });
  },
}));

const { saveTemplateAction, renameTemplateAction, deleteTemplateAction } =
  await import('./template-actions');
const { createIssueAction } = await import('./actions');
const { idle } = await import('@/lib/action-state');
const database = () => state.database as ReturnType<typeof testDb>;
const signInAs = (email: string) => {
  const u = database().select().from(users).where(eq(users.email, email)).get()!;
  state.editor = { id: u.id, email: u.email, name: u.name, role: u.role };
  return u;
};
const draft = () => database().select().from(issues).where(eq(issues.status, 'concept')).get()!;
const templates = () => database().select().from(issueTemplates).all();
const issueCount = () => database().select({ n: count() }).from(issues).get()!.n;
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};
const saveForm = (name: string, extra: Record<string, string> = {}) =>
  form({ issueId: String(draft().id), version: String(draft().version), name, ...extra });

beforeEach(() => {
  state.database = testDb();
  seed(database());
  state.editor = null;
});

describe('template actions', () => {
  it('saves a template from the form, logs it, and refuses an empty or taken name in Dutch', async () => {
    const me = signInAs('redacteur@kopij.test');
    expect(await saveTemplateAction(idle, saveForm('   '))).toMatchObject({
      status: 'invalid',
      fieldErrors: { name: 'Vul een naam voor het sjabloon in.' },
    });
    expect(await saveTemplateAction(idle, saveForm('x'.repeat(81)))).toMatchObject({
      fieldErrors: { name: 'Een naam mag hoogstens 80 tekens hebben.' },
    });
    expect(templates()).toHaveLength(0);

    expect(await saveTemplateAction(idle, saveForm('Standaard'))).toEqual({
      status: 'ok',
      message: 'Sjabloon “Standaard” is opgeslagen.',
    });
    expect(templates()).toMatchObject([{ name: 'Standaard', createdBy: me.id }]);
    const taken = await saveTemplateAction(idle, saveForm('standaard'));
    expect(taken).toMatchObject({
      status: 'invalid',
      fieldErrors: {
        name: 'Er is al een sjabloon met de naam “Standaard”. Kies een andere naam of kies voor vervangen.',
      },
    });
    expect(await saveTemplateAction(idle, saveForm('standaard', { replace: 'on' }))).toMatchObject({
      status: 'ok',
      message: 'Sjabloon “standaard” is vervangen.',
    });
    expect(templates()).toHaveLength(1);
    const logged = database()
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityType, 'issue_template'))
      .all();
    expect(logged.map((l) => l.action)).toEqual([
      'issue.template_saved',
      'issue.template_replaced',
    ]);
  });

  it('asks for a session before anything else', async () => {
    expect(await saveTemplateAction(idle, saveForm('Standaard'))).toMatchObject({
      status: 'error',
    });
    expect(templates()).toHaveLength(0);
  });

  it('lets another redacteur neither rename nor delete a template, but a hoofdredacteur may', async () => {
    signInAs('redactie@kopij.test');
    await saveTemplateAction(idle, saveForm('Van de beheerder'));
    const [template] = templates();
    signInAs('redacteur@kopij.test');
    const rename = await renameTemplateAction(
      idle,
      form({ templateId: String(template!.id), name: 'Gekaapt' }),
    );
    expect(rename).toMatchObject({
      status: 'invalid',
      message:
        'Alleen wie dit sjabloon maakte, een hoofdredacteur of een beheerder kan het hernoemen.',
    });
    expect(await deleteTemplateAction(idle, { templateId: template!.id })).toMatchObject({
      status: 'invalid',
    });
    expect(templates()).toMatchObject([{ name: 'Van de beheerder' }]);
    signInAs('hoofdredactie@kopij.test');
    const gone = await deleteTemplateAction(idle, { templateId: template!.id }).catch((e) => e);
    expect(gone.to).toBe(
      `/redactie/nummers/sjablonen?verwijderd=${encodeURIComponent('Van de beheerder')}`,
    );
    expect(templates()).toHaveLength(0);
  });

  it('"Nieuw nummer" starts from a chosen template of its newsletter and refuses another’s', async () => {
    signInAs('redacteur@kopij.test');
    // The draft's fixed blocks the other way round, so the template differs from the start blocks.
    const { document } = loadIssueDocument(database(), draft().id)!;
    saveBlocks(database(), draft().id, { ...document, extras: [...document.extras].reverse() });
    await saveTemplateAction(idle, saveForm('Omgekeerd'));
    const [template] = templates();
    const other = database()
      .insert(newsletters)
      .values({
        slug: 'zorgpost',
        name: 'Zorgpost',
        organisation: 'O',
        senderName: 'S',
        senderEmail: 's@o.test',
      })
      .returning()
      .get();
    const before = issueCount();
    const refused = await createIssueAction(
      idle,
      form({ newsletterId: String(other.id), templateId: String(template!.id) }),
    );
    expect(refused).toMatchObject({
      status: 'invalid',
      message: 'Dit sjabloon hoort bij een andere nieuwsbrief.',
    });
    expect(issueCount()).toBe(before);

    const made = await createIssueAction(
      idle,
      form({ newsletterId: String(template!.newsletterId), templateId: String(template!.id) }),
    ).catch((e) => e);
    const id = Number(String(made.to).split('/').pop());
    expect(made.to).toBe(`/redactie/nummers/${id}`);
    const extras = (issueId: number) =>
      loadIssueDocument(database(), issueId)!.document.extras.map((b) => b.kind);
    expect(extras(id)).toEqual(['cta', 'text']);
    // "Standaardblokken" posts an empty choice: the start blocks, as before.
    const plain = await createIssueAction(
      idle,
      form({ newsletterId: String(template!.newsletterId), templateId: '' }),
    ).catch((e) => e);
    expect(extras(Number(String(plain.to).split('/').pop()))).toEqual(['text', 'cta']);
  });
});
