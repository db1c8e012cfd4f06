import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { buildTemplate, fillTemplate, headerText, mailbox, quotedPrintable } from './mime';

const decode = (qp: string) =>
  Buffer.from(
    qp
      .replace(/=\r\n/g, '')
      .replace(/\r\n/g, '\n')
      .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');

describe('quoted-printable', () => {
  it('round-trips text with accents, = signs, long lines and trailing spaces, keeping lines within 76 characters', () => {
    const input = `Café "De Gemeente" = 100% ${'lang '.repeat(40)}\nregel met spatie aan het eind \n\ttab\n€ en ü`;
    const encoded = quotedPrintable(input);
    expect(decode(encoded)).toBe(input);
    for (const line of encoded.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
    expect(encoded).toContain('eind=20\r\n');
  });

  it('keeps a line within 76 characters when a trailing space at the limit is encoded', () => {
    for (let n = 70; n <= 80; n++) {
      const input = `${'a'.repeat(n)} \nb`;
      const encoded = quotedPrintable(input);
      expect(decode(encoded)).toBe(input);
      for (const line of encoded.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
    }
  });

  it('ends every piece at a line boundary so pieces can be joined', () => {
    const parts = ['Afmelden: ', 'https://x.nl/afmelden/abc.def', '\nKlaar'];
    expect(decode(parts.map(quotedPrintable).join(''))).toBe(parts.join(''));
  });
});

describe('headers', () => {
  it('encodes non-ASCII subjects as encoded words without splitting a character', async () => {
    const subject = `Raadsbericht: één ${'ç'.repeat(40)} — € zaken`;
    const folded = headerText(subject);
    expect(folded).toMatch(/^=\?UTF-8\?B\?/);
    const parsed = await simpleParser(`Subject: ${folded}\r\n\r\n`);
    expect(parsed.subject).toBe(subject);
  });

  it('fills the slots of a template into a message a mail reader parses', async () => {
    const template = buildTemplate({
      from: '"VNG" <nieuws@vng.example>',
      subject: 'Test',
      date: new Date('2026-11-28T10:00:00Z'),
      listId: { name: 'Raadsbericht', id: 'raadsbericht.example.nl' },
      unsubscribeMailto: 'afmelden@vng.example',
      text: 'Tekst KOPIJ_AF einde',
      html: '<a href="KOPIJ_AF">Afmelden</a> <a href="KOPIJ_VK">Voorkeuren</a>',
      placeholders: { unsubscribe: 'KOPIJ_AF', preferences: 'KOPIJ_VK' },
    });
    const long = `https://nieuwsbrief.example.nl/afmelden/${'x'.repeat(90)}`;
    const raw = fillTemplate(template, {
      to: 'a@b.nl',
      messageId: '<1@vng.example>',
      unsubscribe: long,
      preferences: 'https://v.nl/vk',
      mailtoSubject: 'afmelden%20x',
    });
    const parsed = await simpleParser(raw);
    expect(parsed.text?.trim()).toBe(`Tekst ${long} einde`);
    expect(parsed.html).toContain(`href="${long}"`);
    expect(parsed.messageId).toBe('<1@vng.example>');
    expect(parsed.headers.get('date')).toEqual(new Date('2026-11-28T10:00:00Z'));
  });

  it('writes no List-* headers for a system mail, which needs only To and Message-ID', async () => {
    const template = buildTemplate({
      from: '"Kopij" <noreply@kopij.example>',
      subject: 'Uw inloglink',
      date: new Date('2026-11-28T10:00:00Z'),
      text: 'Tekst',
      html: '<p>Tekst</p>',
      placeholders: {},
    });
    const raw = fillTemplate(template, { to: 'a@b.nl', messageId: '<2@kopij.example>' });
    const parsed = await simpleParser(raw);
    expect([...parsed.headers.keys()].filter((k) => k.startsWith('list-'))).toEqual([]);
    expect(parsed.to).toMatchObject({ text: 'a@b.nl' });
    expect(parsed.text?.trim()).toBe('Tekst');
  });

  it('refuses to fill a template whose slot was given no value', () => {
    const template = buildTemplate({
      from: 'a@b.nl',
      subject: 'x',
      date: new Date(),
      listId: { name: 'L', id: 'l.example' },
      unsubscribeMailto: 'afmelden@b.nl',
      text: 't',
      html: 'h',
      placeholders: {},
    });
    expect(() => fillTemplate(template, { to: 'c@d.nl', messageId: '<3@b.nl>' })).toThrow(
      /unsubscribe/,
    );
  });

  it('writes a sender without a name as the bare address', () => {
    expect(mailbox('', 'noreply@kopij.example')).toBe('noreply@kopij.example');
    expect(mailbox('Kopij', 'noreply@kopij.example')).toBe('"Kopij" <noreply@kopij.example>');
  });
});

describe('quoted-printable worst cases', () => {
  it('round-trips lines of spaces and line feeds and all-escaped text', () => {
    for (const input of [
      ' \n'.repeat(500),
      '\n'.repeat(300),
      '€'.repeat(400),
      `${'x'.repeat(75)} \n`.repeat(20),
      '= '.repeat(300),
    ]) {
      expect(decode(quotedPrintable(input))).toBe(input);
    }
  });
});
