import path from 'node:path';
import addressparser from 'nodemailer/lib/addressparser';
import { bounceDomain } from '@/lib/bounces/verp';
import { getConfig, type Config } from '@/lib/config';
import { configuredDkim } from '@/lib/send/dkim';
import { buildTemplate, fillTemplate, mailbox } from '@/lib/send/mime';
import { outboxTransport, smtpTransport } from '@/lib/send/transport';
import { newMessageId } from './message-id';

/** Who a mail is from: a newsletter's sender identity, or MAIL_FROM for mails about none. */
export type Sender = { name: string; email: string; replyTo?: string | null };

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** A newsletter's sender identity; MAIL_FROM when absent. */
  sender?: Sender;
};

export type MailResult = {
  messageId: string;
  /** Set when the message went to the outbox folder. */ file?: string;
};

export type MailTarget = {
  smtpUrl: string | undefined;
  outboxDir: string;
  /** The sender of mails about no newsletter. */
  mailFrom: string;
  /** Signs each message (DKIM_*); unsigned when absent. */
  dkim?: ((raw: Buffer) => Buffer) | undefined;
  /** BOUNCE_DOMAIN: where the envelope sender of a system mail lives (else the config's). */
  bounceDomain?: string | undefined;
};

/** Where mail goes as this process is configured, signed when DKIM is set up. */
export function mailTarget(config: Config = getConfig()): MailTarget {
  return {
    smtpUrl: config.smtpUrl,
    outboxDir: config.outboxDir,
    mailFrom: config.mailFrom,
    dkim: configuredDkim(config.send.dkim),
    bounceDomain: config.bounces.domain,
  };
}

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/** MAIL_FROM as a sender: `Kopij <noreply@kopij.nl>` or a bare address. */
export function senderOf(mailFrom: string): Sender {
  const [first] = addressparser(mailFrom, { flatten: true });
  if (!first?.address) throw new Error(`MAIL_FROM "${mailFrom}" bevat geen e-mailadres`);
  return { name: first.name, email: first.address };
}

/**
 * The envelope sender of a mail that is not a newsletter copy: on the bounce domain, so a
 * bounce reaches Kopij's inbound paths rather than a person's mailbox; it names no delivery.
 */
export function systemEnvelopeFrom(senderEmail: string, target: MailTarget): string {
  return `bounces@${bounceDomain(senderEmail, target.bounceDomain)}`;
}

/**
 * Builds a system mail the way an issue copy is built (mime.ts, then the DKIM signer): the
 * same header layout, a Message-ID on the sender's domain, only without List-* headers.
 */
export function composeMail(message: MailMessage, target: MailTarget, date = new Date()) {
  const sender = message.sender ?? senderOf(target.mailFrom);
  const template = buildTemplate({
    from: mailbox(sender.name, sender.email),
    replyTo: sender.replyTo,
    subject: message.subject,
    date,
    text: message.text,
    html: message.html,
    placeholders: {},
  });
  const messageId = newMessageId(domainOf(sender.email));
  const raw = fillTemplate(template, { to: message.to, messageId });
  return {
    raw: target.dkim ? target.dkim(raw) : raw,
    messageId,
    envelopeFrom: systemEnvelopeFrom(sender.email, target),
  };
}

/**
 * Hands finished bytes over the way the sender hands over copies (transport.ts): to SMTP_URL
 * when set, else as an .eml file in the outbox folder (so a fresh checkout works without a mail
 * server). Returns the file when there is one; throws when the server refuses.
 */
export async function deliver(
  envelope: { from: string; to: string },
  raw: Buffer,
  target: MailTarget,
): Promise<string | undefined> {
  const transport = target.smtpUrl
    ? smtpTransport(target.smtpUrl)
    : outboxTransport(target.outboxDir);
  const lane = transport.lane();
  try {
    const outcome = await lane.send(envelope, raw);
    if (!outcome.ok)
      throw new Error(
        `Mail niet verstuurd (${outcome.stage}${outcome.code ? ` ${outcome.code}` : ''}): ${outcome.message}`,
      );
    // The outbox answers "250 <file name>".
    return target.smtpUrl ? undefined : path.join(target.outboxDir, outcome.response.slice(4));
  } finally {
    lane.close();
  }
}

/** The one way this app sends a mail that is not a newsletter copy. */
export async function sendMail(
  message: MailMessage,
  target: MailTarget = mailTarget(),
): Promise<MailResult> {
  const built = composeMail(message, target);
  const file = await deliver({ from: built.envelopeFrom, to: message.to }, built.raw, target);
  return { messageId: built.messageId, file };
}
