import { describe, expect, it } from 'vitest';
import { PLACEHOLDERS } from '@/lib/email/render';
import { testDb } from '@/lib/test/db';
import { readerCopies } from '@/lib/test/reader-copies';
import { addGreeting, sendFixture, startFixtureSend } from '@/lib/test/send-fixture';
import { messageIdKey, messageIdOf } from './messages';

const key = messageIdKey('x'.repeat(32));
const started = new Date('2026-11-30T09:00:00Z');

describe('messageIdOf', () => {
  it('is the same for every attempt of a delivery, so a resent copy keeps its id', () => {
    const first = messageIdOf(key, 3, started, 4711, 'gemeente.example');
    expect(messageIdOf(key, 3, new Date(started.getTime()), 4711, 'gemeente.example')).toBe(first);
    expect(first).toMatch(/^<[0-9a-f]{32}@gemeente\.example>$/);
  });

  it('tells nothing about the list: no issue, delivery or start time in it', () => {
    const id = messageIdOf(key, 3, started, 4711, 'gemeente.example');
    expect(id).not.toContain('4711');
    expect(id).not.toContain((4711).toString(36));
    expect(id).not.toContain(started.getTime().toString(36));
    const ids = [4710, 4711, 4712].map((d) => messageIdOf(key, 3, started, d, 'g.example'));
    expect(new Set(ids).size).toBe(3);
  });

  it('differs per send, issue and secret', () => {
    const id = messageIdOf(key, 3, started, 1, 'g.example');
    expect(messageIdOf(key, 3, new Date(started.getTime() + 1), 1, 'g.example')).not.toBe(id);
    expect(messageIdOf(key, 4, started, 1, 'g.example')).not.toBe(id);
    expect(messageIdOf(messageIdKey('y'.repeat(32)), 3, started, 1, 'g.example')).not.toBe(id);
  });
});

describe('the greeting in a copy', () => {
  const names = ['Petra Kok', '<b>Jan & Co', null, 'mevr. Bakker'];

  async function copies() {
    const database = testDb();
    const fixture = sendFixture(database, names.length, { name: (n) => names[n - 1] ?? null });
    addGreeting(database, fixture.issueId, 'Beste {voornaam}, goedemorgen {voornaam}!');
    startFixtureSend(database, fixture.issueId);
    return readerCopies(database, fixture.issueId, { sendStartedAt: started });
  }

  it('says each reader’s first name, escaped in the HTML and plain in the text, or “lezer”', async () => {
    const { mails, variants, templates } = await copies();
    // One rendering per theme combination, whatever the names: the name is filled per copy.
    expect(templates.size).toBe(variants);
    const expected = ['Petra', '<b>Jan', 'lezer', 'lezer'];
    mails.forEach((mail, i) => {
      const html = String(mail.html);
      const name = expected[i]!;
      const escaped = name.replace('<', '&lt;').replace('>', '&gt;');
      expect(html).toContain(`Beste ${escaped}, goedemorgen ${escaped}!`);
      expect(mail.text).toContain(`Beste ${name}, goedemorgen ${name}!`);
      for (const body of [html, mail.text!]) {
        expect(body).not.toContain('{voornaam}');
        expect(body).not.toContain(PLACEHOLDERS.firstName);
      }
    });
    expect(String(mails[1]!.html)).not.toContain('<b>Jan');
  });
});
