import { simpleParser } from 'mailparser';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, issues, newsletters, users } from '@/db/schema';
import { seed } from '@/scripts/seed';
import type { SessionEditor } from '@/lib/auth/guard';
import { formatTime } from '@/lib/format';
import { testDb } from '@/lib/test/db';
import { startTestSmtp, type TestSmtp } from '@/lib/test/smtp';
import { waitFor } from '@/lib/test/send-fixture';

// The test-send action called as the builder calls it, against a real loopback SMTP server: the
// hourly limit per editor (counted in mails, from the audit log) and only saved versions.
const state = vi.hoisted(() => ({
  editor: null as SessionEditor | null,
  database: null as unknown,
  smtpUrl: undefined as string | undefined,
}));
vi.mock('@/lib/auth/guard', () => ({
  currentEditor: async () => state.editor,
  editorLabel: (e: SessionEditor) => e.name ?? e.email,
}));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database,
}));
vi.mock('@/lib/config', async (original) => {
  const real = await original<typeof import('@/lib/config')>();
  const config = real.parseConfig({ PUBLIC_URL: 'https://nieuwsbrief.example.nl' });
  return {
    ...real,
    getConfig: () => ({ ...config, authSecret: 'x'.repeat(40), smtpUrl: state.smtpUrl }),
  };
});
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { sendTest } = await import('./actions');
const { idle } = await import('@/lib/action-state');
const { loadIssueDocument } = await import('@/lib/issue/load');
const { saveIssueDocument } = await import('@/lib/issue/save');
const { moveBlock, sectionContainer } = await import('@/lib/issue/operations');
const database = () => state.database as ReturnType<typeof testDb>;

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
  state.smtpUrl = smtp.url;
});
afterAll(() => smtp.close());

let issueId: number;
let editorId: string;
beforeEach(() => {
  smtp.messages.length = 0;
  state.database = testDb();
  seed(database());
  const u = database().select().from(users).where(eq(users.email, 'redacteur@kopij.test')).get()!;
  state.editor = { id: u.id, email: u.email, name: u.name, role: u.role };
  editorId = u.id;
  const issue = database().select().from(issues).where(eq(issues.status, 'concept')).get()!;
  issueId = issue.id;
  // No fixed test addresses unless a test sets them: one mail per send, to the editor.
  database()
    .update(newsletters)
    .set({ testAddresses: [] })
    .where(eq(newsletters.id, issue.newsletterId))
    .run();
});

const saved = () => ({
  issueId,
  version: database().select().from(issues).where(eq(issues.id, issueId)).get()!.version,
  document: loadIssueDocument(database(), issueId)!.document,
});
const testSends = () =>
  database()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'issue.testSend'), eq(auditLog.actorId, editorId)))
    .orderBy(asc(auditLog.id))
    .all();
const nextMinute = (at: Date) => Math.ceil((at.getTime() + 3_600_000) / 60_000) * 60_000;

describe('test sends: the hourly limit', () => {
  it('sends 20 test mails in an hour, refuses the 21st and says when it can go', async () => {
    for (let i = 1; i <= 20; i++)
      expect(await sendTest(idle, saved())).toEqual({
        status: 'ok',
        message: 'Testmail verstuurd naar redacteur@kopij.test.',
      });
    await waitFor(() => smtp.messages.length === 20, '20 testmails');
    const log = testSends();
    expect(log).toHaveLength(20);
    expect(log.every((r) => (r.details as { recipients: number }).recipients === 1)).toBe(true);
    expect(log[0]!.summary).toMatch(
      /^Fatima El Idrissi \(redacteur@kopij\.test\) stuurde een testmail van .+ naar 1 adres$/,
    );

    const refused = await sendTest(idle, saved());
    expect(refused).toEqual({
      status: 'invalid',
      message: `U heeft het afgelopen uur al 20 testmails verstuurd; de grens is 20 per uur (elke ontvanger telt). Deze testmail naar 1 adres kunt u weer versturen om ${formatTime(nextMinute(log[0]!.at))}. Er is niets verstuurd.`,
    });
    expect(smtp.messages).toHaveLength(20);
    expect(testSends()).toHaveLength(20);
    const mail = await simpleParser(smtp.messages[0]!.raw);
    expect(mail.subject).toMatch(/^\[TEST\] /);
    expect(smtp.messages.every((m) => m.envelopeTo[0] === 'redacteur@kopij.test')).toBe(true);
  });

  it('counts recipients, not clicks, and frees what left the hour', async () => {
    const issue = database().select().from(issues).where(eq(issues.id, issueId)).get()!;
    database()
      .update(newsletters)
      .set({ testAddresses: ['a@gemeente.example', 'b@gemeente.example'] })
      .where(eq(newsletters.id, issue.newsletterId))
      .run();
    for (let i = 1; i <= 6; i++)
      expect(await sendTest(idle, saved())).toMatchObject({ status: 'ok' });
    await waitFor(() => smtp.messages.length === 18, '18 testmails');
    const refused = await sendTest(idle, saved());
    expect(refused.message).toMatch(
      /^U heeft het afgelopen uur al 18 testmails verstuurd; de grens is 20 per uur \(elke ontvanger telt\)\. Deze testmail naar 3 adressen kunt u weer versturen om \d\d:\d\d\./,
    );
    expect(smtp.messages).toHaveLength(18);
    expect(testSends().map((r) => (r.details as { recipients: number }).recipients)).toEqual([
      3, 3, 3, 3, 3, 3,
    ]);

    // The oldest send left the hour: three mails free again.
    const oldest = testSends()[0]!;
    database()
      .update(auditLog)
      .set({ at: new Date(Date.now() - 3_601_000) })
      .where(eq(auditLog.id, oldest.id))
      .run();
    expect(await sendTest(idle, saved())).toMatchObject({ status: 'ok' });
    await waitFor(() => smtp.messages.length === 21, '21 testmails in total');
  });

  it('counts per editor: a colleague still has their own allowance', async () => {
    for (let i = 1; i <= 20; i++) await sendTest(idle, saved());
    expect(await sendTest(idle, saved())).toMatchObject({ status: 'invalid' });
    const chief = database()
      .select()
      .from(users)
      .where(eq(users.email, 'hoofdredactie@kopij.test'))
      .get()!;
    state.editor = { id: chief.id, email: chief.email, name: chief.name, role: chief.role };
    expect(await sendTest(idle, saved())).toMatchObject({ status: 'ok' });
  });
});

describe('test sends: only the saved version', () => {
  it('refuses an older version and unsaved changes, sending and logging nothing', async () => {
    const before = saved();
    const result = database().transaction((tx) =>
      saveIssueDocument(tx, {
        issueId,
        version: before.version,
        document: { ...before.document, preheader: 'Intussen door een collega gewijzigd' },
        editorId,
      }),
    );
    expect(result).toMatchObject({ status: 'ok' });
    expect(await sendTest(idle, before)).toEqual({
      status: 'conflict',
      message: `U ziet versie ${before.version}, maar intussen is versie ${before.version + 1} opgeslagen. Laad de pagina opnieuw, bekijk de nieuwe versie en verstuur dan de testmail.`,
    });

    const now = saved();
    expect(
      await sendTest(idle, {
        ...now,
        document: { ...now.document, subject: 'Nog niet opgeslagen' },
      }),
    ).toEqual({
      status: 'conflict',
      message:
        'Er zijn wijzigingen die nog niet zijn opgeslagen. Wacht tot alles is opgeslagen en verstuur dan de testmail.',
    });
    expect(smtp.messages).toHaveLength(0);
    expect(testSends()).toHaveLength(0);
  });

  it('sends the builder’s own document once it is saved', async () => {
    // The document as the builder holds it after a move, saved by autosave.
    const before = saved();
    const section = before.document.sections.find((s) => s.blocks.length > 1)!;
    const moved = moveBlock(before.document, section.blocks[0]!.id, {
      container: sectionContainer(section.themeId),
      index: 1,
    });
    const result = database().transaction((tx) =>
      saveIssueDocument(tx, { issueId, version: before.version, document: moved, editorId }),
    );
    expect(result).toMatchObject({ status: 'ok', version: before.version + 1 });
    expect(
      await sendTest(idle, { issueId, version: before.version + 1, document: moved }),
    ).toMatchObject({ status: 'ok' });
    await waitFor(() => smtp.messages.length === 1, 'de testmail');
    expect(testSends()[0]!.details).toEqual({ recipients: 1, version: before.version + 1 });
  });

  it('asks for the version with a Dutch message', async () => {
    const { issueId: id, document } = saved();
    expect(await sendTest(idle, { issueId: id, document })).toMatchObject({
      status: 'invalid',
      message: 'Onbekende versie.',
    });
  });
});
