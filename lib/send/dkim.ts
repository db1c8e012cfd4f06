import crypto from 'node:crypto';
import fs from 'node:fs';

export type DkimKey = {
  domain: string;
  selector: string;
  privateKey: string; /* PEM, RSA or Ed25519 */
};

/**
 * Headers a receiver shows or acts on. List-Unsubscribe(-Post) are signed because Gmail and Yahoo
 * only offer one-click unsubscribe when they are covered by the signature (RFC 8058 section 4).
 */
const SIGNED_HEADERS = [
  'from',
  'to',
  'subject',
  'date',
  'message-id',
  'mime-version',
  'content-type',
  'list-id',
  'list-unsubscribe',
  'list-unsubscribe-post',
  'reply-to',
];
const SIGNED_SET = new Set(SIGNED_HEADERS);

const CR = 13;
const LF = 10;
const SP = 32;
const TAB = 9;
const CRLF_CRLF = Buffer.from('\r\n\r\n');
const EMPTY = Buffer.alloc(0);
const CRLF = Buffer.from('\r\n');
/** Header lines stay within RFC 5322's 78 characters, with a little room to spare. */
const LINE = 76;

/** Anything relaxed canonicalisation would rewrite: a tab, a run of spaces, a space before CR. */
const NOT_CANONICAL = /\t| [ \r]/;

/**
 * Relaxed body canonicalisation (RFC 6376 3.4.4) of `body`, which must use CRLF line ends (as
 * mime.ts writes them). A body that is already canonical apart from trailing empty lines (the
 * common case for quoted-printable, which never leaves whitespace at a line end) is hashed in
 * place. One regular-expression test decides that: on a 30 KB body it is about twice as fast
 * as the byte loop below, and Buffer.indexOf with a multi-byte needle is no faster than the loop.
 */
export function relaxedBody(body: Buffer): Buffer {
  const n = body.length;
  if (
    n >= 2 &&
    body[n - 2] === CR &&
    body[n - 1] === LF &&
    !NOT_CANONICAL.test(body.toString('latin1'))
  ) {
    let end = n;
    while (end >= 4 && body[end - 3] === LF && body[end - 4] === CR) end -= 2;
    // Only empty lines: RFC 6376 hashes nothing at all (not a lone CRLF, unlike "simple").
    return end === 2 ? EMPTY : body.subarray(0, end);
  }
  // One pass: whitespace is held back until something other than a line end follows it, and
  // `kept` marks the end of the last line with content, so trailing empty lines fall off.
  const out = Buffer.allocUnsafe(n + 2);
  let o = 0;
  let kept = 0;
  let space = false;
  let content = false;
  for (let i = 0; i < n; i++) {
    const b = body[i]!;
    // Printable bytes first: they are nearly all of a body, and this order measured ~30% faster.
    if (b > SP) {
      if (space) {
        out[o++] = SP;
        space = false;
      }
      out[o++] = b;
      content = true;
    } else if (b === SP || b === TAB) {
      space = true;
    } else if (b === CR && body[i + 1] === LF) {
      out[o++] = CR;
      out[o++] = LF;
      i++;
      if (content) kept = o;
      space = false;
      content = false;
    } else {
      if (space) {
        out[o++] = SP;
        space = false;
      }
      out[o++] = b;
      content = true;
    }
  }
  if (content) {
    out[o++] = CR;
    out[o++] = LF;
    kept = o;
  }
  return out.subarray(0, kept);
}

/**
 * Relaxed header canonicalisation (RFC 6376 3.4.2). Only SP and HTAB count as whitespace:
 * String.prototype.trim would also eat U+00A0, which in this latin1 view is a UTF-8 byte.
 */
function relaxedHeader(name: string, value: string): string {
  return `${name}:${value
    .replace(/\r\n(?=[ \t])/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/^ | $/g, '')}`;
}

/** The last instance of each header we sign, by lower-case name (RFC 6376 5.4.2: bottom-up). */
function signedFields(head: string): Map<string, string> {
  const found = new Map<string, string>();
  let start = 0;
  while (start < head.length) {
    let end = head.indexOf('\r\n', start);
    while (end >= 0 && (head.charCodeAt(end + 2) === SP || head.charCodeAt(end + 2) === TAB))
      end = head.indexOf('\r\n', end + 2);
    if (end < 0) end = head.length;
    const colon = head.indexOf(':', start);
    if (colon > start && colon < end) {
      const name = head
        .slice(start, colon)
        .replace(/[ \t]+$/, '')
        .toLowerCase();
      if (SIGNED_SET.has(name)) found.set(name, head.slice(colon + 1, end));
    }
    start = end + 2;
  }
  return found;
}

/**
 * Lays out `DKIM-Signature:` and its tags up to an empty `b=` in lines of at most LINE characters.
 * Pieces marked `glued` continue the previous piece without a space (the names in h=, where RFC
 * 6376 allows folding around the colons). Returns the text and the length of its last line.
 */
function foldTags(pieces: { text: string; glued: boolean }[]): { text: string; column: number } {
  let text = 'DKIM-Signature:';
  let column = text.length;
  for (const { text: piece, glued } of pieces) {
    const width = (glued ? 0 : 1) + piece.length;
    if (column + width > LINE && column > 1) {
      text += `\r\n ${piece}`;
      column = 1 + piece.length;
    } else {
      text += glued ? piece : ` ${piece}`;
      column += width;
    }
  }
  return { text, column };
}

const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?$/;
const isDnsName = (name: string) =>
  name.length <= 253 && name.split('.').every((label) => label.length <= 63 && LABEL.test(label));

/** The private key of a DKIM configuration, checked: only what receivers will accept. */
function signingKey(key: DkimKey): { privateKey: crypto.KeyObject; type: 'rsa' | 'ed25519' } {
  // Both end up verbatim in a header and in a DNS name: refuse anything that could break either.
  if (!isDnsName(key.domain))
    throw new Error(
      `DKIM: "${key.domain}" is geen geldige domeinnaam (gebruik de ASCII-vorm, zonder punt aan het eind)`,
    );
  if (!isDnsName(key.selector)) throw new Error(`DKIM: "${key.selector}" is geen geldige selector`);
  let privateKey: crypto.KeyObject;
  try {
    privateKey = crypto.createPrivateKey(key.privateKey);
  } catch (cause) {
    throw new Error(
      'DKIM: de privésleutel is geen leesbare PEM-sleutel (verwacht RSA of Ed25519, PKCS#8 of PKCS#1)',
      { cause },
    );
  }
  const type = privateKey.asymmetricKeyType;
  if (type !== 'rsa' && type !== 'ed25519')
    throw new Error(
      `DKIM: sleutels van het type ${type ?? 'onbekend'} worden niet ondersteund (gebruik RSA of Ed25519)`,
    );
  const bits = privateKey.asymmetricKeyDetails?.modulusLength ?? 0;
  // RFC 8301: verifiers must reject RSA keys under 1024 bits, so such a signature only looks safe.
  if (type === 'rsa' && bits < 1024)
    throw new Error(
      `DKIM: een RSA-sleutel van ${bits} bits is te kort (minstens 1024, liever 2048)`,
    );
  return { privateKey, type };
}

/**
 * A prepared signer: parses the key once. Every copy of an issue differs (address, Message-ID,
 * links), so each one is signed on its own: relaxed/relaxed, rsa-sha256 for RSA keys and
 * ed25519-sha256 (RFC 8463) for Ed25519 keys. Returns the message with DKIM-Signature on top.
 */
export function dkimSigner(key: DkimKey): (message: Buffer) => Buffer {
  const { privateKey, type } = signingKey(key);
  const fixedTags = [
    'v=1;',
    `a=${type === 'rsa' ? 'rsa-sha256' : 'ed25519-sha256'};`,
    'c=relaxed/relaxed;',
    `d=${key.domain};`,
    `s=${key.selector};`,
  ];

  return (message) => {
    const split = message.indexOf(CRLF_CRLF);
    const headEnd = split < 0 ? message.length : split + 2;
    const head = message.toString('latin1', 0, headEnd);
    const body = split < 0 ? EMPTY : message.subarray(split + 4);

    const bodyHash = crypto.createHash('sha256').update(relaxedBody(body)).digest('base64');
    const fields = signedFields(head);
    const names = SIGNED_HEADERS.filter((name) => fields.has(name));
    // RFC 6376 5.4: From must be signed; without it a receiver rejects the signature anyway.
    if (!fields.has('from'))
      throw new Error(
        'DKIM: het bericht heeft geen From-header en kan dus niet ondertekend worden',
      );

    const pieces = fixedTags.map((text) => ({ text, glued: false }));
    pieces.push({ text: `t=${Math.floor(Date.now() / 1000)};`, glued: false });
    names.forEach((name, i) =>
      pieces.push({
        text: `${i === 0 ? 'h=' : ''}${name}${i === names.length - 1 ? ';' : ':'}`,
        glued: i > 0,
      }),
    );
    pieces.push({ text: `bh=${bodyHash};`, glued: false }, { text: 'b=', glued: false });
    const { text: unsigned, column } = foldTags(pieces);

    // What is signed: the signed headers, then this header with b= empty and no line end (3.7).
    let data = '';
    for (const name of names) data += `${relaxedHeader(name, fields.get(name)!)}\r\n`;
    data += relaxedHeader('dkim-signature', unsigned.slice(unsigned.indexOf(':') + 1));
    const input = Buffer.from(data, 'latin1');
    const signature = (
      type === 'rsa'
        ? crypto.sign('sha256', input, privateKey)
        : crypto.sign(null, crypto.createHash('sha256').update(input).digest(), privateKey)
    ).toString('base64');

    // Verifiers drop all whitespace inside b=, so the signature can be folded anywhere.
    let header = unsigned;
    let at = Math.max(0, LINE - column);
    header += signature.slice(0, at);
    for (; at < signature.length; at += LINE - 1)
      header += `\r\n ${signature.slice(at, at + LINE - 1)}`;
    return Buffer.concat([Buffer.from(header, 'latin1'), CRLF, message]);
  };
}

let configured: { id: string; sign: (message: Buffer) => Buffer } | undefined;

/**
 * The signer DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY_FILE configure, or undefined when
 * they are not set. The key file is read once per process; copies and system mails share it.
 */
export function configuredDkim(
  settings: { domain: string; selector: string; privateKeyFile: string } | undefined,
): ((message: Buffer) => Buffer) | undefined {
  if (!settings) return undefined;
  const id = `${settings.domain}\n${settings.selector}\n${settings.privateKeyFile}`;
  if (configured?.id !== id)
    configured = {
      id,
      sign: dkimSigner({
        domain: settings.domain,
        selector: settings.selector,
        privateKey: fs.readFileSync(settings.privateKeyFile, 'utf8'),
      }),
    };
  return configured.sign;
}
