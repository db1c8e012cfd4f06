import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { getConfig } from '@/lib/config';

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Defaults to MAIL_FROM. */
  from?: string;
  replyTo?: string;
  headers?: Record<string, string>;
};

export type MailResult = {
  messageId: string;
  /** Set when the message went to the outbox folder. */ file?: string;
};

type Target = { smtpUrl: string | undefined; outboxDir: string; mailFrom: string };

let smtp: { url: string; transport: Transporter } | undefined;

function smtpTransport(url: string): Transporter {
  if (smtp?.url !== url) smtp = { url, transport: nodemailer.createTransport(url) };
  return smtp.transport;
}

// Builds the raw message without sending, for the outbox.
const streamTransport = nodemailer.createTransport({
  streamTransport: true,
  buffer: true,
  newline: 'unix',
});

/**
 * The one way this app hands a message over: to SMTP_URL when set, else to an .eml file in
 * the outbox folder (so a fresh checkout works without a mail server).
 */
export async function sendMail(
  message: MailMessage,
  target: Target = getConfig(),
): Promise<MailResult> {
  const envelope = { ...message, from: message.from ?? target.mailFrom };
  if (target.smtpUrl) {
    const info = await smtpTransport(target.smtpUrl).sendMail(envelope);
    return { messageId: info.messageId };
  }
  const info = await streamTransport.sendMail(envelope);
  await fs.mkdir(target.outboxDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const recipient = message.to.replace(/[^a-z0-9@.-]/gi, '_').slice(0, 80);
  const file = path.join(
    target.outboxDir,
    `${stamp}-${recipient}-${crypto.randomBytes(3).toString('hex')}.eml`,
  );
  await fs.writeFile(file, info.message as Buffer);
  return { messageId: info.messageId, file };
}
