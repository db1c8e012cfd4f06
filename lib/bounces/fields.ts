import type { BounceKind } from '@/lib/enums';

/**
 * The machine-readable parts of bounce and feedback reports (RFC 3464 message/delivery-status,
 * RFC 5965 message/feedback-report, text/rfc822-headers) are blocks of header fields separated
 * by blank lines. mailparser hands them over either as an attachment or merged into the text
 * body, so they are read here from plain text, whichever way they came.
 */
export type FieldBlock = Map<string, string>;

const fieldLine = /^([A-Za-z][A-Za-z0-9-]*)[ \t]*:[ \t]*(.*)$/;

/** Header-field blocks of a text; lines that are no field (a human-readable part) are skipped. */
export function fieldBlocks(text: string): FieldBlock[] {
  const blocks: FieldBlock[] = [];
  let current: FieldBlock = new Map();
  let last: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') {
      if (current.size) blocks.push(current);
      current = new Map();
      last = undefined;
    } else if (/^[ \t]/.test(line) && last) {
      current.set(last, `${current.get(last)} ${line.trim()}`);
    } else {
      const match = fieldLine.exec(line);
      last = match ? match[1]!.toLowerCase() : undefined;
      // The first occurrence counts: in a message's headers the topmost Return-Path is the newest.
      if (match && !current.has(last!)) current.set(last!, match[2]!.trim());
      else if (match) last = undefined;
    }
  }
  if (current.size) blocks.push(current);
  return blocks;
}

/** The header block at the start of a message or a text/rfc822-headers part. */
export function leadingFields(text: string): FieldBlock {
  const end = text.search(/\r?\n\r?\n/);
  return fieldBlocks(end < 0 ? text : text.slice(0, end))[0] ?? new Map();
}

const statusCode = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;

/**
 * The RFC 3463 status of a recipient block. A generic x.0.0 gives way to a more precise code of
 * the same class in the diagnostic (Exchange reports 5.0.0 for "550 5.1.1 user unknown").
 */
export function statusOf(status: string | undefined, diagnostic: string): string | undefined {
  const given = status ? statusCode.exec(status)?.[0] : undefined;
  const told = statusCode.exec(diagnostic)?.[0];
  if (!given) return told;
  if (told && given.endsWith('.0.0') && told[0] === given[0]) return told;
  return given;
}

/**
 * The remote server's words, on one line: without the "smtp;" type, and without the repeated
 * "550-5.1.1" prefixes of a multi-line reply (Gmail's).
 */
export function cleanDiagnostic(value: string | undefined): string {
  if (!value) return '';
  const text = value
    .replace(/^[A-Za-z0-9-]+[ \t]*;[ \t]*/, '')
    .replace(/\s+/g, ' ')
    .trim();
  const lead = /^([245]\d\d)[ -](?:([245]\.\d{1,3}\.\d{1,3})\s+)?/.exec(text);
  if (!lead) return text.slice(0, 300);
  const [prefix, code, status] = lead;
  const repeated = new RegExp(
    `\\s${code}[ -]${status ? `${status.replace(/\./g, '\\.')}\\s+` : ''}`,
    'g',
  );
  const rest = text.slice(prefix.length).replace(repeated, ' ');
  return `${code} ${status ? `${status} ` : ''}${rest}`.slice(0, 300);
}

/**
 * Statuses that fail a copy without saying the address is dead: a full mailbox (5.2.2), a
 * message too large (5.2.3), delivery that timed out (5.4.7) and policy refusals (5.7.x, mostly
 * about the sender's reputation or the content). They count as soft: a reader is only set to
 * bounced when they keep coming (SEND_SOFT_BOUNCE_LIMIT).
 */
const softPermanent = /^5\.(2\.2|2\.3|4\.7|7\.\d{1,3})$/;

/** What one recipient block of a DSN means for the reader, or null when nothing failed. */
export function bounceKindOf(action: string, status: string | undefined): BounceKind | null {
  const what = action.trim().toLowerCase();
  if (what === 'delayed') return 'soft';
  if (what !== 'failed') return null;
  if (!status) return 'hard';
  if (status.startsWith('4.') || softPermanent.test(status)) return 'soft';
  return status.startsWith('5.') ? 'hard' : null;
}

/** Addresses from a field value such as "rfc822; jan@example.nl" or "<bounces+9f3c…@x.nl>". */
export function addressesIn(value: string | undefined): string[] {
  if (!value) return [];
  return [...value.matchAll(/[^\s<>;,"()]+@[^\s<>;,"()]+/g)].map((m) =>
    m[0].toLowerCase().replace(/\.$/, ''),
  );
}
