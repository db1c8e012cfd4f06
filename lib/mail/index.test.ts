import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '@/lib/test/temp-dir';
import { startTestSmtp, type TestSmtp } from '@/lib/test/smtp';
import { sendMail } from './index';

const message = {
  to: 'griffier@gemeente.example',
  subject: 'Agenda ledenvergadering',
  text: 'Zie bijlage & agenda',
  html: '<p>Zie <b>agenda</b></p>',
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
    const parsed = await simpleParser(fs.readFileSync(result.file!));
    expect(parsed.subject).toBe(message.subject);
    expect(parsed.text?.trim()).toBe(message.text);
    expect(parsed.html).toContain('<b>agenda</b>');
    expect(parsed.from?.text).toContain('noreply@kopij.test');
    expect(parsed.messageId).toBe(result.messageId);
  });
});

describe('sendMail with SMTP_URL', () => {
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startTestSmtp();
  });
  afterAll(() => smtp.close());

  it('hands the message to the SMTP server as multipart/alternative', async () => {
    await sendMail(
      { ...message, from: 'Raadsbericht <raadsbericht@vsg.example>' },
      { smtpUrl: smtp.url, outboxDir: '/nonexistent', mailFrom: 'x@y.z' },
    );
    const [received] = smtp.messages;
    expect(received?.envelopeTo).toEqual(['griffier@gemeente.example']);
    const parsed = await simpleParser(received!.raw);
    expect(parsed.subject).toBe(message.subject);
    expect(parsed.from?.value).toEqual([
      { name: 'Raadsbericht', address: 'raadsbericht@vsg.example' },
    ]);
    expect(received!.raw.toString()).toMatch(/Content-Type: multipart\/alternative/);
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
