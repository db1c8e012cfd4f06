import crypto from 'node:crypto';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { BounceKind } from '@/lib/enums';
import type { BounceReport } from './event';
import {
  addressesIn,
  bounceKindOf,
  cleanDiagnostic,
  fieldBlocks,
  leadingFields,
  statusOf,
  type FieldBlock,
} from './fields';
import { deliveryOfVerp, unsubscribeAddress, verpKey } from './verp';

/** The inbound paths that carry whole messages (the webhooks send JSON instead). */
export type InboundSource = 'smtp' | 'imap';

/** What a message said: the reports in it, or why it holds none (for the log). */
export type ParsedInbound = { reports: BounceReport[]; ignored?: string };

export type ParseOptions = {
  source: InboundSource;
  /** The SMTP envelope recipients, when known: they name the VERP address most reliably. */
  recipients?: string[];
  key?: Buffer;
};

/** afmelden@<domain>, on whatever domain: the listener (or the mailbox) decides which are ours. */
export const isUnsubscribeAddress = (address: string) =>
  address === unsubscribeAddress(address.slice(address.lastIndexOf('@') + 1));
const verpShaped = /^bounces\+/;
const complaintTypes = new Set(['abuse', 'fraud', 'other']);

/** What the report parts of a message hold, from attachments or from the merged text body. */
type Parts = {
  /** message/delivery-status and message/feedback-report bodies. */
  reports: FieldBlock[];
  /** The returned message's headers (message/rfc822 or text/rfc822-headers). */
  original: FieldBlock;
};

const reportTypes = new Set([
  'message/delivery-status',
  'message/global-delivery-status',
  'message/feedback-report',
]);
const originalTypes = new Set([
  'message/rfc822',
  'message/global',
  'text/rfc822-headers',
  'message/global-headers',
]);

function partsOf(mail: ParsedMail): Parts {
  const reports: FieldBlock[] = [];
  let original: FieldBlock | undefined;
  for (const attachment of mail.attachments) {
    const type = attachment.contentType.toLowerCase();
    if (reportTypes.has(type)) reports.push(...fieldBlocks(attachment.content.toString('utf8')));
    else if (originalTypes.has(type))
      original ??= leadingFields(attachment.content.toString('utf8'));
  }
  // Some reporters label the machine-readable part text/plain, which mailparser merges into the
  // text body (as it does message/delivery-status without keepDeliveryStatus).
  const merged = mail.text ? fieldBlocks(mail.text) : [];
  reports.push(...merged.filter((b) => b.has('action') || b.has('feedback-type')));
  original ??= merged.find(
    (b) => (b.has('message-id') || b.has('return-path')) && !b.has('action'),
  );
  return { reports, original: original ?? new Map() };
}

function addressList(value: AddressObject | AddressObject[] | undefined): string[] {
  const objects = value ? (Array.isArray(value) ? value : [value]) : [];
  return objects.flatMap((o) => o.value.map((a) => a.address?.toLowerCase() ?? ''));
}

/** Where the message was addressed: the envelope first, then what the headers say. */
function recipientsOf(mail: ParsedMail, envelope: string[]): string[] {
  const header = (name: string) => {
    const value = mail.headers.get(name);
    return typeof value === 'string' ? addressesIn(value) : [];
  };
  return [
    ...envelope.map((a) => a.toLowerCase().replace(/^<|>$/g, '')),
    ...header('delivered-to'),
    ...header('x-original-to'),
    ...header('envelope-to'),
    ...addressList(mail.to),
    ...addressList(mail.cc),
  ].filter(Boolean);
}

/**
 * The delivery a report is about: the first VERP-shaped address among the candidates decides.
 * A wrong or missing MAC names nothing (a forged bounce changes nothing), and no weaker
 * candidate after it is tried.
 */
function deliveryOf(candidates: string[], key: Buffer): number | null {
  const verp = candidates.find((a) => verpShaped.test(a));
  return verp ? deliveryOfVerp(verp, key) : null;
}

const sha256 = (value: string) => crypto.createHash('sha256').update(value).digest('hex');

/**
 * The same report twice has the same key: the copy's own Message-ID (from the returned headers
 * or a Gmail X-Original-Message-ID) is stable across repeats; the report's is the fallback.
 */
function dedupeKey(kind: BounceKind, deliveryId: number, status: string, messageId: string) {
  return sha256(JSON.stringify([kind, deliveryId, status, messageId]));
}

const messageIdOf = (value: string | undefined) => /<[^<>\s]+>/.exec(value ?? '')?.[0];

function fallbackId(mail: ParsedMail, raw: Buffer): string {
  return mail.messageId ?? `sha256:${sha256(raw.toString('latin1'))}`;
}

function deliveryReports(
  mail: ParsedMail,
  raw: Buffer,
  parts: Parts,
  deliveryId: number,
  source: InboundSource,
): ParsedInbound {
  const perMessage = parts.reports.find((b) => b.has('reporting-mta')) ?? new Map();
  const originalId =
    messageIdOf(parts.original.get('message-id')) ??
    messageIdOf(perMessage.get('x-original-message-id')) ??
    messageIdOf(mail.inReplyTo);
  const reports: BounceReport[] = [];
  for (const block of parts.reports.filter((b) => b.has('action'))) {
    const diagnostic = cleanDiagnostic(block.get('diagnostic-code'));
    const status = statusOf(block.get('status'), diagnostic);
    const kind = bounceKindOf(block.get('action')!, status);
    if (!kind) continue;
    const key = dedupeKey(kind, deliveryId, status ?? '', originalId ?? fallbackId(mail, raw));
    // One copy has one reader: a report listing the same failure twice yields one.
    if (reports.some((r) => r.dedupeKey === key)) continue;
    reports.push({
      source,
      kind,
      dedupeKey: key,
      deliveryId,
      messageId: originalId,
      status,
      diagnostic,
    });
  }
  return reports.length
    ? { reports }
    : { reports, ignored: 'DSN zonder mislukte of vertraagde ontvanger' };
}

function complaintReports(
  mail: ParsedMail,
  raw: Buffer,
  parts: Parts,
  deliveryId: number,
  source: InboundSource,
): ParsedInbound {
  const feedback = parts.reports.find((b) => b.has('feedback-type'));
  const type = feedback?.get('feedback-type')?.toLowerCase().trim() ?? '';
  if (!complaintTypes.has(type))
    return { reports: [], ignored: `feedbackrapport van het type '${type || 'onbekend'}'` };
  const originalId = messageIdOf(parts.original.get('message-id'));
  const kind = 'complaint';
  return {
    reports: [
      {
        source,
        kind,
        dedupeKey: dedupeKey(kind, deliveryId, '', originalId ?? fallbackId(mail, raw)),
        deliveryId,
        messageId: originalId,
        diagnostic: `Feedback-Type: ${type}${feedback?.has('user-agent') ? ` (${feedback.get('user-agent')})` : ''}`,
      },
    ],
  };
}

const autoReplyHeaders = ['x-autoreply', 'x-autorespond', 'x-autoresponder'];

function isAutoReply(mail: ParsedMail): boolean {
  const submitted = String(mail.headers.get('auto-submitted') ?? 'no').toLowerCase();
  const precedence = String(mail.headers.get('precedence') ?? '').toLowerCase();
  return (
    submitted !== 'no' ||
    precedence === 'auto_reply' ||
    autoReplyHeaders.some((h) => mail.headers.has(h))
  );
}

/**
 * A mail to the List-Unsubscribe mailto address: its subject carries the signed token. The same
 * mail twice counts once; a new mail later (after a resubscribe) counts again.
 */
function unsubscribeReport(mail: ParsedMail, raw: Buffer, source: InboundSource): ParsedInbound {
  const token = /^\s*afmelden\s+([A-Za-z0-9._-]+)\s*$/i.exec(mail.subject ?? '')?.[1];
  if (!token)
    return { reports: [], ignored: 'mail aan het afmeldadres zonder afmeldcode in het onderwerp' };
  return {
    reports: [
      {
        source,
        kind: 'unsubscribe',
        dedupeKey: sha256(JSON.stringify(['unsubscribe', token, fallbackId(mail, raw)])),
        unsubscribeToken: token,
      },
    ],
  };
}

const reportKind = (mail: ParsedMail) => {
  const type = mail.headers.get('content-type') as
    { value: string; params: Record<string, string> } | undefined;
  if (type?.value.toLowerCase() !== 'multipart/report') return undefined;
  return type.params['report-type']?.toLowerCase();
};

/**
 * Reads one inbound message into the reports it holds: an RFC 3464 bounce (one report per
 * failed or delayed recipient), an RFC 5965 complaint, or a mailed unsubscribe. Everything else
 * (auto-replies, replies from people, forged bounces) yields none, with the reason.
 */
export async function parseInbound(raw: Buffer, options: ParseOptions): Promise<ParsedInbound> {
  const mail = await simpleParser(raw, {
    // Report parts and returned messages stay attachments with their raw text: merged into the
    // body, the returned message would lose its Return-Path and Message-ID.
    keepDeliveryStatus: true,
    ignoreEmbedded: true,
    checksumAlgo: false,
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    skipImageLinks: true,
  });
  const key = options.key ?? verpKey();
  const recipients = recipientsOf(mail, options.recipients ?? []);
  const type = reportKind(mail);
  if (type === 'delivery-status' || type === 'feedback-report') {
    const parts = partsOf(mail);
    const feedback = parts.reports.find((b) => b.has('feedback-type'));
    const candidates = [
      ...recipients,
      ...addressesIn(feedback?.get('original-mail-from')),
      ...addressesIn(parts.original.get('return-path')),
    ];
    const deliveryId = deliveryOf(candidates, key);
    if (deliveryId === null)
      return {
        reports: [],
        ignored: 'rapport zonder geldig VERP-adres (vervalst of niet van ons)',
      };
    return type === 'delivery-status'
      ? deliveryReports(mail, raw, parts, deliveryId, options.source)
      : complaintReports(mail, raw, parts, deliveryId, options.source);
  }
  if (isAutoReply(mail)) return { reports: [], ignored: 'automatisch antwoord (afwezigheid)' };
  if (recipients.some(isUnsubscribeAddress)) return unsubscribeReport(mail, raw, options.source);
  return { reports: [], ignored: 'geen bounce, klacht of afmelding' };
}
