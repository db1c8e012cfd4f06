import { getConfig } from '@/lib/config';
import { CONFIRM_DAYS, DAY_MS } from './consent';
import { bindingOf, signToken, tokenKey, type TokenClaims, type TokenPurpose } from './tokens';

// Where each personal link leads. Confirmation links expire; links in sent mail do not, because
// an unsubscribe link in a two-year-old newsletter must still work. Revocation is by version.
const paths: Record<TokenPurpose, string> = {
  confirm: '/aanmelden/bevestigen/',
  preferences: '/voorkeuren/',
  unsubscribe: '/afmelden/',
  email: '/voorkeuren/adres/',
};

let cachedKey: { secret: string; key: Buffer } | undefined;

export function linkKey(secret = getConfig().authSecret): Buffer {
  if (cachedKey?.secret !== secret) cachedKey = { secret, key: tokenKey(secret) };
  return cachedKey.key;
}

export function personalLink(
  purpose: TokenPurpose,
  claims: TokenClaims,
  options: { now?: Date; bindEmail?: string; publicUrl?: string; key?: Buffer } = {},
): string {
  const expiring = purpose === 'confirm' || purpose === 'email';
  const token = signToken(options.key ?? linkKey(), purpose, claims, {
    expiresAt: expiring
      ? new Date((options.now ?? new Date()).getTime() + CONFIRM_DAYS * DAY_MS)
      : undefined,
    bind: options.bindEmail ? bindingOf(options.bindEmail) : undefined,
  });
  return `${options.publicUrl ?? getConfig().publicUrl}${paths[purpose]}${token}`;
}

/**
 * The query parameter that names the sent issue a personal link came in, so an unsubscribe or a
 * preference change can be counted for that issue. Outside the signed token on purpose: it only
 * attributes, it grants nothing, and the flows believe it only when that issue reached this
 * reader (flows-common.ts `attributedIssue`).
 */
export const ISSUE_PARAM = 'nummer';

/** `?nummer=<issueId>` for a link that came in a sent issue; empty for any other link. */
export const issueQuery = (issueId: number | null | undefined) =>
  issueId ? `?${ISSUE_PARAM}=${issueId}` : '';

/**
 * The two links every newsletter copy carries for its reader; with `issueId` (a real send), they
 * name the issue they came in.
 */
export function personalLinks(
  claims: TokenClaims,
  options: { publicUrl?: string; key?: Buffer; issueId?: number } = {},
) {
  const query = issueQuery(options.issueId);
  return {
    preferences: personalLink('preferences', claims, options) + query,
    unsubscribe: personalLink('unsubscribe', claims, options) + query,
  };
}
