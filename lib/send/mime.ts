import crypto from 'node:crypto';

/**
 * A newsletter copy differs per reader only in a few places (To, Message-ID, the unsubscribe and
 * preferences links, the first name of a greeting). Building MIME per reader in JavaScript is what bounds a sender, so we build
 * each variant's message once as fixed byte runs with slots between them, and a copy is the runs
 * joined with that reader's slot values.
 */

export const slotNames = [
  'to',
  'messageId',
  'unsubscribe',
  'preferences',
  'mailtoSubject',
  // The greeting's first name: as is in the text part, HTML-escaped in the HTML part.
  'firstName',
  'firstNameHtml',
] as const;
export type SlotName = (typeof slotNames)[number];
export type SlotValues = Record<SlotName, string>;
/** What a copy must always fill; the others only when its template has their slots. */
export type FillValues = Pick<SlotValues, 'to' | 'messageId'> & Partial<SlotValues>;

/** How a slot is written where it sits: as is in headers, quoted-printable in a body. */
type Slot = { slot: SlotName; qp: boolean };
export type MimeTemplate = { parts: (Buffer | Slot)[] };

const HEX = Buffer.from('0123456789ABCDEF');
const MAX_LINE = 76;

/**
 * Quoted-printable (RFC 2045) with CRLF line ends. The result always ends at a line boundary: a
 * hard break when the input ended with one, else a soft break ("=" CRLF) that decodes to nothing,
 * so encoded pieces can be joined without re-encoding the whole body. Written byte by byte into
 * one buffer: a variant's 30 KB body is encoded in well under a millisecond.
 */
export function quotedPrintable(input: string): string {
  const bytes = Buffer.from(input.replace(/\r\n?/g, '\n'), 'utf8');
  // Generous bound: a byte becomes at most =XX plus a share of a line break, and a line feed at
  // most an escaped space, a soft break and CRLF (typed arrays drop writes past their end silently).
  const out = Buffer.allocUnsafe(bytes.length * 8 + 8);
  let at = 0;
  let column = 0;
  const escape = (b: number) => {
    out[at++] = 61;
    out[at++] = HEX[b >> 4]!;
    out[at++] = HEX[b & 15]!;
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 10) {
      // Whitespace before a hard break would be stripped in transit: encode it.
      const last = column > 0 ? out[at - 1]! : -1;
      if (last === 32 || last === 9) {
        at -= 1;
        // "=20" is two bytes wider than the space it replaces: wrap first if it would not fit.
        if (column + 2 > MAX_LINE - 1) {
          out[at++] = 61;
          out[at++] = 13;
          out[at++] = 10;
        }
        escape(last);
      }
      out[at++] = 13;
      out[at++] = 10;
      column = 0;
      continue;
    }
    const plain = (b >= 33 && b <= 126 && b !== 61) || b === 32 || b === 9;
    const width = plain ? 1 : 3;
    if (column + width > MAX_LINE - 1) {
      out[at++] = 61;
      out[at++] = 13;
      out[at++] = 10;
      column = 0;
    }
    if (plain) out[at++] = b;
    else escape(b);
    column += width;
  }
  if (column > 0) {
    out[at++] = 61;
    out[at++] = 13;
    out[at++] = 10;
  }
  return out.toString('latin1', 0, at);
}

/** A header value, as RFC 2047 encoded words when it is not plain ASCII, folded to short lines. */
export function headerText(value: string): string {
  const clean = value.replace(/[\r\n]+/g, ' ');
  if (/^[\x20-\x7e]*$/.test(clean)) return clean;
  // Split on characters, not bytes, so no word ends inside a multi-byte character.
  const words: string[] = [];
  let chunk = '';
  for (const ch of clean) {
    if (Buffer.byteLength(chunk + ch) > 42) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join('\r\n ');
}

/** `"Name" <address>` with the name encoded when needed; the bare address without a name. */
export function mailbox(name: string, address: string): string {
  if (!name.trim()) return address;
  const plain = /^[\x20-\x7e]*$/.test(name);
  const display = plain ? `"${name.replace(/["\\]/g, '')}"` : headerText(name);
  return `${display} <${address}>`;
}

/** The Date header in RFC 5322 form. */
export function mailDate(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}

export type MessageSpec = {
  from: string;
  replyTo?: string | null;
  subject: string;
  date: Date;
  /** `List-Id`: a name and a stable id in domain form. System mails belong to no list. */
  listId?: { name: string; id: string };
  /**
   * The address that takes unsubscribe requests by mail (List-Unsubscribe mailto). Without it
   * the message has no List-Unsubscribe(-Post): a system mail (sign-in link, confirmation) is
   * no subscription a reader could leave.
   */
  unsubscribeMailto?: string;
  text: string;
  html: string;
  /** Placeholders in text and html to turn into slots. */
  placeholders: Partial<Record<SlotName, string>>;
  /** The html part's own, where a slot is written differently there (an escaped name). */
  htmlPlaceholders?: Partial<Record<SlotName, string>>;
};

/** Splits a body on its placeholders and encodes each fixed run once. */
function bodyParts(body: string, placeholders: MessageSpec['placeholders']): (Buffer | Slot)[] {
  const entries = Object.entries(placeholders) as [SlotName, string][];
  const parts: (Buffer | Slot)[] = [];
  let rest = body;
  for (;;) {
    let next: { at: number; slot: SlotName; length: number } | undefined;
    for (const [slot, marker] of entries) {
      const at = rest.indexOf(marker);
      if (at >= 0 && (!next || at < next.at)) next = { at, slot, length: marker.length };
    }
    if (!next) break;
    if (next.at > 0) parts.push(Buffer.from(quotedPrintable(rest.slice(0, next.at))));
    parts.push({ slot: next.slot, qp: true });
    rest = rest.slice(next.at + next.length);
  }
  if (rest) parts.push(Buffer.from(quotedPrintable(rest)));
  return parts;
}

/** One variant's message with slots for what differs per reader. */
export function buildTemplate(spec: MessageSpec): MimeTemplate {
  const boundary = `kopij-${crypto.randomBytes(12).toString('hex')}`;
  const head = (s: string) => Buffer.from(s);
  const slot = (name: SlotName): Slot => ({ slot: name, qp: false });
  const parts: (Buffer | Slot)[] = [
    head(`From: ${spec.from}\r\n`),
    ...(spec.replyTo ? [head(`Reply-To: ${spec.replyTo}\r\n`)] : []),
    head('To: '),
    slot('to'),
    head(
      `\r\nSubject: ${headerText(spec.subject)}\r\nDate: ${mailDate(spec.date)}\r\nMessage-ID: `,
    ),
    slot('messageId'),
    head('\r\nMIME-Version: 1.0\r\n'),
    ...(spec.listId
      ? [head(`List-Id: ${headerText(spec.listId.name)} <${spec.listId.id}>\r\n`)]
      : []),
    ...(spec.unsubscribeMailto
      ? [
          head('List-Unsubscribe: <'),
          slot('unsubscribe'),
          head(`>,\r\n <mailto:${spec.unsubscribeMailto}?subject=`),
          slot('mailtoSubject'),
          head('>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n'),
        ]
      : []),
    head(
      `Content-Type: multipart/alternative; boundary="${boundary}"\r\n\r\n` +
        `--${boundary}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n`,
    ),
    ...bodyParts(spec.text, spec.placeholders),
    head(
      `\r\n--${boundary}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n`,
    ),
    ...bodyParts(spec.html, spec.htmlPlaceholders ?? spec.placeholders),
    head(`\r\n--${boundary}--\r\n`),
  ];
  // Adjacent fixed runs joined once, so a copy is a handful of concatenations.
  const merged: (Buffer | Slot)[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (Buffer.isBuffer(part) && Buffer.isBuffer(last))
      merged[merged.length - 1] = Buffer.concat([last, part]);
    else merged.push(part);
  }
  return { parts: merged };
}

const qpSafe = /^[\x21-\x3c\x3e-\x7e]*$/;

/** A slot value in quoted-printable: URLs and ids are safe ASCII, so they only need wrapping. */
function slotText(value: string): string {
  if (!qpSafe.test(value)) return quotedPrintable(value);
  let out = '';
  for (let i = 0; i < value.length; i += MAX_LINE - 1)
    out += `${value.slice(i, i + MAX_LINE - 1)}=\r\n`;
  return out;
}

/** A slot the template has but the caller left out: a bug, said plainly rather than sent. */
function valueOf(values: FillValues, slot: SlotName): string {
  const value = values[slot];
  if (value === undefined) throw new Error(`Bericht: geen waarde voor ${slot}`);
  return value;
}

/**
 * One reader's copy. Header slot values are ASCII (addresses, ids); body slots are encoded as
 * quoted-printable, so a first name may be any text.
 */
export function fillTemplate(template: MimeTemplate, values: FillValues): Buffer {
  // Each value is encoded once however often it appears, and the copy is written into one allocation.
  const plain: Partial<Record<SlotName, string>> = {};
  const encoded: Partial<Record<SlotName, string>> = {};
  const pieces: (Buffer | string)[] = [];
  let length = 0;
  for (const part of template.parts) {
    let piece: Buffer | string;
    if (Buffer.isBuffer(part)) piece = part;
    else if (part.qp) piece = encoded[part.slot] ??= slotText(valueOf(values, part.slot));
    else piece = plain[part.slot] ??= valueOf(values, part.slot).replace(/[\r\n]/g, '');
    pieces.push(piece);
    length += typeof piece === 'string' ? piece.length : piece.length;
  }
  const out = Buffer.allocUnsafe(length);
  let at = 0;
  for (const piece of pieces)
    at += typeof piece === 'string' ? out.write(piece, at, 'latin1') : piece.copy(out, at);
  return out;
}
