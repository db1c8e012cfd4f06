import crypto from 'node:crypto';
import type { Db } from '@/db';
import { clickKey, pixelUrl } from '@/lib/clicks/signature';
import { withCountedLinks } from '@/lib/clicks/issue-links';
import { bounceDomain, unsubscribeAddress, verpAddress, verpKey } from '@/lib/bounces/verp';
import { getConfig } from '@/lib/config';
import { emailSource } from '@/lib/email/source';
import type { IssueDocument } from '@/lib/issue/document';
import { newMessageId } from '@/lib/mail/message-id';
import { greetingName } from '@/lib/email/greeting';
import { issueVariants, PLACEHOLDERS, type RenderInput } from '@/lib/email/render';
import type { Newsletter } from '@/db/schema';
import { escapeHtml } from '@/lib/html';
import { personalLinks } from '@/lib/subscribers/links';
import { buildTemplate, fillTemplate, mailbox, type MimeTemplate } from './mime';
import { variantThemes } from './plan';
import { listIdOf } from '@/lib/newsletters/list-id';

export type Reader = {
  deliveryId: number;
  subscriberId: number;
  email: string;
  tokenVersion: number;
  /** The full name, for the greeting's first name (greetingName); null: "lezer". */
  name: string | null;
};

/** One reader's copy and the envelope sender it goes out with. */
export type BuiltCopy = { raw: Buffer; messageId: string; envelopeFrom: string };

export type IssueMessages = {
  issueId: number;
  newsletterId: number;
  template(variant: string): Promise<MimeTemplate>;
  /** One reader's copy: the variant's bytes with their own address, Message-ID, links and name. */
  build(template: MimeTemplate, reader: Reader): BuiltCopy;
};

/** What envelope senders and Message-IDs are made with: keys from AUTH_SECRET, BOUNCE_DOMAIN. */
export type SendIdentity = {
  verpKey: Buffer;
  messageIdKey: Buffer;
  bounceDomain?: string;
  /** Signs the counted links (lib/clicks); from the configuration when absent. */
  clickKey?: Buffer;
};

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

let cachedIdKey: { secret: string; key: Buffer } | undefined;

/** Derived from the configured secret, apart from every other MAC of ours (see verpKey). */
export function messageIdKey(secret = getConfig().authSecret): Buffer {
  if (cachedIdKey?.secret !== secret)
    cachedIdKey = {
      secret,
      key: Buffer.from(crypto.hkdfSync('sha256', secret, 'kopij', 'message-id', 32)),
    };
  return cachedIdKey.key;
}

/** The worker's identity from the configuration (the keys are derived once and cached). */
export function sendIdentity(
  config: { authSecret: string; bounces: { domain?: string } } = getConfig(),
): SendIdentity {
  return {
    verpKey: verpKey(config.authSecret),
    messageIdKey: messageIdKey(config.authSecret),
    clickKey: clickKey(config.authSecret),
    bounceDomain: config.bounces.domain,
  };
}

/**
 * The Message-ID of a delivery depends only on the send and the delivery, never on the attempt:
 * a copy sent again after a crash carries the first copy's id, so receiving systems can drop it.
 * The send's start time keeps ids unique across databases that reuse row ids. It is a MAC
 * (128 bits, hex) rather than the numbers themselves: a row id in every header would tell each
 * reader how large the list is and where they are in it.
 */
export function messageIdOf(
  key: Buffer,
  issueId: number,
  sendStartedAt: Date,
  deliveryId: number,
  domain: string,
): string {
  const mac = crypto
    .createHmac('sha256', key)
    .update(`${issueId}.${sendStartedAt.getTime()}.${deliveryId}`)
    .digest()
    .toString('hex', 0, 16);
  return `<${mac}@${domain}>`;
}

/** A test has no reader: its personal links lead to the page that mails a reader their own. */
export const testLinks = (publicUrl: string) => ({
  unsubscribe: `${publicUrl}/nieuwe-link`,
  preferences: `${publicUrl}/nieuwe-link`,
});

/** The signed token of an unsubscribe link: the mailto subject carries it, without the query. */
function unsubscribeToken(link: string): string {
  const query = link.indexOf('?');
  return link.slice(link.lastIndexOf('/') + 1, query === -1 ? undefined : query);
}

const linkSlots = { unsubscribe: PLACEHOLDERS.unsubscribe, preferences: PLACEHOLDERS.preferences };
// One first-name marker in both parts, two slots: the name as is in the text, escaped in the HTML.
const textSlots = { ...linkSlots, firstName: PLACEHOLDERS.firstName };
const htmlSlots = { ...linkSlots, firstNameHtml: PLACEHOLDERS.firstName };

export type MessageOptions = {
  publicUrl: string;
  linkKey: Buffer;
  sendStartedAt: Date;
  date?: Date;
  dkim?: (raw: Buffer) => Buffer;
  /** From the configuration when not given (the worker passes its own). */
  identity?: SendIdentity;
  test?: { document?: IssueDocument };
};

/**
 * What a send renders: a real send with click counting on has its content links swapped for
 * counted ones (lib/clicks), with opens on it ends with the issue's open pixel; both once for
 * all variants, neither naming a reader. A test mail shows the links themselves and no pixel.
 */
function renderInput(
  database: Db,
  issueId: number,
  source: RenderInput & { newsletter: Newsletter },
  options: MessageOptions,
  identity: SendIdentity,
): RenderInput {
  if (options.test) return source;
  const key = identity.clickKey ?? clickKey();
  const counted = source.newsletter.clickTracking
    ? withCountedLinks(database, issueId, source, { publicUrl: options.publicUrl, key })
    : source;
  if (!source.newsletter.openTracking) return counted;
  return { ...counted, openPixel: pixelUrl(options.publicUrl, key, issueId) };
}

/**
 * Renders each theme combination of an issue once, on first use, and builds copies from it.
 *
 * `test` makes a test send of the same template: "[TEST] " before the subject, the document as
 * the editor has it (saved or not; an approved issue's frozen texts), testLinks, and a fresh
 * random Message-ID (newMessageId); of `reader` only `email` and `name` are used.
 */
export function issueMessages(
  database: Db,
  issueId: number,
  options: MessageOptions,
): IssueMessages | null {
  // A test of an approved issue shows the approved texts, as its readers will get them.
  const content = options.test
    ? { document: options.test.document, approvedText: true, draft: true }
    : { asSent: true };
  const source = emailSource(database, issueId, options.publicUrl, content);
  if (!source) return null;
  const n = source.newsletter;
  const domain = domainOf(n.senderEmail);
  const identity = options.identity ?? sendIdentity();
  // Bounces and mailed unsubscribes go to the bounce domain, where Kopij reads them.
  const bounces = bounceDomain(n.senderEmail, identity.bounceDomain ?? domain);
  const templates = new Map<string, Promise<MimeTemplate>>();
  const date = options.date ?? new Date();
  let variants: ReturnType<typeof issueVariants> | undefined;
  const render = async (variant: string) => {
    variants ??= issueVariants(renderInput(database, issueId, source, options, identity));
    const { html, text, subject } = await (await variants).variant(variantThemes(variant));
    return buildTemplate({
      from: mailbox(n.senderName, n.senderEmail),
      replyTo: n.replyTo,
      subject: options.test ? `[TEST] ${subject}` : subject,
      date,
      listId: { name: n.name, id: listIdOf(n, options.publicUrl) },
      unsubscribeMailto: unsubscribeAddress(bounces),
      text,
      html,
      placeholders: textSlots,
      htmlPlaceholders: htmlSlots,
    });
  };
  return {
    issueId,
    newsletterId: n.id,
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
            // They name the issue, so an unsubscribe through them counts for it (lib/stats).
            { publicUrl: options.publicUrl, key: options.linkKey, issueId },
          );
      const { deliveryId } = reader;
      const firstName = greetingName(reader.name);
      const messageId = options.test
        ? newMessageId(domain)
        : messageIdOf(identity.messageIdKey, issueId, options.sendStartedAt, deliveryId, domain);
      const raw = fillTemplate(template, {
        to: reader.email,
        messageId,
        unsubscribe: links.unsubscribe,
        preferences: links.preferences,
        mailtoSubject: `afmelden%20${unsubscribeToken(links.unsubscribe)}`,
        // Plain in the text part, escaped in the HTML: names are typed by readers.
        firstName,
        firstNameHtml: escapeHtml(firstName),
      });
      // Each copy's own envelope sender, so a bounce names its delivery (lib/bounces/verp.ts).
      // No Return-Path header: the receiving server writes it from this envelope.
      return {
        raw: options.dkim ? options.dkim(raw) : raw,
        messageId,
        envelopeFrom: verpAddress(deliveryId, bounces, identity.verpKey),
      };
    },
  };
}
