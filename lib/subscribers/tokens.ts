import crypto from 'node:crypto';

/**
 * Personal links (confirm, preferences, unsubscribe, address change) carry a signed token, never
 * a bare id or an address. The MAC covers the purpose, so a preferences link cannot be replayed
 * as a confirmation; the per-subscriber version lets one bump revoke every link sent before.
 *
 * Shape: `<subscriber>.<newsletter>.<version>.<expires>.<mac>`, numbers in base 36, expires in
 * seconds (0 = no expiry, for links in sent mail that must keep working), the MAC an HMAC-SHA256
 * truncated to 128 bits, all URL-safe. `bind` ties a token to a value it must not carry, such as
 * the new address of an address change (only its hash enters the MAC).
 */
export const tokenPurposes = ['confirm', 'preferences', 'unsubscribe', 'email'] as const;
export type TokenPurpose = (typeof tokenPurposes)[number];

export type TokenClaims = { subscriberId: number; newsletterId: number; version: number };

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'malformed' | 'invalid' | 'expired' | 'revoked'; claims?: TokenClaims };

/** Derived from the configured secret so these links cannot be mistaken for any other MAC of ours. */
export function tokenKey(secret: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', secret, 'kopij', 'subscriber-links', 32));
}

function mac(key: Buffer, purpose: TokenPurpose, body: string, bind: string): string {
  return crypto
    .createHmac('sha256', key)
    .update(`${purpose}\n${body}\n${bind}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

export function signToken(
  key: Buffer,
  purpose: TokenPurpose,
  claims: TokenClaims,
  options: { expiresAt?: Date; bind?: string } = {},
): string {
  const expires = options.expiresAt ? Math.ceil(options.expiresAt.getTime() / 1000) : 0;
  const body = [claims.subscriberId, claims.newsletterId, claims.version, expires]
    .map((n) => n.toString(36))
    .join('.');
  return `${body}.${mac(key, purpose, body, options.bind ?? '')}`;
}

const shape =
  /^([0-9a-z]{1,12})\.([0-9a-z]{1,12})\.([0-9a-z]{1,12})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{22})$/;

/**
 * Checks signature, then expiry, then the version the database holds now (`currentVersion`,
 * undefined when the subscriber no longer exists). The MAC is compared in constant time.
 */
export function verifyToken(
  key: Buffer,
  purpose: TokenPurpose,
  token: string,
  options: {
    now?: Date;
    bind?: string;
    currentVersion: (subscriberId: number) => number | undefined;
  },
): TokenCheck {
  const match = shape.exec(token);
  if (!match) return { ok: false, reason: 'malformed' };
  const [, sid, nid, ver, exp, given] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const body = `${sid}.${nid}.${ver}.${exp}`;
  const expected = Buffer.from(mac(key, purpose, body, options.bind ?? ''));
  if (!crypto.timingSafeEqual(expected, Buffer.from(given)))
    return { ok: false, reason: 'invalid' };

  const claims = {
    subscriberId: parseInt(sid, 36),
    newsletterId: parseInt(nid, 36),
    version: parseInt(ver, 36),
  };
  const expires = parseInt(exp, 36);
  if (expires !== 0 && expires * 1000 <= (options.now ?? new Date()).getTime())
    return { ok: false, reason: 'expired', claims };
  if (options.currentVersion(claims.subscriberId) !== claims.version)
    return { ok: false, reason: 'revoked', claims };
  return { ok: true, claims };
}

/** Hash of a value a token is bound to but must not contain (an address). */
export function bindingOf(value: string): string {
  return crypto.createHash('sha256').update(value).digest('base64url');
}

/** The subscriber a token names, unverified: only to look up what it must be bound to. */
export function peekSubscriberId(token: string): number | undefined {
  const match = shape.exec(token);
  return match ? parseInt(match[1]!, 36) : undefined;
}
