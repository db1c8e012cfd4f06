import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import fsp from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDkim } from '@/lib/test/dkim';
import { tempDir } from '@/lib/test/temp-dir';
import { startTestSmtp, type TestSmtp } from '@/lib/test/smtp';
import { composeMail, sendMail, senderOf, type MailTarget } from './index';

const message = {
  to: 'griffier@gemeente.example',
  subject: 'Agenda ledenvergadering',
  text: 'Zie bijlage & agenda',
  html: '<p>Zie <b>agenda</b></p>',
};
const raadsbericht = {
  name: 'Raadsbericht',
  email: 'raadsbericht@vsg.example',
  replyTo: 'redactie@vsg.example',
};

describe('sendMail without SMTP_URL', () => {
  it('writes the whole message as an .eml file to the outbox', async () => {
    const outboxDir = tempDir('kopij-outbox');
    const result = await sendMail(message, {
      smtpUrl: undefined,
      outboxDir,
      mailFrom: 'Kopij <noreply@kopij.test>',
    });
    expect(result.file && path.dirname(result.file)).toBe(outboxDir);
    // Renamed into place once whole: nothing half written (or left behind) under another name.
    expect(fs.readdirSync(outboxDir)).toEqual([path.basename(result.file!)]);
    const parsed = await simpleParser(fs.readFileSync(result.file!));
    expect(parsed.subject).toBe(message.subject);
    expect(parsed.text?.trim()).toBe(message.text);
    expect(parsed.html).toContain('<b>agenda</b>');
    expect(parsed.from?.value).toEqual([{ name: 'Kopij', address: 'noreply@kopij.test' }]);
    expect(parsed.messageId).toBe(result.messageId);
    expect(result.messageId).toMatch(/^<[\w-]{24}@kopij\.test>$/);
  });

  it('never lets a reader of the folder see a half-written message: it is renamed into place', async () => {
    const outboxDir = tempDir('kopij-outbox');
    const written = vi.spyOn(fsp, 'writeFile');
    const renamed = vi.spyOn(fsp, 'rename');
    try {
      const result = await sendMail(message, {
        smtpUrl: undefined,
        outboxDir,
        mailFrom: 'Kopij <noreply@kopij.test>',
      });
      const [target] = written.mock.calls.map(([file]) => path.basename(String(file)));
      expect(target).toMatch(/^\..*\.eml\.tmp$/);
      expect(renamed.mock.calls.map(([, to]) => String(to))).toEqual([result.file]);
    } finally {
      written.mockRestore();
      renamed.mockRestore();
    }
  });
});

describe('sendMail with SMTP_URL', () => {
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startTestSmtp();
  });
  afterAll(() => smtp.close());

  it('hands a newsletter mail to the SMTP server from the newsletter, with a bounce envelope', async () => {
    const result = await sendMail(
      { ...message, sender: raadsbericht },
      {
        smtpUrl: smtp.url,
        outboxDir: '/nonexistent',
        mailFrom: 'x@y.z',
        bounceDomain: 'bounces.vsg.example',
      },
    );
    const received = smtp.messages.find((m) => m.raw.includes(result.messageId))!;
    expect(received.envelopeTo).toEqual(['griffier@gemeente.example']);
    expect(received.envelopeFrom).toBe('bounces@bounces.vsg.example');
    const parsed = await simpleParser(received.raw);
    expect(parsed.subject).toBe(message.subject);
    expect(parsed.from?.value).toEqual([
      { name: 'Raadsbericht', address: 'raadsbericht@vsg.example' },
    ]);
    expect(parsed.replyTo?.value).toEqual([{ name: '', address: 'redactie@vsg.example' }]);
    expect(parsed.messageId).toMatch(/@vsg\.example>$/);
    expect(received.raw.toString()).toMatch(/Content-Type: multipart\/alternative/);
  });

  it('fails loudly when the server refuses the recipient', async () => {
    await expect(
      sendMail(
        { ...message, to: 'weiger@gemeente.example' },
        { smtpUrl: smtp.url, outboxDir: '/nonexistent', mailFrom: 'x@y.z' },
      ),
    ).rejects.toThrow(/550/);
  });
});

describe('the message builder for system mails', () => {
  const target: MailTarget = { smtpUrl: undefined, outboxDir: '/nonexistent', mailFrom: 'x@y.z' };

  it('signs with DKIM when a key is set, and an independent verifier passes the signature', async () => {
    const dkim = testDkim();
    const built = composeMail({ ...message, sender: raadsbericht }, { ...target, dkim: dkim.sign });
    expect(built.raw.toString('latin1')).toMatch(/^DKIM-Signature: v=1; a=rsa-sha256;/);
    expect(await dkim.verify(built.raw)).toEqual(['pass']);
  });

  it('writes no List-* headers (a system mail is no list) and a fresh Message-ID each time', async () => {
    const first = composeMail(message, { ...target, mailFrom: 'Kopij <noreply@kopij.test>' });
    const second = composeMail(message, { ...target, mailFrom: 'Kopij <noreply@kopij.test>' });
    const parsed = await simpleParser(first.raw);
    expect([...parsed.headers.keys()].sort()).toEqual([
      'content-type',
      'date',
      'from',
      'message-id',
      'mime-version',
      'subject',
      'to',
    ]);
    expect(first.messageId).not.toBe(second.messageId);
    expect(first.envelopeFrom).toBe('bounces@kopij.test');
  });

  it('reads MAIL_FROM with or without a name, and refuses one without an address', () => {
    expect(senderOf('Kopij <noreply@kopij.test>')).toEqual({
      name: 'Kopij',
      email: 'noreply@kopij.test',
    });
    expect(senderOf('noreply@kopij.test')).toEqual({ name: '', email: 'noreply@kopij.test' });
    expect(() => senderOf('Kopij')).toThrow(/MAIL_FROM/);
  });
});
