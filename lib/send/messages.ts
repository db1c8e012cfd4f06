import type { Db } from '@/db';
import { emailSource } from '@/lib/email/source';
import type { IssueDocument } from '@/lib/issue/document';
import { newMessageId } from '@/lib/mail/message-id';
import { issueVariants, PLACEHOLDERS } from '@/lib/email/render';
import { personalLinks } from '@/lib/subscribers/links';
import { buildTemplate, fillTemplate, mailbox, type MimeTemplate } from './mime';
import { variantThemes } from './plan';

export type Reader = {
  deliveryId: number;
  subscriberId: number;
  email: string;
  tokenVersion: number;
};

export type IssueMessages = {
  issueId: number;
  newsletterId: number;
  /** Envelope sender (bounces go here). */
  envelopeFrom: string;
  template(variant: string): Promise<MimeTemplate>;
  /** One reader's copy: the variant's bytes with their own address, Message-ID and links. */
  build(template: MimeTemplate, reader: Reader): { raw: Buffer; messageId: string };
};

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/**
 * The Message-ID of a delivery depends only on the send and the delivery, never on the attempt:
 * a copy sent again after a crash carries the first copy's id, so receiving systems can drop it.
 * The send's start time keeps ids unique across databases that reuse row ids.
 */
export function messageIdOf(
  issueId: number,
  sendStartedAt: Date,
  deliveryId: number,
  domain: string,
): string {
  return `<kopij.${issueId}.${sendStartedAt.getTime().toString(36)}.${deliveryId}@${domain}>`;
}

/** A test has no reader: its personal links lead to the page that mails a reader their own. */
const testLinks = (publicUrl: string) => ({
  unsubscribe: `${publicUrl}/nieuwe-link`,
  preferences: `${publicUrl}/nieuwe-link`,
});

/**
 * Renders each theme combination of an issue once, on first use, and builds copies from it.
 *
 * `test` makes a test send of the same template: "[TEST] " before the subject, the document as
 * the editor has it (saved or not) with the library's current items, testLinks, and a fresh
 * random Message-ID (newMessageId); of `reader` only `email` is used.
 */
export function issueMessages(
  database: Db,
  issueId: number,
  options: {
    publicUrl: string;
    linkKey: Buffer;
    sendStartedAt: Date;
    date?: Date;
    dkim?: (raw: Buffer) => Buffer;
    test?: { document?: IssueDocument };
  },
): IssueMessages | null {
  // A test of an approved issue shows the approved texts, as its readers will get them.
  const content = options.test
    ? { document: options.test.document, approvedText: true }
    : { asSent: true };
  const source = emailSource(database, issueId, options.publicUrl, content);
  if (!source) return null;
  const n = source.newsletter;
  const domain = domainOf(n.senderEmail);
  const templates = new Map<string, Promise<MimeTemplate>>();
  const date = options.date ?? new Date();
  let variants: ReturnType<typeof issueVariants> | undefined;
  const render = async (variant: string) => {
    variants ??= issueVariants(source);
    const { html, text, subject } = await (await variants).variant(variantThemes(variant));
    return buildTemplate({
      from: mailbox(n.senderName, n.senderEmail),
      replyTo: n.replyTo,
      subject: options.test ? `[TEST] ${subject}` : subject,
      date,
      listId: { name: n.name, id: `${n.slug}.${new URL(options.publicUrl).hostname}` },
      unsubscribeMailto: n.replyTo ?? n.senderEmail,
      text,
      html,
      placeholders: {
        unsubscribe: PLACEHOLDERS.unsubscribe,
        preferences: PLACEHOLDERS.preferences,
      },
    });
  };
  return {
    issueId,
    newsletterId: n.id,
    envelopeFrom: n.senderEmail,
    template(variant) {
      let template = templates.get(variant);
      if (!template) {
        template = render(variant);
        templates.set(variant, template);
      }
      return template;
    },
    build(template, reader) {
      const links = options.test
        ? testLinks(options.publicUrl)
        : personalLinks(
            { subscriberId: reader.subscriberId, newsletterId: n.id, version: reader.tokenVersion },
            { publicUrl: options.publicUrl, key: options.linkKey },
          );
      const messageId = options.test
        ? newMessageId(domain)
        : messageIdOf(issueId, options.sendStartedAt, reader.deliveryId, domain);
      const raw = fillTemplate(template, {
        to: reader.email,
        messageId,
        unsubscribe: links.unsubscribe,
        preferences: links.preferences,
        mailtoSubject: `afmelden%20${links.unsubscribe.slice(links.unsubscribe.lastIndexOf('/') + 1)}`,
      });
      return { raw: options.dkim ? options.dkim(raw) : raw, messageId };
    },
  };
}
