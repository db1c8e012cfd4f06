import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { newsletters } from '@/db/schema';
import { loadIssueDocument } from '@/lib/issue/load';
import { testDkim } from '@/lib/test/dkim';
import { testDb } from '@/lib/test/db';
import { addGreeting, sendFixture, startFixtureSend, waitForStatus } from '@/lib/test/send-fixture';
import { sendHarness, TEST_PUBLIC_URL } from '@/lib/test/send-harness';
import { tempDir } from '@/lib/test/temp-dir';
import { sendTestIssue } from './test-send';

const harness = sendHarness();

/** Header names as written (lower case), in order, repeated ones once. */
const headerNames = (mail: ParsedMail) => [...new Set(mail.headerLines.map((h) => h.key))];
const perCopy = new Set(['to', 'message-id', 'date']);

describe('a test send', () => {
  it('has the header set of a real copy of the same issue, List-* included, and both pass DKIM', async () => {
    const database = testDb();
    const fixture = sendFixture(database, 3);
    const dkim = testDkim('vsg.example', 'kopij2026');
    const smtp = await harness.smtp();

    const sent = await sendTestIssue({ issueId: fixture.issueId }, ['redactie@vsg.example'], {
      database,
      publicUrl: TEST_PUBLIC_URL,
      target: {
        smtpUrl: smtp.url,
        outboxDir: tempDir('kopij-test-send'),
        mailFrom: 'Kopij <noreply@kopij.test>',
        dkim: dkim.sign,
      },
    });
    expect(sent).toBe(true);
    startFixtureSend(database, fixture.issueId);
    harness.run(database, smtp.url, { dkim: dkim.sign });
    await waitForStatus(database, fixture.issueId, 'sent');

    const testMail = smtp.messages.find((m) => m.envelopeTo[0] === 'redactie@vsg.example')!;
    const realMail = smtp.messages.find((m) => m.envelopeTo[0] === 'lezer1@example.test')!;
    const [test, real] = await Promise.all([
      simpleParser(testMail.raw),
      simpleParser(realMail.raw),
    ]);

    expect(headerNames(test).filter((k) => !perCopy.has(k))).toEqual(
      headerNames(real).filter((k) => !perCopy.has(k)),
    );
    for (const name of ['list-id', 'list-unsubscribe', 'list-unsubscribe-post', 'dkim-signature'])
      expect(headerNames(test)).toContain(name);
    expect(test.subject).toBe(`[TEST] ${real.subject}`);
    expect(test.from).toEqual(real.from);
    expect(test.headers.get('list-id')).toEqual(real.headers.get('list-id'));
    expect(await dkim.verify(testMail.raw)).toEqual(['pass']);
    expect(await dkim.verify(realMail.raw)).toEqual(['pass']);

    // No reader behind a test: its links lead to the page that mails a reader their own.
    expect(test.text).toContain(`Afmelden: ${TEST_PUBLIC_URL}/nieuwe-link`);
    expect(test.html).not.toContain('kopij.invalid');
    expect(test.headerLines.find((h) => h.key === 'list-unsubscribe')?.line).toContain(
      `<${TEST_PUBLIC_URL}/nieuwe-link>`,
    );
    // A random Message-ID on the sender's domain, and bounces to the bounce address.
    expect(test.messageId).toMatch(/^<[\w-]{24}@vsg\.example>$/);
    expect(testMail.envelopeFrom).toBe('bounces@vsg.example');
  }, 60_000);

  it('sends the editor’s unsaved document, and says when the issue is gone', async () => {
    const database = testDb();
    const fixture = sendFixture(database, 1);
    const outboxDir = tempDir('kopij-test-send');
    const target = { smtpUrl: undefined, outboxDir, mailFrom: 'Kopij <noreply@kopij.test>' };
    const document = { ...loadIssueDocument(database, fixture.issueId)!.document, subject: '' };
    const options = { database, publicUrl: TEST_PUBLIC_URL, target };
    expect(await sendTestIssue({ issueId: fixture.issueId, document }, ['a@b.nl'], options)).toBe(
      true,
    );
    const [file] = fs.readdirSync(outboxDir);
    const mail = await simpleParser(fs.readFileSync(path.join(outboxDir, file!)));
    expect(mail.subject).toBe('[TEST] (geen onderwerp)');
    expect(await sendTestIssue({ issueId: 9999 }, ['a@b.nl'], options)).toBe(false);
  });

  it('greets the editor by their first name, a subscriber by theirs, another address as “lezer”', async () => {
    const database = testDb();
    const fixture = sendFixture(database, 1, { name: () => 'Petra Kok' });
    addGreeting(database, fixture.issueId);
    const outboxDir = tempDir('kopij-test-send');
    const target = { smtpUrl: undefined, outboxDir, mailFrom: 'Kopij <noreply@kopij.test>' };
    const to = ['redactie@kopij.test', 'lezer1@example.test', 'onbekend@example.test'];
    expect(
      await sendTestIssue({ issueId: fixture.issueId }, to, {
        database,
        publicUrl: TEST_PUBLIC_URL,
        target,
      }),
    ).toBe(true);
    const greetings = new Map<string, string>();
    for (const file of fs.readdirSync(outboxDir)) {
      const mail = await simpleParser(fs.readFileSync(path.join(outboxDir, file)));
      greetings.set(mail.to && 'text' in mail.to ? mail.to.text : '', mail.text ?? '');
    }
    // The demo's admin is Sanne Bakker.
    expect(greetings.get('redactie@kopij.test')).toContain('Beste Sanne,');
    expect(greetings.get('lezer1@example.test')).toContain('Beste Petra,');
    expect(greetings.get('onbekend@example.test')).toContain('Beste lezer,');
  });

  it('carries the newsletter’s own List-Id domain when it has one, else the PUBLIC_URL host', async () => {
    const database = testDb();
    const fixture = sendFixture(database, 1);
    const outboxDir = tempDir('kopij-test-send');
    const target = { smtpUrl: undefined, outboxDir, mailFrom: 'Kopij <noreply@kopij.test>' };
    const options = { database, publicUrl: TEST_PUBLIC_URL, target };
    const listIdOfSend = async () => {
      fs.rmSync(outboxDir, { recursive: true, force: true });
      fs.mkdirSync(outboxDir);
      expect(await sendTestIssue({ issueId: fixture.issueId }, ['a@b.nl'], options)).toBe(true);
      const [file] = fs.readdirSync(outboxDir);
      const mail = await simpleParser(fs.readFileSync(path.join(outboxDir, file!)));
      return mail.headerLines.find((h) => h.key === 'list-id')!.line;
    };
    const slug = database
      .select({ slug: newsletters.slug })
      .from(newsletters)
      .where(eq(newsletters.id, fixture.newsletterId))
      .get()!.slug;
    expect(await listIdOfSend()).toContain(`<${slug}.${new URL(TEST_PUBLIC_URL).hostname}>`);
    database
      .update(newsletters)
      .set({ listIdDomain: 'lijsten.vsg.example' })
      .where(eq(newsletters.id, fixture.newsletterId))
      .run();
    expect(await listIdOfSend()).toContain(`<${slug}.lijsten.vsg.example>`);
  });
});
